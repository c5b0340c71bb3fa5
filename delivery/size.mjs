#!/usr/bin/env node
// The size budget of the build in dist/ (or GONGKAI_DIST, with GONGKAI_DELIVERY_CONFIG's budgets): prints the raw, gzip -9 and brotli (q 11)
// size of each deliverable (each page's first load, each wasm module, each single file) and exits
// non-zero when a budget of delivery/config.mjs is exceeded. Sizes are deterministic; run it after
// `trunk build --release` (scripts/test.sh does). `--json` prints the figures as JSON too.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const config = (await import(process.env.GONGKAI_DELIVERY_CONFIG
  ? path.resolve(process.env.GONGKAI_DELIVERY_CONFIG)
  : path.join(here, 'config.mjs'))).default;
const dist = path.resolve(process.env.GONGKAI_DIST ?? path.join(here, '../dist'));
const reportFile = path.join(dist, 'delivery.json');
if (!fs.existsSync(reportFile)) {
  console.error(`size: no ${reportFile}: run trunk build --release first`);
  process.exit(2);
}
const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));

const measured = new Map();

/** Sizes of one file. `brotli: false` skips brotli (slow at quality 11), for the single files whose
 * wasm is gzip'd already. */
function measure(file, brotli = true) {
  if (!measured.has(file)) {
    const data = fs.readFileSync(path.join(dist, file));
    measured.set(file, {
      raw: data.length,
      gzip: zlib.gzipSync(data, { level: 9 }).length,
      brotli: brotli
        ? zlib.brotliCompressSync(data, {
          params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
        }).length
        : NaN,
    });
  }
  return measured.get(file);
}

function sizes(files, brotli) {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) {
    const s = measure(f, brotli);
    total.raw += s.raw;
    total.gzip += s.gzip;
    total.brotli += s.brotli;
  }
  return total;
}

const kb = (n) => (Number.isNaN(n) ? '-' : `${(n / 1000).toFixed(1)} KB`);
const rows = [];
const failures = [];

function row(what, files, budget, brotli = true) {
  const s = sizes(files, brotli);
  const verdict = budget === undefined ? '' : s.gzip <= budget ? `ok (≤ ${kb(budget)})` : `OVER ${kb(budget)}`;
  if (budget !== undefined && s.gzip > budget) failures.push(`${what}: ${s.gzip} B gzip > ${budget} B`);
  rows.push({ what, files: files.length, ...s, budget: budget ?? null, verdict });
}

const firstLoadBudgets = config.budgets.firstLoadGzip;
for (const [name, page] of Object.entries(report.pages)) {
  const budget = firstLoadBudgets[name];
  if (budget === undefined) failures.push(`page ${name} has no budget in delivery/config.mjs`);
  row(`${name}: first load (html+js+css+wasm)`, page.firstLoad, budget);
  for (const file of page.firstLoad) row(`  ${file}`, [file]);
  for (const m of page.modules) row(`${name}: module ${m.name} (js+wasm, on first use)`, m.files, config.budgets.moduleGzip);
  if (page.single) row(`${name}: single file ${page.single} (wasm gzip'd inside)`, [page.single], undefined, false);
}
for (const name of Object.keys(firstLoadBudgets)) {
  if (!report.pages[name]) rows.push({ what: `${name}: not in this build`, verdict: `budget ${kb(firstLoadBudgets[name])} gzip` });
}

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
console.log(`Sizes of ${dist} (${report.profile} build); gzip -9, brotli q11; 1 KB = 1000 B`);
console.log(`${pad('deliverable', 58)}${lpad('raw', 12)}${lpad('gzip', 12)}${lpad('brotli', 12)}  budget (gzip)`);
for (const r of rows) {
  if (r.raw === undefined) {
    console.log(`${pad(r.what, 58)}${lpad('-', 12)}${lpad('-', 12)}${lpad('-', 12)}  ${r.verdict}`);
  } else {
    console.log(`${pad(r.what, 58)}${lpad(kb(r.raw), 12)}${lpad(kb(r.gzip), 12)}${lpad(kb(r.brotli), 12)}  ${r.verdict}`);
  }
}
if (process.argv.includes('--json')) console.log(JSON.stringify(rows, null, 2));
if (report.profile !== 'release') failures.push(`dist/ is a ${report.profile} build: budgets apply to trunk build --release`);
if (failures.length) {
  console.error(`\nsize budget exceeded:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('\nall size budgets hold');
