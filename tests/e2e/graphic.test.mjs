// User stories about 图解: the example's graphic, its SVG and PNG exports (the PNG decoded: 2× the SVG's
// size), an edited cell changing the graphic, the texts fitting their boxes in Chromium's real fonts
// (long unit name, six-digit figures), the phone layout without sideways scroll, the overview's trends
// with a jump linking to its cell, and the graphic in the HTML export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { world, storedEnvelope, waitSaved } from './harness.mjs';

// One server and one browser for the whole file; each story has fresh browser profiles.
let w;
before(async () => {
  w = await world();
});
after(async () => {
  await w.finish();
});

// Named after the report's title (the example carries the seed's own title), as the report's exports.
const STEM = '教育局2020年政务公开工作年度报告-图解';
const LICENSE = 't2/a20_5/license/decisions';

/** The graphic's SVG element on #/graphic. */
const svg = (page) => page.locator('[data-testid=graphic-view] svg');
/** The text of the graphic's number naming `key`. */
const figure = (page, key) => page.locator(`[data-testid=graphic-view] svg text[data-cell="${key}"]:not([data-year])`).first();
const cellInput = (page, key) => page.locator(`td[data-cell="${key}"] input`);

async function withExample(options = {}) {
  const context = await w.browser.newContext({ acceptDownloads: true, ...options });
  const page = await w.open(context, '#/');
  await page.getByTestId('load-example').click();
  await waitSaved(page);
  return page;
}

async function download(page, testid) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return { name: d.suggestedFilename(), bytes: fs.readFileSync(await d.path()) };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Texts whose drawn width (Chromium, real fonts) exceeds the box the layout fitted them to. */
async function overflowing(page) {
  const texts = await page.evaluate(() =>
    [...document.querySelectorAll('[data-testid=graphic-view] svg text')].map((t) => ({
      text: t.textContent,
      drawn: t.getComputedTextLength(),
      fit: Number(t.dataset.fit),
    })),
  );
  assert.ok(texts.length > 50, `only ${texts.length} texts measured`);
  return texts.filter((t) => !(t.drawn <= t.fit + 0.5));
}

