// User stories of the school pages as a bureau and a school meet them, at 1366 and 360 px: every
// button's result (refusal, success, 撤销) is said next to the button, inside the viewport, and not in
// the top banner; a school sees what is filled and empty before its file goes out; deleting a school
// that has submitted asks what becomes of its text, and 撤销 survives a reload while the dashboard and
// the report agree; the merge preview shows the sentences that will enter the report; a new
// workspace opens on the year whose report is due next.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { world, waitSaved, downloadText, loadExample, go } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's serious and critical violations on `page` now. */
async function axeProblems(page) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

const WIDTHS = [1366, 360];

/** True when the element of `testid` (its first match) lies inside the viewport. */
async function inView(page, locator) {
  await locator.waitFor();
  const box = await locator.boundingBox();
  const vp = page.viewportSize();
  assert.ok(box, 'the message is laid out');
  return box.y >= 0 && box.y + box.height <= vp.height && box.x >= 0 && box.x + box.width <= vp.width;
}

/** Asserts that `locator` says `text`, lies in the viewport, and that the banner does not say it. */
async function saidHere(page, locator, text, what) {
  await locator.filter({ hasText: text }).first().waitFor();
  assert.ok(await inView(page, locator.first()), `${what}: the message is in view`);
  for (const banner of ['notice', 'alert']) {
    assert.equal(await page.getByTestId(banner).filter({ hasText: text }).count(), 0, `${what}: not in the banner`);
  }
}

async function previewText(page) {
  await go(page, '#/report', 'page-report');
  return page.getByTestId('report-preview').getAttribute('srcdoc');
}

