// User stories of the district lookup (issue 9): the bureau imports its tables on #/districts (CSV in
// UTF-8, with a BOM, in GBK; XLSX with a choice of sheet; a large file with progress), sees the row
// errors of a broken file with its data intact, sees conflicts, edits, adds and deletes rules (撤销),
// then publishes: districts.json read by dist/lookup/index.html on a 360 px phone, and lookup.html with
// the data inside, which works from file://. The workbench's #/lookup answers like the parent page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { world, waitSaved, storedEnvelope, go } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const XLSX = path.resolve(here, '../fixtures/districts.xlsx');

let w;
before(async () => { w = await world(); });
after(async () => { await w.finish(); });

const SCHOOLS = `学校,学段,地址,电话,预警等级,预警说明
长青小学,小学,长青路1号,0431-81234567,红,学区内适龄儿童已超过招生计划，请理性选择
青年中学,初中,青年路8号,0431-87654321,,
绿园小学,小学,绿园路2号,0431-81112222,黄色预警,学位紧张
`;

const RULES = `道路或小区,门牌号,对口小学,对口初中,备注
长青路,1—99号（单号）,长青小学,青年中学,
长青路,2—50号（双号）,绿园小学,青年中学,
长青路,35号,长青二小,青年中学,单独划片
绿园小区,,绿园小学,青年中学,
`;

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const csv = (name, text, prefix = Buffer.alloc(0)) => ({ name, mimeType: 'text/csv', buffer: Buffer.concat([prefix, Buffer.from(text)]) });

/** The text as GBK bytes, as Excel on zh-CN Windows saves CSV (Python's codec, independent of the app). */
function gbk(text) {
  return execFileSync('python3', ['-c', 'import sys; sys.stdout.buffer.write(sys.stdin.read().encode("gbk"))'], { input: text });
}

async function fresh(hash = '#/districts', options = {}) {
  const page = await w.open(await w.profile(options), hash);
  if (hash === '#/districts') await page.getByTestId('page-districts').waitFor();
  return page;
}

/** Chooses `file` in the import picker and waits for its preview. */
async function choose(page, file) {
  await page.getByTestId('district-import').setInputFiles(file);
  await page.getByTestId('district-import-preview').waitFor();
}

async function importFile(page, file, mode = 'replace') {
  await choose(page, file);
  if (mode === 'append') await page.getByTestId('district-import-append').check();
  await page.getByTestId('district-import-confirm').click();
  await page.getByTestId('district-import-preview').waitFor({ state: 'detached' });
  await waitSaved(page);
}

async function rulesCount(page) {
  return (await storedEnvelope(page)).workspace.districts.rules.length;
}

async function lookup(page, query) {
  await page.getByTestId('lookup-input').fill(query);
  await page.getByTestId('lookup-submit').click();
  return page.getByTestId('lookup-results').locator('article').first();
}

async function download(page, testid) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return { name: d.suggestedFilename(), file: await d.path() };
}

