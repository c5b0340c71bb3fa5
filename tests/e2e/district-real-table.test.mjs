// User story of a real district table: the bureau imports an excerpt of 越秀区's published 2026 登记范围
// (an .xlsx with the table's own headings and merged cells, fixtures/yuexiu-2026-excerpt.xlsx), whose
// headings are not all recognised, so it says what each column holds; the preview counts what the
// 服务区域 texts read as and lists what was not understood; on the review card it rewrites one unread
// fragment and sees its rules; it publishes, asked first about the problems still open; a parent on a
// 360 px phone finds a rewritten lane, a number outside every range (the road's numbers listed, no
// school), a close name (offered, not answered) and a name only the unread text holds (possible).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { world, waitSaved, storedEnvelope } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const XLSX = path.resolve(here, 'fixtures/yuexiu-2026-excerpt.xlsx');

let w;
before(async () => { w = await world(); });
after(async () => { await w.finish(); });

async function lookup(page, query) {
  await page.getByTestId('lookup-input').fill(query);
  await page.getByTestId('lookup-submit').click();
  return page.getByTestId('lookup-results').locator('article').first();
}

async function noSideways(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test('a real table with its own headings: map the columns, fix an unread fragment, publish, look up on a phone', async () => {
  const page = await w.open(await w.profile(), '#/districts');
  await page.getByTestId('page-districts').waitFor();

  // “范围” is no heading the import knows, and “登记范围表” reads as the area: the mapping is shown
  // before anything is read.
  await page.getByTestId('district-import').setInputFiles(XLSX);
  const mapping = page.getByTestId('district-import-mapping');
  await mapping.waitFor();
  assert.equal(await page.getByTestId('district-import-preview').count(), 0);
  const role = (c) => page.locator(`[data-testid=district-import-role][data-column="${c}"]`);
  assert.equal(await role(0).inputValue(), 'area');
  assert.equal(await role(1).inputValue(), 'street');
  assert.equal(await role(2).inputValue(), '');
  assert.match(await mapping.innerText(), /第 3 列“范围”[\s\S]*例：江月路/);
  // The bureau says: column 1 names the school, column 3 is the area.
  await role(0).selectOption('school');
  await role(2).selectOption('area');
  await page.getByTestId('district-import-read').click();

  const preview = page.getByTestId('district-import-preview');
  await preview.waitFor();
  const areas = await page.getByTestId('district-import-areas').innerText();
  assert.match(areas, /2 所学校/);
  assert.match(areas, /(\d+) 段没有读懂/);
  const unread = await page.getByTestId('district-import-unread').allInnerTexts();
  assert.ok(unread.some((u) => /八一实验学校.*共和1—8巷（双号）/.test(u)), unread.join('\n'));
  // The schools come with the table.
  assert.match(await preview.innerText(), /新增学校：.*东山实验小学.*八一实验学校/);
  await page.getByTestId('district-import-confirm').click();
  await preview.waitFor({ state: 'detached' });
  await waitSaved(page);
  let stored = (await storedEnvelope(page)).workspace;
  assert.equal(stored.districts.areas.length > 10, true, 'each row of the areas is kept with its fragments');
  assert.ok(stored.schools.some((s) => s.name.endsWith('八一实验学校(小学部)')));

  // The review card: only the schools with unread fragments, then the lanes rewritten in place.
  const review = page.getByTestId('district-review');
  await page.getByTestId('district-review-filter').selectOption('unread');
  const fragment = review.locator('[data-testid=district-review-fragment][data-state=unread]', { hasText: '共和1—8巷（双号）' });
  await fragment.click();
  await page.getByTestId('district-review-input').fill('共和二巷、共和四巷、共和六巷、共和八巷');
  await page.getByTestId('district-review-save').click();
  await page.getByTestId('district-review-message').filter({ hasText: '已读成规则' }).waitFor();
  const rules = await page.getByTestId('district-review-rule').allInnerTexts();
  assert.deepEqual(rules.map((r) => r.split(/[ ，（]/)[0]), ['共和二巷', '共和四巷', '共和六巷', '共和八巷']);
  await waitSaved(page);
  stored = (await storedEnvelope(page)).workspace;
  const lanes = stored.districts.rules.filter((r) => r.name.startsWith('共和') && r.name.endsWith('巷'));
  assert.equal(lanes.length, 4);
  assert.ok(lanes.every((r) => r.primary.some((s) => s.endsWith('八一实验学校(小学部)'))));

  // The problems before publishing include the fragments still unread, each with a way to it.
  const problems = await page.getByTestId('district-conflict').allInnerTexts();
  assert.ok(problems.some((p) => /没有读懂/.test(p)), problems.join('\n'));
  assert.ok(!problems.some((p) => /共和1—8巷/.test(p)), 'the rewritten fragment is no longer a problem');

  // Publishing asks first, then hands out districts.json.
  const downloading = page.waitForEvent('download');
  await page.getByTestId('district-publish').click();
  await page.getByTestId('district-publish-ask').waitFor();
  await page.getByTestId('district-publish-anyway').click();
  const data = await downloading;
  const published = JSON.parse(fs.readFileSync(await data.path(), 'utf8'));
  assert.equal(published.version, 2);
  assert.ok(published.unread.length >= 1, 'the unread fragments are published as possible matches');

  // A parent on a phone, with the bureau's file beside the page.
  w.server.override('lookup/districts.json', fs.readFileSync(await data.path()));
  const phone = await w.newPage(await w.profile({ viewport: { width: 360, height: 740 } }));
  await phone.goto(`${w.server.url}lookup/`);
  await phone.getByTestId('lookup-meta').filter({ hasText: '条道路和小区' }).waitFor();
  // The hint and the placeholder are the bureau's own, not the built-in example's.
  const placeholder = await phone.getByTestId('lookup-input').getAttribute('placeholder');
  assert.doesNotMatch(placeholder, /东风大街/);
  assert.doesNotMatch(await phone.getByTestId('lookup-hint').innerText(), /dfdj/);

  // The rewritten lane.
  let answer = await lookup(phone, '越秀区共和四巷');
  await answer.waitFor();
  assert.equal(await answer.getAttribute('data-testid'), 'lookup-result');
  assert.match(await answer.innerText(), /八一实验学校/);
  // 寺右新马路138–162号（双号）: 141 is odd, no rule covers it. The road's numbers are listed; no school.
  answer = await lookup(phone, '寺右新马路141号');
  await phone.getByTestId('lookup-empty').waitFor();
  assert.match(await phone.getByTestId('lookup-empty').innerText(), /找到了“寺右新马路”，但没有覆盖“141号”/);
  assert.ok(await phone.getByTestId('lookup-listed').count() >= 2);
  assert.equal(await phone.getByTestId('lookup-school').count(), 0);
  // A name one character away: offered, searched only when tapped.
  await lookup(phone, '寺右新马璐140号');
  await phone.getByTestId('lookup-empty').waitFor();
  assert.equal(await phone.getByTestId('lookup-school').count(), 0);
  await phone.getByTestId('lookup-did-you-mean').filter({ hasText: '寺右新马路140号' }).click();
  await phone.getByTestId('lookup-result').waitFor();
  assert.match(await phone.getByTestId('lookup-result').innerText(), /东山实验小学/);
  // A name only the unread text holds: possible, with the wording and the phone line.
  await lookup(phone, '长庚巷');
  await phone.getByTestId('lookup-possible').first().waitFor();
  assert.match(await phone.getByTestId('lookup-results').innerText(), /可能属于[\s\S]*八一实验学校[\s\S]*南中里/);
  assert.equal(await noSideways(phone), 0, 'no sideways scroll at 360 px');
});
