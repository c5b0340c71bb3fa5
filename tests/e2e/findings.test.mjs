// Every finding type of the check: its “去修改” link lands in exactly the control the finding is about.
// The fixture (tests/fixtures/every-finding.json, also checked natively by tests/check_links.rs) gives
// every rule at least once in one structure or the other, or in its 2021 variant (both years in the 2021
// format, 表四 cleared); each finding's link is clicked in turn, and a number stated in the text also
// has a “去表格” link that lands in its cell.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { world, openWith, go } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURE = JSON.parse(fs.readFileSync(path.join(here, '../fixtures/every-finding.json'), 'utf8'));

/** The fixture in the 2021 format in both years, 现行有效件数 that do not follow last year's, and 表四
 * cleared: the rules of that format and of a blank table (as `variant_2021` in tests/check_links.rs). */
function variant2021(fixture) {
  const v = structuredClone(fixture);
  for (const [year, inForce] of [['2019', '10'], ['2020', '3']]) {
    v.reports[year].table_format = '2021';
    v.reports[year].tables['t2/a20_1/normative/in_force'] = inForce;
  }
  const t = v.reports['2020'].tables;
  for (const k of Object.keys(t)) if (k.startsWith('t4/')) delete t[k];
  return v;
}

/** Finding type (`data-rule`) → the `data-testid`(s) of the control that fixes it. A new finding type
 * fails this test until it is added here. */
const CONTROL = {
  'request-balance': ['cell'],
  // A total typed into a computed cell (imported data) that disagrees: the computed cell itself.
  'outcome-total': ['cell-computed'],
  'applicant-total': ['cell-computed'],
  'appeal-total': ['cell-computed'],
  'carry-over': ['cell'],
  'project-count': ['cell'],
  'invalid-cell': ['cell'],
  'empty-category': ['category-intro'],
  'empty-item': ['item-text'],
  'missing-reason': ['item-reason'],
  'missing-unit': ['settings-unit'],
  'empty-section': ['narrative-problems', 'narrative-other'],
  'negative-count': ['cell'],
  'negative-amount': ['cell'],
  'cell-too-large': ['cell'],
  'in-force-count': ['cell'],
  'empty-overview-section': [
    'narrative-overview-active',
    'narrative-overview-on-request',
    'narrative-overview-management',
    'narrative-overview-platform',
    'narrative-overview-supervision',
  ],
  'empty-table': ['table-t3-none', 'table-t4-none'],
  'marked-table-filled': ['table-t3-none', 'table-t4-none'],
  // The sentence's text field; its “去表格” link is checked separately.
  'text-table-mismatch': ['narrative-overview-on-request', 'narrative-work-item'],
};
/** No loadable data gives these (a report's year is checked on load); see tests/check_links.rs. */
const UNREACHABLE = ['missing-year'];

let w;
before(async () => { w = await world(); });
after(async () => { await w.finish(); });

test('every finding type links to its control, in both structures', async () => {
  const seen = new Set();
  const passes = [
    [FIXTURE, 'statutory'],
    [FIXTURE, 'field'],
    [variant2021(FIXTURE), 'statutory'],
  ];
  let page = null;
  let loaded = null;
  for (const [fixture, structure] of passes) {
    if (fixture !== loaded) {
      if (page) await page.close();
      page = await openWith(w, fixture, '#/check');
      loaded = fixture;
    }
    await go(page, '#/settings', 'page-settings');
    await page.getByTestId('settings-structure').selectOption(structure);
    await go(page, '#/check', 'page-check');
    const findings = await page.getByTestId('check-finding').evaluateAll((els) =>
      els.map((el) => ({ rule: el.dataset.rule, href: el.querySelector('a.go-fix').getAttribute('href') })),
    );
    assert.ok(findings.length > 0);
    // The variant only adds what the fixture as it is cannot give.
    const later = fixture !== FIXTURE;
    for (const [n, { rule, href }] of findings.entries()) {
      assert.ok(CONTROL[rule], `finding type ${rule} has no expected control in this test`);
      if (later && seen.has(rule)) continue;
      seen.add(rule);
      if (n > 0) await go(page, '#/check', 'page-check');
      await page.getByTestId('check-finding').nth(n).locator('a.go-fix').click();
      const query = new URLSearchParams(href.split('?')[1] ?? '');
      // The focused element is the expected control, and the very one the link names.
      const landed = await page.waitForFunction(
        ({ controls, focus, item, cell }) => {
          const a = document.activeElement;
          if (!a || !controls.includes(a.dataset.testid)) return false;
          if (focus && a.dataset.testid !== focus) return false;
          if (item && a.closest('[data-item-id]')?.dataset.itemId !== item) return false;
          if (cell && a.closest('td')?.dataset.cell !== cell) return false;
          return true;
        },
        { controls: CONTROL[rule], focus: query.get('focus'), item: query.get('item'), cell: query.get('cell') },
        { timeout: 5000 },
      ).catch(() => null);
      const active = await page.evaluate(() => {
        const a = document.activeElement;
        return `${a?.tagName} ${a?.dataset?.testid ?? ''} ${a?.closest('td')?.dataset?.cell ?? ''}`;
      });
      assert.ok(landed, `${structure}: ${rule} (${href}) focused ${active}`);
    }
  }
  const expected = Object.keys(CONTROL).filter((r) => !UNREACHABLE.includes(r)).sort();
  assert.deepEqual([...seen].sort(), expected);

  // A number stated in the text: the second link lands in the cell it contradicts.
  await page.close();
  page = await openWith(w, FIXTURE, '#/check');
  const mismatch = page.locator('[data-rule=text-table-mismatch]').first();
  const cellHref = await mismatch.getByTestId('check-finding-also').getAttribute('href');
  const cell = new URLSearchParams(cellHref.split('?')[1]).get('cell');
  assert.ok(cell, cellHref);
  await mismatch.getByTestId('check-finding-also').click();
  await page.waitForFunction((c) => document.activeElement?.closest('td')?.dataset.cell === c, cell, { timeout: 5000 });
  await page.close();
});
