// User stories about keeping data: autosave and reload, unreadable storage, a full quota, blocked
// storage, and two tabs editing the same workspace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { world, storedEnvelope, waitSaved, downloadText, changeYear, fillStorage } from './harness.mjs';

const unitOf = (env) => env.workspace.reports[String(env.workspace.current_year)].unit_name;

test('the officer types the unit name, reloads, and it is still there', async () => {
  const w = await world();
  try {
    const page = await w.open(await w.profile(), '#/settings');
    await page.getByTestId('settings-unit').fill('测试区教育局');
    await waitSaved(page);
    const env = await storedEnvelope(page);
    assert.equal(unitOf(env), '测试区教育局');
    assert.ok(env.revision >= 1);
    await page.reload();
    await page.getByTestId('save-status').waitFor();
    assert.equal(await page.getByTestId('settings-unit').inputValue(), '测试区教育局');
  } finally {
    await w.finish();
  }
});

test('a year that is not a year is refused where it is typed', async () => {
  const w = await world();
  try {
    const page = await w.open(await w.profile(), '#/settings');
    await page.getByTestId('settings-unit').fill('某教育局');
    await waitSaved(page);
    const before = (await storedEnvelope(page)).workspace.current_year;
    await page.getByTestId('settings-year').fill('20x1');
    await page.getByTestId('settings-year-error').filter({ hasText: '不是年份' }).waitFor();
    await page.getByTestId('settings-year').fill('1850');
    await page.getByTestId('settings-year-error').filter({ hasText: '2000—2100' }).waitFor();
    assert.equal((await storedEnvelope(page)).workspace.current_year, before);
    await page.getByTestId('settings-year').fill('2021');
    await page.getByTestId('settings-year-error').waitFor({ state: 'detached' });
    await changeYear(page, 2021);
    await waitSaved(page);
    const env = await storedEnvelope(page);
    assert.equal(env.workspace.current_year, 2021);
    assert.equal(env.workspace.reports['2021'].unit_name, '某教育局');
  } finally {
    await w.finish();
  }
});

test('unreadable stored data: banner, the app still works, the raw text is kept and downloadable', async () => {
  const w = await world();
  try {
    const ctx = await w.profile();
    const page = await w.open(ctx, '#/settings');
    const broken = '{"format":"gongkai-store","revision":7,"workspace":{"format":"gongkai-workspace","sche';
    await page.evaluate((raw) => localStorage.setItem('gongkai:workspace', raw), broken);
    await page.reload();
    const banner = page.getByTestId('storage-error');
    await banner.filter({ hasText: '无法读取' }).waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('gongkai:workspace:unreadable:1')), broken);

    const { text } = await downloadText(page, () => page.getByTestId('download-corrupt').click());
    assert.equal(text, broken);

    await page.getByTestId('settings-unit').fill('恢复后的单位');
    await waitSaved(page);
    assert.equal(unitOf(await storedEnvelope(page)), '恢复后的单位');
    assert.equal(await page.evaluate(() => localStorage.getItem('gongkai:workspace:unreadable:1')), broken);
  } finally {
    await w.finish();
  }
});

test('quota exceeded: banner, no "saved", the stored value stays, the data in the page stays', async () => {
  const w = await world();
  try {
    const page = await w.open(await w.profile(), '#/settings');
    await page.getByTestId('settings-unit').fill('原来的单位');
    await waitSaved(page);
    const storedBefore = await page.evaluate(() => localStorage.getItem('gongkai:workspace'));

    const filled = await page.evaluate(fillStorage);
    assert.ok(filled > 5, 'storage was filled');

    await page.getByTestId('settings-unit').fill('原来的单位（修改后的名称很长很长很长很长很长很长很长很长）');
    await page.getByTestId('save-status').filter({ hasText: '保存失败' }).waitFor();
    await page.getByTestId('storage-error').filter({ hasText: '已满' }).waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('gongkai:workspace')), storedBefore);
    assert.equal(
      await page.getByTestId('settings-unit').inputValue(),
      '原来的单位（修改后的名称很长很长很长很长很长很长很长很长）',
    );

    const { text } = await downloadText(page, () => page.getByTestId('banner-export-backup').click());
    assert.match(text, /修改后的名称很长/);

    await page.evaluate(() => {
      for (const k of Object.keys(localStorage)) if (k.startsWith('junk-')) localStorage.removeItem(k);
    });
    await page.getByTestId('settings-unit').fill('空间腾出后');
    await waitSaved(page);
    await page.getByTestId('storage-error').waitFor({ state: 'detached' });
    assert.equal(unitOf(await storedEnvelope(page)), '空间腾出后');
  } finally {
    await w.finish();
  }
});

