// User stories of offline delivery (docs/delivery.md): the workbench works with the network off after
// one visit and offers a new build; the single file works from disk; no request leaves any page and
// the CSP refuses one that tries; a wasm that cannot start or a panic shows a plain message.
// (c) the parent lookup page, served and as one file, answers a known address offline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { world, waitSaved, downloadText, delivery, isLocal, fileUrl, DIST } from './harness.mjs';
import { ROUTES } from './routes.mjs';

const XLSX = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../fixtures/districts.xlsx');

const build = delivery();
const workbench = build.pages.gongkai;
const lookupPage = build.pages.lookup;

/** On a lookup page whose data has loaded: the answer to `query`. */
async function lookup(page, query) {
  await page.getByTestId('lookup-meta').filter({ hasText: '条道路和小区' }).waitFor();
  await page.getByTestId('lookup-input').fill(query);
  await page.getByTestId('lookup-submit').click();
  const answer = page.getByTestId('lookup-results').locator('article').first();
  await answer.waitFor();
  return answer;
}

/** Waits until the page's service worker has precached the build and controls the page. */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30_000 });
}

async function download(page, trigger) {
  const [d] = await Promise.all([page.waitForEvent('download'), trigger()]);
  return { name: d.suggestedFilename(), file: await d.path() };
}

/** Member names and ZIP methods of a .docx, read by Python's zipfile (an independent reader). */
function zipMethods(file) {
  const out = execFileSync('python3', ['-c', [
    'import sys, zipfile, json',
    'z = zipfile.ZipFile(sys.argv[1])',
    'assert z.testzip() is None',
    'print(json.dumps({i.filename: i.compress_type for i in z.infolist()}))',
  ].join('\n'), file], { encoding: 'utf8' });
  return JSON.parse(out);
}

async function exportDocx(page) {
  const { name, file } = await download(page, () => page.getByTestId('export-docx').click());
  assert.match(name, /\.docx$/);
  const methods = zipMethods(file);
  assert.equal(methods['word/document.xml'], 8, 'document.xml is deflated');
  return fs.statSync(file).size;
}

/** A page that is not watched by the harness: for stories that expect errors. */
async function bare(context, before = async () => {}) {
  const page = await context.newPage();
  await before(page);
  return page;
}

test('(a) after one visit the workbench loads, keeps its data and exports Word with the network off', async () => {
  const w = await world();
  try {
    const context = await w.profile();
    const page = await w.open(context, '#/');
    await page.getByTestId('load-example').click();
    await waitSaved(page);
    await page.goto(w.server.url + '#/settings');
    await page.getByTestId('settings-region').fill('离线也能用的测试区');
    await waitSaved(page);
    await controlled(page);

    // The server is gone and the browser is offline: only the service worker's cache can answer.
    await w.server.close();
    await context.setOffline(true);
    await page.reload();
    await page.getByTestId('page-settings').waitFor();
    assert.equal(await page.getByTestId('settings-region').inputValue(), '离线也能用的测试区');

    const fresh = await w.open(context, '#/report');
    await fresh.getByTestId('page-report').waitFor();
    // The Word writer is a module loaded on first use: precached as well.
    const size = await exportDocx(fresh);
    assert.ok(size < 40_000, `compressed DOCX is ${size} bytes`);

    // #/districts is a page in a module (docs/delivery.md): precached too, with the example's rules.
    await fresh.goto(w.server.url + '#/districts');
    await fresh.getByTestId('district-rule').first().waitFor();
  } finally {
    await w.finish();
  }
});

