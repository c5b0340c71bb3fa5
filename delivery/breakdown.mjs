#!/usr/bin/env node
// Where a wasm binary's bytes go: code size per crate (from the function names of the name section)
// and the size of the data segments. For deciding what to cut or move into a module loaded on first
// use (docs/performance.md). Run on cargo's output, which still has its names, e.g.
//   node delivery/breakdown.mjs target/wasm32-unknown-unknown/release/gongkai.wasm [--top 40]
// Sizes are of the unoptimised code (before wasm-bindgen and wasm-opt), so read them as proportions.

import fs from 'node:fs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node delivery/breakdown.mjs <file.wasm> [--top N]');
  process.exit(2);
}
const topIndex = process.argv.indexOf('--top');
const top = topIndex > 0 ? Number(process.argv[topIndex + 1]) : 30;
const bytes = fs.readFileSync(file);

let pos = 8;
function leb() {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[pos++];
    result += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(b & 0x80)) return result;
  }
}
function name() {
  const len = leb();
  const s = bytes.subarray(pos, pos + len).toString('utf8');
  pos += len;
  return s;
}

let importedFunctions = 0;
const bodies = [];
const names = new Map();
const sections = {};
let dataBytes = 0;
while (pos < bytes.length) {
  const id = bytes[pos++];
  const size = leb();
  const end = pos + size;
  sections[id] = (sections[id] ?? 0) + size;
  if (id === 2) {
    for (let n = leb(); n > 0; n--) {
      name();
      name();
      const kind = bytes[pos++];
      if (kind === 0) { leb(); importedFunctions++; }
      else if (kind === 1) { pos++; const f = leb(); leb(); if (f & 1) leb(); }
      else if (kind === 2) { const f = leb(); leb(); if (f & 1) leb(); }
      else if (kind === 3) { pos += 2; }
      else if (kind === 4) { pos++; leb(); }
    }
  } else if (id === 10) {
    for (let n = leb(), i = 0; i < n; i++) {
      const len = leb();
      bodies.push(len);
      pos += len;
    }
  } else if (id === 11) {
    dataBytes = size;
  } else if (id === 0) {
    const section = name();
    if (section === 'name') {
      while (pos < end) {
        const sub = bytes[pos++];
        const subSize = leb();
        const subEnd = pos + subSize;
        if (sub === 1) {
          for (let n = leb(); n > 0; n--) {
            const index = leb();
            names.set(index, name());
          }
        }
        pos = subEnd;
      }
    }
  }
  pos = end;
}

/** The crate of a mangled or demangled Rust symbol (`_ZN5serde…` or `serde::…`). */
function crateOf(symbol) {
  if (symbol.startsWith('_R')) {
    // v0 mangling: the first crate root `C[s<disambiguator>_]<len><name>` is the item's crate.
    const m = symbol.match(/C(?:s[0-9A-Za-z]*_)?(\d+)([A-Za-z_]\w*)/);
    return m ? m[2].slice(0, Number(m[1])) : '?';
  }
  const demangled = symbol.match(/^_ZN(\d+)(\w+)/);
  let s = symbol;
  // Legacy mangling: `_ZN<len><first path component>`; an impl block is `_$LT$<type> as <trait>$GT$`.
  if (demangled) s = symbol.slice(3 + demangled[1].length, 3 + demangled[1].length + Number(demangled[1]));
  s = s.replace(/^_?(\$LT\$|\$RF\$|\$u20\$|impl|dyn|mut)*/g, '').replace(/^[<&\s]+/, '').replace(/^(impl|dyn)\s+/, '');
  const m = s.match(/^([A-Za-z_][\w]*)/);
  return m ? m[1] : '?';
}

const byCrate = new Map();
let code = 0;
bodies.forEach((len, i) => {
  const symbol = names.get(importedFunctions + i) ?? '?';
  const crate = crateOf(symbol);
  byCrate.set(crate, (byCrate.get(crate) ?? 0) + len);
  code += len;
});
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
console.log(`${file}: ${kb(bytes.length)}; code ${kb(code)} in ${bodies.length} functions; data ${kb(dataBytes)}`);
console.log(names.size ? '' : '(no name section: sizes cannot be attributed)');
for (const [crate, size] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${kb(size).padStart(10)}  ${(100 * size / code).toFixed(1).padStart(5)} %  ${crate}`);
}
