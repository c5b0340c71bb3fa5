// Headless-browser benchmark (not a test): first render of each page, from navigation start to the
// app rendered (the boot script's `gongkai:rendered` mark, set when the wasm's main has mounted the
// app), median of ROUNDS loads. Served loads use a fresh profile each (nothing cached, no service
// worker) and, separately, a profile whose service worker already precached the build; file:// loads
// open the single file. Prints the numbers; asserts nothing. Run through scripts/bench.sh.
import fs from 'node:fs';
import { world, delivery, fileUrl } from './harness.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 10);
const w = await world();

/** Per page, the time its data was ready too (the parent page: districts.json read and indexed). */
const ready = {};

async function rendered(context, url, name) {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('[data-app-started]');
  const ms = await page.evaluate(() => performance.getEntriesByName('gongkai:rendered')[0].startTime);
  if (name === 'lookup') {
    await page.getByTestId('lookup-meta').filter({ hasText: '条道路和小区' }).waitFor();
    (ready[url] ??= []).push(await page.evaluate(() => performance.now()));
  }
  await page.close();
  return ms;
}

function summary(label, times) {
  const sorted = [...times].sort((a, b) => a - b);
  const median = (sorted[(sorted.length - 1) >> 1] + sorted[sorted.length >> 1]) / 2;
  console.log(`  ${label.padEnd(40)} median ${median.toFixed(0).padStart(5)} ms   min ${sorted[0].toFixed(0)}   max ${sorted[sorted.length - 1].toFixed(0)}`);
}

try {
  console.log(`first render (navigation start → app rendered), ${ROUNDS} loads each, headless Chromium:`);
  for (const [name, page] of Object.entries(delivery().pages)) {
    const served = `${w.server.url}${page.dir}`;
    const cold = [];
    const file = [];
    for (let i = 0; i < ROUNDS; i++) {
      const context = await w.browser.newContext();
      cold.push(await rendered(context, served, name));
      await context.close();
      const fileContext = await w.browser.newContext();
      file.push(await rendered(fileContext, fileUrl(page.single), name));
      await fileContext.close();
    }
    const warmContext = await w.browser.newContext();
    const first = await warmContext.newPage();
    await first.goto(served);
    await first.waitForFunction(() => navigator.serviceWorker?.controller != null);
    const warm = [];
    for (let i = 0; i < ROUNDS; i++) warm.push(await rendered(warmContext, served, `${name} warm`));
    await warmContext.close();
    if (name === 'gongkai') {
      // The first Word export loads the report-files module: click → download, and the file's size.
      const exports = [];
      let bytes = 0;
      for (const url of [served, fileUrl(page.single)]) {
        const context = await w.browser.newContext({ acceptDownloads: true });
        const tab = await context.newPage();
        await tab.goto(url + '#/');
        await tab.getByTestId('load-example').click();
        await tab.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor();
        await tab.goto(url + '#/report');
        const start = Date.now();
        const [download] = await Promise.all([tab.waitForEvent('download'), tab.getByTestId('export-docx').click()]);
        exports.push(Date.now() - start);
        bytes = fs.statSync(await download.path()).size;
        await context.close();
      }
      console.log(`  first Word export (module loaded on use): served ${exports[0]} ms, file:// ${exports[1]} ms; example .docx ${bytes} bytes`);
    }
    summary(`${name}: served, first visit`, cold);
    summary(`${name}: served, from the offline cache`, warm);
    summary(`${name}: ${page.single} from file://`, file);
    if (name === 'lookup') {
      // The data read and indexed, the search ready (an upper bound: found by polling the page).
      summary(`${name}: served, data ready`, ready[served]);
      summary(`${name}: ${page.single}, data ready`, ready[fileUrl(page.single)]);
    }
  }
} finally {
  await w.browser.close();
  await w.server.close();
}
