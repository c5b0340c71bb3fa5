// User stories of a report the officer can trust: an edit made just before the tab closes is kept; a
// save that finds unreadable stored text keeps it aside; a hostile backup comes out neutralised in the
// Markdown and CSV exports; a statutory report gets its own check (no category hints, the 本年度无相关情况
// mark, a number in the text against the table with links to both), and the overview shows the
// publication deadline. One browser for the whole file.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { world, storedEnvelope, waitSaved, downloadText } from './harness.mjs';

let w;
before(async () => {
  w = await world();
});
after(async () => {
  await w.finish();
});

const unitOf = (env) => env.workspace.reports[String(env.workspace.current_year)].unit_name;

describe('storage', () => {
  test('an edit made just before the tab closes is saved on pagehide', async () => {
    const ctx = await w.profile();
    const page = await w.open(ctx, '#/settings');
    await page.getByTestId('settings-unit').fill('第一次的单位');
    await waitSaved(page);
    // From now on the autosave timer (600 ms) never fires, however slow the machine: only the flush on
    // pagehide can save the next edit.
    await page.evaluate(() => {
      const setTimeout = window.setTimeout.bind(window);
      window.setTimeout = (f, ms, ...args) => (ms >= 500 ? 0 : setTimeout(f, ms, ...args));
    });
    await page.getByTestId('settings-unit').fill('关闭前最后的修改');
    assert.match(await page.getByTestId('save-status').innerText(), /保存中/, 'the edit is pending');
    await page.close();
    const again = await w.open(ctx, '#/settings');
    assert.equal(await again.getByTestId('settings-unit').inputValue(), '关闭前最后的修改');
    await again.close();
  });

  test('a save that finds unreadable stored text keeps every distinct copy aside', async () => {
    const ctx = await w.profile();
    const page = await w.open(ctx, '#/settings');
    await page.getByTestId('settings-unit').fill('本窗口的单位');
    await waitSaved(page);
    const broken = ['{"format":"gongkai-store","revision":99,"workspace":{"schema_version":"x"}}', 'not json at all'];
    for (const [i, raw] of broken.entries()) {
      // Another tab or another build writes something this build cannot read.
      await page.evaluate((r) => localStorage.setItem('gongkai:workspace', r), raw);
      await page.getByTestId('settings-unit').fill(`本窗口的单位 ${i + 1}`);
      await page.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor();
      await page.getByTestId('storage-error').filter({ hasText: '原始内容已原样另存' }).waitFor();
      assert.equal(unitOf(await storedEnvelope(page)), `本窗口的单位 ${i + 1}`);
    }
    const kept = await page.evaluate(() => [1, 2, 3].map((n) => localStorage.getItem(`gongkai:workspace:unreadable:${n}`)));
    assert.deepEqual(kept, [...broken, null]);
    // The same text again is not copied twice.
    await page.evaluate((r) => localStorage.setItem('gongkai:workspace', r), broken[1]);
    await page.getByTestId('settings-unit').fill('本窗口的单位 3');
    await waitSaved(page);
    assert.equal(await page.evaluate(() => localStorage.getItem('gongkai:workspace:unreadable:3')), null);
    await page.goto(w.server.url + '#/data');
    await page.getByTestId('unreadable-copies').filter({ hasText: '2 份' }).waitFor();
    const { text } = await downloadText(page, () => page.getByTestId('download-unreadable').first().click());
    assert.equal(text, broken[0]);
    await page.close();
  });
});

