// User stories about report content: category forms, the statutory tables (inconsistency found and
// fixed, paste from Excel, format by year) and the check on the built-in example.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { world, storedEnvelope, waitSaved, changeYear } from './harness.mjs';

/** The input of the 表三/表四/表二 cell at a verbatim row and column label. */
const cell = (page, table, row, col) =>
  page.locator(`[data-testid=table-${table}] td[data-row="${row}"][data-col="${col}"] input`);
const computed = (page, table, row, col) =>
  page.locator(`[data-testid=table-${table}] td[data-row="${row}"][data-col="${col}"]`);

async function statutoryReport(w, year = '2021') {
  const page = await w.open(await w.profile(), '#/settings');
  await page.getByTestId('settings-unit').fill('表格测试教育局');
  await changeYear(page, year);
  await page.getByTestId('settings-structure').selectOption('statutory');
  await waitSaved(page);
  return page;
}

test('a category filled in the form survives a reload', async () => {
  const w = await world();
  try {
    const page = await w.open(await w.profile(), '#/category/finance');
    const first = page.getByTestId('item').first();
    await first.getByTestId('item-text').fill('年度预决算在政府网站公开。');
    await first.getByTestId('item-status').selectOption({ label: '已公开' });
    await first.getByTestId('item-channel-used').first().check();
    await waitSaved(page);
    await page.reload();
    const again = page.getByTestId('item').first();
    assert.equal(await again.getByTestId('item-text').inputValue(), '年度预决算在政府网站公开。');
    assert.equal(await again.getByTestId('item-status').inputValue(), 'published');
    assert.ok(await again.getByTestId('item-channel-used').first().isChecked());
    // A count that is not a number is refused where it is typed.
    await again.getByTestId('item-count-add').click();
    await again.getByTestId('item-count-value').fill('二十六');
    await again.getByTestId('item-count-error').waitFor();
    await again.getByTestId('item-count-value').fill('26');
    await again.getByTestId('item-count-error').waitFor({ state: 'detached' });
    await waitSaved(page);
    const finance = (await storedEnvelope(page)).workspace;
    const report = finance.reports[String(finance.current_year)];
    assert.equal(report.categories.find((c) => c.key === 'finance').items[0].counts[0].value, 26);
  } finally {
    await w.finish();
  }
});

test('an inconsistent 表三 shows a finding, and fixing it makes the finding go', async () => {
  const w = await world();
  try {
    const page = await statutoryReport(w);
    await page.goto(w.server.url + '#/tables');
    await cell(page, 't3', '一、本年新收政府信息公开申请数量', '自然人').fill('5');
    await cell(page, 't3', '（一）予以公开', '自然人').fill('3');
    await waitSaved(page);
    // 总计 is computed, not typed.
    assert.equal((await computed(page, 't3', '一、本年新收政府信息公开申请数量', '总计').innerText()).trim(), '5');
    await page.goto(w.server.url + '#/check');
    const finding = page.getByTestId('check-finding').filter({ hasText: '勾稽关系' }).filter({ hasText: '自然人' });
    await finding.waitFor();
    assert.match(await finding.innerText(), /错误/);
    assert.match(await finding.innerText(), /5/);
    // The link leads to the tables, with the cell to fix focused.
    await finding.getByRole('link').click();
    await page.getByTestId('page-tables').waitFor();
    await page.waitForFunction(() => document.activeElement?.closest('td')?.dataset.row === '四、结转下年度继续办理');
    await cell(page, 't3', '（一）予以公开', '自然人').fill('5');
    await waitSaved(page);
    await page.goto(w.server.url + '#/check');
    await page.getByTestId('page-check').waitFor();
    assert.equal(await page.getByTestId('check-finding').filter({ hasText: '勾稽关系' }).count(), 0);
  } finally {
    await w.finish();
  }
});

