// End to end: the overview (`/`) served by the production server on the bundled data, in chromium. The
// charts render, the figures are those of the reports, the controls write the URL and a
// reload shows the same view. Screenshots go to test/screenshots/ to be looked at.
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { selectRows } from '../../db/sql';
import { describeInBrowser, openPage, pageProblems, screenshot, type WatchedPage } from '../support/browser';
import { serveApp, startBundledApp } from '../support/bundled-app';

const text = (page: Page, selector: string) => page.locator(selector).first().innerText();

async function chartsDrawn(page: Page): Promise<number> {
  await page.waitForSelector('[data-chart] svg', { timeout: 30_000 });
  return page.locator('[data-chart] svg').count();
}

describeInBrowser('overview served by the production server', () => {
  let huitong2020 = 0;
  const watched: WatchedPage[] = [];

  const served = serveApp(() => startBundledApp({
    prepare: async (database) => {
      const [row] = await selectRows<{ id: number }>(
        database.db,
        sql`select f.report_id as id from report_facts f join regions g on g.id = f.region_id where g.code = '431225' and f.year = 2020 and f.scope = 'jurisdiction'`,
      );
      huitong2020 = Number(row.id);
    },
  }));

  async function open(path: string, viewport?: { width: number; height: number }): Promise<WatchedPage> {
    const w = await openPage(served.browser, viewport);
    watched.push(w);
    await w.page.goto(`${served.base}${path}`, { waitUntil: 'networkidle' });
    return w;
  }

  it('opens on the default year with cards, charts and tables, without console errors', { timeout: 90_000 }, async () => {
    const { page, problems } = await open('/');
    expect(await page.title()).toContain('年报通');
    await expect(text(page, 'nav.site-nav a[aria-current="page"]')).resolves.toBe('概览');
    // the default year: the latest year in which most regions with tables have them
    expect(await page.locator('select[name="year"]').inputValue()).toBe('2024');
    expect(await page.locator('[data-kpi]').count()).toBeGreaterThanOrEqual(6);
    expect(await chartsDrawn(page)).toBeGreaterThanOrEqual(2);
    // a city (淮安市) and a county report in 2024: one row of cards per level, never added up
    expect(await page.locator('.kpi-group').count()).toBe(2);
    await expect(text(page, '.kpi-group[data-level="city"] [data-kpi="applications"] .kpi-number')).resolves.toBe('3,119');
    // a level without the figure says so, never 0
    await expect(text(page, '.kpi-group[data-level="county"] [data-kpi="applications"] .kpi-number')).resolves.toBe('暂无数据');
    await screenshot(page, 'overview-default');
    expect(pageProblems(problems)).toEqual([]);
  });

  it('picks 会同县 and shows its 2020 figures, each leading to the report', { timeout: 90_000 }, async () => {
    const { page, problems } = await open('/');
    await page.locator('details.picker summary').click();
    await page.locator('input[name="regionSearch"]').fill('会同');
    await page.locator('input[name="region"][value="431225"]').check();
    await page.waitForURL((url) => url.searchParams.get('regions') === '431225', { timeout: 30_000 });
    await page.waitForFunction(() => document.querySelector('select[name="year"]') && (document.querySelector('select[name="year"]') as HTMLSelectElement).value === '2020', undefined, { timeout: 30_000 });

    const kpi = (id: string) => `[data-kpi="${id}"]`;
    await expect(text(page, `${kpi('applications')} .kpi-number`)).resolves.toBe('183');
    await expect(text(page, kpi('applications'))).resolves.toContain('上年暂无数据');
    await expect(text(page, kpi('notProcessed'))).resolves.toMatch(/172 \/ 总计 183 件[\s\S]*无正当理由大量反复申请 172 件/u);
    await expect(text(page, `${kpi('hotline')} .kpi-number`)).resolves.toBe('99.92%');
    await expect(text(page, kpi('hotline'))).resolves.toContain('来电 7,352 件，办结 7,346 件');
    await expect(text(page, `${kpi('published')} .kpi-number`)).resolves.toBe('1,226');
    await expect(text(page, `${kpi('disclosed')} .kpi-number`)).resolves.toBe('2.19%');
    await expect(text(page, `${kpi('corrected')} .kpi-number`)).resolves.toBe('0');
    expect(await page.locator(`${kpi('applications')} a`).getAttribute('href')).toBe(`/reports/${huitong2020}`);

    // items published over the years, with the change: 2021 is a prose-only report
    const trend = page.locator('table[data-table="trend"]');
    await expect(trend.locator('tr[data-year="2020"]').innerText()).resolves.toContain('1,226');
    await expect(trend.locator('tr[data-year="2021"]').innerText()).resolves.toMatch(/2,954[\s\S]*\+1,728 条（\+140\.9%）/u);
    expect(await trend.locator('tr[data-year="2020"] a').getAttribute('href')).toBe(`/reports/${huitong2020}`);
    expect(await trend.locator('thead a').getAttribute('href')).toBe('/regions/431225');
    // the outcomes table and the ranking
    await expect(page.locator('table[data-table="outcomes"] tr[data-year="2020"]').innerText()).resolves.toMatch(/^2020[\s\S]*4[\s\S]*172[\s\S]*183/u);
    expect(await page.locator('table[data-table="ranking"] tbody th a').getAttribute('href')).toBe('/regions/431225');
    expect(await page.locator('table[data-table="sources"] a[href^="/reports/"]').getAttribute('href')).toBe(`/reports/${huitong2020}`);

    expect(await chartsDrawn(page)).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'overview-huitong-2020');
    expect(pageProblems(problems)).toEqual([]);
  });

  it('keeps the view in the URL: controls change it, a reload shows the same', { timeout: 90_000 }, async () => {
    const { page, problems } = await open('/?regions=431225');
    await page.locator('select[name="metric"]').selectOption('hotline.resolvedRate');
    await page.waitForURL((url) => url.searchParams.get('metric') === 'hotline.resolvedRate', { timeout: 30_000 });
    await page.locator('select[name="year"]').selectOption('2021');
    await page.waitForURL((url) => url.searchParams.get('year') === '2021', { timeout: 30_000 });
    await page.locator('input[name="decals"]').check();
    await page.waitForURL((url) => url.searchParams.get('decals') === '1', { timeout: 30_000 });
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({ year: '2021', regions: '431225', metric: 'hotline.resolvedRate', decals: '1' });

    // a reload in the middle of loading (the icon) would abort requests of the page
    await page.waitForLoadState('networkidle');
    await page.reload({ waitUntil: 'networkidle' });
    expect(await page.locator('select[name="metric"]').inputValue()).toBe('hotline.resolvedRate');
    expect(await page.locator('select[name="year"]').inputValue()).toBe('2021');
    expect(await page.locator('input[name="decals"]').isChecked()).toBe(true);
    await expect(text(page, '#trend-title')).resolves.toContain('热线办结率');
    await expect(text(page, '.chips')).resolves.toContain('会同县');
    // 2021 is a prose-only report: its table figures are missing, not zero
    await expect(text(page, '[data-kpi="applications"] .kpi-number')).resolves.toBe('暂无数据');
    await expect(text(page, '[data-kpi="published"] .kpi-number')).resolves.toBe('2,954');
    await expect(text(page, '[data-kpi="published"]')).resolves.toContain('+1,728 条（+140.9%）');

    // back to all regions
    await page.locator('.chip-clear').click();
    await page.waitForURL((url) => !url.searchParams.has('regions'), { timeout: 30_000 });
    await expect(text(page, '.chips')).resolves.toContain('全部地区');
    expect(pageProblems(problems)).toEqual([]);
  });

  it('ignores values it cannot read, and says what it cannot find', { timeout: 60_000 }, async () => {
    const { page, problems } = await open('/?year=20x4&metric=nope&regions=不存在县&scope=all');
    expect(await page.locator('select[name="metric"]').inputValue()).toBe('activity.publishedItems');
    expect(await page.locator('select[name="scope"]').inputValue()).toBe('jurisdiction');
    await expect(text(page, '.warning')).resolves.toContain('不存在县');
    expect(pageProblems(problems)).toEqual([]);
  });

  it('shows another scope’s reports and an empty chart as 暂无数据', { timeout: 60_000 }, async () => {
    const { page, problems } = await open('/?regions=431224&scope=unknown&metric=applications.newReceived');
    // 溆浦县 has prose-only reports: no application figures
    await expect(text(page, '[data-kpi="applications"] .kpi-number')).resolves.toBe('暂无数据');
    await expect(text(page, '.chart-empty')).resolves.toBe('暂无数据');
    await expect(text(page, '[data-kpi="published"] .kpi-number')).resolves.toMatch(/^[\d,]+$/u);
    expect(pageProblems(problems)).toEqual([]);
  });

  it('reads at phone width', { timeout: 60_000 }, async () => {
    const { page, problems } = await open('/?regions=431225', { width: 390, height: 844 });
    expect(await chartsDrawn(page)).toBeGreaterThanOrEqual(1);
    // nothing wider than the screen but the scrolling tables
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'overview-phone');
    expect(pageProblems(problems)).toEqual([]);
  });
});