/** A minimal RFC 4180 reader: records of fields. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

const HOSTILE_CELLS = {
  't2/a20_1/rules/issued': ['=1+1', "'=1+1"],
  't2/a20_1/rules/repealed': ['\u0001 =1+1', "' =1+1"],
  't2/a20_1/normative/issued': ['＝1+1', "'＝1+1"],
  't2/a20_1/normative/repealed': ['＋1', "'＋1"],
  't2/a20_5/license/decisions': ['－1', "'－1"],
  't2/a20_6/penalty/decisions': ['＠SUM(1)', "'＠SUM(1)"],
  't3/main/new/natural': ['@cmd', "'@cmd"],
  't3/main/public/natural': ['-1+2', "'-1+2"],
};

test('a hostile backup is imported, and the Markdown and CSV exports come out neutralised', async () => {
  const ctx = await w.profile();
  const page = await w.open(ctx, '#/data');
  const marker = (m) => `\u0001   ${m} 恶意`;
  const backup = {
    format: 'gongkai-workspace',
    schema_version: 4,
    current_year: 2021,
    reports: {
      2021: {
        year: 2021,
        unit_name: '某区\u202efdp.exe\u2066教育局',
        structure: 'statutory',
        narrative: {
          preamble: marker('#'),
          overview: { active: marker('>'), on_request: marker('-'), management: '\u0001    缩进', platform: marker('1.'), supervision: marker('***') },
          problems: marker('+'),
          other: marker('```'),
          fee_line: marker('---'),
        },
        tables: Object.fromEntries(Object.entries(HOSTILE_CELLS).map(([k, [v]]) => [k, v])),
      },
    },
  };
  await page.getByTestId('import-backup').setInputFiles({
    name: 'hostile.gongkai.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(backup)),
  });
  await page.getByTestId('import-confirm').click();
  await waitSaved(page);
  await page.goto(w.server.url + '#/report');
  await page.getByTestId('page-report').waitFor();

  const md = await downloadText(page, () => page.getByTestId('export-md').click());
  assert.equal(md.name, '某区fdp.exe教育局2021年政府信息公开工作年度报告.md');
  const lines = md.text.split('\n');
  for (const line of lines) {
    assert.ok(!/^\s/.test(line), `indented line ${JSON.stringify(line)}`);
    assert.ok(!/[\u0000-\u0008\u000b-\u001f]/.test(line), `control character in ${JSON.stringify(line)}`);
    if (line.startsWith('#') || line.startsWith('| ')) continue;
    assert.ok(!/^([>*+=_`~-]|\d+[.)])/.test(line), `block marker in ${JSON.stringify(line)}`);
  }
  // Our own headings are the only lines that start with #, and the hostile text is there, escaped.
  assert.ok(lines.includes('\\# 恶意'));
  assert.ok(lines.includes('\\> 恶意'));
  assert.ok(lines.includes('缩进'));

  const csv = await downloadText(page, () => page.getByTestId('export-csv').click());
  assert.equal(csv.name, '某区fdp.exe教育局2021年政府信息公开工作年度报告.csv');
  const records = parseCsv(csv.text.replace(/^\uFEFF/, ''));
  const values = records.slice(1).map((r) => r[4]);
  for (const [, expected] of Object.values(HOSTILE_CELLS)) {
    assert.ok(values.includes(expected), `${expected} in ${JSON.stringify(values)}`);
  }
  for (const field of records.flat()) {
    const first = field.replace(/^[\s\u0000-\u001f]+/, '')[0];
    const plainNumber = /^[+-]?\d+(\.\d+)?$/.test(field);
    assert.ok(plainNumber || !'=+-@＝＋－＠'.includes(first ?? ' '), `formula-like field ${JSON.stringify(field)}`);
  }
  await page.close();
});

test('an import error quotes a short excerpt in Chinese, never serde English or the whole value', async () => {
  const page = await w.open(await w.profile(), '#/data');
  const huge = 'x'.repeat(300_000);
  await page.getByTestId('import-backup').setInputFiles({
    name: 'big.gongkai.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'gongkai-workspace', schema_version: 4, reports: { 2021: { year: 2021, structure: huge } } })),
  });
  const error = await page.getByTestId('import-error').innerText();
  assert.match(error, /reports\.2021\.structure/);
  assert.match(error, /无法识别/);
  assert.ok(error.length < 300, `${error.length} characters`);
  assert.ok(!/unknown|variant|expected|invalid/.test(error), error);
  await page.close();
});

test('a statutory report: its own check, the no-cases mark, text against table, and the deadline', async () => {
  const ctx = await w.profile();
  const page = await w.open(ctx, '#/settings', (p) => p.clock.setFixedTime(new Date('2022-01-20T10:00:00')));
  // The blank workspace opens the report of last year (2021), due on 2022-01-31.
  await page.getByTestId('settings-unit').fill('某区教育局');
  await page.getByTestId('settings-structure').selectOption('statutory');
  await waitSaved(page);
  assert.equal(await page.getByTestId('settings-title').getAttribute('placeholder'), '某区教育局2021年政府信息公开工作年度报告');
  await page.goto(w.server.url + '#/');
  assert.equal(await page.getByTestId('overview-deadline').innerText(), '2022年1月31日前（条例第四十九条），还有 11 天');

  await page.goto(w.server.url + '#/check');
  await page.getByTestId('page-check').waitFor();
  const texts = () => page.getByTestId('check-finding').allInnerTexts();
  assert.ok((await texts()).every((t) => !t.includes('公开事项没有填写内容')), 'no category hint');
  assert.ok((await texts()).some((t) => t.includes('三、收到和处理政府信息公开申请情况') && t.includes('本年度无相关情况')));

  // 表三 marked 本年度无相关情况: its hint goes.
  await page.goto(w.server.url + '#/tables');
  await page.getByTestId('table-t3-none').check();
  await waitSaved(page);
  await page.goto(w.server.url + '#/check');
  await page.getByTestId('page-check').waitFor();
  assert.ok(!(await texts()).some((t) => t.includes('三、收到和处理政府信息公开申请情况')));

  // A number in the text that the table contradicts.
  await page.goto(w.server.url + '#/tables');
  await page.getByTestId('table-t3-none').uncheck();
  await page.locator('[data-cell="t3/main/new/natural"] input').fill('2');
  await page.goto(w.server.url + '#/narrative');
  await page.getByTestId('narrative-overview-on-request').fill('全年共收到政府信息公开申请3件。');
  await waitSaved(page);
  await page.goto(w.server.url + '#/check');
  const finding = page.getByTestId('check-finding').filter({ hasText: '正文中的数字与表格不一致' });
  await finding.waitFor();
  assert.match(await finding.innerText(), /全年共收到政府信息公开申请3件.*写的是 3；表格中：一、本年新收政府信息公开申请数量 2/);
  await finding.getByRole('link', { name: '去修改' }).click();
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'narrative-overview-on-request');
  await page.goBack();
  await finding.getByTestId('check-finding-also').click();
  await page.waitForFunction(() => document.activeElement?.closest('td')?.dataset.cell === 't3/main/new/natural');
  await page.locator('[data-cell="t3/main/new/natural"] input').fill('3');
  await waitSaved(page);
  await page.goto(w.server.url + '#/check');
  await page.getByTestId('page-check').waitFor();
  assert.equal(await page.getByTestId('check-finding').filter({ hasText: '正文中的数字与表格不一致' }).count(), 0);
  await page.close();
});
