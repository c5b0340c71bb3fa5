// User stories about the page shell: the built-in example, hash routing from a sub-path, and a page
// that never talks to anything but the server it came from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { world, storedEnvelope, waitSaved } from './harness.mjs';
import { ROUTES as APP_ROUTES } from './routes.mjs';

test('a newcomer loads the example and sees its unit and year, also after reload', async () => {
  const w = await world();
  try {
    const page = await w.open(await w.profile(), '#/');
    await page.getByTestId('load-example').click();
    await waitSaved(page);
    assert.equal(await page.getByTestId('overview-unit').innerText(), '汽开区教育局');
    assert.equal(await page.getByTestId('overview-year').innerText(), '2020');
    const report = (await storedEnvelope(page)).workspace.reports['2020'];
    assert.equal(report.narrative.other, '无');
    assert.equal(report.tables['t2/a20_1/rules/new_made'], '0');
    await page.reload();
    assert.equal(await page.getByTestId('overview-unit').innerText(), '汽开区教育局');
  } finally {
    await w.finish();
  }
});

test('loading the example over existing data asks first', async () => {
  const w = await world();
  try {
    const page = await w.open(await w.profile(), '#/settings');
    await page.getByTestId('settings-unit').fill('我的单位');
    await waitSaved(page);
    await page.goto(w.server.url + '#/');
    await page.getByTestId('load-example').click();
    await page.getByTestId('confirm-replace').waitFor();
    await page.getByTestId('confirm-no').click();
    assert.equal(await page.getByTestId('overview-unit').innerText(), '我的单位');
    await page.getByTestId('load-example').click();
    await page.getByTestId('confirm-yes').click();
    // The example arrives from its module: wait for it rather than for a status that was already 已保存.
    await page.getByTestId('overview-unit').filter({ hasText: '汽开区教育局' }).waitFor();
    await waitSaved(page);
  } finally {
    await w.finish();
  }
});

const ROUTES = [...APP_ROUTES, ['#/nowhere', 'page-not-found']];
// The ten category pages are one component: reloading the first and the last stands for all of them.
const CATEGORIES = APP_ROUTES.filter(([h]) => h.startsWith('#/category/'));
const RELOADED = ROUTES.filter(([h]) => !h.startsWith('#/category/') || h === CATEGORIES[0][0] || h === CATEGORIES.at(-1)[0]);

test('every route has a bookmarkable hash URL that survives reload, served from a sub-path', async () => {
  const w = await world();
  try {
    assert.match(w.server.url, /\/apps\/gongkai\/$/);
    const page = await w.open(await w.profile());
    for (const [hash, testid] of RELOADED) {
      await page.goto(w.server.url + hash);
      await page.getByTestId(testid).waitFor();
      await page.reload();
      await page.getByTestId(testid).waitFor();
    }
    // The navigation reaches every page of docs/design.md §4, categories included.
    const hrefs = await page.getByTestId('nav').locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const [hash] of ROUTES.filter(([h]) => h !== '#/nowhere')) assert.ok(hrefs.includes(hash), hash);
    assert.equal(hrefs.filter((h) => h.startsWith('#/category/')).length, 10);
    await page.getByTestId('nav').getByText('数据与备份').click();
    await page.getByTestId('page-data').waitFor();
    assert.equal(new URL(page.url()).hash, '#/data');
  } finally {
    await w.finish();
  }
});

test('no request leaves 127.0.0.1 during a whole session', async () => {
  const w = await world();
  try {
    const page = await w.open(await w.profile(), '#/');
    await page.getByTestId('load-example').click();
    await waitSaved(page);
    for (const hash of ['#/settings', '#/data', '#/report', '#/lookup']) {
      await page.goto(w.server.url + hash);
      await page.getByTestId('save-status').waitFor();
    }
    // The check in finish() is not vacuous: the app's own files were requested from the server.
    assert.ok(w.requests.some((u) => u.endsWith('.wasm')), 'the wasm was loaded from the local server');
    assert.ok(w.requests.every((u) => u.startsWith(w.server.origin) || /^(data|blob):/.test(u)));
  } finally {
    await w.finish();
  }
});
