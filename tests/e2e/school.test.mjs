// User story of school submissions across three browser profiles: the bureau exports a filling pack;
// a school imports it in its own profile, fills its items, reloads (the draft is still there) and
// exports its submission; the bureau, in a third profile, imports that file with a malformed file and
// a duplicate, sees one refusal with its reason and the school merged once, and finds the school's
// text in the report preview and in the DOCX. Every refusal (a damaged pack, a damaged submission, a
// damaged stored draft) is worded in Chinese, without serde's English; a damaged stored draft can be
// downloaded and then cleared, so the school can start again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { world, waitSaved, downloadText, loadExample, exportSubmission } from './harness.mjs';

const unzip = (file, member) =>
  execFileSync('python3', ['-c', 'import sys,zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())', file, member], {
    encoding: 'utf8',
  });

const TEXT = '本校评优结果在校内公示栏公示五个工作日，无异议后公布。';

/** A refusal shown to a school or the bureau is Chinese, without serde's English (“expected value at
 * line 1 column 1”, “missing field”, “EOF while parsing”…). */
function assertChineseReason(text) {
  assert.match(text, /[\u4e00-\u9fff]/, text);
  assert.doesNotMatch(text, /expected|line|column|missing|invalid|unknown|EOF|while parsing|trailing/i, text);
}

