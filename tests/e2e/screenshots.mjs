// Writes the screenshots of docs/screenshots/ (#/tables with the example in the statutory structure, at
// 1366 px and at 360 px): `node screenshots.mjs` after `trunk build --release`. Not a test.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { world, loadExample, go, waitSaved } from './harness.mjs';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');
const w = await world();
try {
  for (const viewport of [{ width: 1366, height: 768 }, { width: 360, height: 740 }]) {
    const page = await w.open(await w.profile({ viewport }), '#/');
    await loadExample(page);
    await go(page, '#/settings', 'page-settings');
    await page.getByTestId('settings-structure').selectOption('statutory');
    await go(page, '#/tables', 'page-tables');
    const cell = (key) => page.locator(`td[data-cell="${key}"] input`);
    await cell('t3/main/new/natural').fill('5');
    await cell('t3/main/public/natural').fill('4');
    await cell('t3/main/partial/natural').fill('1');
    await waitSaved(page);
    await page.getByTestId('notice').locator('button.close').click();
    await page.mouse.move(0, 0);
    await page.evaluate(() => {
      document.activeElement?.blur();
      for (const box of document.querySelectorAll('.grid-wrap')) box.scrollLeft = 0;
      window.scrollTo(0, 0);
    });
    const file = path.join(OUT, `tables-${viewport.width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
} finally {
  await w.finish();
}