async function noSideways(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test('import a school list and rules as CSV, see the conflicts, and find an address with its schools and warning', async () => {
  const page = await fresh();
  await page.getByTestId('district-empty').waitFor();
  await choose(page, csv('学校名单.csv', SCHOOLS, BOM));
  assert.match(await page.getByTestId('district-import-counts').innerText(), /3 所学校/);
  assert.match(await page.getByTestId('district-import-preview').innerText(), /新增学校：长青小学、青年中学、绿园小学/);
  await page.getByTestId('district-import-confirm').click();
  await waitSaved(page);

  // UTF-8 without a BOM; the preview says what changes before anything does.
  await choose(page, csv('划片.csv', RULES));
  assert.match(await page.getByTestId('district-import-change').innerText(), /现有 0 条规则，导入后共 4 条/);
  assert.equal(await rulesCount(page), 0, 'nothing changes before the confirmation');
  await page.getByTestId('district-import-confirm').click();
  await waitSaved(page);
  assert.equal(await rulesCount(page), 4);
  assert.equal(await page.getByTestId('district-rule').count(), 4);
  // Each rule shows its original text.
  assert.deepEqual(await page.getByTestId('district-rule-source').allInnerTexts(), [
    '长青路 1—99号（单号）', '长青路 2—50号（双号）', '长青路 35号', '绿园小区',
  ]);

  // 35号 inside 1—99号（单号） with another school is an overlap; 长青二小 is not in the list.
  const conflicts = await page.getByTestId('district-conflict').allInnerTexts();
  assert.ok(conflicts.some((c) => /长青路 35号/.test(c) && /重叠/.test(c)), conflicts.join('\n'));
  assert.ok(conflicts.some((c) => /长青二小.*不在学校名单中/.test(c)), conflicts.join('\n'));
  assert.equal(await page.getByTestId('district-school').count(), 3);
  assert.match(await page.getByTestId('district-schools').innerText(), /红色预警/);

  // Searching the rules.
  await page.getByTestId('district-rule-search').fill('绿园');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=district-rule]').length === 2);

  // The bureau's phone, checked where it is typed.
  await page.getByTestId('district-phone').fill('0431-8x');
  assert.match(await page.getByTestId('district-phone-error').innerText(), /数字/);
  await page.getByTestId('district-phone').fill('0431-89990000');
  assert.equal(await page.getByTestId('district-phone-error').innerText(), '');
  await waitSaved(page);

  await go(page, '#/lookup', 'page-lookup');
  await page.getByTestId('lookup-meta').filter({ hasText: '条道路和小区' }).waitFor();
  const result = await lookup(page, '长青路3号');
  await result.waitFor();
  assert.equal(await result.getAttribute('data-testid'), 'lookup-result');
  const text = await result.innerText();
  assert.match(text, /长青小学/);
  assert.match(text, /长青路1号/);
  assert.match(text, /0431-81234567/);
  assert.match(text, /青年中学/);
  assert.match(await result.getByTestId('lookup-warning').first().innerText(), /红色预警：学区内适龄儿童已超过招生计划/);
  assert.match(text, /长青路 1—99号（单号）/);
  // The even side goes to the other school; a number nothing covers is never guessed.
  assert.match(await (await lookup(page, '长青路 4号')).innerText(), /绿园小学[\s\S]*黄色预警/);
  const empty = await lookup(page, '长青路52号');
  assert.equal(await empty.getAttribute('data-testid'), 'lookup-empty');
  assert.match(await empty.innerText(), /0431-89990000/);
  assert.doesNotMatch(await empty.innerText(), /小学/);
});

