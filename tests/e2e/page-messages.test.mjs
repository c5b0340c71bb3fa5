// User stories: the report's structure is visible where the user works, and the app confirms what it
// did in a few words that then go away.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { world, waitSaved, loadExample, go } from './harness.mjs';

let w;
before(async () => { w = await world(); });
after(async () => { await w.finish(); });

test('with 法定年报 the pages say the ten categories are not printed; #/narrative folds the other structure', async () => {
  const page = await w.open(await w.profile(), '#/');
  await loadExample(page);
  // 领域报告: no note; its own fields are printed, the statutory ones folded.
  await go(page, '#/category/policy', 'page-category');
  assert.equal(await page.getByTestId('structure-note').count(), 0);
  await go(page, '#/narrative', 'page-narrative');
  const printed = page.getByTestId('narrative-printed');
  const folded = page.getByTestId('narrative-not-printed');
  assert.equal(await printed.getByTestId('narrative-goals').count(), 1);
  assert.equal(await folded.getByTestId('narrative-overview-active').count(), 1);
  assert.equal(await folded.getAttribute('open'), null, 'folded');
  assert.match(await folded.locator('summary').innerText(), /不打印/);
  assert.equal(await page.getByTestId('narrative-overview-active').isVisible(), false);

  await page.getByTestId('narrative-structure').selectOption('statutory');
  await printed.getByTestId('narrative-overview-active').waitFor();
  assert.equal(await folded.getByTestId('narrative-goals').count(), 1);
  assert.match(await page.getByTestId('structure-note').innerText(), /不包含十类公开事项/);
  await go(page, '#/category/policy', 'page-category');
  assert.match(await page.getByTestId('structure-note').innerText(), /不写入报告/);
  await go(page, '#/', 'page-overview');
  assert.match(await page.getByTestId('structure-note').innerText(), /不写入报告/);
});

test('an empty 五 is a 体检 hint and prints as “无。”, not as a bare heading', async () => {
  const page = await w.open(await w.profile(), '#/');
  await loadExample(page);
  await go(page, '#/narrative', 'page-narrative');
  await page.getByTestId('narrative-problems').fill('');
  await waitSaved(page);
  await go(page, '#/check', 'page-check');
  const hint = page.locator('[data-testid=check-finding][data-rule=empty-section]');
  assert.equal(await hint.count(), 1);
  assert.equal(await hint.getAttribute('data-severity'), '提示');
  assert.match(await hint.innerText(), /五、存在的主要问题及改进情况/);
  await go(page, '#/report', 'page-report');
  // The preview's document (no script may run in the sandboxed frame: read its source).
  const html = await page.getByTestId('report-preview').getAttribute('srcdoc');
  assert.match(html, /存在的主要问题及改进情况<\/h\d>\s*<p[^>]*>无。<\/p>/);
});

test('a passing notice goes away after a few seconds', async () => {
  const page = await w.open(await w.profile(), '#/', (p) => p.clock.install());
  await loadExample(page);
  const notice = page.getByTestId('notice');
  await notice.filter({ hasText: '已载入内置示例' }).waitFor();
  await page.clock.fastForward(7_000);
  await notice.waitFor({ state: 'detached' });
});

test('each export says what the file is for and confirms the download', async () => {
  // (A real clock here: a fake one would also try to run in the sandboxed preview frame.)
  const page = await w.open(await w.profile(), '#/');
  await loadExample(page);
  const notice = page.getByTestId('notice');
  await go(page, '#/report', 'page-report');
  for (const [id, ext, label] of [['export-docx', 'docx', 'Word 文档（签发、盖章用）'], ['export-csv', 'csv', '表格（Excel 可打开）']]) {
    const button = page.getByTestId(id);
    assert.match(await button.innerText(), new RegExp(label.replace(/[（）]/g, '.')));
    assert.match(await button.locator('small').innerText(), new RegExp(`^\\.${ext}`));
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    await notice.filter({ hasText: download.suggestedFilename() }).waitFor();
  }
  await go(page, '#/data', 'page-data');
  const [backup] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-backup').click()]);
  await notice.filter({ hasText: backup.suggestedFilename() }).waitFor();
});

test('the file picker is a Chinese button that names the chosen file', async () => {
  const page = await w.open(await w.profile(), '#/data');
  const picker = page.locator('.file-picker');
  assert.equal((await picker.locator('.file-button').innerText()).trim(), '选择文件…');
  assert.equal((await picker.locator('.file-name').innerText()).trim(), '未选择文件');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-')), '不是备份.gongkai.json');
  fs.writeFileSync(file, '{}');
  await page.getByTestId('import-backup').setInputFiles(file);
  await picker.locator('.file-name').filter({ hasText: '不是备份.gongkai.json' }).waitFor();
  await page.getByTestId('import-error').waitFor();
});

test('on a phone: a long item name is shown whole, counts have visible labels, 删除 stays on one line', async () => {
  const page = await w.open(await w.profile({ viewport: { width: 360, height: 740 } }), '#/');
  await loadExample(page);
  await go(page, '#/category/policy-execution', 'page-category');
  const name = page.getByTestId('item-name').first();
  await name.fill('义务教育阶段学校控辍保学工作方案、年度工作进展情况及督导检查结果公告的公开情况');
  const cut = await name.evaluate((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
  assert.equal(cut, false, 'the whole name is visible');
  const count = page.locator('.count').first();
  assert.deepEqual(
    (await count.locator('label > span').allInnerTexts()).map((t) => t.trim()),
    ['统计项', '数量', '单位'],
  );
  await go(page, '#/narrative', 'page-narrative');
  const lines = await page.getByTestId('narrative-work-remove').first().evaluate((button) => {
    const range = document.createRange();
    range.selectNodeContents(button);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });
  assert.equal(lines, 1, '删除 does not wrap');
});
