// Shared harness of the end-to-end tests: serves dist/ under a sub-path on 127.0.0.1, starts Debian's
// headless Chromium through playwright-core, and watches every page for errors and for requests that
// leave the local server.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DIST = path.resolve(process.env.GONGKAI_DIST ?? path.join(here, '../../dist'));
/** The app is served below this path to prove it works from a sub-path. */
export const BASE_PATH = '/apps/gongkai/';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Starts a static server for `root` (DIST unless told) on 127.0.0.1 (random port). */
export async function startServer(root = DIST) {
  assert.ok(fs.existsSync(path.join(root, 'index.html')), `no build at ${root}: run trunk build --release first`);
  /** Served instead of the file: path relative to the root → body (a test's “new build”). */
  const overrides = new Map();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (!url.pathname.startsWith(BASE_PATH)) {
      res.writeHead(404).end('outside the app');
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(BASE_PATH.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    if (overrides.has(rel)) {
      res.writeHead(200, { 'content-type': MIME[path.extname(rel)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(overrides.get(rel));
      return;
    }
    const file = path.join(root, path.normalize(rel));
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}${BASE_PATH}`,
    override: (rel, body) => overrides.set(rel, body),
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/**
 * One test's world: a server, a browser, and helpers. Every page opened through it is watched:
 * `finish()` fails on page errors, console errors, or any request that left the local server.
 */
export async function world() {
  const server = await startServer();
  const browser = await launchBrowser();
  const problems = [];
  const requests = [];

  function watch(page) {
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    page.on('request', (r) => requests.push(r.url()));
    return page;
  }

  /** A fresh browser profile (its own localStorage); `options` go to `browser.newContext` (e.g. a viewport). */
  async function profile(options = {}) {
    const context = await browser.newContext({ acceptDownloads: true, ...options });
    return context;
  }

  /** Opens the app at `hash` in `context` and waits until it has mounted. `before(page)` runs
   * before navigation (e.g. to install a fake clock). */
  async function open(context, hash = '#/', before = async () => {}) {
    const page = watch(await context.newPage());
    await before(page);
    await page.goto(server.url + hash);
    await page.getByTestId('save-status').waitFor();
    return page;
  }

  /** Opens `file` of DIST (a single-file page such as gongkai.html) over file:// and, unless told
   * otherwise, waits until the app has mounted. */
  async function openFile(context, file, hash = '#/', { before = async () => {}, mounted = true } = {}) {
    const page = watch(await context.newPage());
    await before(page);
    await page.goto(fileUrl(file) + hash);
    if (mounted) await page.getByTestId('save-status').waitFor();
    return page;
  }

  async function finish() {
    try {
      const foreign = requests.filter((u) => !isLocal(u, server.origin));
      assert.deepEqual(foreign, [], 'requests left 127.0.0.1');
      assert.deepEqual(problems, [], 'the page reported errors');
    } finally {
      await browser.close();
      await server.close();
    }
  }

  /** A new page of `context`, watched like those of open(). */
  async function newPage(context) {
    return watch(await context.newPage());
  }

  return { server, browser, profile, open, openFile, newPage, finish, requests, problems };
}

/** The file:// URL of a file of DIST. */
export function fileUrl(file) {
  return pathToFileURL(path.join(DIST, file)).href;
}

/** A request the app may make: to the serving origin, or to file:, data: or blob:. */
export function isLocal(url, origin) {
  return (
    url.startsWith(origin + '/') || url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:')
  );
}

/** What the build delivers (dist/delivery.json, written by delivery/build.mjs): each page's first
 * load, precache list, service worker, modules and single file. */
export function delivery() {
  return JSON.parse(fs.readFileSync(path.join(DIST, 'delivery.json'), 'utf8'));
}

/** Runs in a page (`page.evaluate(fillStorage)`): fills localStorage with `junk-<n>` keys, in ever
 * smaller chunks, until the quota refuses even 8 characters; returns how many writes it tried. */
export function fillStorage() {
  let n = 0;
  for (let size = 1 << 20; size >= 8; size >>= 1) {
    const chunk = 'x'.repeat(size);
    for (;;) {
      try {
        localStorage.setItem(`junk-${n++}`, chunk);
      } catch {
        break;
      }
    }
  }
  return n;
}

/** The stored workspace envelope, parsed. */
export async function storedEnvelope(page) {
  const raw = await page.evaluate(() => localStorage.getItem('gongkai:workspace'));
  return raw === null ? null : JSON.parse(raw);
}

/** Waits until save-status says saved. */
export async function waitSaved(page) {
  await page.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor();
}

/** Clicks `trigger` and returns the download's name and text. */
export async function downloadText(page, trigger) {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: fs.readFileSync(file, 'utf8'), file };
}

/** Changes the open report's year on #/settings the deliberate way: type it, then confirm the dialog. */
export async function changeYear(page, year) {
  const open = await page.locator('[data-testid=year-list] button[aria-pressed=true]').innerText();
  await page.getByTestId('settings-year').fill(String(year));
  if (open.trim() === String(year)) return;
  await page.getByTestId('settings-year-change').click();
  await page.getByTestId('year-dialog-confirm').click();
  await page.getByTestId('year-dialog').waitFor({ state: 'detached' });
}

/** Loads the built-in example from the overview of a fresh profile and waits until it is saved. */
export async function loadExample(page) {
  await page.getByTestId('load-example').click();
  await waitSaved(page);
}

/** Opens the app with `workspace` (a backup file's object) as what the browser has stored. */
export async function openWith(w, workspace, hash = '#/', options = {}) {
  const page = await w.open(await w.profile(options), '#/');
  const envelope = { format: 'gongkai-store', revision: 1, writer: 'fixture', saved_at: 0, backup_revision: 1, workspace };
  await page.evaluate((raw) => localStorage.setItem('gongkai:workspace', raw), JSON.stringify(envelope));
  await page.goto(w.server.url + hash);
  await page.reload();
  await page.getByTestId('save-status').waitFor();
  return page;
}

/** Goes to `hash` inside the open page (a hash change, no reload) and waits for `testid`. */
export async function go(page, hash, testid) {
  await page.evaluate((h) => { location.hash = h; }, hash);
  if (testid) await page.getByTestId(testid).waitFor();
}

/** Exports the school's submission in school mode: 导出提交文件, then the summary's export button
 * (仍然导出 when something is empty). Use inside `downloadText`. */
export async function exportSubmission(page) {
  await page.getByTestId('submission-export').click();
  const summary = page.getByTestId('submission-summary');
  await summary.waitFor();
  await summary.getByTestId('summary-export').click();
}
