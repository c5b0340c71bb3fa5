// User stories about backup files: export and re-import on another profile, malformed files, and the
// summary shown before an import replaces anything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { world, storedEnvelope, waitSaved, downloadText } from './harness.mjs';

const withoutExportTime = (json) => {
  const { exported_at: _, ...rest } = json;
  return rest;
};

test('export a backup, import it in a fresh browser profile, and get identical data', async () => {
  const w = await world();
  try {
    const first = await w.open(await w.profile(), '#/');
    await first.getByTestId('load-example').click();
    await waitSaved(first);
    await first.goto(w.server.url + '#/settings');
    await first.getByTestId('settings-region').fill('长春汽车经济技术开发区（测试）');
    await waitSaved(first);
    await first.goto(w.server.url + '#/data');
    const { name, text, file } = await downloadText(first, () => first.getByTestId('export-backup').click());
    assert.equal(name, '汽开区教育局-2020.gongkai.json');
    const exported = JSON.parse(text);
    assert.equal(exported.format, 'gongkai-workspace');
    assert.equal(exported.schema_version, 4);
    assert.match(exported.exported_at, /^\d{4}-\d\d-\d\dT/);
    const original = (await storedEnvelope(first)).workspace;
    assert.deepEqual(withoutExportTime(exported), original);

    const second = await w.open(await w.profile(), '#/data');
    await second.getByTestId('import-backup').setInputFiles(file);
    const summary = second.getByTestId('import-summary');
    await summary.waitFor();
    assert.match(await summary.innerText(), /2020/);
    await second.getByTestId('import-confirm').click();
    await waitSaved(second);
    assert.deepEqual((await storedEnvelope(second)).workspace, original);
    await second.goto(w.server.url + '#/');
    assert.equal(await second.getByTestId('overview-unit').innerText(), '汽开区教育局');
  } finally {
    await w.finish();
  }
});

const BAD_FILES = [
  ['broken.gongkai.json', '{"format": "gongkai-workspace", "schema_version": 1, "reports": {', '不是有效的 JSON'],
  ['empty.gongkai.json', '', '空的'],
  ['list.gongkai.json', '[1, 2, 3]', '最外层'],
  ['other.gongkai.json', '{"format": "something-else", "schema_version": 1}', 'something-else'],
  ['future.gongkai.json', '{"format": "gongkai-workspace", "schema_version": 42}', '版本为 42'],
  [
    'types.gongkai.json',
    '{"format": "gongkai-workspace", "schema_version": 1, "reports": {"2020": {"year": 2020, "unit_name": 5}}}',
    'reports.2020.unit_name',
  ],
];

test('a malformed backup is refused with a clear message, and the data stays as it was', async () => {
  const w = await world();
  try {
    const page = await w.open(await w.profile(), '#/settings');
    await page.getByTestId('settings-unit').fill('保持不变的单位');
    await waitSaved(page);
    const before = await page.evaluate(() => localStorage.getItem('gongkai:workspace'));
    await page.goto(w.server.url + '#/data');
    for (const [name, content, expected] of BAD_FILES) {
      await page.getByTestId('import-backup').setInputFiles({
        name,
        mimeType: 'application/json',
        buffer: Buffer.from(content, 'utf8'),
      });
      const error = page.getByTestId('import-error');
      await error.filter({ hasText: name }).waitFor();
      const message = await error.innerText();
      assert.ok(message.includes(expected), `${name}: ${message}`);
      assert.ok(message.includes('现有数据没有任何改动'), message);
      assert.equal(await page.getByTestId('import-summary').count(), 0);
    }
    assert.equal(await page.evaluate(() => localStorage.getItem('gongkai:workspace')), before);
    await page.goto(w.server.url + '#/settings');
    assert.equal(await page.getByTestId('settings-unit').inputValue(), '保持不变的单位');
  } finally {
    await w.finish();
  }
});

test('the import summary names what would change, and cancelling changes nothing', async () => {
  const w = await world();
  try {
    const page = await w.open(await w.profile(), '#/settings');
    await page.getByTestId('settings-unit').fill('现有单位');
    await waitSaved(page);
    const before = await page.evaluate(() => localStorage.getItem('gongkai:workspace'));
    const year = JSON.parse(before).workspace.current_year;
    const incoming = {
      format: 'gongkai-workspace',
      schema_version: 1,
      current_year: 2019,
      reports: { 2019: { year: 2019, unit_name: '文件里的单位' } },
    };
    await page.goto(w.server.url + '#/data');
    await page.getByTestId('import-backup').setInputFiles({
      name: 'x.gongkai.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(incoming)),
    });
    const text = await page.getByTestId('import-summary').innerText();
    assert.match(text, /现有单位 → 文件里的单位/);
    assert.match(text, /新增年度：2019/);
    assert.match(text, new RegExp(`删除年度（文件中没有）：${year}`));
    await page.getByTestId('import-cancel').click();
    await page.getByTestId('import-summary').waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => localStorage.getItem('gongkai:workspace')), before);
  } finally {
    await w.finish();
  }
});

test('an old (schema 0) backup is migrated on import', async () => {
  const w = await world();
  try {
    const page = await w.open(await w.profile(), '#/data');
    await page.getByTestId('import-backup').setInputFiles(
      new URL('../fixtures/workspace-v0.json', import.meta.url).pathname,
    );
    await page.getByTestId('import-confirm').click();
    await waitSaved(page);
    const env = await storedEnvelope(page);
    assert.equal(env.workspace.schema_version, 4);
    assert.equal(env.workspace.reports['2019'].unit_name, '示例县教育局');
  } finally {
    await w.finish();
  }
});