test('GBK CSV, and XLSX with a choice of sheet, import; a large file shows its progress', async () => {
  const page = await fresh();
  await importFile(page, { name: 'gbk.csv', mimeType: 'text/csv', buffer: gbk(SCHOOLS + '\n') });
  await importFile(page, { name: 'gbk-rules.csv', mimeType: 'text/csv', buffer: gbk(RULES) });
  assert.equal(await rulesCount(page), 4);
  assert.match(await page.getByTestId('district-rules').innerText(), /长青路[\s\S]*长青小学/);

  // The XLSX reader is a module loaded now. The first sheet has a bad row (7: no school).
  await choose(page, XLSX);
  const sheet = page.getByTestId('district-import-sheet');
  assert.deepEqual(await sheet.locator('option').allInnerTexts(), ['道路规则', '服务区域']);
  assert.match(await page.getByTestId('district-import-counts').innerText(), /4 条划片规则/);
  const errors = await page.getByTestId('district-import-error').allInnerTexts();
  assert.equal(errors.length, 1);
  assert.match(errors[0], /第 7 行第 3 列（对口小学）/);
  await sheet.selectOption('服务区域');
  await page.getByTestId('district-import-sheet-read').click();
  await page.getByTestId('district-import-counts').filter({ hasText: '1 行' }).waitFor();
  await page.getByTestId('district-import-append').check();
  assert.match(await page.getByTestId('district-import-change').innerText(), /现有 4 条规则，导入后共 8 条/);
  await page.getByTestId('district-import-confirm').click();
  await waitSaved(page);
  assert.equal(await rulesCount(page), 8);
  assert.match(await page.getByTestId('district-rules').innerText(), /青年路/);

  // 12,000 rows: read a few hundred at a time, the percentage climbing as the page repaints.
  let big = '道路或小区,门牌号,对口小学,对口初中,备注\n';
  // 12,000 distinct road names of two plain characters (a digit inside a name would be read as its
  // number: 测试0路 is 测试 with 0路).
  const SYL = [...'安北昌朝春丹德东芳丰福光桂海和红华欢建江金锦景静康兰乐丽利林龙梅民明宁平齐庆瑞山胜盛顺松泰桃天通维文西祥新兴秀旭雅阳怡银永友玉远跃云泽珍振正志中竹卓紫宝彩川翠达鼎峰富冠国航浩恒宏鸿佳嘉洁俊凯朗蓝雷黎廉良菱凌柳隆鹿露茂美苗敏沐楠鹏琪茜青清秋荣润森杉舒曙硕思'];
  for (let i = 0; i < 12_000; i++) big += `${SYL[i % SYL.length]}${SYL[Math.floor(i / SYL.length)]}路,1-99号,长青小学,青年中学,\n`;
  await page.evaluate(() => {
    window.__seen = [];
    new MutationObserver(() => {
      const p = document.querySelector('[data-testid=district-import-percent]');
      if (p) window.__seen.push(p.textContent);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await choose(page, csv('big.csv', big));
  const seen = [...new Set(await page.evaluate(() => window.__seen))];
  assert.ok(seen.length >= 5, `progress seen: ${seen.join(' | ')}`);
  assert.ok(seen.some((s) => /（(\d|[1-8]\d)%）/.test(s)), `an intermediate percentage: ${seen.join(' | ')}`);
  assert.match(await page.getByTestId('district-import-counts').innerText(), /12000 条划片规则/);
  await page.getByTestId('district-import-cancel').click();
  assert.equal(await rulesCount(page), 8);
});

test('a broken file shows its errors by row and column, and the data stays as it was', async () => {
  const page = await fresh();
  await importFile(page, csv('学校名单.csv', SCHOOLS));
  await importFile(page, csv('划片.csv', RULES));
  const before = await storedEnvelope(page);

  const broken = `道路或小区,门牌号,对口小学,对口初中,备注
长青路,1-号,长青小学,,
,5号,长青小学,,
青年路,1-9号,,,
青年路,10-20号,长青小学,青年中学,
`;
  await choose(page, csv('坏表.csv', broken));
  const errors = await page.getByTestId('district-import-error').allInnerTexts();
  assert.deepEqual(errors.map((e) => e.match(/^第 (\d+) 行第 (\d+) 列/)?.slice(1).join(',')), ['2,2', '3,1', '4,3']);
  assert.match(errors[0], /门牌号.*“1-号”/);
  assert.match(await page.getByTestId('district-import-counts').innerText(), /1 条划片规则.*3 处错误/);
  await page.getByTestId('district-import-cancel').click();
  assert.equal(await page.getByTestId('district-rule').count(), 4);
  assert.deepEqual(await storedEnvelope(page), before);

  // Not a table at all: one message, no preview, nothing changed.
  await page.getByTestId('district-import').setInputFiles({ name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from([0xff, 0x00, 0x81, 0x30, 0xfe, 0x7f, 0x00]) });
  await page.getByTestId('district-import-failure').waitFor();
  assert.equal(await page.getByTestId('district-import-preview').count(), 0);
  await page.getByTestId('district-import').setInputFiles(csv('无表头.csv', '甲,乙\n丙,丁\n'));
  await page.getByTestId('district-import-error').filter({ hasText: '找不到表头' }).waitFor();
  await page.getByTestId('district-import').setInputFiles({ name: 'bad.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004broken') });
  await page.getByTestId('district-import-failure').filter({ hasText: 'Excel' }).waitFor();
  assert.deepEqual(await storedEnvelope(page), before);
});

test('rules are edited, added and deleted; a deletion and an import can be undone', async () => {
  const page = await fresh();
  await importFile(page, csv('学校名单.csv', SCHOOLS));
  await importFile(page, csv('划片.csv', RULES));

  // Edit: a 门牌号 that cannot be read is refused where it is typed.
  await page.getByTestId('district-rule-edit').nth(1).click();
  const dialog = page.getByTestId('district-rule-dialog');
  await dialog.waitFor();
  assert.equal(await page.getByTestId('district-rule-numbers').inputValue(), '2-50号(双号)');
  await page.getByTestId('district-rule-numbers').fill('2-号');
  assert.match(await page.getByTestId('district-rule-numbers-error').innerText(), /缺少止号/);
  await page.getByTestId('district-rule-save').click();
  await page.getByTestId('district-rule-error').waitFor();
  await page.getByTestId('district-rule-numbers').fill('2-60号（双号）');
  await page.getByTestId('district-rule-save').click();
  await dialog.waitFor({ state: 'detached' });
  await waitSaved(page);
  let rules = (await storedEnvelope(page)).workspace.districts.rules;
  assert.equal(rules[1].numbers, '2-60号(双号)');
  assert.equal(rules[1].source, '长青路 2-60号（双号）');

  // Add.
  await page.getByTestId('district-rule-add').click();
  await page.getByTestId('district-rule-place').fill('青年路');
  await page.getByTestId('district-rule-numbers').fill('全部');
  await page.getByTestId('district-rule-primary').fill('绿园小学');
  await page.getByTestId('district-rule-middle').fill('青年中学');
  await page.getByTestId('district-rule-save').click();
  await waitSaved(page);
  assert.equal(await rulesCount(page), 5);

  // Delete, then 撤销.
  await page.getByTestId('district-rule-delete').first().click();
  await waitSaved(page);
  assert.equal(await rulesCount(page), 4);
  await page.getByTestId('undo').click();
  await waitSaved(page);
  rules = (await storedEnvelope(page)).workspace.districts.rules;
  assert.equal(rules.length, 5);
  assert.equal(rules[0].source, '长青路 1—99号（单号）');

  // An import replaces the rules; 撤销 brings them back.
  await importFile(page, csv('另一张表.csv', '道路或小区,门牌号,对口小学\n新路,全部,长青小学\n'));
  assert.equal(await rulesCount(page), 1);
  await page.getByTestId('undo').click();
  await waitSaved(page);
  assert.equal(await rulesCount(page), 5);
});

test('publish: districts.json beside dist/lookup/ on a 360 px phone, and lookup.html with the data from file://', async () => {
  const page = await fresh();
  await importFile(page, csv('学校名单.csv', SCHOOLS));
  await importFile(page, csv('划片.csv', RULES));
  await page.getByTestId('district-phone').fill('0431-89990000');
  await waitSaved(page);

  // 长青二小 is not in the school list: publishing asks first and says how many problems are open.
  const asked = page.waitForEvent('download');
  await page.getByTestId('district-publish').click();
  const ask = page.getByTestId('district-publish-ask');
  await ask.waitFor();
  assert.match(await ask.innerText(), /还有 1 个问题/);
  await page.getByTestId('district-publish-anyway').click();
  const published0 = await asked;
  const data = { name: published0.suggestedFilename(), file: await published0.path() };
  assert.equal(data.name, 'districts.json');
  const published = JSON.parse(fs.readFileSync(data.file, 'utf8'));
  assert.equal(published.format, 'gongkai-districts');
  assert.ok(published.places.some((p) => p[0] === '长青路' && p[2].includes('chang qing lu')), 'readings computed');

  // The bureau's file replaces the example's beside the served page.
  w.server.override('lookup/districts.json', fs.readFileSync(data.file));
  const phone = await w.newPage(await w.profile({ viewport: { width: 360, height: 740 } }));
  await phone.goto(`${w.server.url}lookup/`);
  await phone.getByTestId('lookup-meta').filter({ hasText: '条道路和小区' }).waitFor();
  assert.equal(await phone.getByTestId('lookup-illustrative').count(), 0);
  // Suggestions as the parent types, by pinyin initials too.
  await phone.getByTestId('lookup-input').fill('cql');
  await phone.getByTestId('lookup-suggestion').filter({ hasText: '长青路' }).waitFor();
  await phone.getByTestId('lookup-input').fill('cql 7');
  await phone.getByTestId('lookup-suggestion').first().click();
  assert.equal(await phone.getByTestId('lookup-input').inputValue(), '长青路7号');
  const found = phone.getByTestId('lookup-result');
  await found.waitFor();
  assert.match(await found.innerText(), /长青小学[\s\S]*0431-81234567/);
  // A road whose number decides asks for it.
  await lookup(phone, '长青路');
  await phone.getByTestId('lookup-need-number').waitFor();
  assert.ok(await phone.getByTestId('lookup-candidate').count() >= 2);
  assert.equal(await noSideways(phone), 0, 'no sideways scroll at 360 px');
  const input = await phone.getByTestId('lookup-input').boundingBox();
  assert.ok(input.height >= 44, `the search box is ${input.height}px tall`);

  // The page with the data inside, from disk.
  const handing = page.waitForEvent('download');
  await page.getByTestId('district-download-lookup').click();
  await page.getByTestId('district-publish-anyway').click();
  const handed = await handing;
  const single = { name: handed.suggestedFilename(), file: await handed.path() };
  assert.equal(single.name, 'lookup.html');
  const local = path.join(path.dirname(single.file), 'lookup-test.html');
  fs.copyFileSync(single.file, local);
  const file = await w.newPage(await w.profile({ viewport: { width: 360, height: 740 } }));
  await file.goto(pathToFileURL(local).href);
  await file.getByTestId('lookup-meta').filter({ hasText: '条道路和小区' }).waitFor();
  const answer = await lookup(file, '绿园小区');
  await answer.waitFor();
  assert.match(await answer.innerText(), /绿园小学[\s\S]*学位紧张/);
  assert.equal(await noSideways(file), 0);
  fs.rmSync(local);
});

test('the page runs in its own wasm module: a loading state, a clear message and 重新载入 when the module cannot load, and another tab\'s change reaches the page', async () => {
  const context = await w.profile();
  try {
    // The module's files fail, as on a broken network, once the loading state has been seen.
    const files = /\/districts-page-[0-9a-f]+(\.js|_bg\.wasm)$/;
    let release;
    const gate = new Promise((resolve) => { release = resolve; });
    // The first visit: the module is fetched before the service worker takes the page.
    const page = await w.open(context, '#/districts', async (p) => {
      await p.route(files, async (route) => { await gate; await route.abort(); });
    });
    await page.getByTestId('module-loading').filter({ hasText: '正在载入' }).waitFor();
    release();
    const failed = page.getByTestId('module-failed');
    await failed.waitFor();
    assert.match(await failed.innerText(), /本页组件未能加载.*已保存的数据不受影响/s);
    assert.equal(await page.getByTestId('page-districts').count(), 0);
    // The aborted requests are this test's doing, not the app's.
    const mine = (p) => /ERR_FAILED|districts-page/.test(p);
    w.problems.splice(0, w.problems.length, ...w.problems.filter((p) => !mine(p)));

    await page.unroute(files);
    await page.getByTestId('module-retry').click();
    await page.getByTestId('page-districts').waitFor();
    assert.equal(await failed.count(), 0);
    assert.equal(await page.getByTestId('module-loading').count(), 0);

    // Another tab edits the bureau's phone; this clean tab takes the stored data, and the page inside
    // the module shows it (the workbench hands it the new data).
    const other = await w.open(context, '#/districts');
    await other.getByTestId('page-districts').waitFor();
    await other.getByTestId('district-phone').fill('0431-88886666');
    await waitSaved(other);
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=district-phone]')?.value === '0431-88886666');
    assert.equal((await storedEnvelope(page)).workspace.districts.bureau_phone, '0431-88886666');
  } finally {
    await context.close();
  }
});
