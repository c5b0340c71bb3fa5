// What differs by browser, in Chromium with the user agent of each kind: persistent storage asked for
// at the first save and shown on #/data, WebKit's 7-day notice, the backup reminder after days (a day
// in WebKit, a week elsewhere), and WeChat's and QQ's built-in browsers, where a download would fail
// silently. The same app runs in Firefox and WebKit themselves in tests/engines/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { world, loadExample, go, waitSaved, storedEnvelope } from './harness.mjs';

const UA = {
  safari: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  chrome: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  wechat: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x1800323a) NetType/WIFI Language/zh_CN',
  qq: 'Mozilla/5.0 (Linux; Android 13; PGT-AN10 Build/HONORPGT-AN10; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/109.0.5414.86 MQQBrowser/6.2 TBS/047205 Mobile Safari/537.36 V1_AND_SQ_9.0.0_5282_YYB_D QQ/9.0.0.14110 NetType/WIFI',
};
const DAY = 86_400_000;

/** Counts calls of navigator.storage.persist() in `window.__persistCalls`. */
function countPersist(page) {
  return page.addInitScript(() => {
    window.__persistCalls = 0;
    const own = navigator.storage.persist.bind(navigator.storage);
    navigator.storage.persist = () => {
      window.__persistCalls += 1;
      return own();
    };
  });
}

test('persistent storage is asked for at the first save of real data, and #/data says what the browser answered', async () => {
  const w = await world();
  try {
    const page = await w.open(await w.profile(), '#/', countPersist);
    await go(page, '#/data', 'storage-persist');
    const persist = page.getByTestId('storage-persist');
    const before = await page.evaluate(() => navigator.storage.persisted());
    await persist.filter({ hasText: before ? '持久保存：浏览器已同意' : '持久保存：尚未保存数据' }).waitFor();
    assert.equal(await page.evaluate(() => window.__persistCalls), 0, 'a blank workspace asks nothing');

    await go(page, '#/', 'load-example');
    await loadExample(page);
    await page.waitForFunction(() => window.__persistCalls === 1);
    await go(page, '#/data', 'storage-persist');
    const now = await page.evaluate(() => navigator.storage.persisted());
    await persist.filter({ hasText: now ? '持久保存：浏览器已同意' : '持久保存：未获浏览器同意' }).waitFor();
    // Not WebKit: no 7-day notice.
    assert.equal(await page.getByTestId('storage-webkit').count(), 0);

    // Later saves in the same tab do not ask again.
    await go(page, '#/settings', 'settings-unit');
    await page.getByTestId('settings-unit').fill('某区教育局（改）');
    await waitSaved(page);
    assert.equal(await page.evaluate(() => window.__persistCalls), 1);
  } finally {
    await w.finish();
  }
});

for (const [kind, ua, days, overdue] of [
  ['WebKit (Safari)', UA.safari, 1.5, '已有 1 天的修改没有导出备份'],
  ['Chromium', UA.chrome, 1.5, null],
  ['Chromium', UA.chrome, 8.2, '已有 8 天的修改没有导出备份'],
]) {
  test(`${kind}: changes ${days} days without a backup ${overdue ? 'call for one' : 'keep the usual reminder'}`, async () => {
    const w = await world();
    try {
      const page = await w.open(await w.profile({ userAgent: ua }), '#/');
      await loadExample(page);
      const env = await storedEnvelope(page);
      assert.equal(typeof env.pending_since, 'number', 'the first save after no backup starts the wait');
      env.pending_since = Date.now() - days * DAY;
      await page.evaluate((raw) => localStorage.setItem('gongkai:workspace', raw), JSON.stringify(env));
      await page.reload();
      const reminder = page.getByTestId('backup-reminder');
      await reminder.waitFor();
      const text = await reminder.innerText();
      if (overdue) assert.match(text, new RegExp(overdue));
      else assert.match(text, /上次导出备份以后数据有修改/);

      await go(page, '#/data', 'storage-status');
      assert.equal(await page.getByTestId('storage-webkit').count(), ua === UA.safari ? 1 : 0);
      if (ua === UA.safari) {
        assert.match(
          await page.getByTestId('storage-webkit').innerText(),
          /7 天没有访问本站后删除本站保存的数据.*满 1 天未备份.*已有 1 天的修改没有导出备份/s,
          'the notice comes with the backup reminder',
        );
      }
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-backup').click()]);
      assert.match(download.suggestedFilename(), /\.gongkai\.json$/);
      await go(page, '#/', 'page-overview');
      assert.equal(await page.getByTestId('backup-reminder').count(), 0);
      assert.equal((await storedEnvelope(page)).pending_since, undefined, 'the backup ends the wait');
    } finally {
      await w.finish();
    }
  });
}

for (const [app, ua, name] of [['WeChat', UA.wechat, '微信'], ['QQ', UA.qq, 'QQ']]) {
  test(`${app}'s built-in browser: a download says to open the page in a browser, with its address`, async () => {
    const w = await world();
    try {
      const page = await w.open(await w.profile({ userAgent: ua, viewport: { width: 360, height: 740 } }), '#/');
      await loadExample(page);
      let downloads = 0;
      page.on('download', () => { downloads += 1; });
      await go(page, '#/data', 'export-backup');
      await page.getByTestId('export-backup').click();
      const alert = page.getByTestId('alert');
      await alert.waitFor();
      const text = await alert.innerText();
      assert.match(text, new RegExp(`${name}内置浏览器不能下载文件。请在浏览器中打开`));
      assert.ok(text.includes(page.url()), `the address to copy: ${text}`);
      // The report's exports say the same.
      await go(page, '#/report', 'export-html');
      await page.getByTestId('export-html').click();
      await alert.filter({ hasText: '请在浏览器中打开' }).waitFor();
      assert.equal(downloads, 0, 'nothing was handed to a download that would fail');
      const wide = await page.evaluate(() => document.documentElement.scrollWidth > innerWidth);
      assert.equal(wide, false, 'the message fits a 360 px phone');
    } finally {
      await w.finish();
    }
  });
}

test('the parent page works in WeChat\'s built-in browser at 360 px, with the keyboard\'s search key', async () => {
  const w = await world();
  try {
    const context = await w.profile({ userAgent: UA.wechat, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await w.newPage(context);
    await page.goto(`${w.server.url}lookup/`);
    await page.getByTestId('lookup-meta').filter({ hasText: '条道路和小区' }).waitFor();
    await page.getByTestId('lookup-input').fill('东风大街3号');
    await page.getByTestId('lookup-input').press('Enter');
    const answer = page.getByTestId('lookup-results').locator('article').first();
    await answer.waitFor();
    assert.match(await answer.innerText(), /汽开区第一实验小学[\s\S]*红色预警/);
    const input = await page.getByTestId('lookup-input').evaluate((e) => ({
      font: parseFloat(getComputedStyle(e).fontSize),
      hint: e.getAttribute('enterkeyhint'),
      form: e.form?.getAttribute('role'),
    }));
    assert.ok(input.font >= 16, `${input.font} px`);
    assert.deepEqual([input.hint, input.form], ['search', 'search'], 'the keyboard shows 搜索 and submits the form');
  } finally {
    await w.finish();
  }
});