test('pack → school fills offline → submission merged once in the bureau, into the preview and the DOCX', async () => {
  const w = await world();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-school-'));
  try {
    // 1. The bureau exports the filling pack.
    const bureau = await w.open(await w.profile(), '#/');
    await loadExample(bureau);
    await bureau.goto(w.server.url + '#/schools');
    await bureau.getByTestId('page-schools').waitFor();
    // The example (the seed's report) has three items schools fill: 学生评优奖励 and two of 校园安全.
    assert.equal(await bureau.getByTestId('assigned-items').locator('li').count(), 3);
    const pack = await downloadText(bureau, () => bureau.getByTestId('pack-export').click());
    assert.match(pack.name, /\.gongkai-pack\.json$/);
    const packJson = JSON.parse(pack.text);
    assert.equal(packJson.year, 2020);
    assert.ok(packJson.schools.length > 0);

    // 2. A school, in its own profile, imports the pack, picks its name, fills, reloads, exports.
    const school = await w.open(await w.profile(), '#/school');
    await school.getByTestId('page-school').waitFor();
    // A damaged pack first: refused with a Chinese reason that says where, nothing imported.
    const badPack = path.join(dir, '损坏.gongkai-pack.json');
    fs.writeFileSync(badPack, pack.text.slice(0, 60));
    await school.getByTestId('pack-import').setInputFiles(badPack);
    const packError = await school.getByTestId('pack-error').innerText();
    assertChineseReason(packError);
    assert.match(packError, /损坏\.gongkai-pack\.json.*第 \d+ 行第 \d+ 列/);
    assert.equal(await school.getByTestId('school-select').count(), 0);
    await school.getByTestId('pack-import').setInputFiles(pack.file);
    const select = school.getByTestId('school-select');
    await select.waitFor();
    const first = packJson.schools[0];
    await select.selectOption(first.id);
    const awards = school.locator('[data-testid=school-item][data-item="students/student-awards"]');
    await awards.getByTestId('school-item-text').fill(TEXT);
    await waitSaved(school);
    // The draft has its own storage key: the bureau's key stays empty in this profile.
    const keys = await school.evaluate(() => [localStorage.getItem('gongkai:school') !== null, localStorage.getItem('gongkai:workspace')]);
    assert.deepEqual(keys, [true, null]);
    await school.reload();
    await school.getByTestId('school-select').waitFor();
    assert.equal(await school.getByTestId('school-select').inputValue(), first.id);
    assert.equal(await awards.getByTestId('school-item-text').inputValue(), TEXT);
    const sub = await downloadText(school, () => exportSubmission(school));
    assert.equal(sub.name, `${first.name}-2020.gongkai-submission.json`);
    const subJson = JSON.parse(sub.text);
    assert.equal(subJson.format, 'gongkai-submission');
    assert.equal(subJson.school.id, first.id);
    assert.match(subJson.hash, /^sha256:[0-9a-f]{64}$/);

    // 3. The bureau, in a third profile, imports it with a malformed file and a duplicate.
    const good = path.join(dir, sub.name);
    fs.copyFileSync(sub.file, good);
    const copy = path.join(dir, '副本.gongkai-submission.json');
    fs.copyFileSync(sub.file, copy);
    const broken = path.join(dir, '坏文件.gongkai-submission.json');
    fs.writeFileSync(broken, sub.text.slice(0, 40));
    const merger = await w.open(await w.profile(), '#/');
    await loadExample(merger);
    await merger.goto(w.server.url + '#/schools');
    await merger.getByTestId('submission-import').setInputFiles([good, broken, copy]);
    const preview = merger.getByTestId('merge-preview');
    await preview.waitFor();
    assert.equal(await preview.getByTestId('merge-file').count(), 3);
    const refusals = preview.getByTestId('merge-refusal');
    assert.equal(await refusals.count(), 1);
    assert.match(await refusals.first().innerText(), /JSON/);
    assertChineseReason(await refusals.first().innerText());
    assert.ok((await preview.getByTestId('merge-school').first().innerText()).includes(first.name));
    // Nothing is applied before the bureau says so.
    assert.equal(await merger.locator(`[data-testid=school-row][data-school="${first.id}"]`).getAttribute('data-status'), 'not_yet');
    await merger.getByTestId('merge-apply').click();
    await preview.waitFor({ state: 'detached' });
    await waitSaved(merger);
    const row = merger.locator(`[data-testid=school-row][data-school="${first.id}"]`);
    assert.equal(await row.getAttribute('data-status'), 'submitted');
    const stored = await merger.evaluate(() => JSON.parse(localStorage.getItem('gongkai:workspace')).workspace);
    const contributions = stored.reports['2020'].contributions;
    assert.equal(contributions.length, 1, 'the school is merged once');
    assert.equal(contributions[0].school_id, first.id);
    assert.equal(contributions[0].created_at, subJson.created_at);

    // The item on #/schools shows the school's text; the category page says so and links there.
    const task = merger.locator('[data-testid=school-item-task][data-item="students/student-awards"]');
    assert.ok((await task.getByTestId('item-contribution').first().innerText()).includes(TEXT));
    assert.equal(await task.getByTestId('item-schools').isChecked(), true);
    await merger.goto(w.server.url + '#/category/students');
    assert.match(await merger.getByTestId('item-schools-note').first().innerText(), /已合并 1 所学校/);

    // The school's text is in the report preview and in the DOCX.
    await merger.goto(w.server.url + '#/report');
    const frame = merger.frameLocator('[data-testid=report-preview]');
    await frame.getByText(TEXT, { exact: false }).first().waitFor();
    const [d] = await Promise.all([merger.waitForEvent('download'), merger.getByTestId('export-docx').click()]);
    const xml = unzip(await d.path(), 'word/document.xml');
    assert.ok(xml.includes(`${first.name}：${TEXT}`), 'the DOCX carries the school’s paragraph');

    // 4. The school's stored draft is damaged (a hand edit, another build): #/school opens anyway,
    // says why in Chinese, and leaves the stored text as it was; the school downloads it, then
    // starts again (after a confirmation) and can import the pack again.
    const damaged = await school.evaluate(() => {
      const stored = JSON.parse(localStorage.getItem('gongkai:school'));
      stored.workspace.school_draft.pack = 3;
      localStorage.setItem('gongkai:school', JSON.stringify(stored));
      return localStorage.getItem('gongkai:school');
    });
    const damagedDraft = JSON.parse(damaged).workspace.school_draft;
    await school.reload();
    const alert = school.getByTestId('school-draft-unreadable');
    await alert.waitFor();
    assert.equal(await alert.getAttribute('role'), 'alert');
    const reason = await alert.getByTestId('school-draft-reason').innerText();
    assertChineseReason(reason);
    assert.match(reason, /本机保存的学校填报内容无法读取：字段“pack”/);
    assert.equal(await school.getByTestId('module-failed').count(), 0);
    // Nothing can be imported over it, and restart waits for the download.
    assert.equal(await school.getByTestId('pack-import').count(), 0);
    const restart = school.getByTestId('school-draft-restart');
    assert.equal(await restart.isDisabled(), true);
    assert.equal(await school.evaluate(() => localStorage.getItem('gongkai:school')), damaged);
    const saved = await downloadText(school, () => school.getByTestId('school-draft-download').click());
    assert.match(saved.name, /\.json$/);
    assert.deepEqual(JSON.parse(saved.text), damagedDraft);
    assert.equal(await school.evaluate(() => localStorage.getItem('gongkai:school')), damaged);
    // Restart asks first; cancelling keeps everything.
    await restart.click();
    const dialog = school.getByTestId('school-draft-restart-dialog');
    assert.match(await dialog.innerText(), /删除/);
    await school.getByTestId('school-draft-restart-cancel').click();
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await school.evaluate(() => localStorage.getItem('gongkai:school')), damaged);
    await restart.click();
    await school.getByTestId('school-draft-restart-confirm').click();
    await alert.waitFor({ state: 'detached' });
    await school.waitForFunction(() => JSON.parse(localStorage.getItem('gongkai:school')).workspace.school_draft === undefined);
    await waitSaved(school);
    const draftNow = () => school.evaluate(() => JSON.parse(localStorage.getItem('gongkai:school')).workspace.school_draft ?? null);
    assert.equal(await draftNow(), null);
    await school.getByTestId('pack-import').waitFor();
    await school.reload();
    await school.getByTestId('pack-import').waitFor();
    assert.equal(await school.getByTestId('school-draft-unreadable').count(), 0);
    assert.equal(await draftNow(), null);
    // The pack imports again.
    await school.getByTestId('pack-import').setInputFiles(pack.file);
    await school.getByTestId('school-select').waitFor();
  } finally {
    await w.finish();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('files dropped on the import box are previewed like picked ones, each refusal with its reason', async () => {
  const w = await world();
  try {
    const page = await w.open(await w.profile(), '#/');
    await loadExample(page);
    await page.goto(w.server.url + '#/schools');
    const files = [
      ['截断.gongkai-submission.json', '{"format": "gongkai-submission", "schema_version": 1, "school": {'],
      ['别的.gongkai-submission.json', '{"format": "gongkai-pack", "schema_version": 1}'],
    ];
    const transfer = await page.evaluateHandle((list) => {
      const dt = new DataTransfer();
      for (const [name, text] of list) dt.items.add(new File([text], name, { type: 'application/json' }));
      return dt;
    }, files);
    await page.getByTestId('submission-drop').dispatchEvent('drop', { dataTransfer: transfer });
    const preview = page.getByTestId('merge-preview');
    await preview.waitFor();
    const reasons = await preview.getByTestId('merge-refusal').allInnerTexts();
    assert.equal(reasons.length, 2);
    assert.match(reasons.join('\n'), /JSON/);
    assert.match(reasons.join('\n'), /填报包/);
    reasons.forEach(assertChineseReason);
    // Nothing was merged.
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('gongkai:workspace')).workspace);
    assert.deepEqual(stored.reports['2020'].contributions ?? [], []);
  } finally {
    await w.finish();
  }
});

