// Renders delivery/icons/icon.svg to the PNG icons of the web app manifest with headless Chromium:
// icon-192.png, icon-512.png and icon-maskable-512.png (full bleed, content in the 80 % safe zone).
// Run once after changing the SVG (`node render-icons.mjs` in tests/e2e); the PNGs are committed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = path.resolve(here, '../../delivery/icons');
const svg = fs.readFileSync(path.join(dir, 'icon.svg'), 'utf8');
// Maskable: a square background, and the artwork scaled into the safe zone.
const maskable = svg
  .replace(/<rect width="512" height="512" rx="96"/, '<rect width="512" height="512"')
  .replace(/(<rect width="512" height="512"[^>]*\/>)([\s\S]*)<\/svg>/, '$1<g transform="translate(256 256) scale(.8) translate(-256 -256)">$2</g></svg>');

const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  for (const [name, source, size] of [
    ['icon-192.png', svg, 192],
    ['icon-512.png', svg, 512],
    ['icon-maskable-512.png', maskable, 512],
  ]) {
    await page.setViewportSize({ width: size, height: size });
    const data = Buffer.from(source).toString('base64');
    await page.setContent(`<html><body style="margin:0;background:transparent">
      <img src="data:image/svg+xml;base64,${data}" width="${size}" height="${size}" style="display:block"></body></html>`);
    await page.locator('img').evaluate((img) => img.decode());
    await page.screenshot({ path: path.join(dir, name), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    console.log(`wrote ${name}`);
  }
} finally {
  await browser.close();
}
