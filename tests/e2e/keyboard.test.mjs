// Keyboard users: a skip link, the focus on the page heading after navigation, and the whole way from
// #/ to fixing a finding in 表三 and exporting the DOCX without the mouse.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { world, waitSaved } from './harness.mjs';

let w;
before(async () => { w = await world(); });
after(async () => { await w.finish(); });

const VIEWPORT = { viewport: { width: 1366, height: 768 } };

/** Presses Tab (or Shift+Tab) until `predicate(document.activeElement, arg)` holds. */
async function tabTo(page, predicate, arg, { back = false, max = 400 } = {}) {
  const holds = () => page.evaluate(({ source, arg }) => new Function('a', 'arg', `return (${source})(a, arg)`)(document.activeElement, arg), { source: predicate.toString(), arg });
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await holds()) return;
  }
  assert.fail(`no focus on ${predicate} (${arg}) after ${max} presses`);
}
const navLink = (a, label) => a?.closest('[data-testid=nav]') && a.textContent.trim() === label;
const byTestId = (a, id) => a?.dataset?.testid === id;
const heading = (page) => page.evaluate(() => (document.activeElement?.tagName === 'H2' ? document.activeElement.textContent : null));

/** From anywhere in the page: back to the navigation, open `label`, and land on its heading. */
async function navigate(page, label) {
  await tabTo(page, navLink, label, { back: true, max: 600 });
  await page.keyboard.press('Enter');
  await page.waitForFunction((l) => document.activeElement?.tagName === 'H2', label);
}

test('skip link, and the focus moves to the page heading after navigation', async () => {
  const page = await w.open(await w.profile(VIEWPORT), '#/check');
  await page.keyboard.press('Tab');
  const skip = await page.evaluate(() => {
    const a = document.activeElement;
    return { cls: a.className, top: a.getBoundingClientRect().top, text: a.textContent };
  });
  assert.equal(skip.cls, 'skip-link');
  assert.ok(skip.top >= 0, 'the skip link is visible when focused');
  await page.keyboard.press('Enter');
  assert.equal(await heading(page), '体检');
  assert.equal(new URL(page.url()).hash, '#/check', 'the skip link is not a route');
  await page.getByTestId('nav').getByText('叙述部分').click();
  await page.getByTestId('page-narrative').waitFor();
  await page.waitForFunction(() => document.activeElement?.tagName === 'H2');
  assert.equal(await heading(page), '叙述部分');
});

test('keyboard only: from #/ to fixing a finding in 表三 and exporting the DOCX', async () => {
  const page = await w.open(await w.profile(VIEWPORT), '#/');
  await tabTo(page, byTestId, 'load-example');
  await page.keyboard.press('Enter');
  await waitSaved(page);

  await navigate(page, '报告设置');
  await tabTo(page, byTestId, 'settings-structure');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.querySelector('[data-testid=settings-structure]').value === 'statutory');

  await navigate(page, '法定表格');
  await tabTo(page, (a, cell) => a?.closest('td')?.dataset.cell === cell, 't3/main/new/natural');
  await page.keyboard.type('5');
  await waitSaved(page);

  await navigate(page, '体检');
  await tabTo(page, (a) => a?.matches('[data-rule=request-balance] a.go-fix'));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.closest('td')?.dataset.cell === 't3/main/carry_next/natural');
  await page.keyboard.type('5');
  await waitSaved(page);

  await navigate(page, '体检');
  assert.equal(await page.locator('[data-rule=request-balance]').count(), 0, 'the finding is fixed');

  await navigate(page, '预览与导出');
  await tabTo(page, byTestId, 'export-docx');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  // Export file names follow the title: the example carries the seed's own title.
  assert.equal(download.suggestedFilename(), '教育局2020年政务公开工作年度报告.docx');
  await page.getByTestId('notice').filter({ hasText: '已导出' }).waitFor();
});
