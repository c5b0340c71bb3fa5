// User stories about the report: the live preview, and every export button's file (DOCX opened by
// LibreOffice, HTML self-contained, Markdown, CSV with BOM).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { world, waitSaved } from './harness.mjs';

// File names follow the title: the example carries the seed's own title.
const STEM = '教育局2020年政务公开工作年度报告';

async function exampleReport(w) {
  const page = await w.open(await w.profile(), '#/');
  await page.getByTestId('load-example').click();
  await waitSaved(page);
  await page.goto(w.server.url + '#/report');
  await page.getByTestId('page-report').waitFor();
  return page;
}

async function download(page, testid) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return { name: d.suggestedFilename(), file: await d.path() };
}

const unzip = (file, member) =>
  execFileSync('python3', ['-c', 'import sys,zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())', file, member], {
    encoding: 'utf8',
  });

test('the preview shows the report and follows edits', async () => {
  const w = await world();
  try {
    const page = await exampleReport(w);
    const frame = page.frameLocator('[data-testid=report-preview]');
    await frame.getByText('教育局2020年政务公开工作年度报告').first().waitFor();
    await frame.getByText('第二十条第（一）项').first().waitFor();
    await page.getByTestId('report-title').fill('汽开区教育局2020年度政务公开工作报告（修订）');
    await frame.getByText('汽开区教育局2020年度政务公开工作报告（修订）').first().waitFor();
  } finally {
    await w.finish();
  }
});

test('Word export: a DOCX that a word processor opens, with A4 and the tables', async () => {
  const w = await world();
  try {
    const page = await exampleReport(w);
    const { name, file } = await download(page, 'export-docx');
    assert.equal(name, `${STEM}.docx`);
    const bytes = fs.readFileSync(file);
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'zip signature');
    const xml = unzip(file, 'word/document.xml');
    assert.match(xml, /w:pgSz w:w="11906" w:h="16838"/);
    assert.match(xml, /第二十条第（一）项/);
    assert.match(xml, /仿宋_GB2312/);
    assert.match(xml, /w:gridSpan/);
    // The parts are deflated by the browser (CompressionStream): the example was ~100 KB stored.
    const method = execFileSync('python3', ['-c', 'import sys,zipfile; print(zipfile.ZipFile(sys.argv[1]).getinfo("word/document.xml").compress_type)', file], {
      encoding: 'utf8',
    });
    assert.equal(method.trim(), '8', 'word/document.xml is deflated');
    assert.ok(bytes.length < 40_000, `DOCX is ${bytes.length} bytes`);

    // LibreOffice (installed by scripts/tools.sh) converts it to PDF.
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-docx-'));
    const docx = path.join(out, 'report.docx');
    fs.copyFileSync(file, docx);
    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${out}/profile`, '--convert-to', 'pdf', '--outdir', out, docx], {
      stdio: 'pipe',
      timeout: 180_000,
    });
    const pdf = fs.readFileSync(path.join(out, 'report.pdf'));
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(pdf.length > 10_000, `pdf has content (${pdf.length} bytes)`);
    fs.rmSync(out, { recursive: true, force: true });
  } finally {
    await w.finish();
  }
});

test('HTML, Markdown and CSV exports', async () => {
  const w = await world();
  try {
    const page = await exampleReport(w);
    const html = await download(page, 'export-html');
    assert.equal(html.name, `${STEM}.html`);
    const htmlText = fs.readFileSync(html.file, 'utf8');
    assert.match(htmlText, /^<!DOCTYPE html>/i);
    assert.doesNotMatch(htmlText, /<script|<link |@import|url\(/i, 'self-contained, no scripts');
    assert.match(htmlText, /第二十条第（九）项/);

    const md = await download(page, 'export-md');
    assert.equal(md.name, `${STEM}.md`);
    const mdText = fs.readFileSync(md.file, 'utf8');
    assert.match(mdText, /^# /m);
    assert.match(mdText, /\| 规章 \|/);

    const csv = await download(page, 'export-csv');
    assert.equal(csv.name, `${STEM}.csv`);
    const csvBytes = fs.readFileSync(csv.file);
    assert.deepEqual([...csvBytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    assert.match(csvBytes.toString('utf8'), /政府集中采购/);
  } finally {
    await w.finish();
  }
});
