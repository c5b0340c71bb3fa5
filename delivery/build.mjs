#!/usr/bin/env node
// Trunk's post-build hook (Trunk.toml [[hooks]]): turns trunk's output in TRUNK_STAGING_DIR into the
// whole of dist/, following delivery/config.mjs:
//   - builds each wasm module (cargo, wasm-bindgen --target no-modules, wasm-opt) and each page
//     other than trunk's own (cargo, wasm-bindgen --target web, wasm-opt);
//   - gives every page its boot script (delivery/boot.js), a Content-Security-Policy without remote
//     origins, a web app manifest and icons, and a service worker precaching its assets;
//   - writes each page as one self-contained HTML file (CSS, glue and gzip'd wasm inlined) that works
//     from file://;
//   - serves and inlines CSS and wasm-bindgen glue without their comments and indentation;
//   - writes dist/delivery.json, the list of what each page loads, for delivery/size.mjs and tests.
// Only Node's standard library and the tools the build already needs (cargo, wasm-bindgen, wasm-opt).
// See docs/delivery.md.

import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

function die(message) {
  console.error(`delivery/build.mjs: ${message}`);
  process.exit(1);
}

function log(message) {
  console.error(`[delivery] ${message}`);
}

// ---------------------------------------------------------------- small helpers

const sha = (data, algo = 'sha256') => crypto.createHash(algo).update(data).digest();
const hashName = (stem, ext, data) => `${stem}-${sha(data).toString('hex').slice(0, 16)}${ext}`;
const gzip = (data) => zlib.gzipSync(data, { level: 9 });
const posix = (p) => p.split(path.sep).join('/');

function run(command, args) {
  try {
    execFileSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  } catch (e) {
    die(`${command} ${args.join(' ')} failed (${e.status ?? e.message})`);
  }
}

