// Every route (routes.mjs) with the example loaded, in both report structures, at 1366 px and at 360 px:
// no page scrolls sideways, axe-core reports no serious or critical violation, and on the phone the tap
// targets are at least 32 px. One browser, one page per viewport; pages change by hash, without reloads
// (except into and out of the school mode). The school pages are swept with data: #/school with the
// example's pack imported, a school picked and its items shown; #/schools with a school's submission
// merged (the dashboard with submitted and missing schools), and again with a merge preview open;
// then #/school over a damaged stored draft (the alert, and the confirmation of 重新开始).
import { test, before, after } from 'node:test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { world, loadExample, go, downloadText, waitSaved, exportSubmission } from './harness.mjs';
import { ROUTES } from './routes.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 360, height: 740 },
];
/** What a finger must hit on a phone (issue 8): links of the menu, checkboxes (their labels), table
 * cells, 去修改 links, file pickers, buttons. */
const TAP_TARGETS = '.side-nav a, .chip, .check-line, table.grid td input, a.go-fix, a.go-also, .file-button, button, select';

let w;
before(async () => { w = await world(); });
after(async () => { await w.finish(); });

/** The page for `hash` has been drawn (categories share one page component: wait for the right one). */
async function shown(page, hash, testid) {
  const key = hash.startsWith('#/category/') ? hash.slice('#/category/'.length) : null;
  const selector = key ? `[data-testid=page-category][data-category="${key}"]` : `[data-testid=${testid}]`;
  await page.locator(selector).waitFor();
}

/** On a wide screen the official tables fit: none scrolls inside its box. */
async function tablesCut(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.grid-wrap')]
      .filter((box) => box.scrollWidth > box.clientWidth + 1)
      .map((box) => `${box.querySelector('table')?.dataset.testid} is ${box.scrollWidth}px in ${box.clientWidth}px`),
  );
}

async function sideways(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const over = document.documentElement.scrollWidth - width;
    if (over <= 0) return null;
    // Name the widest culprits, to make a failure easy to fix.
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && !el.closest('.grid-wrap *'))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ${Math.round(el.getBoundingClientRect().right)}px`);
    return `${over}px too wide: ${wide.join('; ')}`;
  });
}

async function axeProblems(page) {
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

async function smallTargets(page) {
  return page.evaluate((selector) =>
    [...document.querySelectorAll(selector)]
      .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.height < 32 || r.width < 32)
      .slice(0, 5)
      .map(({ el, r }) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} “${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 12)}” ${Math.round(r.width)}×${Math.round(r.height)}`),
  TAP_TARGETS);
}

/** The example's pack imported in the school mode of the same profile (a school picked, its items
 * filled), its submission exported and merged on #/schools. Returns the submission file. */
