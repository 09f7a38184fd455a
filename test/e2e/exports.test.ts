// End to end: exports on the bundled data. The PNG endpoint gives a real PNG of the asked size
// (decoded by the browser) with its source printed on it; the page's download links and the
// browser-drawn PNG produce files; CSV opens with its BOM and Chinese labels; the report's
// national tables open as XLSX; bad parameters get a 400 with a message, never a 500; the share
// button copies the address that restores the view.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeInBrowser, openPage, pageProblems, screenshot, SCREENSHOTS } from '../support/browser';
import { serveApp, startBundledApp } from '../support/bundled-app';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describeInBrowser('exports served by the production server', () => {
  const served = serveApp(() => startBundledApp());

  it('gives a PNG of the asked size, with its title and source printed on it', { timeout: 90_000 }, async () => {
    const url = `${served.base}/api/charts/outcomes.png?regions=431225&years=2020..2021&width=1600`;
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await res.arrayBuffer());
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const file = join(SCREENSHOTS, 'export-outcomes-1600.png');
    writeFileSync(file, png);
    // decoded by the browser
    const { page } = await openPage(served.browser, { width: 1700, height: 1000 });
    await page.goto(`${served.base}/api/charts/outcomes.png?regions=431225&years=2020..2021&width=1600`);
    const size = await page.evaluate(async () => {
      const img = document.querySelector('img')!;
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    });
    expect(size).toEqual([1600, 900]);
    await screenshot(page, 'export-outcomes-png-in-browser');
    // the SVG says the same in text
    const svg = await (await fetch(`${served.base}/api/charts/outcomes.svg?regions=431225&years=2020..2021`)).text();
    expect(svg).toContain('依申请公开：收到的申请和办理结果');
    expect(svg).toContain('来源：会同县人民政府2020年政府信息公开工作年度报告');
    expect(svg).toMatch(/导出于 \d{4}年\d{1,2}月\d{1,2}日 · 年报通/u);
  });

  it('answers bad parameters with a 400 that says what is wrong', { timeout: 60_000 }, async () => {
    const cases: [string, RegExp][] = [
      ['/api/charts/nope.png?regions=431225', /未知的图表/u],
      ['/api/charts/outcomes.png?regions=不存在的地方', /找不到地区/u],
      ['/api/charts/outcomes.png?regions=431225&years=1900..2020', /^years 应为/u],
      ['/api/charts/outcomes.png?regions=431225&width=100000', /^width/u],
      ['/api/charts/outcomes.png?regions=431225~~431202', /有空的地区/u],
      ['/api/charts/outcomes.png', /缺少 regions/u],
      ['/api/charts/outcomes.csv?regions=鼓楼区', /同名地区/u],
      ['/api/charts/trend.png?regions=431225', /需要 metric/u],
      ['/api/reports/abc/tables.xlsx', /正整数/u],
    ];
    for (const [path, message] of cases) {
      const res = await fetch(`${served.base}${encodeURI(path)}`);
      expect(res.status, path).toBe(400);
      expect(res.headers.get('content-type'), path).toMatch(/^text\/plain/u);
      expect(await res.text(), path).toMatch(message);
    }
    expect((await fetch(`${served.base}/api/reports/999999/tables.xlsx`)).status).toBe(404);
  });

  it('downloads from the page: server PNG, browser PNG, CSV with BOM', { timeout: 90_000 }, async () => {
    const watched = await openPage(served.browser, { width: 1280, height: 900 });
    const { page } = watched;
    await page.goto(`${served.base}/public/431225`, { waitUntil: 'networkidle' });
    const figure = page.locator('figure#applications');

    const serverPng = page.waitForEvent('download');
    await figure.locator('a[data-download="png"]').click();
    const png = await serverPng;
    expect(png.suggestedFilename()).toMatch(/^会同县-依申请公开：收到的申请和办理结果-2020-2021年-\d{8}\.png$/u);
    expect(readFileSync((await png.path())!).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);

    const browserPng = page.waitForEvent('download');
    await figure.locator('button[data-browser-png]').click();
    const drawn = readFileSync((await (await browserPng).path())!);
    expect(drawn.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(drawn.readUInt32BE(16)).toBe(2400);
    writeFileSync(join(SCREENSHOTS, 'export-outcomes-browser.png'), drawn);

    const csvDownload = page.waitForEvent('download');
    await figure.locator('a[data-download="csv"]').click();
    const csv = readFileSync((await (await csvDownload).path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8');
    expect(text).toContain('年度,报告数,本年新收申请,予以公开');
    expect(text).toContain('2020,1,183,4,0,3,4,172,0,183');
    expect(pageProblems(watched.problems)).toEqual([]);
  });

  it('draws any other dashboard chart as PNG and SVG in the browser', { timeout: 90_000 }, async () => {
    const watched = await openPage(served.browser, { width: 1280, height: 900 });
    const { page } = watched;
    await page.goto(`${served.base}/`, { waitUntil: 'networkidle' });
    const downloads = page.locator('[data-screen-downloads]').first();
    await downloads.waitFor({ timeout: 20_000 });
    const png = page.waitForEvent('download');
    await downloads.locator('button', { hasText: 'PNG' }).click();
    const file = await png;
    expect(file.suggestedFilename()).toMatch(/\.png$/u);
    expect(readFileSync((await file.path())!).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const svg = page.waitForEvent('download');
    await downloads.locator('button', { hasText: 'SVG' }).click();
    const text = readFileSync((await (await svg).path())!, 'utf8');
    expect(text).toMatch(/^<svg [^>]*width="1200" height="675"/u);
    expect(text).toMatch(/来源：[^<]*年报通/u);
    expect(pageProblems(watched.problems)).toEqual([]);
  });

  it('exports a report’s tables in the national layout, and the whole chart data as XLSX', { timeout: 60_000 }, async () => {
    const watched = await openPage(served.browser, { width: 1280, height: 900 });
    const { page } = watched;
    await page.goto(`${served.base}/regions/431225`, { waitUntil: 'networkidle' });
    await page.locator('a[data-report]').first().click();
    await page.waitForURL(/\/reports\/\d+$/u);
    const download = page.waitForEvent('download');
    await page.locator('a[data-download="national-tables"]').click();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await (await download).path())!) as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['二 主动公开', '三 依申请公开', '四 复议诉讼']));
    const sheet = workbook.getWorksheet('三 依申请公开')!;
    const values: unknown[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => values.push(cell.value)));
    expect(values).toContain(172);
    expect(values).toContain(183);

    const res = await fetch(`${served.base}/api/charts/appeals.xlsx?regions=320813`);
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await res.arrayBuffer()) as never);
    expect(book.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['行政复议和行政诉讼结果', '来源']));
    expect(pageProblems(watched.problems)).toEqual([]);
  });

  it('copies the address of the view, which opens the same view', { timeout: 60_000 }, async () => {
    const watched = await openPage(served.browser, { width: 1280, height: 900 });
    const { page } = watched;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.base });
    const view = `${served.base}/compare?regions=431225~320813&years=2020..2023`;
    await page.goto(view, { waitUntil: 'networkidle' });
    await page.locator('button[data-share]').click();
    await expect.poll(() => page.locator('button[data-share]').innerText(), { timeout: 10_000 }).toBe('链接已复制');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(decodeURIComponent(copied)).toBe(decodeURIComponent(view));
    await page.goto(copied, { waitUntil: 'networkidle' });
    expect(await page.locator('[data-metric]').count()).toBeGreaterThan(0);
    expect(pageProblems(watched.problems)).toEqual([]);
  });
});
