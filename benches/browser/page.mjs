// The in-page half of the district browser benchmark (district.mjs drives it through playwright):
// loads a generated data set, builds one engine at a time (the wasm index, a plain Map of exact
// names, Fuse.js, FlexSearch CJK and forward, MiniSearch), times the same queries through each and
// counts top-1 correctness.
import init, { Bench } from './pkg/gongkai-district-bench.js';
import Fuse from './node_modules/fuse.js/dist/fuse.mjs';
import { Index, Charset } from './node_modules/flexsearch/dist/flexsearch.bundle.module.min.mjs';
import MiniSearch from './node_modules/minisearch/dist/es/index.js';

const REGION = '吉林省长春市汽开区';
const state = { rows: null, queries: null, names: null, engine: null, wasm: null };
let sink = 0;

/** What a JS developer would hand a library: the text without the region prefix, cut at the first
 * digit. Done inside each timed search, as the wasm index parses the raw text inside its own. */
function namePart(text) {
  let t = text.replace(/\s+/g, '');
  for (const p of [REGION, '吉林省', '长春市', '汽开区']) if (t.startsWith(p)) t = t.slice(p.length);
  const d = t.search(/[0-9０-９]/);
  return d < 0 ? t : t.slice(0, d);
}

async function load(label) {
  state.wasm ??= await init();
  const [rows, queries] = await Promise.all([
    fetch(`data/${label}-rows.json`).then((r) => r.json()),
    fetch(`data/${label}-queries.json`).then((r) => r.json()),
  ]);
  state.rows = rows.map(([name, numbers, school, text], id) => ({ id, name, numbers, school, text }));
  state.queries = queries.map(([text, kind, expected]) => ({ text, kind, expected: expected ?? -1 }));
  return { rows: state.rows.length, queries: state.queries.length, crossOriginIsolated };
}

const school = (id) => (id === undefined ? -1 : state.rows[id].school);

/** Builds an engine; returns its build time and a search function giving the top-1 primary school. */
const ENGINES = {
  async wasm(label) {
    // The bytes, as the parent page reads them (a JS string would be copied at 3 bytes a character).
    // A module built before `from_bytes` (GONGKAI_BENCH_PKG of an older commit) gets the text.
    const bytes = new Uint8Array(await fetch(`data/${label}-districts.json`).then((r) => r.arrayBuffer()));
    const text = Bench.from_bytes ? null : new TextDecoder().decode(bytes);
    const before = state.wasm.memory.buffer.byteLength;
    const t = performance.now();
    const bench = text === null ? Bench.from_bytes(bytes) : new Bench(text);
    const ms = performance.now() - t;
    return {
      ms,
      extra: { indexBytes: bench.index_bytes(), linearBefore: before, linearAfter: state.wasm.memory.buffer.byteLength },
      search: (q) => bench.search(q.text),
      top1: (q) => bench.top1(q.text),
    };
  },
  map() {
    const t = performance.now();
    const m = new Map();
    for (const r of state.rows) {
      const list = m.get(r.name);
      if (list) list.push(r.id);
      else m.set(r.name, [r.id]);
    }
    const ms = performance.now() - t;
    const search = (q) => school(m.get(namePart(q.text))?.[0]);
    return { ms, search, top1: search, keep: m };
  },
  fuse() {
    const t = performance.now();
    const f = new Fuse(state.rows, { keys: ['name'] });
    const ms = performance.now() - t;
    const search = (q) => school(f.search(namePart(q.text), { limit: 1 })[0]?.item.id);
    return { ms, search, top1: search, keep: f };
  },
  flexCJK() {
    const t = performance.now();
    const ix = new Index({ encoder: Charset.CJK });
    for (const r of state.rows) ix.add(r.id, r.name);
    const ms = performance.now() - t;
    const search = (q) => school(ix.search(namePart(q.text), { limit: 1 })[0]);
    return { ms, search, top1: search, keep: ix };
  },
  flexForward() {
    const t = performance.now();
    const ix = new Index({ tokenize: 'forward' });
    for (const r of state.rows) ix.add(r.id, r.name);
    const ms = performance.now() - t;
    const search = (q) => school(ix.search(namePart(q.text), { limit: 1 })[0]);
    return { ms, search, top1: search, keep: ix };
  },
  miniSearch() {
    const t = performance.now();
    const ms0 = new MiniSearch({ fields: ['name'], storeFields: [] });
    ms0.addAll(state.rows);
    const ms = performance.now() - t;
    const search = (q) => school(ms0.search(namePart(q.text), { fuzzy: 0.2, prefix: true })[0]?.id);
    return { ms, search, top1: search, keep: ms0 };
  },
};

async function build(name, label) {
  state.engine = await ENGINES[name](label);
  return { ms: state.engine.ms, extra: state.engine.extra ?? null };
}

function drop() {
  state.engine = null;
}

/** Times each query (repeated so that one sample lasts about 1 ms), within `budgetMs`. */
function run(budgetMs) {
  const { search, top1 } = state.engine;
  const qs = state.queries;
  let t0 = performance.now();
  let k = 0;
  while (k < qs.length && performance.now() - t0 < 200) sink ^= search(qs[k++]);
  const mean = (performance.now() - t0) / k;
  const reps = Math.max(1, Math.min(2000, Math.ceil(1 / Math.max(mean, 1e-4))));
  const times = [];
  const right = {};
  const seen = {};
  const start = performance.now();
  for (const q of qs) {
    const a = performance.now();
    for (let r = 0; r < reps; r++) sink ^= search(q);
    times.push((performance.now() - a) / reps);
    seen[q.kind] = (seen[q.kind] ?? 0) + 1;
    right[q.kind] = (right[q.kind] ?? 0) + (top1(q) === q.expected ? 1 : 0);
    if (performance.now() - start > budgetMs) break;
  }
  times.sort((x, y) => x - y);
  const at = (p) => times[Math.min(times.length - 1, Math.floor(times.length * p))] * 1000;
  return { n: times.length, of: qs.length, reps, medianUs: at(0.5), p99Us: at(0.99), right, seen, sink };
}

window.bench = { load, build, run, drop };
window.benchReady = true;
