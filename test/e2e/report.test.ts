// End to end: report pages served by the production server (`npm run serve`) on the bundled data. 会同县 2020 (the seed,
// with its text): tables 二/三/四 and the prose figures with the right values, a click on a
// figure highlights its line of the text. 洪泽区 2023 (a bundled PDF without text): the failed
// 行政复议 total is marked in its cell with expected and found, and a click tells the line.
import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { selectRows } from '../../db/sql';
import { describeInBrowser, openPage, pageProblems, screenshot } from '../support/browser';
import { serveApp, startBundledApp } from '../support/bundled-app';

describeInBrowser('report page served by the production server', () => {
  const ids: Record<string, number> = {};

  const served = serveApp(() => startBundledApp({
    prepare: async (database) => {
      const rows = await selectRows<{ name: string; report_id: number }>(database.db, sql`select name, report_id from source_files where report_id is not null`);
      for (const r of rows) ids[r.name] = Number(r.report_id);
    },
  }));

  it('lays out 会同县 2020 as the national tables with its figures', { timeout: 90_000 }, async () => {
    const watched = await openPage(served.browser, { width: 1440, height: 900 });
    const { page } = watched;
    const res = await page.goto(`${served.base}/reports/${ids['huitong-2020.txt']}`, { waitUntil: 'networkidle' });
    expect(res?.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toContain('会同县人民政府2020年');
    const t3 = page.locator('table[data-table="三"]');
    await expect(t3.getAttribute('data-rows')).resolves.toBe('23');
    const cellText = (row: string, col: number) => t3.locator(`tr[data-row="${row}"] td`).nth(col).innerText();
    expect(await cellText('newReceived', 0)).toContain('183');
    expect(await cellText('newReceived', 6)).toContain('183');
    expect(await cellText('notProcessed.massRepeated', 0)).toContain('172');
    expect(await cellText('total', 6)).toContain('183');
    expect(await page.locator('table[data-table="四"] td').count()).toBe(15);
    expect(await page.locator('table[data-table="二"] tr[data-row="penalties"] td').nth(1).innerText()).toContain('−181');
    const hotline = page.locator('table[data-table="正文"] tr[data-row="县长热线"] td');
    expect(await hotline.nth(0).innerText()).toContain('7,352');
    expect(await hotline.nth(1).innerText()).toContain('7,346');
    expect(await hotline.nth(2).innerText()).toContain('99.92%');
    expect(await page.locator('[data-failed]').count()).toBe(0);
    await expect(page.locator('main header').innerText()).resolves.toMatch(/172件（94%）因“无正当理由大量反复申请”不予处理/u);
    // the normalised text (simplified, glosses removed), one element per line
    await expect(page.locator('#L459').innerText()).resolves.toContain('172');
    await expect(page.locator('#L1').innerText()).resolves.toContain('会同县');
    await screenshot(page, 'report-huitong-2020');
    expect(pageProblems(watched.problems)).toEqual([]);
  });

  it('highlights the source line of a clicked figure, and of #L123 in the address', { timeout: 90_000 }, async () => {
    const watched = await openPage(served.browser, { width: 1440, height: 900 });
    const { page } = watched;
    await page.goto(`${served.base}/reports/${ids['huitong-2020.txt']}`, { waitUntil: 'networkidle' });
    const figure = page.locator('table[data-table="三"] tr[data-row="notProcessed.massRepeated"] a[data-line]').first();
    await expect(figure.getAttribute('href')).resolves.toBe('#L459');
    await figure.click();
    await page.waitForSelector('#L459[data-active-line]', { timeout: 5_000 });
    expect(new URL(page.url()).hash).toBe('#L459');
    expect(await page.locator('[data-active-line]').count()).toBe(1);
    await expect(figure.getAttribute('data-focused')).resolves.toBe('');
    // the line is scrolled into view inside the text panel
    expect(await page.locator('#L459').isVisible()).toBe(true);
    const box = await page.locator('#L459').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(900);
    await screenshot(page, 'report-huitong-2020-click');

    // a hotline figure: another line
    await page.locator('table[data-table="正文"] tr[data-row="县长热线"] a[data-line]').first().click();
    await page.waitForSelector('#L13[data-active-line]', { timeout: 5_000 });
    expect(await page.locator('#L459[data-active-line]').count()).toBe(0);

    const direct = await openPage(served.browser, { width: 1440, height: 900 });
    await direct.page.goto(`${served.base}/reports/${ids['huitong-2020.txt']}#L163`, { waitUntil: 'networkidle' });
    await direct.page.waitForSelector('#L163[data-active-line]', { timeout: 5_000 });
    expect(pageProblems(watched.problems)).toEqual([]);
    expect(pageProblems(direct.problems)).toEqual([]);
  });

  it('marks 洪泽区 2023’s failed 行政复议 total in its cell, expected against found', { timeout: 90_000 }, async () => {
    const watched = await openPage(served.browser, { width: 1440, height: 900 });
    const { page } = watched;
    const res = await page.goto(`${served.base}/reports/${ids['hongze-2023.pdf']}`, { waitUntil: 'networkidle' });
    expect(res?.status()).toBe(200);
    const cell = page.locator('[data-path="appeals.review[4]"]');
    await expect(cell.getAttribute('data-failed')).resolves.toBe('true');
    const text = await cell.innerText();
    expect(text).toMatch(/^0/u);
    expect(text).toContain('应为 11');
    expect(await page.locator('[data-path="appeals.review[0]"]').innerText()).toBe('10');
    expect(await page.locator('[data-path="appeals.review[1]"]').innerText()).toBe('1');
    expect(await page.locator('[data-path="appeals.review[0]"]').getAttribute('data-failed')).toBeNull();
    await expect(page.locator('[data-path="appeals.litigationAfterReview[4]"]').innerText()).resolves.toContain('应为 5');
    const check = page.locator('[data-check="appeals.review.total"]');
    await expect(check.innerText()).resolves.toMatch(/行政复议」总计：印为 0，应为 11/u);
    expect(await page.locator('[data-warnings]').count()).toBe(1);

    // no text: a click tells the line and where the report is
    expect(await page.locator('[data-source="absent"] a[href^="https://"]').count()).toBe(1);
    await cell.click();
    const notice = page.locator('[data-line-notice]');
    await notice.waitFor({ timeout: 5_000 });
    await expect(notice.getAttribute('data-line-notice')).resolves.toBe('98');
    await expect(notice.innerText()).resolves.toContain('第 98 行');
    await screenshot(page, 'report-hongze-2023');
    expect(pageProblems(watched.problems)).toEqual([]);
  });

  it('reads on a phone, and answers 404 for an unknown report', { timeout: 60_000 }, async () => {
    const watched = await openPage(served.browser, { width: 390, height: 844 });
    await watched.page.goto(`${served.base}/reports/${ids['hongze-2023.pdf']}`, { waitUntil: 'networkidle' });
    // the page itself does not scroll sideways: wide tables scroll in their own box
    const overflow = await watched.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(watched.page, 'report-hongze-2023-phone');
    expect(pageProblems(watched.problems)).toEqual([]);
    expect((await fetch(`${served.base}/reports/999999`)).status).toBe(404);
    expect((await fetch(`${served.base}/reports/abc`)).status).toBe(404);
  });
});
