// User stories: no silent changes to data. The year is changed only through a dialog that says what
// happens; a finding's link lands in the field it is about; unreadable cell text stays with its error;
// deletions can be undone; removed default items come back one by one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { world, storedEnvelope, waitSaved, loadExample, go, changeYear } from './harness.mjs';

let w;
before(async () => { w = await world(); });
after(async () => { await w.finish(); });

const activeTestId = (page) => page.evaluate(() => document.activeElement?.dataset?.testid ?? null);
const yearsShown = (page) => page.getByTestId('year-list').locator('button').allInnerTexts();

test('typing a year does not rename the report; the dialog says what happens; a taken year is refused', async () => {
  const page = await w.open(await w.profile(), '#/');
  await loadExample(page);
  await go(page, '#/settings', 'page-settings');
  const year = page.getByTestId('settings-year');
  await year.fill('2022');
  // Nothing changed yet: the list still has 2020 only, and storage too.
  await page.getByTestId('settings-year-change').waitFor();
  assert.deepEqual(await yearsShown(page), ['2020']);
  assert.deepEqual(Object.keys((await storedEnvelope(page)).workspace.reports), ['2020']);
  // Enter opens the dialog, which takes the focus and says what happens; Esc closes it, changes
  // nothing, and gives the focus back to the year field.
  await year.press('Enter');
  const dialog = page.getByTestId('year-dialog');
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /2020 年度改为 2022 年度/);
  assert.match(await dialog.innerText(), /其他年度的报告不受影响/);
  assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), 'the dialog has the focus');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await activeTestId(page), 'settings-year');
  assert.equal(await year.inputValue(), '2020');
  assert.deepEqual(await yearsShown(page), ['2020']);

  // 新建年度报告 carries forward and says so.
  await page.getByTestId('new-year').fill('2021');
  await page.getByTestId('add-year').click();
  await page.getByTestId('notice').filter({ hasText: '已新建 2021 年度报告' }).waitFor();
  assert.deepEqual(await yearsShown(page), ['2020', '2021']);
  // 2021 cannot become 2020: that year exists.
  await year.fill('2020');
  await page.getByTestId('settings-year-error').filter({ hasText: '已有 2020 年度的报告' }).waitFor();
  assert.ok(await page.getByTestId('settings-year-change').isDisabled());
  // 2021 → 2022, confirmed: 2020 is untouched.
  const before2020 = (await storedEnvelope(page)).workspace.reports['2020'];
  await changeYear(page, 2022);
  await page.getByTestId('notice').filter({ hasText: '已从 2021 年度改为 2022 年度' }).waitFor();
  await waitSaved(page);
  const ws = (await storedEnvelope(page)).workspace;
  assert.deepEqual(Object.keys(ws.reports), ['2020', '2022']);
  assert.equal(ws.current_year, 2022);
  assert.deepEqual(ws.reports['2020'], before2020);
  assert.deepEqual(await yearsShown(page), ['2020', '2022']);
});

test('招生预警 须说明原因 → 去修改 lands in 原因, and what is typed there fills the reason, not the name', async () => {
  const page = await w.open(await w.profile(), '#/');
  await loadExample(page);
  await go(page, '#/category/enrollment', 'page-category');
  const id = 'warning';
  const item = page.locator(`[data-testid=item][data-item-id=${id}]`);
  const name = await item.getByTestId('item-name').inputValue();
  assert.equal(name, '招生预警');
  await item.getByTestId('item-status').selectOption('not_published');
  await waitSaved(page);
  await go(page, '#/check', 'page-check');
  const finding = page.locator('[data-testid=check-finding][data-rule=missing-reason]');
  await finding.locator('a.go-fix').click();
  await page.waitForFunction(
    (id) => document.activeElement?.dataset?.testid === 'item-reason' && document.activeElement.closest('[data-item-id]')?.dataset.itemId === id,
    id,
  );
  await page.keyboard.type('涉及个人隐私，不予公开。');
  await waitSaved(page);
  const ws = (await storedEnvelope(page)).workspace;
  const stored = ws.reports['2020'].categories.find((c) => c.key === 'enrollment').items.find((i) => i.id === id);
  assert.equal(stored.name, name, 'the name is unchanged');
  assert.equal(stored.reason, '涉及个人隐私，不予公开。');
  await go(page, '#/check', 'page-check');
  assert.equal(await page.locator('[data-testid=check-finding][data-rule=missing-reason]').count(), 0);
});