test('a new build is offered as “有新版本”, and its button reloads into it and drops the old cache', async () => {
  const w = await world();
  try {
    const context = await w.profile();
    const page = await w.open(context, '#/');
    await controlled(page);
    assert.deepEqual(await page.evaluate(() => caches.keys()), [`gongkai-gongkai-${workbench.version}`]);
    assert.equal(await page.getByTestId('update-available').count(), 0, 'no banner on the first visit');

    // A new build: the same assets under a new version.
    const sw = fs.readFileSync(path.join(DIST, workbench.serviceWorker), 'utf8');
    const next = `${workbench.version}-next`;
    assert.ok(sw.includes(`"${workbench.version}"`));
    w.server.override(workbench.serviceWorker, sw.replace(`"${workbench.version}"`, `"${next}"`));
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    const banner = page.getByTestId('update-available');
    await banner.waitFor();
    assert.match(await banner.innerText(), /有新版本/);

    await Promise.all([page.waitForEvent('load'), page.getByTestId('update-reload').click()]);
    await page.getByTestId('save-status').waitFor();
    await page.waitForFunction(async (v) => (await caches.keys()).join() === `gongkai-gongkai-${v}`, next);
    assert.equal(await page.getByTestId('update-available').count(), 0);
  } finally {
    await w.finish();
  }
});

test('(b) the single file works from disk: warns about moving it, saves across a reload, imports, exports', async () => {
  const w = await world();
  try {
    const context = await w.profile();
    const url = fileUrl(workbench.single);
    const page = await w.openFile(context, workbench.single);
    assert.equal(await page.evaluate(() => location.protocol), 'file:');
    const notice = page.getByTestId('file-notice');
    await notice.waitFor();
    const words = await notice.innerText();
    assert.match(words, /移动/);
    assert.match(words, /备份文件/);

    await page.getByTestId('load-example').click();
    await waitSaved(page);
    await page.goto(url + '#/settings');
    await page.getByTestId('settings-region').fill('单文件测试区');
    await waitSaved(page);
    await page.reload();
    await page.getByTestId('page-settings').waitFor();
    assert.equal(await page.getByTestId('settings-region').inputValue(), '单文件测试区');

    await page.goto(url + '#/data');
    const backup = await downloadText(page, () => page.getByTestId('export-backup').click());
    assert.equal(JSON.parse(backup.text).format, 'gongkai-workspace');
    assert.ok(backup.text.includes('单文件测试区'));

    // Change something, then import the backup: the change is undone.
    await page.goto(url + '#/settings');
    await page.getByTestId('settings-region').fill('导入前的改动');
    await waitSaved(page);
    await page.goto(url + '#/data');
    await page.getByTestId('import-backup').setInputFiles(backup.file);
    await page.getByTestId('import-summary').waitFor();
    await page.getByTestId('import-confirm').click();
    await waitSaved(page);
    await page.goto(url + '#/settings');
    assert.equal(await page.getByTestId('settings-region').inputValue(), '单文件测试区');

    // The Word writer is embedded in the file.
    await page.goto(url + '#/report');
    await exportDocx(page);

    // The page module of #/districts is embedded as well, and its edits are saved.
    await page.goto(url + '#/districts');
    await page.getByTestId('page-districts').waitFor();
    await page.getByTestId('district-phone').fill('0431-85556666');
    await waitSaved(page);
    await page.reload();
    await page.getByTestId('page-districts').waitFor();
    assert.equal(await page.getByTestId('district-phone').inputValue(), '0431-85556666');

    // Dismissed once, the notice stays away for this file.
    await page.getByTestId('file-notice-dismiss').click();
    await page.reload();
    await page.getByTestId('save-status').waitFor();
    assert.equal(await page.getByTestId('file-notice').count(), 0);
  } finally {
    await w.finish();
  }
});


test('the lookup page beneath the workbench worker offers “有新版本” only for a new build of its own', async () => {
  const w = await world();
  try {
    const context = await w.profile();
    const workbenchPage = await w.open(context, '#/');
    await controlled(workbenchPage);
    // The workbench's worker (scope /) controls /lookup/ until the lookup page's own takes over.
    const page = await w.newPage(context);
    await page.goto(`${w.server.url}${lookupPage.dir}`);
    await page.getByTestId('lookup-meta').filter({ hasText: '条道路和小区' }).waitFor();
    await page.waitForFunction((own) => navigator.serviceWorker?.controller?.scriptURL.endsWith(own),
      lookupPage.serviceWorker, { timeout: 30_000 });
    assert.equal(await page.getByTestId('update-available').count(), 0, 'its own first install is no update');

    // A new build of the lookup page: offered.
    const sw = fs.readFileSync(path.join(DIST, lookupPage.serviceWorker), 'utf8');
    assert.ok(sw.includes(`"${lookupPage.version}"`));
    w.server.override(lookupPage.serviceWorker, sw.replace(`"${lookupPage.version}"`, `"${lookupPage.version}-next"`));
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await page.getByTestId('update-available').waitFor();
  } finally {
    await w.finish();
  }
});

