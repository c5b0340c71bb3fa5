// User story of school submissions across three browser profiles: the bureau exports a filling pack;
// a school imports it in its own profile, fills its items, reloads (the draft is still there) and
// exports its submission; the bureau, in a third profile, imports that file with a malformed file and
// a duplicate, sees one refusal with its reason and the school merged once, and finds the school's
// text in the report preview and in the DOCX.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { world, waitSaved, downloadText, loadExample } from './harness.mjs';

const unzip = (file, member) =>
  execFileSync('python3', ['-c', 'import sys,zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())', file, member], {
    encoding: 'utf8',
  });

const TEXT = '本校评优结果在校内公示栏公示五个工作日，无异议后公布。';

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
    const sub = await downloadText(school, () => school.getByTestId('submission-export').click());
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

    // The school's text is in the report preview and in the DOCX.
    await merger.goto(w.server.url + '#/report');
    const frame = merger.frameLocator('[data-testid=report-preview]');
    await frame.getByText(TEXT, { exact: false }).first().waitFor();
    const [d] = await Promise.all([merger.waitForEvent('download'), merger.getByTestId('export-docx').click()]);
    const xml = unzip(await d.path(), 'word/document.xml');
    assert.ok(xml.includes(`${first.name}：${TEXT}`), 'the DOCX carries the school’s paragraph');
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
    // Nothing was merged.
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('gongkai:workspace')).workspace);
    assert.deepEqual(stored.reports['2020'].contributions ?? [], []);
  } finally {
    await w.finish();
  }
});