test('storage blocked: the app runs in memory and says so', async () => {
  const w = await world();
  try {
    const ctx = await w.profile();
    await ctx.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('Access is denied for this document.', 'SecurityError');
        },
      });
    });
    const page = await w.open(ctx, '#/settings');
    await page.getByTestId('storage-error').filter({ hasText: '不可用' }).waitFor();
    await page.getByTestId('settings-unit').fill('仅在内存');
    await page.getByTestId('save-status').filter({ hasText: '保存失败' }).waitFor();
    assert.equal(await page.getByTestId('settings-unit').inputValue(), '仅在内存');
    const { name, text } = await downloadText(page, () => page.getByTestId('banner-export-backup').click());
    assert.equal(name, '仅在内存-' + JSON.parse(text).current_year + '.gongkai.json');
  } finally {
    await w.finish();
  }
});

/** Two tabs of one profile on one paused fake clock: an autosave happens only when the test lets time
 * pass, so the order of the tabs' saves is under the test's control. */
async function twoTabs(w) {
  const ctx = await w.profile();
  await ctx.clock.install();
  await ctx.clock.pauseAt(Date.now() + 1000);
  const a = await w.open(ctx, '#/settings');
  const b = await w.open(ctx, '#/settings');
  return { ctx, a, b, pass: (ms) => ctx.clock.runFor(ms) };
}
const unitField = (page) => page.getByTestId('settings-unit');
const showsUnit = (page, unit) =>
  page.waitForFunction((u) => document.querySelector('[data-testid=settings-unit]').value === u, unit);

test('two tabs: a clean tab follows, a tab with unsaved edits is asked, nothing is overwritten silently', async () => {
  const w = await world();
  try {
    const { a, b, pass } = await twoTabs(w);

    // A clean tab takes the other tab's newer data.
    await unitField(a).fill('甲单位');
    await pass(1000);
    await waitSaved(a);
    await showsUnit(b, '甲单位');

    // B has an unsaved edit when A saves: B must not overwrite A.
    await unitField(a).fill('甲单位第二版');
    await pass(300);
    await unitField(b).fill('乙单位');
    await pass(400); // A's autosave is due, B's is not yet
    await b.getByTestId('conflict').waitFor();
    await b.getByTestId('save-status').filter({ hasText: '另一窗口' }).waitFor();
    assert.equal(unitOf(await storedEnvelope(a)), '甲单位第二版');
    await unitField(b).fill('乙单位（继续修改）');
    await pass(2000);
    assert.equal(unitOf(await storedEnvelope(a)), '甲单位第二版', 'B still does not write');
    assert.equal(await a.getByTestId('conflict').count(), 0);

    // The user keeps B's data: it is written knowingly, and the clean tab A follows.
    await b.getByTestId('conflict-keep-mine').click();
    await b.getByTestId('conflict').waitFor({ state: 'detached' });
    assert.equal(unitOf(await storedEnvelope(a)), '乙单位（继续修改）');
    await showsUnit(a, '乙单位（继续修改）');

    // The other choice: B drops its edit and takes A's data.
    await unitField(a).fill('甲单位第三版');
    await pass(300);
    await unitField(b).fill('乙单位草稿');
    await pass(400);
    await b.getByTestId('conflict').waitFor();
    await b.getByTestId('conflict-use-theirs').click();
    await showsUnit(b, '甲单位第三版');
    await b.getByTestId('conflict').waitFor({ state: 'detached' });
    await pass(2000);
    assert.equal(unitOf(await storedEnvelope(a)), '甲单位第三版');
  } finally {
    await w.finish();
  }
});

test('two tabs saving in the same instant: the tab whose save did not stick is told so', async () => {
  const w = await world();
  try {
    const { a, b, pass } = await twoTabs(w);
    await unitField(a).fill('甲同时');
    await unitField(b).fill('乙同时');
    await pass(1000); // both autosaves are due at once
    const conflicted = async () => {
      for (let i = 0; i < 50; i++) {
        const [ca, cb] = [await a.getByTestId('conflict').count(), await b.getByTestId('conflict').count()];
        if (ca + cb > 0) return { ca, cb };
        await new Promise((r) => setTimeout(r, 100));
      }
      return { ca: 0, cb: 0 };
    };
    const { ca, cb } = await conflicted();
    assert.equal(ca + cb, 1, 'exactly one tab learns that storage holds the other tab\'s data');
    const [winner, loser] = ca ? [b, a] : [a, b];
    assert.equal(unitOf(await storedEnvelope(a)), await unitField(winner).inputValue());
    await loser.getByTestId('save-status').filter({ hasText: '另一窗口' }).waitFor();
  } finally {
    await w.finish();
  }
});
