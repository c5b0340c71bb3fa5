// The user stories that must hold in every engine our users have, run in Firefox ESR and in WebKitGTK
// (Safari's engine; on an iPhone every browser, WeChat's too, is WebKit). Chromium runs the full suite
// in tests/e2e/*.test.mjs. A story an engine cannot run is skipped with the reason in the output.
// Run by scripts/test.sh: `node --test engines/stories.mjs` in tests/e2e (docs/browsers.md).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, fileUrl, fillStorage } from '../harness.mjs';
import { firefox, webkit } from './drivers.mjs';

const LAUNCH = { Firefox: firefox, WebKit: webkit };
const engines = (process.env.GONGKAI_ENGINES ?? 'Firefox,WebKit').split(',').filter(Boolean);

for (const name of engines) {
  describe(`${name}`, () => {
    let engine;
    let server;
    before(async () => {
      server = await startServer();
      engine = await LAUNCH[name]();
    });
    after(async () => {
      await engine?.close();
      await server?.close();
    });

    /** A fresh page; closed after `story(page)`, which fails on uncaught errors in the page. */
    async function withPage(options, story) {
      const page = await engine.open(options);
      try {
        await story(page);
        assert.deepEqual(page.errors, [], 'errors in the page');
      } finally {
        await page.close();
      }
    }

    test('a newcomer loads the example, edits it, and finds the edit after a reload', async (t) => {
      await withPage({}, async (page) => {
        await page.goto(server.url + '#/');
        await page.mounted();
        t.diagnostic(`${engine.name} ${engine.version}: ${await page.eval(() => navigator.userAgent)}`);
        await page.click('load-example');
        await page.text('save-status', /已保存/);
        await page.goto(server.url + '#/settings');
        await page.text('settings-unit');
        assert.equal(await page.eval(() => document.querySelector('[data-testid=settings-unit]').value), '汽开区教育局');
        await page.fill('settings-unit', '汽开区教育局（跨引擎）');
        await page.text('save-status', /已保存/);
        await page.reload();
        await page.mounted();
        await page.until('the edit after the reload', () =>
          document.querySelector('[data-testid=settings-unit]')?.value === '汽开区教育局（跨引擎）');
      });
    });

    test('the report exports as DOCX and the data as a backup file', async (t) => {
      await withPage({}, async (page) => {
        await page.goto(server.url + '#/');
        await page.mounted();
        await page.click('load-example');
        await page.text('save-status', /已保存/);
        await page.goto(server.url + '#/report');
        await page.text('export-docx');
        await page.keepDownloads();
        t.diagnostic('the files are read from the Blob the app hands over; the browser\'s download manager is not driven');
        await page.click('export-docx');
        const docx = await page.download(0);
        assert.match(docx.name, /\.docx$/);
        assert.ok(docx.text.startsWith('PK'), 'a ZIP package');
        assert.ok(docx.text.includes('word/document.xml'), 'with the document part');
        assert.ok(docx.size > 5000, `${docx.size} bytes`);
        await page.click('export-md');
        const md = await page.download(1);
        assert.match(md.text, /汽开区教育局/);

        await page.goto(server.url + '#/data');
        await page.text('export-backup');
        await page.keepDownloads();
        await page.click('export-backup');
        const backup = await page.download(0);
        assert.match(backup.name, /\.gongkai\.json$/);
        const parsed = JSON.parse(backup.text);
        assert.equal(parsed.format, 'gongkai-workspace');
        assert.match(backup.text, /汽开区教育局/);
      });
    });

    test('#/data says whether storage is persistent, and warns of WebKit\'s 7-day limit there', async () => {
      await withPage({}, async (page) => {
        await page.goto(server.url + '#/');
        await page.mounted();
        await page.click('load-example');
        await page.text('save-status', /已保存/);
        await page.goto(server.url + '#/data');
        const api = await page.eval(() => !!navigator.storage?.persist);
        const persisted = api ? await page.eval(() => navigator.storage.persisted()) : null;
        const said = await page.text('storage-persist', /持久保存/);
        if (!api) assert.match(said, /不支持持久保存请求/);
        else if (persisted) assert.match(said, /持久保存：浏览器已同意/);
        else assert.match(said, /持久保存：未获浏览器同意/);
        if (engine.name === 'Firefox') assert.equal(persisted, true, 'asked at the first save, and allowed');
        const notice = await page.eval(() => document.querySelector('[data-testid=storage-webkit]')?.innerText ?? null);
        if (engine.name === 'WebKit') assert.match(notice, /7 天没有访问本站后删除[\s\S]*上次导出备份以后数据有修改/);
        else assert.equal(notice, null);
      });
    });

    test('unreadable storage and a full quota are said in Chinese, and the data in the page stays', async () => {
      await withPage({}, async (page) => {
        await page.goto(server.url + '#/settings');
        await page.mounted();
        await page.eval(() => localStorage.setItem('gongkai:workspace', '{"format":"gongkai-store","revision":7,"workspace":{"sche'));
        await page.reload();
        await page.text('storage-error', /无法读取/);
        await page.fill('settings-unit', '原来的单位');
        await page.text('save-status', /已保存/);
        const filled = await page.eval(fillStorage);
        assert.ok(filled > 5, 'storage was filled');
        await page.fill('settings-unit', '原来的单位（修改后的名称很长很长很长很长很长很长很长）');
        await page.text('save-status', /保存失败/);
        await page.text('storage-error', /已满/);
        assert.equal(
          await page.eval(() => document.querySelector('[data-testid=settings-unit]').value),
          '原来的单位（修改后的名称很长很长很长很长很长很长很长）',
        );
        await page.eval(() => {
          for (const k of Object.keys(localStorage)) if (k.startsWith('junk-')) localStorage.removeItem(k);
        });
      });
    });

    test('a parent looks up an address on a 360 px phone: suggestions, a number query, pinyin, the keyboard\'s search key', async (t) => {
      await withPage({ width: 360, height: 740 }, async (page) => {
        if (page.narrow) {
          t.diagnostic(`${engine.name}: the window cannot be narrower than 447 px, so the page runs in a 360 × 740 px iframe`);
          server.override('phone.html', '<!doctype html><meta charset="utf-8"><style>body{margin:0}</style>'
            + '<iframe src="lookup/" style="width:360px;height:740px;border:0"></iframe>');
          await page.goto(server.url + 'phone.html');
          await page.frame(0);
        } else {
          await page.goto(server.url + 'lookup/');
        }
        await page.text('lookup-meta', /条道路和小区/);
        assert.equal(await page.eval(() => innerWidth), 360);
        await page.fill('lookup-input', 'jc');
        await page.text('lookup-suggestion');
        await page.fill('lookup-input', '东风大街3号');
        await page.enter('lookup-input');
        const answer = await page.text('lookup-results', /汽开区第一实验小学/);
        assert.match(answer, /红色预警/);
        await page.fill('lookup-input', 'dfdj 88');
        await page.click('lookup-submit');
        await page.text('lookup-results', /汽开区东风小学/);
        const fontPx = await page.eval(() => parseFloat(getComputedStyle(document.querySelector('[data-testid=lookup-input]')).fontSize));
        assert.ok(fontPx >= 16, `the input's text is ${fontPx} px (iOS zooms below 16)`);
        assert.equal(await page.eval(() => document.documentElement.scrollWidth <= innerWidth), true, 'no sideways scroll');
      });
    });

    test('both single files work from file://', async () => {
      await withPage({}, async (page) => {
        await page.goto(fileUrl('gongkai.html') + '#/');
        await page.mounted();
        await page.click('load-example');
        await page.text('save-status', /已保存/);
        await page.goto(fileUrl('gongkai.html') + '#/settings');
        await page.until('the example in the single file', () =>
          document.querySelector('[data-testid=settings-unit]')?.value === '汽开区教育局');
        await page.goto(fileUrl('lookup.html'));
        await page.text('lookup-meta', /条道路和小区/);
        await page.fill('lookup-input', 'dfdj 88');
        await page.click('lookup-submit');
        await page.text('lookup-results', /汽开区东风小学/);
      });
    });

    test('after one visit the service worker reloads the workbench with the server gone', async (t) => {
      // A server of its own, so that stopping it leaves the other stories theirs.
      const own = await startServer();
      let stopped = false;
      try {
        await withPage({}, async (page) => {
          await page.goto(own.url + '#/');
          await page.mounted();
          const support = await page.eval(() => ('serviceWorker' in navigator ? null : 'no navigator.serviceWorker'));
          if (support) {
            t.skip(`${engine.name} ${engine.version}: ${support}`);
            return;
          }
          const registered = await page.until('the service worker registration', () =>
            navigator.serviceWorker.getRegistration().then((r) => (r ? 'ok' : null), (e) => `error: ${e}`));
          if (registered !== 'ok') {
            t.skip(`${engine.name} ${engine.version}: the worker does not register here (${registered})`);
            return;
          }
          await page.until('the worker controlling the page', () => navigator.serviceWorker.ready.then(() => true));
          await page.reload();
          await page.mounted();
          await page.until('a controlled page', () => navigator.serviceWorker.controller !== null);
          await own.close();
          stopped = true;
          await page.reload();
          await page.mounted();
          await page.text('page-overview');
        });
      } finally {
        if (!stopped) await own.close();
      }
    });
  });
}