async function schoolData(page) {
  await go(page, '#/schools', 'page-schools');
  const pack = await downloadText(page, () => page.getByTestId('pack-export').click());
  await go(page, '#/school');
  await page.getByTestId('page-school').waitFor();
  await page.getByTestId('pack-import').setInputFiles(pack.file);
  await page.getByTestId('school-select').selectOption(JSON.parse(pack.text).schools[0].id);
  await page.getByTestId('school-item-text').first().fill('本校在校内公示栏公示评优结果五个工作日。');
  await page.getByTestId('school-date-add').first().click();
  await waitSaved(page);
  const sub = await downloadText(page, () => exportSubmission(page));
  await go(page, '#/schools');
  await page.getByTestId('page-schools').waitFor();
  await page.getByTestId('submission-import').setInputFiles([sub.file]);
  await page.getByTestId('merge-preview').waitFor();
  await page.getByTestId('merge-apply').click();
  await page.locator('[data-testid=school-row][data-status=submitted]').waitFor();
  await waitSaved(page);
  return sub.file;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-layout-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

for (const viewport of VIEWPORTS) {
  test(`every route fits ${viewport.width} px and passes axe, in both structures`, async () => {
    // axe-core goes in as an inline script, which the page's Content-Security-Policy refuses.
    const page = await w.open(await w.profile({ viewport, bypassCSP: true }), '#/');
    await loadExample(page);
    const submission = await schoolData(page);
    const broken = path.join(dir, '坏文件.gongkai-submission.json');
    fs.writeFileSync(broken, '{"format": "gongkai-submission"');
    if (!(await page.evaluate(() => Boolean(window.axe)))) await page.addScriptTag({ path: AXE });
    const phone = viewport.width < 720;
    const failures = [];
    const check = async (where) => {
      const over = await sideways(page);
      if (over) failures.push(`${where}: ${over}`);
      if (!phone) for (const t of await tablesCut(page)) failures.push(`${where}: ${t}`);
      for (const v of await axeProblems(page)) failures.push(`${where}: ${v}`);
      if (phone) {
        for (const t of await smallTargets(page)) failures.push(`${where}: tap target ${t}`);
      }
    };
    for (const structure of ['field', 'statutory']) {
      await go(page, '#/settings', 'page-settings');
      await page.getByTestId('settings-structure').selectOption(structure);
      for (const [hash, testid] of ROUTES) {
        await go(page, hash);
        await shown(page, hash, testid);
        // Going into or out of the school mode (#/school) reloads the page: put axe back.
        if (!(await page.evaluate(() => Boolean(window.axe)))) await page.addScriptTag({ path: AXE });
        const where = `${structure} ${hash} @${viewport.width}`;
        if (hash === '#/school') await page.getByTestId('school-item').first().waitFor();
        if (hash === '#/schools') await page.getByTestId('school-row').first().waitFor();
        await check(where);
        if (hash === '#/schools') {
          // With a merge preview open: a file already merged and a refused one.
          await page.getByTestId('submission-import').setInputFiles([submission, broken]);
          await page.getByTestId('merge-refusal').waitFor();
          await check(`${where} (merge preview)`);
          await page.getByTestId('merge-cancel').click();
          await page.getByTestId('merge-preview').waitFor({ state: 'detached' });
        }
      }
    }
    // #/school over a stored draft that does not read: the alert with its two actions, then the
    // confirmation of 重新开始 (after the download).
    await go(page, '#/school');
    await page.getByTestId('page-school').waitFor();
    await page.evaluate(() => {
      const stored = JSON.parse(localStorage.getItem('gongkai:school'));
      stored.workspace.school_draft.pack = 3;
      localStorage.setItem('gongkai:school', JSON.stringify(stored));
    });
    await page.reload();
    await page.getByTestId('school-draft-unreadable').waitFor();
    if (!(await page.evaluate(() => Boolean(window.axe)))) await page.addScriptTag({ path: AXE });
    await check(`#/school (unreadable draft) @${viewport.width}`);
    await downloadText(page, () => page.getByTestId('school-draft-download').click());
    await page.getByTestId('school-draft-restart').click();
    await page.getByTestId('school-draft-restart-dialog').waitFor();
    await check(`#/school (restart dialog) @${viewport.width}`);
    await page.getByTestId('school-draft-restart-cancel').click();
    await go(page, '#/');
    await page.getByTestId('page-overview').waitFor();
    if (!(await page.evaluate(() => Boolean(window.axe)))) await page.addScriptTag({ path: AXE });
    if (phone) {
      // The navigation is a menu on the phone: closed, it takes no room; open, its links are big enough.
      if (await page.getByTestId('nav').isVisible()) failures.push('the navigation is open before the menu is');
      const menu = page.getByTestId('menu-button');
      if (await menu.isVisible()) {
        await menu.click();
        await page.getByTestId('nav').waitFor();
        for (const t of await smallTargets(page)) failures.push(`menu: tap target ${t}`);
        for (const v of await axeProblems(page)) failures.push(`menu: ${v}`);
        await page.getByTestId('nav').getByText('法定表格').click();
        await page.getByTestId('page-tables').waitFor();
        if (await page.getByTestId('nav').isVisible()) failures.push('choosing a page leaves the menu open');
      } else {
        failures.push('no menu button on the phone');
      }
    }
    assert.deepEqual(failures, []);
  });
}