for (const width of WIDTHS) {
  test(`school pages at ${width} px: results next to their buttons, the summary before export, the prose before merging`, async () => {
    const w = await world();
    const viewport = { width, height: width === 360 ? 740 : 800 };
    try {
      const bureau = await w.open(await w.profile({ viewport }), '#/');
      await loadExample(bureau);
      await go(bureau, '#/schools', 'page-schools');
      // The bureau's page says how a school opens its page.
      assert.match(await bureau.getByTestId('school-how-to-open').innerText(), /本校填报/);
      const pack = await downloadText(bureau, () => bureau.getByTestId('pack-export').click());
      await saidHere(bureau, bureau.getByTestId('pack-export-said'), '已导出', 'pack export');
      const packJson = JSON.parse(pack.text);
      assert.match(packJson.how_to_open, new RegExp(`${w.server.url.replace(/[.]/g, '\\.')}.*#/school`));
      const first = packJson.schools[0];

      // The school: export before choosing is refused next to the button.
      const school = await w.open(await w.profile({ viewport }), '#/school');
      await school.getByTestId('pack-import').setInputFiles(pack.file);
      await school.getByTestId('school-select').waitFor();
      await saidHere(school, school.getByTestId('pack-import-said'), '已导入填报包', 'pack import');
      await school.getByTestId('submission-export').click();
      await saidHere(school, school.getByTestId('submission-export-said'), '请先在上面选择本校', 'export refused');
      assert.equal(await school.getByTestId('submission-export-said').locator('[role=alert]').innerText(), '请先在上面选择本校，再导出提交文件。');
      await school.getByTestId('school-select').selectOption(first.id);
      const awards = school.locator('[data-testid=school-item][data-item="students/student-awards"]');
      await awards.getByTestId('school-item-text').fill('评优结果在校内公示栏公示五个工作日');
      await awards.getByTestId('school-item-channel').first().check();
      await waitSaved(school);
      // The summary: one of three filled; 返回填写 goes back to the first empty item.
      await school.getByTestId('submission-export').click();
      const summary = school.getByTestId('submission-summary');
      await summary.waitFor();
      assert.match(await summary.getByTestId('summary-filled').innerText(), /已填写 1\/3 项/);
      assert.match(await summary.getByTestId('summary-empty').innerText(), /未填写/);
      assert.equal(await summary.getByTestId('summary-export').innerText(), '仍然导出');
      await summary.getByTestId('summary-back').click();
      await summary.waitFor({ state: 'detached' });
      await school.waitForFunction(() => document.activeElement?.dataset.testid === 'school-item-text');
      const empty = await school.evaluate(() => document.activeElement.closest('[data-item]').dataset.item);
      assert.notEqual(empty, 'students/student-awards', 'the focus is on an item left empty');
      const sub = await downloadText(school, async () => {
        await school.getByTestId('submission-export').click();
        await school.getByTestId('summary-export').click();
      });
      await saidHere(school, school.getByTestId('submission-export-said'), '已导出', 'export done');
      // Every field of the school's page has 16 px text at least (iOS zooms the page on smaller ones).
      const small = await school.evaluate(() =>
        [...document.querySelectorAll('[data-testid=page-school] :is(input, select, textarea)')]
          .filter((e) => parseFloat(getComputedStyle(e).fontSize) < 16)
          .map((e) => `${e.dataset.testid || e.type} ${getComputedStyle(e).fontSize}`),
      );
      assert.deepEqual(small, [], 'no field under 16 px');
      // Dates say which date they are.
      assert.match(await awards.locator('legend').first().innerText(), /公开日期/);

      // The bureau: the preview shows the sentence that enters the report; the merge result is said
      // next to the merge.
      await bureau.getByTestId('submission-import').setInputFiles([sub.file]);
      const prose = bureau.getByTestId('merge-prose');
      await prose.waitFor();
      assert.match(await prose.innerText(), new RegExp(`${first.name}：评优结果在校内公示栏公示五个工作日。通过.+公开。`));
      // What the school left empty is said before merging, not found after.
      assert.match(await bureau.getByTestId('merge-empty').innerText(), /该校未填写：.*校园安全/);
      await bureau.getByTestId('merge-apply').click();
      await saidHere(bureau, bureau.getByTestId('merge-said'), '已合并：新增 1 所学校', 'merge');
      await waitSaved(bureau);
      // The dashboard: 未提交 first, each status with its icon and a tooltip on each count.
      const statuses = await bureau.getByTestId('school-row').evaluateAll((rows) => rows.map((r) => r.dataset.status));
      assert.deepEqual(statuses, [...statuses].sort((a, b) => (a === 'submitted') - (b === 'submitted')));
      assert.equal(statuses.at(-1), 'submitted');
      assert.match(await bureau.getByTestId('count-outdated').getAttribute('title'), /增加了填报事项/);
      const row = bureau.locator(`[data-testid=school-row][data-school="${first.id}"]`);
      assert.equal(await row.locator('.status-icon').innerText(), '✓');
      if (width === 360) {
        const heights = await bureau.getByTestId('school-row').evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height));
        assert.ok(Math.max(...heights) < 40, `one line a school at 360 px (${heights})`);
      }
      await downloadText(bureau, () => bureau.getByTestId('missing-export').click());
      await saidHere(bureau, bureau.getByTestId('missing-export-said'), '已导出', 'missing CSV');

      // A count asked of the schools: labelled 名称 and 单位, empty, with examples as placeholders.
      const task = bureau.locator('[data-testid=school-item-task][data-item="students/student-awards"]');
      await task.getByTestId('item-school-count-add').click();
      for (const [id, label] of [['item-school-count-label', '名称'], ['item-school-count-unit', '单位']]) {
        const input = task.getByTestId(id).last();
        assert.equal(await input.inputValue(), '', `${label} starts empty`);
        assert.match(await input.getAttribute('placeholder'), /^如：/);
        assert.equal(await input.evaluate((e) => e.closest('label').querySelector('span').textContent), label);
      }
    } finally {
      await w.finish();
    }
  });

  test(`deleting a school that submitted at ${width} px: asked first, 撤销 next to its place and after a reload`, async () => {
    const w = await world();
    const viewport = { width, height: width === 360 ? 740 : 800 };
    try {
      // (axe-core goes in as a script, which the page's Content-Security-Policy refuses.)
      const page = await w.open(await w.profile({ viewport, bypassCSP: true }), '#/');
      await loadExample(page);
      await go(page, '#/schools', 'page-schools');
      const pack = await downloadText(page, () => page.getByTestId('pack-export').click());
      const packJson = JSON.parse(pack.text);
      const first = packJson.schools[0];
      const school = await w.open(await w.profile({ viewport }), '#/school');
      await school.getByTestId('pack-import').setInputFiles(pack.file);
      await school.getByTestId('school-select').selectOption(first.id);
      await school.getByTestId('school-item-text').first().fill('本校评优名单公示五天');
      await waitSaved(school);
      const sub = await downloadText(school, async () => {
        await school.getByTestId('submission-export').click();
        await school.getByTestId('summary-export').click();
      });
      await page.getByTestId('submission-import').setInputFiles([sub.file]);
      await page.getByTestId('merge-apply').click();
      await page.locator(`[data-testid=school-row][data-school="${first.id}"][data-status=submitted]`).waitFor();
      await waitSaved(page);
      assert.match(await previewText(page), new RegExp(`${first.name}：本校评优名单公示五天`));
      await go(page, '#/schools', 'page-schools');

      // Delete: asked first; cancel keeps it.
      const editor = page.getByTestId('school-editor').filter({ has: page.locator(`[data-testid=school-name]`) }).first();
      assert.equal(await editor.getByTestId('school-name').inputValue(), first.name);
      await editor.getByTestId('school-remove').click();
      const dialog = page.getByTestId('school-remove-dialog');
      await dialog.waitFor();
      assert.deepEqual(await axeProblems(page), [], 'the question passes axe');
      assert.match(await dialog.innerText(), new RegExp(first.name));
      // The example's district rules assign addresses to it: the question says so.
      assert.match(await dialog.getByTestId('school-remove-rules').innerText(), /\d+ 条规则对口该校/);
      await dialog.getByTestId('school-remove-cancel').click();
      await dialog.waitFor({ state: 'detached' });
      assert.equal(await page.getByTestId('school-editor').first().getByTestId('school-name').inputValue(), first.name);

      // Keep the text: the school leaves the list and the dashboard, its text stays marked.
      await page.getByTestId('school-editor').first().getByTestId('school-remove').click();
      await page.getByTestId('school-remove-keep').click();
      await saidHere(page, page.getByTestId('school-removed'), '保留在报告中', 'delete');
      assert.ok(await inView(page, page.getByTestId('school-restore')), '撤销 is in view');
      assert.deepEqual(await axeProblems(page), [], 'the deleted line and the dashboard pass axe');
      await waitSaved(page);
      assert.equal(await page.locator(`[data-testid=school-row][data-school="${first.id}"]`).count(), 0);
      assert.match(await page.getByTestId('kept-from-removed').innerText(), new RegExp(first.name));
      assert.match(await page.getByTestId('count-submitted').innerText(), /已提交 0 所/);
      assert.match(await previewText(page), new RegExp(`${first.name}：本校评优名单公示五天`));

      // 撤销 survives a reload.
      await page.reload();
      await go(page, '#/schools', 'page-schools');
      await page.getByTestId('school-restore').click();
      await saidHere(page, page.getByTestId('school-restored'), `已恢复学校“${first.name}”`, 'undo');
      await page.locator(`[data-testid=school-row][data-school="${first.id}"][data-status=submitted]`).waitFor();
      assert.equal(await page.getByTestId('kept-from-removed').count(), 0);
      await waitSaved(page);

      // Remove the text: gone from the report; adding the name again does not bring it back.
      await page.getByTestId('school-editor').first().getByTestId('school-remove').click();
      await page.getByTestId('school-remove-drop').click();
      await page.getByTestId('school-removed').waitFor();
      await waitSaved(page);
      assert.doesNotMatch(await previewText(page), new RegExp(`${first.name}：`));
      await go(page, '#/schools', 'page-schools');
      await page.getByTestId('school-restore').click();
      await page.locator(`[data-testid=school-row][data-school="${first.id}"][data-status=submitted]`).waitFor();
      await waitSaved(page);
      assert.match(await previewText(page), new RegExp(`${first.name}：本校评优名单公示五天`));

      // Deleted with its text kept, then added again by name: its submission comes back.
      await go(page, '#/schools', 'page-schools');
      await page.getByTestId('school-editor').first().getByTestId('school-remove').click();
      await page.getByTestId('school-remove-keep').click();
      await page.getByTestId('school-removed').waitFor();
      await page.getByTestId('school-add').click();
      const added = page.getByTestId('school-editor').last();
      await added.getByTestId('school-name').fill(first.name);
      await page.getByTestId('kept-from-removed').waitFor({ state: 'detached' });
      assert.match(await page.getByTestId('count-submitted').innerText(), /已提交 1 所/);

      // A school without a file that district rules assign: asked with a plain confirmation.
      const other = page.getByTestId('school-editor').first();
      const otherName = await other.getByTestId('school-name').inputValue();
      await other.getByTestId('school-remove').click();
      await dialog.waitFor();
      assert.equal(await dialog.getByTestId('school-remove-keep').count(), 0);
      assert.match(await dialog.getByTestId('school-remove-rules').innerText(), /条规则对口该校/);
      await dialog.getByTestId('school-remove-confirm').click();
      await saidHere(page, page.getByTestId('school-removed'), `已删除学校“${otherName}”`, 'delete without text');
    } finally {
      await w.finish();
    }
  });
}

for (const [now, year] of [
  ['2026-12-07T10:00:00', 2026],
  ['2027-01-20T10:00:00', 2026],
  ['2027-02-01T10:00:00', 2027],
]) {
  test(`a new workspace on ${now.slice(0, 10)} opens on the ${year} report`, async () => {
    const w = await world();
    try {
      const page = await w.open(await w.profile(), '#/', (p) => p.clock.install({ time: new Date(now) }));
      const deadline = await page.getByTestId('overview-deadline').innerText();
      assert.match(deadline, new RegExp(`${year + 1}年1月31日`));
      assert.doesNotMatch(deadline, /已过期/);
    } finally {
      await w.finish();
    }
  });
}
