// The two engines besides Chromium, behind one small page API the stories use: Firefox ESR through
// WebDriver BiDi (puppeteer-core), and WebKitGTK (Safari's engine) through WebKitWebDriver and
// MiniBrowser under Xvfb (classic WebDriver, tests/e2e/engines/webdriver.mjs). Debian's packages
// only; nothing is downloaded.
import fs from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { startDriver, newSession } from './webdriver.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Debian's MiniBrowser (package libwebkit2gtk-4.1-0), under the architecture's library directory. */
function miniBrowser() {
  if (process.env.MINIBROWSER_PATH) return process.env.MINIBROWSER_PATH;
  for (const dir of fs.readdirSync('/usr/lib')) {
    const file = path.join('/usr/lib', dir, 'webkit2gtk-4.1', 'MiniBrowser');
    if (fs.existsSync(file)) return file;
  }
  throw new Error('MiniBrowser not found: apt-get install webkit2gtk-driver (scripts/tools.sh test does)');
}

/** What every engine's page offers the stories. `eval(fn, ...args)` runs `fn` in the page (a
 * returned promise is awaited); the others act on `[data-testid=…]`. */
function pageApi(engine, impl) {
  const api = {
    engine,
    ...impl,
    /** Polls `fn` in the page until it returns something truthy, and returns that. */
    async until(what, fn, ...args) {
      const end = Date.now() + 20_000;
      let last;
      for (;;) {
        try {
          last = await impl.eval(fn, ...args);
          if (last) return last;
        } catch (e) {
          // The page is navigating: try again.
          last = e.message;
        }
        if (Date.now() > end) throw new Error(`${engine}: timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
        await sleep(100);
      }
    },
    /** Waits for the element and returns its text. */
    async text(testid, pattern = null) {
      return api.until(`[data-testid=${testid}]${pattern ? ` matching ${pattern}` : ''}`, (id, source) => {
        const el = document.querySelector(`[data-testid="${id}"]`);
        if (!el) return null;
        const text = el.innerText;
        return source === null || new RegExp(source).test(text) ? text || ' ' : null;
      }, testid, pattern === null ? null : pattern.source);
    },
    async mounted() {
      await api.text('save-status');
    },
    /** From now until the next navigation, files the app offers as downloads are kept in the page
     * (name and bytes) instead of being handed to the browser's download manager. */
    async keepDownloads() {
      await impl.eval(() => {
        window.__downloads = [];
        HTMLAnchorElement.prototype.click = function () {
          const a = this;
          window.__downloads.push(fetch(a.href).then((r) => r.arrayBuffer()).then((b) => ({
            name: a.download,
            size: b.byteLength,
            text: new TextDecoder().decode(b),
          })));
        };
      });
    },
    /** The `n`-th kept download, once it is there. */
    async download(n) {
      await api.until(`download ${n + 1}`, (i) => (window.__downloads ?? []).length > i, n);
      return impl.eval((i) => window.__downloads[i], n);
    },
  };
  return api;
}

/** Firefox ESR through WebDriver BiDi. Persistent storage is answered “allow” without the doorhanger
 * (Firefox's own test preferences), as a user who accepts it. */
export async function firefox() {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    extraPrefsFirefox: {
      'dom.storageManager.prompt.testing': true,
      'dom.storageManager.prompt.testing.allow': true,
    },
  });
  const version = await browser.version();
  return {
    name: 'Firefox',
    version,
    /** A fresh profile (its own storage) with one page of `width` × `height`. */
    async open({ width = 1366, height = 900 } = {}) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width, height });
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e.message ?? e)));
      return pageApi('Firefox', {
        errors,
        narrow: false,
        goto: (url) => page.goto(url, { waitUntil: 'load' }),
        reload: () => page.reload({ waitUntil: 'load' }),
        eval: (fn, ...args) => page.evaluate(fn, ...args),
        click: (testid) => page.click(`[data-testid="${testid}"]`),
        async fill(testid, text) {
          const el = await page.waitForSelector(`[data-testid="${testid}"]`);
          await el.evaluate((e) => { e.value = ''; e.dispatchEvent(new Event('input', { bubbles: true })); });
          await el.type(text);
        },
        async enter(testid) {
          await page.focus(`[data-testid="${testid}"]`);
          await page.keyboard.press('Enter');
        },
        close: () => context.close(),
      });
    },
    close: () => browser.close(),
  };
}

/** WebKitGTK's MiniBrowser through WebKitWebDriver, under Xvfb. MiniBrowser's window is at least 447
 * CSS px wide, so a phone width is an iframe of that width holding the page (`narrow`). */
export async function webkit() {
  const driver = await startDriver();
  const capabilities = {
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': {
      binary: miniBrowser(),
      args: ['--automation'],
    },
  };
  let version = '';
  return {
    name: 'WebKit',
    get version() {
      return version;
    },
    /** A new session (a new ephemeral profile) with one window. */
    async open({ width = 1366, height = 900 } = {}) {
      const s = await newSession(driver.base, capabilities);
      version = `WebKitGTK ${s.capabilities.browserVersion}`;
      await s.timeouts({ script: 30_000, pageLoad: 30_000 });
      await s.setWindowRect({ width: Math.max(width, 800), height });
      const find = (testid) => s.find(`[data-testid="${testid}"]`);
      return pageApi('WebKit', {
        errors: [],
        narrow: width < 447,
        goto: (url) => s.goto(url),
        reload: () => s.refresh(),
        eval: (fn, ...args) => s.execute(fn, ...args),
        click: async (testid) => s.click(await find(testid)),
        async fill(testid, text) {
          const el = await find(testid);
          await s.clear(el);
          await s.type(el, text);
        },
        async enter(testid) {
          await s.type(await find(testid), '\uE007');
        },
        frame: (index) => s.frame(index),
        close: () => s.close(),
      });
    },
    close: async () => driver.stop(),
  };
}