test('(c) the parent lookup page, served and as one file, answers a known address offline', async () => {
  const w = await world();
  try {
    // Served: after one visit its worker has the page and the data; then the server is gone.
    const context = await w.profile({ viewport: { width: 360, height: 740 } });
    const page = await w.newPage(context);
    await page.goto(`${w.server.url}${lookupPage.dir}`);
    await lookup(page, '东风大街3号');
    await controlled(page);
    assert.deepEqual(await page.evaluate(() => caches.keys()), [`gongkai-lookup-${lookupPage.version}`]);
    await w.server.close();
    await context.setOffline(true);
    await page.reload();
    const answer = await lookup(page, '东风大街3号');
    assert.equal(await answer.getAttribute('data-testid'), 'lookup-result');
    assert.match(await answer.innerText(), /汽开区第一实验小学[\s\S]*红色预警/);
    assert.match(await page.getByTestId('lookup-illustrative').innerText(), /示例数据/);

    // The single file, from disk, offline too.
    const single = await w.newPage(context);
    await single.goto(fileUrl(lookupPage.single));
    const fromDisk = await lookup(single, 'dfdj 88');
    assert.match(await fromDisk.innerText(), /汽开区东风小学/);
    const empty = await lookup(single, '没有这条路1号');
    assert.equal(await empty.getAttribute('data-testid'), 'lookup-empty');
    assert.match(await empty.innerText(), /0431-85000000/);
  } finally {
    await w.finish();
  }
});

/** Tries to reach other origins from `page`; returns the CSP directives that refused. */
async function cspRefusals(page) {
  return page.evaluate(async () => {
    const refused = [];
    document.addEventListener('securitypolicyviolation', (e) => refused.push(e.effectiveDirective));
    await fetch('https://example.com/probe').catch(() => {});
    const img = new Image();
    img.src = 'https://example.com/probe.png';
    const s = document.createElement('script');
    s.src = 'https://example.com/probe.js';
    document.head.appendChild(s);
    await new Promise((r) => setTimeout(r, 300));
    return [...new Set(refused)].sort();
  });
}