test('invalid text is rejected at the cell with a message', async () => {
  const w = await world();
  try {
    const page = await statutoryReport(w);
    await page.goto(w.server.url + '#/tables');
    const input = cell(page, 't3', '二、上年结转政府信息公开申请数量', '自然人');
    await input.fill('三件');
    await page.locator('[data-testid=table-t3] [data-testid=cell-error]').first().waitFor();
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    await input.fill('3');
    await page.locator('[data-testid=table-t3] [data-testid=cell-error]').first().waitFor({ state: 'detached' });
  } finally {
    await w.finish();
  }
});

test('a 3×3 block copied from Excel is pasted into the table', async () => {
  const w = await world();
  try {
    const page = await statutoryReport(w);
    await page.goto(w.server.url + '#/tables');
    const start = cell(page, 't3', '（一）予以公开', '自然人');
    await start.focus();
    await start.evaluate((el) => {
      const data = new DataTransfer();
      data.setData('text/plain', '1\t2\t3\r\n4\t5\t6\r\n7\t8\t9\r\n');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    const rows = ['（一）予以公开', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '1.属于国家秘密'];
    const cols = ['自然人', '商业企业', '科研机构'];
    let n = 1;
    for (const row of rows) {
      for (const col of cols) {
        assert.equal(await cell(page, 't3', row, col).inputValue(), String(n), `${row} / ${col}`);
        n++;
      }
    }
    await waitSaved(page);
    assert.equal((await computed(page, 't3', '（一）予以公开', '总计').innerText()).trim(), '6');
  } finally {
    await w.finish();
  }
});

test('keyboard moves between cells like a spreadsheet', async () => {
  const w = await world();
  try {
    const page = await statutoryReport(w);
    await page.goto(w.server.url + '#/tables');
    await cell(page, 't3', '（一）予以公开', '自然人').focus();
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    await page.keyboard.type('2');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('3');
    await page.keyboard.press('Tab');
    await page.keyboard.type('4');
    assert.equal(await cell(page, 't3', '（一）予以公开', '自然人').inputValue(), '1');
    const second = '（二）部分公开（区分处理的，只计这一情形，不计其他情形）';
    assert.equal(await cell(page, 't3', second, '自然人').inputValue(), '2');
    assert.equal(await cell(page, 't3', second, '商业企业').inputValue(), '3');
    assert.equal(await cell(page, 't3', second, '科研机构').inputValue(), '4');
  } finally {
    await w.finish();
  }
});

test('switching the year from 2020 to 2021 shows the 2021 rows', async () => {
  const w = await world();
  try {
    const page = await statutoryReport(w, '2020');
    await page.goto(w.server.url + '#/tables');
    await page.getByTestId('table-t2').getByText('第二十条第（九）项').waitFor();
    assert.equal(await page.locator('[data-testid=table-t3] tbody tr').count(), 23);
    await page.goto(w.server.url + '#/settings');
    await changeYear(page, 2021);
    await waitSaved(page);
    await page.goto(w.server.url + '#/tables');
    await page.getByTestId('table-t2').getByText('行政规范性文件').waitFor();
    assert.equal(await page.getByTestId('table-t2').getByText('第二十条第（九）项').count(), 0);
    assert.equal(await page.locator('[data-testid=table-t3] tbody tr').count(), 25);
    await page.getByTestId('table-t3').getByText('3.其他', { exact: true }).waitFor();
  } finally {
    await w.finish();
  }
});

test('the example passes the check with hints only for 民办学校信息 and 教育督导', async () => {
  const w = await world();
  try {
    const page = await w.open(await w.profile(), '#/');
    await page.getByTestId('load-example').click();
    await waitSaved(page);
    await page.goto(w.server.url + '#/check');
    await page.getByTestId('page-check').waitFor();
    const texts = await page.getByTestId('check-finding').allInnerTexts();
    assert.equal(texts.filter((t) => t.includes('错误')).length, 0, texts.join('\n'));
    assert.equal(texts.length, 2, texts.join('\n'));
    assert.ok(texts.some((t) => t.includes('民办学校信息')));
    assert.ok(texts.some((t) => t.includes('教育督导')));
    assert.equal(await page.getByTestId('check-count').innerText(), '2');
    // Marking 教育督导 本年度无此项 removes its hint.
    await page.goto(w.server.url + '#/category/supervision');
    await page.getByTestId('category-none').check();
    await waitSaved(page);
    await page.goto(w.server.url + '#/check');
    await page.getByTestId('page-check').waitFor();
    assert.equal(await page.getByTestId('check-count').innerText(), '1');
  } finally {
    await w.finish();
  }
});

test('narrative: switching the structure keeps every text, and the numbered work list persists', async () => {
  const w = await world();
  try {
    const page = await w.open(await w.profile(), '#/narrative');
    await page.getByTestId('narrative-goals').fill('实现公开制度化、标准化。');
    await page.getByTestId('narrative-work-add').click();
    await page.getByTestId('narrative-work-add').click();
    await page.getByTestId('narrative-work-item').nth(0).fill('确定主管领导；');
    await page.getByTestId('narrative-work-item').nth(1).fill('梳理公开目录。');
    await page.getByTestId('narrative-structure').selectOption('statutory');
    await page.getByTestId('narrative-overview-active').fill('主动公开信息26条。');
    await page.getByTestId('narrative-fee-line').fill('本年度未收取信息处理费。');
    await page.getByTestId('narrative-structure').selectOption('field');
    await waitSaved(page);
    await page.reload();
    assert.equal(await page.getByTestId('narrative-goals').inputValue(), '实现公开制度化、标准化。');
    assert.equal(await page.getByTestId('narrative-overview-active').inputValue(), '主动公开信息26条。');
    assert.equal(await page.getByTestId('narrative-fee-line').inputValue(), '本年度未收取信息处理费。');
    assert.deepEqual(
      await page.getByTestId('narrative-work-item').evaluateAll((els) => els.map((e) => e.value)),
      ['确定主管领导；', '梳理公开目录。'],
    );
  } finally {
    await w.finish();
  }
});

test('a new year carried forward from the last one prefills 上年结转 and keeps the unit and catalogue', async () => {
  const w = await world();
  try {
    const page = await statutoryReport(w, '2019');
    await page.goto(w.server.url + '#/category/finance');
    await page.getByTestId('item-add').click();
    await page.getByTestId('item-name').last().fill('自定义财务事项');
    await page.getByTestId('item-text').last().fill('本年的文字不应结转。');
    await page.goto(w.server.url + '#/tables');
    await cell(page, 't3', '一、本年新收政府信息公开申请数量', '自然人').fill('4');
    await cell(page, 't3', '（一）予以公开', '自然人').fill('2');
    await cell(page, 't3', '四、结转下年度继续办理', '自然人').fill('2');
    await cell(page, 't2', '行政许可', '上一年项目数量').fill('8');
    await cell(page, 't2', '行政许可', '本年增/减').fill('增10');
    await waitSaved(page);
    await page.goto(w.server.url + '#/settings');
    await page.getByTestId('new-year').fill('2020');
    await page.getByTestId('add-year').click();
    await waitSaved(page);
    assert.equal(await page.getByTestId('settings-year').inputValue(), '2020');
    assert.equal(await page.getByTestId('settings-unit').inputValue(), '表格测试教育局');
    await page.goto(w.server.url + '#/tables');
    assert.equal(await cell(page, 't3', '二、上年结转政府信息公开申请数量', '自然人').inputValue(), '2');
    assert.equal(await cell(page, 't2', '行政许可', '上一年项目数量').inputValue(), '18');
    await page.goto(w.server.url + '#/category/finance');
    assert.equal(await page.getByTestId('item-name').last().inputValue(), '自定义财务事项');
    assert.equal(await page.getByTestId('item-text').last().inputValue(), '');
  } finally {
    await w.finish();
  }
});
