// A small W3C WebDriver (classic) client over fetch, for WebKitGTK's WebKitWebDriver, which Node
// drives with plain HTTP: the commands the engine stories use, and nothing more.
import { spawn } from 'node:child_process';
import net from 'node:net';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Starts `WebKitWebDriver` under a virtual X display (xvfb-run) on a free port of 127.0.0.1. */
export async function startDriver() {
  const port = await freePort();
  const child = spawn('xvfb-run', ['-a', '-s', '-screen 0 1366x900x24', 'WebKitWebDriver', `--port=${port}`], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`${base}/status`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    stop() {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    },
  };
}

async function call(base, method, path, body) {
  const r = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await r.json().catch(() => ({}));
  if (!r.ok) {
    const v = json.value ?? {};
    throw new Error(`WebDriver ${method} ${path}: ${v.error ?? r.status}: ${v.message ?? ''}`);
  }
  return json.value;
}

/** A session of the driver at `base` with `capabilities` (alwaysMatch). */
export async function newSession(base, capabilities) {
  const value = await call(base, 'POST', '/session', { capabilities: { alwaysMatch: capabilities } });
  const id = value.sessionId;
  const s = (method, path, body) => call(base, method, `/session/${id}${path}`, body);
  return {
    capabilities: value.capabilities,
    goto: (url) => s('POST', '/url', { url }),
    url: () => s('GET', '/url'),
    refresh: () => s('POST', '/refresh', {}),
    /** Runs `fn` (a function) in the page with `args`; a returned promise is awaited. */
    execute: (fn, ...args) => s('POST', '/execute/async', {
      script: `const done = arguments[arguments.length - 1];
        Promise.resolve((${fn}).apply(null, Array.from(arguments).slice(0, -1)))
          .then((v) => done({ ok: v === undefined ? null : v }), (e) => done({ error: String(e && e.stack || e) }));`,
      args,
    }).then((r) => {
      if (r && 'error' in r) throw new Error(`in the page: ${r.error}`);
      return r?.ok;
    }),
    find: async (css) => (await s('POST', '/element', { using: 'css selector', value: css }))[ELEMENT],
    click: (el) => s('POST', `/element/${el}/click`, {}),
    clear: (el) => s('POST', `/element/${el}/clear`, {}),
    type: (el, text) => s('POST', `/element/${el}/value`, { text }),
    setWindowRect: (rect) => s('POST', '/window/rect', rect),
    /** Commands go to the `index`-th frame of the page from now on. */
    frame: (index) => s('POST', '/frame', { id: index }),
    timeouts: (t) => s('POST', '/timeouts', t),
    close: () => s('DELETE', ''),
  };
}