test('a cell with text it cannot read keeps the text and its error on Enter, Tab and blur', async () => {
  const page = await w.open(await w.profile(), '#/');
  await loadExample(page);
  await go(page, '#/settings', 'page-settings');
  await page.getByTestId('settings-structure').selectOption('statutory');
  await go(page, '#/tables', 'page-tables');
  const at = (row, col) => page.locator(`[data-testid=table-t3] td[data-row="${row}"][data-col="${col}"]`);
  const first = at('一、本年新收政府信息公开申请数量', '自然人');
  await first.locator('input').click();
  await page.keyboard.type('1o');
  await first.getByTestId('cell-error').filter({ hasText: '只能填写' }).waitFor();
  await page.keyboard.press('Enter');
  // The focus moved on; the text and the error stayed.
  await page.waitForFunction(() => document.activeElement?.closest('td')?.dataset.row?.startsWith('二、'));
  assert.equal(await first.locator('input').inputValue(), '1o');
  assert.equal(await first.locator('input').getAttribute('aria-invalid'), 'true');
  const describedBy = await first.locator('input').getAttribute('aria-describedby');
  assert.ok(describedBy);
  assert.match(await page.locator(`#${describedBy}`).innerText(), /只能填写/);
  // Tab and blur keep it too.
  const second = at('二、上年结转政府信息公开申请数量', '自然人');
  await page.keyboard.type('2x');
  await page.keyboard.press('Tab');
  await page.getByTestId('page-tables').locator('h2').click();
  assert.equal(await second.locator('input').inputValue(), '2x');
  await second.getByTestId('cell-error').waitFor();
  await waitSaved(page);
  // Nothing was silently stored as another number, and the check lists the unreadable cells.
  const tables = (await storedEnvelope(page)).workspace.reports['2020'].tables;
  assert.equal(tables['t3/main/new/natural'], '1o');
  assert.equal(tables['t3/main/carried/natural'], '2x');
  await go(page, '#/check', 'page-check');
  assert.equal(await page.locator('[data-testid=check-finding][data-rule=invalid-cell]').count(), 2);
  // A cell in error looks different from a focused cell.
  await go(page, '#/tables', 'page-tables');
  const style = (loc) => loc.evaluate((el) => { const s = getComputedStyle(el); return `${s.borderStyle} ${s.borderColor} ${s.backgroundColor}`; });
  const errorLook = await style(first.locator('input'));
  await at('（一）予以公开', '自然人').locator('input').focus();
  const focusLook = await style(at('（一）予以公开', '自然人').locator('input'));
  assert.notEqual(errorLook, focusLook);
  // Fixing it clears the error.
  await first.locator('input').fill('10');
  await first.getByTestId('cell-error').waitFor({ state: 'detached' });
  await waitSaved(page);
  assert.equal((await storedEnvelope(page)).workspace.reports['2020'].tables['t3/main/new/natural'], '10');
});

test('deleting an item offers an undo for a few seconds; the undo puts it back in its place', async () => {
  const page = await w.open(await w.profile(), '#/', (p) => p.clock.install());
  await loadExample(page);
  await go(page, '#/category/safety', 'page-category');
  const names = () => page.getByTestId('item-name').evaluateAll((els) => els.map((e) => e.value));
  const all = await names();
  assert.ok(all.length >= 3);
  await page.getByTestId('item').nth(1).getByTestId('item-remove').click();
  const offer = page.getByTestId('undo-offer');
  await offer.filter({ hasText: all[1] }).waitFor();
  assert.deepEqual(await names(), [all[0], ...all.slice(2)]);
  await offer.getByTestId('undo').click();
  await offer.waitFor({ state: 'detached' });
  assert.deepEqual(await names(), all);
  // The offer lasts a few seconds, then the deletion stands.
  await page.getByTestId('item').nth(0).getByTestId('item-remove').click();
  await offer.waitFor();
  await page.clock.fastForward(11_000);
  await offer.waitFor({ state: 'detached' });
  assert.deepEqual(await names(), all.slice(1));
  // A passing notice goes too.
  await page.getByTestId('notice').waitFor({ state: 'detached' });
});

test('恢复目录中的默认事项 lets the user pick which defaults come back', async () => {
  const page = await w.open(await w.profile(), '#/category/teachers');
  const ids = () => page.getByTestId('item').evaluateAll((els) => els.map((e) => e.dataset.itemId));
  const all = await ids();
  await page.getByTestId('item').nth(0).getByTestId('item-remove').click();
  await page.getByTestId('item').nth(1).getByTestId('item-remove').click();
  const left = await ids();
  assert.equal(left.length, all.length - 2);
  const button = page.getByTestId('items-restore');
  await button.click();
  const dialog = page.getByTestId('restore-dialog');
  await dialog.waitFor();
  const offered = await dialog.getByTestId('restore-choice').evaluateAll((els) => els.map((e) => e.value));
  assert.deepEqual(offered, [all[0], all[2]]);
  assert.ok(await dialog.getByTestId('restore-confirm').isDisabled(), 'nothing is restored without a choice');
  await dialog.locator(`[data-testid=restore-choice][value="${all[2]}"]`).check();
  await dialog.getByTestId('restore-confirm').click();
  await dialog.waitFor({ state: 'detached' });
  assert.deepEqual(await ids(), all.slice(1));
  // Esc closes the picker and gives the focus back to its button.
  await button.focus();
  await page.keyboard.press('Enter');
  await dialog.waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await activeTestId(page), 'items-restore');
  assert.deepEqual(await ids(), all.slice(1));
});