test('the example graphic: live view, SVG and PNG exports, and a cell edit changes it', async () => {
  let page;
  try {
    page = await withExample();
    await page.getByRole('link', { name: '图解' }).click();
    await page.getByTestId('page-graphic').waitFor();
    await svg(page).waitFor();
    assert.match(await svg(page).getAttribute('aria-label'), /教育局2020年政务公开工作年度报告/);
    assert.equal(await figure(page, LICENSE).textContent(), '0');
    const text = await svg(page).textContent();
    for (const label of ['主动公开政府信息情况', '行政许可', '政务公开事项公开情况', '汽开区教育云平台公开本级政务信息']) {
      assert.ok(text.includes(label), label);
    }

    // Portrait: the SVG file, then the PNG at twice its size.
    await page.getByTestId('graphic-layout').selectOption('portrait');
    await page.locator('[data-testid=graphic-view] svg[data-layout=portrait]').waitFor();
    const width = Number(await svg(page).getAttribute('width'));
    const height = Number(await svg(page).getAttribute('height'));
    assert.equal(width, 720);
    const exported = await download(page, 'export-svg');
    assert.equal(exported.name, `${STEM}.svg`);
    const svgText = exported.bytes.toString('utf8');
    assert.match(svgText, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="720"/);
    assert.match(svgText, /data-layout="portrait"/);
    assert.doesNotMatch(svgText, /<script|href="http|url\(|@import/i, 'self-contained');
    const png = await download(page, 'export-png');
    assert.equal(png.name, `${STEM}.png`);
    assert.deepEqual(pngSize(png.bytes), { width: width * 2, height: height * 2 });
    await page.getByTestId('export-png').filter({ hasText: 'PNG' }).waitFor();

    // Landscape is 1200 px wide.
    await page.getByTestId('graphic-layout').selectOption('landscape');
    await page.locator('[data-testid=graphic-view] svg[data-layout=landscape]').waitFor();
    assert.equal(await svg(page).getAttribute('width'), '1200');
    const wide = await download(page, 'export-png');
    assert.equal(pngSize(wide.bytes).width, 2400);

    // Edit a cell of 表二: the graphic follows.
    await page.getByRole('link', { name: '法定表格' }).click();
    await cellInput(page, LICENSE).fill('123456');
    await waitSaved(page);
    await page.getByRole('link', { name: '图解' }).click();
    await svg(page).waitFor();
    assert.equal(await figure(page, LICENSE).textContent(), '123456');
  } finally {
    await page?.context().close();
  }
});

test('a statutory report: 新收 equals the table total, and every text fits in real fonts', async () => {
  let page;
  try {
    page = await withExample();
    await page.goto(w.server.url + '#/settings');
    await page.getByTestId('settings-unit').fill('吉林省长春市长春汽车经济技术开发区教育局（教育体育局、语言文字工作委员会办公室）');
    await page.getByTestId('settings-structure').selectOption('statutory');
    await waitSaved(page);
    await page.goto(w.server.url + '#/tables');
    await cellInput(page, 't3/main/new/natural').fill('999999');
    await cellInput(page, 't3/main/new/business').fill('7');
    await cellInput(page, 't3/main/public/natural').fill('999999');
    await cellInput(page, 't3/main/withheld_secret/business').fill('7');
    await cellInput(page, 't4/review/main/upheld').fill('1');
    await cellInput(page, 't2/a20_9/procurement/purchase_amount').fill('999999.9999万元');
    await waitSaved(page);
    const tableTotal = (await page.locator('td[data-cell="t3/main/new/total"]').innerText()).trim();
    assert.equal(tableTotal, '1000006');
    await page.goto(w.server.url + '#/graphic');
    await svg(page).waitFor();
    assert.equal(await figure(page, 't3/main/new/total').textContent(), tableTotal);
    assert.equal(await figure(page, 't3/main/total/total').textContent(), '1000006');
    assert.equal(await figure(page, 't4/review/main/total').textContent(), '1');
    for (const layout of ['portrait', 'landscape']) {
      await page.getByTestId('graphic-layout').selectOption(layout);
      await page.locator(`[data-testid=graphic-view] svg[data-layout=${layout}]`).waitFor();
      assert.deepEqual(await overflowing(page), [], `${layout}: texts wider than their boxes`);
    }
  } finally {
    await page?.context().close();
  }
});

test('on a 360 px phone the page does not scroll sideways and every control has a name', async () => {
  let page;
  try {
    page = await withExample({ viewport: { width: 360, height: 740 } });
    await page.goto(w.server.url + '#/graphic');
    await svg(page).waitFor();
    // A narrow window opens the portrait layout.
    assert.equal(await svg(page).getAttribute('data-layout'), 'portrait');
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(sideways <= 0, `scrolls ${sideways} px sideways`);
    assert.ok((await svg(page).boundingBox()).width <= 360);
    for (const testid of ['graphic-layout', 'export-svg', 'export-png']) {
      const name = await page.getByTestId(testid).evaluate((el) => {
        const label = el.closest('label')?.innerText ?? el.getAttribute('aria-label') ?? el.innerText;
        return label.trim();
      });
      assert.ok(name.length > 1, `${testid} has an accessible name`);
    }
    assert.ok(await page.getByRole('combobox', { name: '版式' }).isVisible());
    assert.ok(await page.getByRole('img', { name: /图解/ }).isVisible());
  } finally {
    await page?.context().close();
  }
});

test('the overview shows trends across years, and a jump links to its cell in that year', async () => {
  let page;
  try {
    const backup = {
      format: 'gongkai-workspace',
      schema_version: 2,
      current_year: 2021,
      reports: {
        2021: { year: 2021, unit_name: '趋势测试教育局', structure: 'statutory', tables: { 't3/main/new/natural': '10' } },
        2022: { year: 2022, unit_name: '趋势测试教育局', structure: 'statutory', tables: { 't3/main/new/natural': '40' } },
      },
    };
    page = await w.open(await w.profile(), '#/data');
    await page.getByTestId('import-backup').setInputFiles({
      name: 'trend.gongkai.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(backup)),
    });
    await page.getByTestId('import-confirm').click();
    await waitSaved(page);
    await page.goto(w.server.url + '#/');
    const trend = page.locator('[data-testid=trend][data-figure="t3/main/new/total"]');
    await trend.waitFor();
    assert.match(await trend.innerText(), /本年新收政府信息公开申请数量/);
    assert.match(await trend.locator('svg').getAttribute('aria-label'), /2021年 10，2022年 40/);
    const jump = trend.getByTestId('trend-jump');
    assert.equal(await jump.count(), 1, 'one jump: 10 → 40');
    await jump.click();
    // The link opens 2022 (the open year was 2021) and focuses the cell.
    await page.getByTestId('page-tables').waitFor();
    await page.waitForFunction(() => document.activeElement?.closest('td')?.dataset.cell === 't3/main/new/natural');
    assert.equal(await page.evaluate(() => document.activeElement.value), '40');
    await waitSaved(page);
    assert.equal((await storedEnvelope(page)).workspace.current_year, 2022);
  } finally {
    await page?.context().close();
  }
});

test('the HTML export can carry the graphic after the title, a choice kept with the report', async () => {
  let page;
  try {
    page = await withExample();
    await page.goto(w.server.url + '#/report');
    const option = page.getByTestId('report-graphic');
    assert.equal(await option.isChecked(), false);
    const plain = await download(page, 'export-html');
    assert.doesNotMatch(plain.bytes.toString('utf8'), /<svg/);
    await option.check();
    await waitSaved(page);
    const frame = page.frameLocator('[data-testid=report-preview]');
    await frame.locator('figure.graphic svg').waitFor();
    const html = (await download(page, 'export-html')).bytes.toString('utf8');
    assert.match(html, /<h1>教育局2020年政务公开工作年度报告<\/h1>\n<figure class="graphic">\n<svg /);
    assert.doesNotMatch(html, /<script|<link |@import|url\(/i, 'still self-contained');
    const env = await storedEnvelope(page);
    assert.equal(env.workspace.reports['2020'].graphic_in_html, true);
    await page.reload();
    await page.getByTestId('page-report').waitFor();
    assert.equal(await page.getByTestId('report-graphic').isChecked(), true);
  } finally {
    await page?.context().close();
  }
});