test('(d) no request leaves the page, on every page and route, and the CSP refuses any that tries', async () => {
  const w = await world();
  const seen = [];
  try {
    const context = await w.profile();
    context.on('request', (r) => seen.push(r.url()));
    for (const [name, p] of Object.entries(build.pages)) {
      const served = await w.newPage(context);
      await served.goto(`${w.server.url}${p.dir}#/`);
      await served.waitForSelector('[data-app-started]');
      const single = await w.newPage(context);
      await single.goto(fileUrl(p.single));
      await single.waitForSelector('[data-app-started]');
      // Each page walks its own routes: the lookup page answers, suggests and asks for a number.
      if (name === 'lookup') {
        for (const page of [served, single]) {
          await lookup(page, '东风大街88号');
          await page.getByTestId('lookup-input').fill('jc');
          await page.getByTestId('lookup-suggestion').first().waitFor();
          await lookup(page, '飞跃路');
          await lookup(page, '没有这条路');
        }
        continue;
      }
      for (const page of [served, single]) {
        const base = page.url().replace(/#.*$/, '');
        await page.getByTestId('load-example').click();
        await waitSaved(page);
        for (const [hash, testid] of ROUTES) {
          await page.goto(base + hash);
          await page.getByTestId(testid).waitFor();
        }
        await page.goto(base + '#/report');
        await exportDocx(page);
        // The district tools module, and the lookup page the workbench hands out.
        await page.goto(base + '#/districts');
        await page.getByTestId('district-import').setInputFiles(XLSX);
        await page.getByTestId('district-import-preview').waitFor();
        await page.getByTestId('district-import-cancel').click();
        const handed = await download(page, () => page.getByTestId('district-download-lookup').click());
        assert.match(fs.readFileSync(handed.file, 'utf8'), /汽开区第一实验小学/);
      }
    }
    assert.ok(seen.some((u) => u.endsWith('_bg.wasm')), 'the requests were recorded');
    assert.deepEqual(seen.filter((u) => !isLocal(u, w.server.origin)), [], 'requests left the page');

    // The policy itself: no remote origin for fetch, images or scripts, on both kinds of page.
    const probe = await w.browser.newContext();
    const served = await bare(probe);
    await served.goto(w.server.url);
    await served.waitForSelector('[data-app-started]');
    assert.deepEqual(await cspRefusals(served), ['connect-src', 'img-src', 'script-src-elem']);
    const single = await bare(probe);
    await single.goto(fileUrl(workbench.single));
    await single.waitForSelector('[data-app-started]');
    assert.deepEqual(await cspRefusals(single), ['connect-src', 'img-src', 'script-src-elem']);
    for (const url of [`${w.server.url}${lookupPage.dir}`, fileUrl(lookupPage.single)]) {
      const parent = await bare(probe);
      await parent.goto(url);
      await parent.waitForSelector('[data-app-started]');
      assert.deepEqual(await cspRefusals(parent), ['connect-src', 'img-src', 'script-src-elem'], url);
    }
    await probe.close();
  } finally {
    await w.finish();
  }
});

test('(e) when the wasm cannot start, a plain message says what to do instead of a blank page', async () => {
  const w = await world();
  try {
    const expectMessage = async (page) => {
      const box = page.getByTestId('boot-failure');
      await box.waitFor();
      const text = await box.innerText();
      assert.match(text, /工作台无法启动/);
      assert.match(text, /新版的 Edge、Chrome/);
      assert.match(text, /数据不受影响/);
      assert.equal(await page.locator('[data-testid=save-status]').count(), 0);
      return text;
    };
    // The wasm file is blocked (a proxy, a broken download).
    const blocked = await w.profile();
    await blocked.route('**/*_bg.wasm', (route) => route.abort());
    const page = await bare(blocked);
    await page.goto(w.server.url);
    assert.match(await expectMessage(page), /刷新/);

    // A browser without WebAssembly, served and from disk.
    const old = await w.profile();
    await old.addInitScript(() => { delete globalThis.WebAssembly; });
    const served = await bare(old);
    await served.goto(w.server.url);
    await expectMessage(served);
    const single = await bare(old);
    await single.goto(fileUrl(workbench.single));
    assert.match(await expectMessage(single), /保存到电脑上/);
  } finally {
    await w.finish();
  }
});

test('a panic shows that the saved data is safe, and its button downloads a backup that imports', async () => {
  const w = await world();
  try {
    const context = await w.profile();
    const page = await bare(context);
    await page.goto(w.server.url + '#/');
    await page.getByTestId('load-example').click();
    await waitSaved(page);
    // The production build exports no way to panic on purpose; this is the call the panic hook
    // (crates/fatal) makes with the panic's message.
    assert.equal(await page.evaluate(() => 'gongkai_test_panic' in (window.wasmBindings || {})), false);
    await page.evaluate(() => setTimeout(() => window.gongkaiBoot.fatal('panicked at src/ui/app.rs: test panic requested'), 0));
    const fatal = page.getByTestId('fatal');
    await fatal.waitFor();
    assert.match(await fatal.innerText(), /已经保存的数据是安全的/);
    assert.match(await fatal.innerText(), /test panic requested/);
    const { name, text, file } = await downloadText(page, () => page.getByTestId('fatal-download').click());
    assert.match(name, /\.gongkai\.json$/);
    const backup = JSON.parse(text);
    assert.equal(backup.format, 'gongkai-workspace');
    assert.match(backup.exported_at, /^\d{4}-\d\d-\d\dT/);

    const other = await w.open(await w.profile(), '#/data');
    await other.getByTestId('import-backup').setInputFiles(file);
    await other.getByTestId('import-summary').waitFor();
    await other.getByTestId('import-confirm').click();
    await waitSaved(other);
    await other.goto(w.server.url + '#/');
    assert.equal(await other.getByTestId('overview-unit').innerText(), '汽开区教育局');
  } finally {
    await w.finish();
  }
});
