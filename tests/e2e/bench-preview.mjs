// Headless-browser benchmark (not a test): time from a keystroke in the report page to the preview
// showing it, on the built-in example, in the release build. Prints the numbers; asserts nothing.
// Run through scripts/bench.sh.
import { world, waitSaved } from './harness.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 30);
const w = await world();
try {
  const page = await w.open(await w.profile(), '#/');
  await page.getByTestId('load-example').click();
  await waitSaved(page);
  await page.goto(w.server.url + '#/report');
  await page.getByTestId('report-preview').waitFor();
  const times = await page.evaluate(async (rounds) => {
    const input = document.querySelector('[data-testid=report-title]');
    const frame = document.querySelector('[data-testid=report-preview]');
    const out = [];
    for (let i = 0; i < rounds; i++) {
      const marker = `基准测试标题${i}`;
      const start = performance.now();
      input.value = marker;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      while (!frame.srcdoc.includes(marker)) {
        await new Promise((r) => requestAnimationFrame(r));
      }
      out.push(performance.now() - start);
    }
    return out;
  }, ROUNDS);
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  console.log(`keystroke → preview updated (ms, ${ROUNDS} rounds, includes the next animation frame):`);
  console.log(`  median ${at(0.5).toFixed(1)}  p90 ${at(0.9).toFixed(1)}  max ${times[times.length - 1].toFixed(1)}`);
  const startup = await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.duration ?? 0);
  console.log(`page load (navigation duration): ${startup.toFixed(0)} ms`);
} finally {
  await w.finish();
}
