// Every finding type of the check: its “去修改” link lands in exactly the control the finding is about.
// The fixture (tests/fixtures/every-finding.json, also checked natively by tests/check_links.rs) gives
// every rule at least once in one structure or the other; each finding's link is clicked in turn.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { world, openWith, go } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURE = JSON.parse(fs.readFileSync(path.join(here, '../fixtures/every-finding.json'), 'utf8'));

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
};
/** No loadable data gives these (a report's year is checked on load); see tests/check_links.rs. */
const UNREACHABLE = ['missing-year'];

let w;
before(async () => { w = await world(); });
after(async () => { await w.finish(); });

test('every finding type links to its control, in both structures', async () => {
  const page = await openWith(w, FIXTURE, '#/check');
  const seen = new Set();
  for (const structure of ['statutory', 'field']) {
    await go(page, '#/settings', 'page-settings');
    await page.getByTestId('settings-structure').selectOption(structure);
    await go(page, '#/check', 'page-check');
    const findings = await page.getByTestId('check-finding').evaluateAll((els) =>
      els.map((el) => ({ rule: el.dataset.rule, href: el.querySelector('a.go-fix').getAttribute('href') })),
    );
    assert.ok(findings.length > 0);
    for (const [n, { rule, href }] of findings.entries()) {
      assert.ok(CONTROL[rule], `finding type ${rule} has no expected control in this test`);
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
});