function output(command, args) {
  try {
    return execFileSync(command, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    die(`${command} ${args.join(' ')} failed: ${e.stderr || e.message}`);
  }
}

/** Attributes of one start tag, e.g. `<link rel="x" href="y" crossorigin>`. */
function attributes(tag) {
  const attrs = {};
  const body = tag.replace(/^<\w+/, '').replace(/\/?>$/, '');
  for (const m of body.matchAll(/([^\s=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    attrs[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  }
  return attrs;
}

/** Text that is safe inside <script>…</script>. */
function scriptText(js) {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

function escapeAttr(s) {
  return String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

// ---------------------------------------------------------------- the environment

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) die('run me as trunk\'s post_build hook (TRUNK_STAGING_DIR is not set)');
const release = process.env.TRUNK_PROFILE === 'release';
const publicUrl = process.env.TRUNK_PUBLIC_URL ?? './';
if (publicUrl !== './') die(`public_url must be "./" (relative asset URLs), not ${publicUrl}`);

const configPath = process.env.GONGKAI_DELIVERY_CONFIG
  ? path.resolve(process.env.GONGKAI_DELIVERY_CONFIG)
  : path.join(here, 'config.mjs');
const config = (await import(configPath)).default;

function checkTools() {
  const lock = fs.readFileSync(path.join(root, 'Cargo.lock'), 'utf8');
  const wanted = lock.match(/name = "wasm-bindgen"\nversion = "([^"]+)"/)?.[1];
  const have = output('wasm-bindgen', ['--version']).trim();
  if (have !== `wasm-bindgen ${wanted}`) {
    die(`wasm-bindgen ${wanted} is needed (Cargo.lock), found "${have}": run scripts/tools.sh build`);
  }
  if (release && config.wasmOpt) {
    const opt = output('wasm-opt', ['--version']);
    if (!/version 132\b/.test(opt)) {
      die(`wasm-opt of binaryen 132 is needed (docs/toolchain.md), found "${opt.trim()}"`);
    }
  }
}

const targetDir = JSON.parse(output('cargo', ['metadata', '--format-version', '1', '--no-deps', '--offline']))
  .target_directory;
const work = path.join(targetDir, 'delivery');
fs.mkdirSync(work, { recursive: true });

// ---------------------------------------------------------------- wasm builds

/**
 * Builds `bin` for wasm32 and runs wasm-bindgen (`web` or `no-modules` with `global`), then wasm-opt
 * in release. Returns the glue's text and the wasm's bytes.
 */
const wasmBuilds = new Map();

function buildWasm(bin, target, global) {
  const key = `${bin} ${target} ${global ?? ''}`;
  if (!wasmBuilds.has(key)) {
    // The glue without its comments and indentation (as the boot script): it is on every first load.
    const { glue, wasm } = buildWasmOnce(bin, target, global);
    wasmBuilds.set(key, { glue: compact(glue, `${bin}.js`), wasm });
  }
  return wasmBuilds.get(key);
}

function buildWasmOnce(bin, target, global) {
  // No default features: the test-data generators (`synth`) stay out of every product build.
  const cargoArgs = ['build', '--target', 'wasm32-unknown-unknown', '--bin', bin, '--locked', '--offline', '--no-default-features'];
  if (release) cargoArgs.push('--release');
  log(`cargo ${cargoArgs.join(' ')}`);
  run('cargo', cargoArgs);
  const input = path.join(targetDir, 'wasm32-unknown-unknown', release ? 'release' : 'debug', `${bin}.wasm`);
  // wasm-bindgen and wasm-opt give the same output for the same input: reuse it when cargo did not
  // relink (wasm-opt takes half a minute on a module).
  const slot = path.join(work, 'cache', `${bin}.${target}.${global ?? ''}.${release && config.wasmOpt}`);
  const cached = path.join(slot, sha(fs.readFileSync(input)).toString('hex').slice(0, 24));
  if (fs.existsSync(path.join(cached, 'done'))) {
    return { glue: fs.readFileSync(path.join(cached, `${bin}.js`), 'utf8'), wasm: fs.readFileSync(path.join(cached, `${bin}_bg.wasm`)) };
  }
  const out = path.join(work, `${bin}-${target}`);
  fs.rmSync(out, { recursive: true, force: true });
  const bindgenArgs = [`--target=${target}`, '--no-typescript', `--out-dir=${out}`, `--out-name=${bin}`, input];
  if (global) bindgenArgs.splice(1, 0, `--no-modules-global=${global}`);
  run('wasm-bindgen', bindgenArgs);
  if (fs.existsSync(path.join(out, 'snippets'))) {
    die(`${bin} uses inline_js or a JS module snippet, which the single file cannot carry: call globals instead`);
  }
  const wasm = path.join(out, `${bin}_bg.wasm`);
  if (release && config.wasmOpt) {
    run('wasm-opt', [`-O${config.wasmOpt}`, `--output=${wasm}`, wasm]);
  }
  const result = { glue: fs.readFileSync(path.join(out, `${bin}.js`), 'utf8'), wasm: fs.readFileSync(wasm) };
  fs.rmSync(slot, { recursive: true, force: true });
  fs.mkdirSync(cached, { recursive: true });
  fs.writeFileSync(path.join(cached, `${bin}.js`), result.glue);
  fs.writeFileSync(path.join(cached, `${bin}_bg.wasm`), result.wasm);
  fs.writeFileSync(path.join(cached, 'done'), '');
  return result;
}

/** A module: its no-modules glue, which also publishes its global on `window`, and its wasm. */
function buildModule(module) {
  const global = `__gongkai_module_${module.name.replace(/\W/g, '_')}`;
  const { glue, wasm } = buildWasm(module.bin, 'no-modules', global);
  // The glue declares its global with `let`, which is not a property of window.
  const js = `${glue}\nwindow.${global} = ${global};\n`;
  // A module's own CSS (config `css`) comes with it, out of the page's first load.
  const css = module.css ? compactCss(fs.readFileSync(path.join(root, module.css), 'utf8')) : null;
  return { ...module, global, js, wasm, css };
}

// ---------------------------------------------------------------- reading a page

/**
 * The page's skeleton (its HTML without the app's assets) and its assets: CSS texts, the app's glue
 * and wasm. For trunk's page they come from trunk's output; for others they are built here.
 */
function readTrunkPage(page) {
  const file = path.join(staging, page.dir, 'index.html');
  let html = fs.readFileSync(file, 'utf8');
  const css = [];
  let js;
  let wasmFile;
  html = html.replace(/<link\b[^>]*>\s*/gi, (tag) => {
    const a = attributes(tag);
    const rel = (a.rel ?? '').toLowerCase();
    if (rel === 'stylesheet') {
      css.push(compactCss(fs.readFileSync(path.join(staging, page.dir, a.href), 'utf8')));
      fs.rmSync(path.join(staging, page.dir, a.href));
      return '';
    }
    if (rel === 'modulepreload' || rel === 'preload' || rel === 'icon' || rel === 'manifest') return '';
    return tag;
  });
  html = html.replace(/<script\b[^>]*data-gongkai-loader[^>]*>([\s\S]*?)<\/script>\s*/i, (_, body) => {
    js = body.match(/from\s+'([^']+)'/)?.[1];
    wasmFile = body.match(/start\(init,\s*'([^']+)'/)?.[1];
    return '';
  });
  if (!js || !wasmFile) die(`${file}: trunk's loader (pattern_script in Trunk.toml) was not found`);
  const glue = compact(fs.readFileSync(path.join(staging, page.dir, js), 'utf8'), js);
  const wasm = fs.readFileSync(path.join(staging, page.dir, wasmFile));
  fs.rmSync(path.join(staging, page.dir, js));
  fs.rmSync(path.join(staging, page.dir, wasmFile));
  return { skeleton: html, css, glue, wasm, name: path.basename(js, '.js').replace(/-[0-9a-f]+$/, '') };
}

function readSourcePage(page) {
  const source = path.join(root, page.source);
  let html = fs.readFileSync(source, 'utf8');
  const css = [];
  let bin;
  html = html.replace(/<link\b[^>]*>\s*/gi, (tag) => {
    const a = attributes(tag);
    if (!('data-trunk' in a)) return (a.rel ?? '').toLowerCase() === 'icon' ? '' : tag;
    if (a.rel === 'css') {
      css.push(compactCss(fs.readFileSync(path.resolve(path.dirname(source), a.href), 'utf8')));
      return '';
    }
    if (a.rel === 'rust') {
      bin = a['data-bin'];
      return '';
    }
    die(`${page.source}: only data-trunk rel="css" and rel="rust" are supported here, not ${tag}`);
  });
  if (!bin) die(`${page.source}: no <link data-trunk rel="rust" data-bin="…">`);
  if (page.bin && page.bin !== bin) die(`${page.source}: data-bin="${bin}" but delivery/config.mjs says ${page.bin}`);
  const { glue, wasm } = buildWasm(bin, 'web');
  return { skeleton: html, css, glue, wasm, name: bin };
}

// ---------------------------------------------------------------- writing a page

const boot = fs.readFileSync(path.join(here, 'boot.js'), 'utf8');
const bootCss = compactCss(fs.readFileSync(path.join(here, 'boot.css'), 'utf8'));
const swTemplate = fs.readFileSync(path.join(here, 'sw.js'), 'utf8');

function fill(template, marker, value) {
  const re = new RegExp(`/\\*${marker}\\*/[\\s\\S]*?/\\*END\\*/`);
  if (!re.test(template)) die(`template marker ${marker} is missing`);
  return template.replace(re, () => JSON.stringify(value));
}

/** A script (the boot script, each wasm-bindgen glue) without its comments and indentation. Only
 * comments on lines of their own are removed (`//`, or `/* … *\/` over whole lines), so code and
 * strings are never touched; a block comment that ends before code on its line stops the build. */
function compact(js, what = 'boot.js') {
  const out = [];
  let inComment = false;
  for (const raw of js.split('\n')) {
    const line = raw.trim();
    if (inComment || line.startsWith('/*')) {
      const end = line.indexOf('*/', inComment ? 0 : 2);
      if (end >= 0 && end + 2 !== line.length) die(`${what}: put code after a comment on its own line: ${line}`);
      inComment = end < 0;
      continue;
    }
    if (line && !line.startsWith('//')) out.push(line);
  }
  return out.join('\n');
}

/** CSS without its comments and the whitespace around braces and semicolons: every page's CSS is
 * served or inlined this way. The project's CSS has no strings where whitespace or `/*` matters. */
function compactCss(css) {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
}

function bootScript(page, build) {
  return compact(fill(boot, 'BUILD', {
    page: page.name,
    label: page.label ?? '',
    backupKey: page.backupKey ?? null,
    ...build,
  }));
}

/** The CSP: nothing from other origins. Inline scripts are allowed only by their hashes; wasm needs
 * 'wasm-unsafe-eval'; styles may be inline (the report preview's srcdoc carries its own). */
function csp(html, single) {
  const hashes = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const a = attributes(`<script ${m[1]}>`);
    const type = (a.type ?? '').toLowerCase();
    if (a.src !== undefined || !(type === '' || type === 'module' || type === 'text/javascript')) continue;
    hashes.push(`'sha256-${sha(m[2]).toString('base64')}'`);
  }
  const self = single ? '' : "'self' ";
  return [
    single ? "default-src 'none'" : "default-src 'self'",
    `script-src ${self}'wasm-unsafe-eval' ${hashes.join(' ')}`,
    `style-src ${self}'unsafe-inline'`,
    `img-src ${self}data: blob:`,
    `connect-src ${self}data: blob:`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function insertHead(html, markup) {
  if (!/<\/head>/i.test(html)) die('the page has no </head>');
  return html.replace(/<\/head>/i, `${markup}\n</head>`);
}

/** Puts the CSP first in <head>, after <meta charset>. */
function withCsp(html, single) {
  const policy = csp(html, single);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${escapeAttr(policy)}">`;
  if (/<meta\s+charset[^>]*>/i.test(html)) return html.replace(/(<meta\s+charset[^>]*>)/i, `$1\n  ${meta}`);
  return html.replace(/<head>/i, `<head>\n  ${meta}`);
}

/** Names the glue of a `--target web` build exports, as `{ exported: local }`, and its init. */
function glueExports(glue) {
  const names = {};
  for (const m of glue.matchAll(/^export\s+(?:async\s+)?(?:function\*?|class|const|let|var)\s+([\w$]+)/gm)) {
    names[m[1]] = m[1];
  }
  let init = glue.match(/^export\s+default\s+([\w$]+)\s*;/m)?.[1];
  for (const m of glue.matchAll(/^export\s*\{([^}]*)\}/gm)) {
    for (const part of m[1].split(',')) {
      const [local, exported] = part.trim().split(/\s+as\s+/);
      if (exported === 'default') init = local;
      else if (local) names[exported ?? local] = local;
    }
  }
  if (!init) die('the wasm-bindgen glue has no `export default <init>`');
  return { init, names };
}

function icons(page) {
  const dir = path.join(root, page.icons ?? 'delivery/icons');
  return fs.readdirSync(dir).filter((f) => /\.(png|svg)$/.test(f)).sort().map((f) => ({ file: f, path: path.join(dir, f) }));
}

function manifest(page) {
  return JSON.stringify({
    name: page.title,
    short_name: page.shortName ?? page.title,
    description: page.description ?? '',
    lang: 'zh-CN',
    dir: 'ltr',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#f6f7f9',
    theme_color: page.themeColor,
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    ],
  }, null, 2);
}

/** Writes a file of the page (path relative to dist/) and remembers it. */
function writer(list) {
  return (rel, data) => {
    const file = path.join(staging, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, data);
    list.push(posix(rel));
    return posix(rel);
  };
}

function servedPage(page, app, modules, report) {
  const files = [];
  const write = writer(files);
  const dir = page.dir;
  const rel = (f) => posix(path.relative(dir || '.', f)) || '.';

  const cssFiles = app.css.map((text, i) => write(path.join(dir, hashName(i ? `style${i}` : 'main', '.css', text)), text));
  const jsFile = write(path.join(dir, hashName(app.name, '.js', app.glue)), app.glue);
  const wasmFile = write(path.join(dir, hashName(app.name, '_bg.wasm', app.wasm)), app.wasm);
  const manifestFile = write(path.join(dir, 'manifest.webmanifest'), manifest(page));
  const iconFiles = icons(page).map((icon) => write(path.join(dir, 'icons', icon.file), fs.readFileSync(icon.path)));
  const moduleTable = {};
  const moduleFiles = [];
  for (const m of modules) {
    const js = write(path.join(dir, hashName(m.name, '.js', m.js)), m.js);
    const wasm = write(path.join(dir, hashName(m.name, '_bg.wasm', m.wasm)), m.wasm);
    const css = m.css === null ? null : write(path.join(dir, hashName(m.name, '.css', m.css)), m.css);
    moduleTable[m.name] = { js: rel(js), wasm: rel(wasm), global: m.global, css: css && rel(css) };
    moduleFiles.push({ name: m.name, files: css ? [js, wasm, css] : [js, wasm] });
  }

  const fileTable = {};
  for (const name of page.files ?? []) {
    fileTable[name] = { url: rel(name) };
  }
  // The page's data file beside it: not precached by version (the bureau replaces it), fetched
  // network-first by the worker, which keeps the last copy for offline use.
  const data = page.data ? [write(path.join(dir, page.data.file), fs.readFileSync(path.join(root, page.data.source)))] : [];

  const integrity = (data) => `sha384-${sha(data, 'sha384').toString('base64')}`;
  let html = app.skeleton;
  html = insertHead(html, [
    `<meta name="theme-color" content="${escapeAttr(page.themeColor)}">`,
    `<link rel="manifest" href="${rel(manifestFile)}">`,
    `<link rel="icon" href="${rel(path.join(dir, 'icons/icon.svg'))}" type="image/svg+xml">`,
    `<link rel="apple-touch-icon" href="${rel(path.join(dir, 'icons/icon-192.png'))}">`,
    ...cssFiles.map((f, i) => `<link rel="stylesheet" href="${rel(f)}" integrity="${integrity(app.css[i])}">`),
    `<link rel="modulepreload" href="${rel(jsFile)}" integrity="${integrity(app.glue)}">`,
    // No integrity here: Chromium ignores it on fetch preloads and says so in the console.
    `<link rel="preload" href="${rel(wasmFile)}" as="fetch" type="application/wasm" crossorigin="anonymous">`,
    `<style>${bootCss}</style>`,
    `<script>${scriptText(bootScript(page, { sw: 'sw.js', modules: moduleTable, files: fileTable }))}</script>`,
    `<script type="module">import init, * as bindings from './${rel(jsFile)}';\ngongkaiBoot.start(init, './${rel(wasmFile)}', bindings);</script>`,
  ].join('\n'));
  html = withCsp(html, false);
  const htmlFile = write(path.join(dir, 'index.html'), html);

  // The service worker precaches everything above (not itself, nor the single files).
  const precache = [htmlFile, ...cssFiles, jsFile, wasmFile, manifestFile, ...iconFiles, ...moduleFiles.flatMap((m) => m.files)];
  for (const name of page.files ?? []) {
    precache.push(name);
  }
  const assets = precache.map(rel);
  const version = sha(Buffer.concat(precache.map((f) => Buffer.concat([Buffer.from(f), fs.readFileSync(path.join(staging, f))]))))
    .toString('hex').slice(0, 16);
  let sw = fill(swTemplate, 'PAGE', page.name);
  sw = fill(sw, 'VERSION', version);
  sw = fill(sw, 'ASSETS', assets);
  sw = fill(sw, 'DATA', data.map(rel));
  write(path.join(dir, 'sw.js'), sw);

  report.pages[page.name] = {
    dir,
    html: htmlFile,
    firstLoad: [htmlFile, ...cssFiles, jsFile, wasmFile],
    precache,
    serviceWorker: posix(path.join(dir, 'sw.js')),
    version,
    single: page.single,
    modules: moduleFiles,
    data,
  };
}

/** Puts JSON into the page's `<script type="application/json" id="…">` element (as src/lookup/embed.rs
 * does for the workbench's download): `</` and `<!--` escaped, which JSON reads the same. */
function embedData(html, id, json) {
  const re = new RegExp(`(<script\\b[^>]*\\bid="${id}"[^>]*>)[\\s\\S]*?(</script>)`, 'i');
  if (!re.test(html)) die(`the page has no <script id="${id}"> for its data`);
  const safe = json.replace(/<\//g, '<\\/').replace(/<!--/g, '\\u003c!--');
  return html.replace(re, (_, open, close) => `${open}${safe}${close}`);
}

function singlePage(page, app, modules, report) {
  const wasmScript = (id, bytes) =>
    `<script type="application/octet-stream" id="${id}">${gzip(bytes).toString('base64')}</script>`;
  const { init, names } = glueExports(app.glue);
  const bindings = `{ ${Object.entries(names).map(([k, v]) => (k === v ? k : `${k}: ${v}`)).join(', ')} }`;
  const moduleTable = {};
  const moduleParts = [];
  for (const m of modules) {
    const id = `gongkai-wasm-${m.name}`;
    moduleTable[m.name] = { js: null, embedded: id, global: m.global };
    moduleParts.push(wasmScript(id, m.wasm), `<script>${scriptText(m.js)}</script>`);
  }
  const fileTable = {};
  const fileParts = (page.files ?? []).map((name, i) => {
    const id = `gongkai-file-${i}`;
    fileTable[name] = { embedded: id };
    return wasmScript(id, fs.readFileSync(path.join(staging, name)));
  });
  const svg = fs.readFileSync(path.join(root, page.icons ?? 'delivery/icons', 'icon.svg'));

  let html = app.skeleton;
  if (page.data?.embed) html = embedData(html, page.data.embed, fs.readFileSync(path.join(root, page.data.source), 'utf8'));
  html = insertHead(html, [
    `<meta name="theme-color" content="${escapeAttr(page.themeColor)}">`,
    `<link rel="icon" href="data:image/svg+xml;base64,${svg.toString('base64')}">`,
    ...app.css.map((text) => `<style>${text}</style>`),
    // Modules' CSS is in the file from the start: it is one file either way.
    ...modules.filter((m) => m.css !== null).map((m) => `<style>${m.css}</style>`),
    `<style>${bootCss}</style>`,
    `<script>${scriptText(bootScript(page, { sw: null, modules: moduleTable, files: fileTable }))}</script>`,
    wasmScript('gongkai-wasm-app', app.wasm),
    ...moduleParts,
    ...fileParts,
    `<script type="module">${scriptText(app.glue)}\n;gongkaiBoot.start(${init}, gongkaiBoot.embedded('gongkai-wasm-app'), ${bindings});</script>`,
  ].join('\n'));
  html = withCsp(html, true);
  fs.writeFileSync(path.join(staging, page.single), html);
  report.pages[page.name].singleSize = Buffer.byteLength(html);
}

// ---------------------------------------------------------------- main

checkTools();
const report = { version: 1, profile: release ? 'release' : 'debug', pages: {}, modules: {} };
const built = new Map();
for (const module of config.modules) {
  log(`module ${module.name}`);
  built.set(module.name, buildModule(module));
}
// Pages that embed other files (page.files) come after the pages that write those files.
const pages = [...config.pages].sort((a, b) => (a.files?.length ?? 0) - (b.files?.length ?? 0));
for (const page of pages) {
  log(`page ${page.name}`);
  const app = page.trunk ? readTrunkPage(page) : readSourcePage(page);
  const modules = (page.modules ?? []).map((name) => built.get(name) ?? die(`page ${page.name}: unknown module ${name}`));
  servedPage(page, app, modules, report);
  if (page.single) singlePage(page, app, modules, report);
}
for (const m of built.values()) {
  report.modules[m.name] = { bin: m.bin };
}
fs.writeFileSync(path.join(staging, 'delivery.json'), JSON.stringify(report, null, 2));
log(`done: ${Object.keys(report.pages).join(', ')}`);