/** The bureau's filling pack of the example, exported from #/schools in `page`. */
async function examplePack(w, page) {
  await loadExample(page);
  await page.goto(w.server.url + '#/schools');
  await page.getByTestId('page-schools').waitFor();
  const pack = await downloadText(page, () => page.getByTestId('pack-export').click());
  return { ...pack, json: JSON.parse(pack.text) };
}

/** In `page` (school mode, pack imported, school picked), fills the awards item with `text` and
 * exports the submission. */
async function fillAndExport(page, text) {
  const awards = page.locator('[data-testid=school-item][data-item="students/student-awards"]');
  await awards.getByTestId('school-item-text').fill(text);
  await waitSaved(page);
  return downloadText(page, () => exportSubmission(page));
}

/** Imports `files` on #/schools of `page` and returns the preview. */
async function importFiles(page, files) {
  await page.getByTestId('submission-import').setInputFiles(files);
  const preview = page.getByTestId('merge-preview');
  await preview.waitFor();
  return preview;
}

async function storedContributions(page) {
  return page.evaluate(() => JSON.parse(localStorage.getItem('gongkai:workspace')).workspace.reports['2020'].contributions ?? []);
}

test('an older file asks before it overwrites a newer one; the missing schools download as CSV with a BOM', async () => {
  const w = await world();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-school-'));
  try {
    const bureau = await w.open(await w.profile(), '#/');
    const pack = await examplePack(w, bureau);
    const first = pack.json.schools[0];

    const school = await w.open(await w.profile(), '#/school');
    await school.getByTestId('pack-import').setInputFiles(pack.file);
    await school.getByTestId('school-select').selectOption(first.id);
    const early = await fillAndExport(school, '第一版：评优结果公示三天。');
    const late = await fillAndExport(school, '第二版：评优结果公示五个工作日。');
    // The first file is an hour older than the second (its time is not part of the hash).
    const earlyJson = JSON.parse(early.text);
    const lateJson = JSON.parse(late.text);
    earlyJson.created_at = new Date(Date.parse(lateJson.created_at) - 3_600_000).toISOString();
    const older = path.join(dir, '旧.gongkai-submission.json');
    fs.writeFileSync(older, JSON.stringify(earlyJson));
    const newer = path.join(dir, '新.gongkai-submission.json');
    fs.copyFileSync(late.file, newer);

    // The newer file first: merged.
    let preview = await importFiles(bureau, [newer]);
    assert.equal(await preview.getByTestId('merge-file').getAttribute('data-verdict'), 'new');
    await bureau.getByTestId('merge-apply').click();
    await preview.waitFor({ state: 'detached' });
    await waitSaved(bureau);
    assert.equal((await storedContributions(bureau))[0].created_at, lateJson.created_at);

    // Then the older one: the preview asks, and without the tick nothing changes.
    preview = await importFiles(bureau, [older]);
    const file = preview.getByTestId('merge-file');
    assert.equal(await file.getAttribute('data-verdict'), 'older');
    assert.match(await file.getByTestId('merge-verdict').innerText(), /较旧.*除非您确认/);
    await file.getByTestId('merge-confirm-older').waitFor();
    await bureau.getByTestId('merge-apply').click();
    await preview.waitFor({ state: 'detached' });
    await bureau.getByTestId('merge-said').filter({ hasText: '没有需要合并的文件' }).waitFor();
    let stored = await storedContributions(bureau);
    assert.equal(stored.length, 1);
    assert.equal(stored[0].created_at, lateJson.created_at, 'the newer contribution stays');

    // Confirmed, the older file replaces it.
    preview = await importFiles(bureau, [older]);
    await preview.getByTestId('merge-confirm-older').check();
    await bureau.getByTestId('merge-apply').click();
    await preview.waitFor({ state: 'detached' });
    await waitSaved(bureau);
    stored = await storedContributions(bureau);
    assert.equal(stored.length, 1);
    assert.equal(stored[0].created_at, earlyJson.created_at, 'the confirmed older file is merged');
    assert.ok(JSON.stringify(stored[0]).includes('第一版'));

    // The dashboard: the school's status and its name are separate words.
    const rows = bureau.getByTestId('school-row');
    const others = pack.json.schools.filter((s) => s.id !== first.id);
    assert.match(await bureau.locator(`[data-testid=school-row][data-school="${others[0].id}"]`).innerText(), new RegExp(`未提交\\s+${others[0].name}`));
    assert.equal(await rows.count(), pack.json.schools.length);

    // The missing schools as CSV: UTF-8 with a BOM, the header, every school still missing and
    // not the one that submitted.
    const [d] = await Promise.all([bureau.waitForEvent('download'), bureau.getByTestId('missing-export').click()]);
    assert.match(d.suggestedFilename(), /未提交学校\.csv$/);
    const bytes = fs.readFileSync(await d.path());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a BOM for Excel');
    const lines = bytes.subarray(3).toString('utf8').trim().split(/\r?\n/);
    assert.equal(lines[0], '学校,学段,地址,电话,状态,最近文件时间');
    assert.equal(lines.length, 1 + others.length);
    for (const s of others) assert.ok(lines.some((l) => l.startsWith(`${s.name},`)), `${s.name} is listed`);
    assert.ok(!lines.some((l) => l.startsWith(`${first.name},`)), 'the school that submitted is not');
    assert.ok(lines.slice(1).every((l) => l.includes('未提交')));
  } finally {
    await w.finish();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a school fills and exports from the single file gongkai.html, offline over file://', async () => {
  const w = await world();
  try {
    const bureau = await w.open(await w.profile(), '#/');
    const pack = await examplePack(w, bureau);
    const first = pack.json.schools[0];
    const context = await w.profile();
    const school = await w.openFile(context, 'gongkai.html', '#/school');
    await school.getByTestId('page-school').waitFor();
    await school.getByTestId('school-file-note').waitFor();
    await school.getByTestId('pack-import').setInputFiles(pack.file);
    await school.getByTestId('school-select').selectOption(first.id);
    const sub = await fillAndExport(school, TEXT);
    assert.equal(sub.name, `${first.name}-2020.gongkai-submission.json`);
    const json = JSON.parse(sub.text);
    assert.equal(json.school.id, first.id);
    assert.ok(json.items.some((i) => i.text === TEXT));
    // Reopened from the file, the draft is still there, under its own key.
    await school.reload();
    await school.getByTestId('school-select').waitFor();
    assert.equal(await school.getByTestId('school-select').inputValue(), first.id);
    assert.equal(await school.evaluate(() => localStorage.getItem('gongkai:workspace')), null);
  } finally {
    await w.finish();
  }
});
