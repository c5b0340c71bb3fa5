// Browser benchmark of the district lookup (issue 9): `node benches/browser/district.mjs [sizes]`
// (sizes: `100k`, `1M`, or both, comma-separated; default both). Not a test: it prints numbers.
//
// 1. installs this folder's npm packages (`npm ci`) if missing;
// 2. writes the generated data sets (district::synth, seed 42) with the native example
//    `district_bench_data` into data/ (kept between runs);
// 3. builds the wasm index module (`src/bin/district_bench.rs`, release profile, wasm-bindgen) into pkg/;
// 4. serves this folder on 127.0.0.1 (cross-origin isolated, for 5 µs timers), opens page.html in
//    Debian's headless Chromium (the flags of tests/e2e/harness.mjs) and, one engine at a time, builds
//    the index, measures the JS heap it holds (CDP, after a garbage collection), times every query and
//    counts top-1 correctness; then stops the browser and the server.
//
// `GONGKAI_BENCH_BUDGET_MS` (default 20000) caps the time one engine spends on queries: a slow
// library is measured on the first queries of the (shuffled) list that fit, and the table says how many.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const SIZES = { '100k': 100_000, '1M': 1_000_000 };
const QUERIES = 2000;
const BUDGET = Number(process.env.GONGKAI_BENCH_BUDGET_MS ?? 20000);
const ALL_ENGINES = ['wasm', 'map', 'fuse', 'flexCJK', 'flexForward', 'miniSearch'];
// `GONGKAI_BENCH_ENGINES=wasm,map` measures only those (the wasm index and the `Map` floor are needed).
const ENGINES = process.env.GONGKAI_BENCH_ENGINES
  ? ALL_ENGINES.filter((e) => ['wasm', 'map', ...process.env.GONGKAI_BENCH_ENGINES.split(',')].includes(e))
  : ALL_ENGINES;
const LABEL = {
  wasm: 'wasm index (gongkai)',
  map: 'JS Map, exact names',
  fuse: 'Fuse.js',
  flexCJK: 'FlexSearch Charset.CJK',
  flexForward: "FlexSearch tokenize:'forward'",
  miniSearch: 'MiniSearch (fuzzy 0.2, prefix)',
};
const sizes = (process.argv[2] ?? '100k,1M').split(',').filter((s) => SIZES[s]);

const sh = (cmd, args, cwd = root) => execFileSync(cmd, args, { cwd, stdio: 'inherit' });

if (!fs.existsSync(path.join(here, 'node_modules/playwright-core'))) sh('npm', ['ci', '--no-audit', '--no-fund'], here);
const { chromium } = await import('playwright-core');

for (const s of sizes) {
  if (!fs.existsSync(path.join(here, `data/${s}-queries.json`))) {
    sh('cargo', ['run', '--locked', '--profile', 'overflow', '--example', 'district_bench_data', '--',
      String(SIZES[s]), String(QUERIES), path.join(here, 'data'), s]);
  }
}
// `GONGKAI_BENCH_PKG=<dir>`: use a module built earlier (a copy of pkg/, e.g. of another commit) instead
// of building this tree's, to compare two builds in the same conditions.
if (process.env.GONGKAI_BENCH_PKG) {
  fs.rmSync(path.join(here, 'pkg'), { recursive: true, force: true });
  fs.cpSync(process.env.GONGKAI_BENCH_PKG, path.join(here, 'pkg'), { recursive: true });
} else {
  sh('cargo', ['build', '--locked', '--release', '--target', 'wasm32-unknown-unknown', '--bin', 'gongkai-district-bench']);
  sh('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', path.join(here, 'pkg'),
    path.join(root, 'target/wasm32-unknown-unknown/release/gongkai-district-bench.wasm')]);
}

const MIME = { '.html': 'text/html; charset=utf-8', '.mjs': 'text/javascript', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };
const server = http.createServer((req, res) => {
  const rel = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname).slice(1) || 'page.html';
  const file = path.join(here, path.normalize(rel));
  if (!file.startsWith(here) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) return res.writeHead(404).end();
  res.writeHead(200, {
    'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-embedder-policy': 'require-corp',
  });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/page.html`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage',
    '--js-flags=--max-old-space-size=8192'],
});
const MB = 1024 * 1024;
const f1 = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
try {
  for (const size of sizes) {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    const cdp = await page.context().newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    await page.goto(url);
    await page.waitForFunction(() => window.benchReady);
    const h0 = await heap();
    const info = await page.evaluate((s) => window.bench.load(s), size);
    const rowsHeap = (await heap()) - h0;
    console.log(`\n== ${size}: ${info.rows} rules, ${info.queries} queries; rows as JS objects ${f1(rowsHeap / MB)} MB; crossOriginIsolated ${info.crossOriginIsolated}`);
    const results = {};
    for (const e of ENGINES) {
      const before = await heap();
      const b = await page.evaluate(([e, s]) => window.bench.build(e, s), [e, size]);
      const held = (await heap()) - before;
      const r = await page.evaluate((ms) => window.bench.run(ms), BUDGET);
      await page.evaluate(() => window.bench.drop());
      results[e] = { ...b, held, ...r };
      const mem = e === 'wasm'
        ? `index ${f1(b.extra.indexBytes / MB)} MB (wasm linear memory ${f1(b.extra.linearAfter / MB)} MB after the build)`
        : `JS heap held ${f1(held / MB)} MB`;
      console.log(`${LABEL[e]}: build ${f1(b.ms / 1000)} s, ${mem}, median ${f1(r.medianUs)} µs, p99 ${f1(r.p99Us)} µs over ${r.n}/${r.of} queries (×${r.reps} each)`);
    }
    const w = results.wasm.medianUs;
    const m = results.map.medianUs;
    const pct = (r, k) => (r.seen[k] ? `${r.right[k] ?? 0}/${r.seen[k]} (${(100 * (r.right[k] ?? 0) / r.seen[k]).toFixed(0)} %)` : '–');
    console.log(`\n| ${size} | build | memory | median | p99 | × Map | × wasm | top-1 road+number | top-1 typo | unknown: none | queries |`);
    console.log('|---|---|---|---|---|---|---|---|---|---|---|');
    for (const e of ENGINES) {
      const r = results[e];
      const mem = e === 'wasm' ? `${f1(r.extra.indexBytes / MB)} MB (linear ${f1(r.extra.linearAfter / MB)})` : `${f1(r.held / MB)} MB`;
      console.log(`| ${LABEL[e]} | ${f1(r.ms / 1000)} s | ${mem} | ${f1(r.medianUs)} µs | ${f1(r.p99Us)} µs | ${f1(r.medianUs / m)} | ${f1(r.medianUs / w)} | ${pct(r, 'road+number')} | ${pct(r, 'typo')} | ${pct(r, 'unknown')} | ${r.n}/${r.of} |`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await new Promise((r) => { server.closeAllConnections?.(); server.close(r); });
}
