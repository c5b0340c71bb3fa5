// The delivery pipeline (delivery/build.mjs) on pages it builds itself, as the parent lookup page will
// be: a page in a sub-folder with its own service worker, a page embedding another page's single file
// (gongkaiBoot.loadFile) and using a module, each also as one file. The pages reuse the workbench's
// binary, which trunk has already built; see fixtures/pipeline/config.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { startServer, launchBrowser, isLocal } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

test('the hook builds extra pages with their own worker, single files, modules and embedded files', async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-pipeline-'));
  execFileSync('node', ['delivery/build.mjs'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      TRUNK_STAGING_DIR: out,
      TRUNK_PROFILE: 'release',
      TRUNK_PUBLIC_URL: './',
      GONGKAI_DELIVERY_CONFIG: path.join(here, 'fixtures/pipeline/config.mjs'),
    },
  });
  const report = JSON.parse(fs.readFileSync(path.join(out, 'delivery.json'), 'utf8'));
  assert.deepEqual(Object.keys(report.pages).sort(), ['hub', 'sub']);
  for (const f of ['index.html', 'sw.js', 'manifest.webmanifest', 'hub.html', 'sub.html', 'sub/index.html', 'sub/sw.js',
    'sub/manifest.webmanifest', 'sub/icons/icon-192.png']) {
    assert.ok(fs.existsSync(path.join(out, f)), f);
  }
  // Each worker precaches only its own page, inside its own folder.
  assert.ok(report.pages.sub.precache.every((f) => f.startsWith('sub/')), report.pages.sub.precache.join());
  assert.ok(report.pages.hub.precache.includes('sub.html'), 'the embedded file is precached');
  assert.ok(report.pages.hub.precache.every((f) => !f.startsWith('sub/')));

  const server = await startServer(out);
  const browser = await launchBrowser();
  const requests = [];
  const problems = [];
  try {
    const context = await browser.newContext();
    context.on('request', (r) => requests.push(r.url()));
    const open = async (url) => {
      const page = await context.newPage();
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(url);
      await page.waitForSelector('[data-app-started]');
      return page;
    };
    const sub = await open(`${server.url}sub/`);
    await sub.waitForFunction(() => navigator.serviceWorker?.controller != null);
    assert.equal(await sub.evaluate(() => navigator.serviceWorker.controller.scriptURL.endsWith('/sub/sw.js')), true);
    assert.match(await sub.evaluate(() => document.querySelector('link[rel=manifest]').href), /\/sub\/manifest\.webmanifest$/);

    for (const page of [await open(server.url), await open(pathToFileURL(path.join(out, 'hub.html')).href)]) {
      // The module and the embedded file arrive the same way served and from disk.
      const result = await page.evaluate(async () => {
        const hasCss = () => [...document.styleSheets].some((s) => [...s.cssRules].some((r) => r.selectorText === '.lk-input'));
        const before = hasCss();
        const files = await gongkaiBoot.loadModule('report-files');
        // The module's CSS is in the page once the module is: a stylesheet served, a <style> in a single file.
        const styled = hasCss();
        const bytes = await gongkaiBoot.loadFile('sub.html');
        const missing = await gongkaiBoot.loadModule('nothing').then(() => 'loaded', (e) => e.message);
        return {
          render: typeof files.render_file,
          styled,
          before,
          head: new TextDecoder().decode(bytes.slice(0, 15)),
          length: bytes.length,
          missing,
        };
      });
      assert.equal(result.render, 'function');
      assert.equal(result.styled, true, 'the module brought its CSS');
      // Served, the first load does not carry it (a single file does, being one file).
      if (page.url().startsWith('http')) assert.equal(result.before, false);
      assert.equal(result.head, '<!DOCTYPE html>');
      assert.equal(result.length, fs.statSync(path.join(out, 'sub.html')).size);
      assert.match(result.missing, /not part of this page/);
    }
    await open(pathToFileURL(path.join(out, 'sub.html')).href);
    assert.deepEqual(requests.filter((u) => !isLocal(u, server.origin)), []);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(out, { recursive: true, force: true });
  }
});
