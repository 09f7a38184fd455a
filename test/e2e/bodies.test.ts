// End to end: the bodies page (/regions/[region]/bodies) served by the production server. On the bundled
// data: 沅陵县's township 二酉苗族乡 (2020) with its figures, the link from the region page, a
// county without bodies, a city with its counties, a name several regions bear. On the
// synthetic database: a county with two departments and two townships over several years, the
// year and kind filters as plain links, the chart, the presence grid; figures equal to the
// database's. Screenshots at desktop and phone widths go to test/screenshots/.
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { selectRows } from '../../db/sql';
import { describeInBrowser, openPage, pageProblems, screenshot } from '../support/browser';
import { serveApp, startBundledApp } from '../support/bundled-app';
import { startSyntheticApp } from '../support/synthetic-app';

async function chartDrawn(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('[data-chart] svg').length >= 1, null, { timeout: 30_000 });
}

async function noSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
}

const cell = (page: Page, reportId: number, metric: string) => page.locator(`table[data-table="bodies"] tr[data-report="${reportId}"] td[data-metric="${metric}"]`).innerText();

describeInBrowser('bodies page on the bundled data', () => {
  let eryou = 0;

  const served = serveApp(() => startBundledApp({
    prepare: async (database) => {
      const [row] = await selectRows<{ id: number }>(
        database.db,
        sql`select f.report_id as id from report_facts f join regions g on g.id = f.region_id
            join regions p on p.id = g.parent_id where p.code = '431222' and f.scope = 'township' and f.year = 2020`,
      );
      eryou = Number(row.id);
    },
  }));

  it('shows 沅陵县’s township 二酉苗族乡 in 2020 with its figures, on a desktop and on a phone', { timeout: 120_000 }, async () => {
    const watched = await openPage(served.browser, { width: 1280, height: 900 });
    const { page } = watched;
    // from the region page's link
    await page.goto(`${served.base}/regions/431222`, { waitUntil: 'networkidle' });
    await page.locator('a[data-bodies-link]').click();
    await page.waitForURL(/\/regions\/431222\/bodies$/u);
    await expect(page.locator('h1').innerText()).resolves.toContain('沅陵县');
    await expect(page.locator('[data-not-summed]').innerText()).resolves.toContain('不相加，也不计入全县数字');
    // the only year with body reports is the default
    await expect(page.locator('[data-filters] a[data-year][aria-current="page"]').innerText()).resolves.toMatch(/^2020/u);
    const row = page.locator(`table[data-table="bodies"] tr[data-report="${eryou}"]`);
    await expect(row.locator('th a').innerText()).resolves.toBe('二酉苗族乡人民政府');
    await expect(row.locator('th a').getAttribute('href')).resolves.toBe(`/reports/${eryou}`);
    await expect(row.locator('[data-kind]').innerText()).resolves.toBe('乡镇（街道）');
    // table 二 only: 1 penalty decision, 0 licensing decisions; no table 三 or 四, no prose count
    await expect(cell(page, eryou, 'proactive.penalties.decisions')).resolves.toBe('1');
    await expect(cell(page, eryou, 'proactive.licensing.decisions')).resolves.toBe('0');
    for (const metric of ['applications.newReceived', 'applications.granted', 'applications.denied', 'activity.publishedItems', 'appeals.review.total']) {
      await expect(cell(page, eryou, metric), metric).resolves.toBe('暂无数据');
    }
    // the chart compares the first figure some body states other than 0
    await chartDrawn(page);
    await expect(page.locator('#bodies-metric').inputValue()).resolves.toBe('proactive.penalties.decisions');
    await expect(page.locator('[data-chart]').getAttribute('data-chart')).resolves.toBe('2020年各部门、乡镇（街道）行政处罚处理决定（件）');
    await expect(page.locator('table[data-table="presence"] tbody tr').count()).resolves.toBe(1);
    await expect(page.locator('table[data-table="presence"] tbody td[data-year="2020"] a').getAttribute('href')).resolves.toBe(`/reports/${eryou}`);
    await screenshot(page, 'bodies-yuanling');
    expect(pageProblems(watched.problems)).toEqual([]);

    const phone = await openPage(served.browser, { width: 390, height: 844 });
    await phone.page.goto(`${served.base}/regions/${encodeURIComponent('沅陵县')}/bodies`, { waitUntil: 'networkidle' });
    await chartDrawn(phone.page);
    await noSidewaysScroll(phone.page);
    await screenshot(phone.page, 'bodies-yuanling-phone');
    expect(pageProblems(phone.problems)).toEqual([]);
  });

  it('says so for a county without bodies, lists a city’s counties, and offers the choice for a shared name', { timeout: 90_000 }, async () => {
    const watched = await openPage(served.browser, { width: 1280, height: 900 });
    const { page } = watched;
    await page.goto(`${served.base}/regions/431225/bodies`, { waitUntil: 'networkidle' });
    await expect(page.locator('[data-empty="no-bodies"]').innerText()).resolves.toContain('数据库中还没有会同县下属部门、乡镇（街道）的年度报告');

    await page.goto(`${served.base}/regions/431200/bodies`, { waitUntil: 'networkidle' });
    await expect(page.locator('[data-empty="no-bodies"]').innerText()).resolves.toContain('怀化市');
    const yuanling = page.locator('[data-children] li', { hasText: '沅陵县' });
    await expect(yuanling.innerText()).resolves.toContain('1 个部门、乡镇（街道）有报告');
    await screenshot(page, 'bodies-huaihua-city');
    await yuanling.locator('a').click();
    await page.waitForURL(/\/regions\/431222\/bodies$/u);
    await chartDrawn(page);

    await page.goto(`${served.base}/regions/${encodeURIComponent('鼓楼区')}/bodies`, { waitUntil: 'networkidle' });
    const links = await page.locator('[data-candidates] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toHaveLength(4);
    for (const href of links) expect(href).toMatch(/^\/regions\/\d{6}\/bodies$/u);
    expect((await fetch(`${served.base}/regions/${encodeURIComponent('不存在的地方')}/bodies`)).status).toBe(404);
    expect(pageProblems(watched.problems)).toEqual([]);
  });
});

describeInBrowser('bodies page on the synthetic database', () => {
  /** the county with the most body reports, its latest year, and one township report of that year */
  const chosen = {
    code: '',
    name: '',
    latest: 0,
    years: [] as number[],
    township: { id: 0, name: '', appNew: null as number | null, granted: null as number | null },
    failed: null as { id: number; year: number } | null,
  };

  const served = serveApp(() => startSyntheticApp({
    prepare: async (database) => {
      // a county with a body report that fails a hard check (synthetic data plants some), else the one with most body reports
      const [county] = await selectRows<{ id: number; code: string; name: string }>(
        database.db,
        sql`select p.id, p.code, p.name from report_facts f join regions p on p.id = f.parent_id
            where f.level = 'body' and f.scope in ('department', 'township') and p.level = 'county'
            group by p.id, p.code, p.name
            order by bool_or(exists (select 1 from check_results c where c.report_id = f.report_id and not c.ok and c.severity = 'hard')) desc, count(*) desc, p.id
            limit 1`,
      );
      const [failed] = await selectRows<{ id: number; year: number }>(
        database.db,
        sql`select f.report_id as id, f.year from report_facts f
            where f.parent_id = ${county.id} and f.level = 'body'
              and exists (select 1 from check_results c where c.report_id = f.report_id and not c.ok and c.severity = 'hard')
            order by f.year desc, f.report_id limit 1`,
      );
      const years = await selectRows<{ year: number }>(database.db, sql`select distinct year from report_facts where parent_id = ${county.id} and level = 'body' order by year`);
      const latest = Number(years.at(-1)!.year);
      const [township] = await selectRows<{ id: number; name: string; app_new: number | null; app_granted: number | null }>(
        database.db,
        sql`select f.report_id as id, g.name, f.app_new, f.app_granted from report_facts f join regions g on g.id = f.region_id
            where f.parent_id = ${county.id} and f.scope = 'township' and f.year = ${latest} order by f.report_id limit 1`,
      );
      Object.assign(chosen, {
        code: county.code,
        name: county.name,
        latest,
        years: years.map((y) => Number(y.year)),
        township: { id: Number(township.id), name: township.name, appNew: township.app_new, granted: township.app_granted },
        failed: failed ? { id: Number(failed.id), year: Number(failed.year) } : null,
      });
    },
  }), 600_000);

  it('puts a county’s two departments and two townships side by side', { timeout: 120_000 }, async () => {
    const watched = await openPage(served.browser, { width: 1280, height: 900 });
    const { page } = watched;
    await page.goto(`${served.base}/regions/${chosen.code}/bodies`, { waitUntil: 'networkidle' });
    await expect(page.locator('h1').innerText()).resolves.toContain(chosen.name);
    // every year with body reports is offered, the latest chosen
    const years = await page.locator('[data-filters] a[data-year]').evaluateAll((as) => as.map((a) => Number(a.getAttribute('data-year'))));
    expect(years).toEqual(chosen.years);
    await expect(page.locator('[data-filters] a[data-year][aria-current="page"]').getAttribute('data-year')).resolves.toBe(String(chosen.latest));
    await expect(page.locator('[data-filters] a[data-kind="department"]').innerText()).resolves.toContain('2个');
    await expect(page.locator('[data-filters] a[data-kind="township"]').innerText()).resolves.toContain('2个');
    // the township's figures are those of its report
    const fmt = (v: number | null) => (v === null ? '暂无数据' : v.toLocaleString('en-US'));
    await expect(cell(page, chosen.township.id, 'applications.newReceived')).resolves.toBe(fmt(chosen.township.appNew));
    await expect(cell(page, chosen.township.id, 'applications.granted')).resolves.toBe(fmt(chosen.township.granted));
    // four bodies in the presence grid, one column per year
    await expect(page.locator('table[data-table="presence"] tbody tr').count()).resolves.toBe(4);
    await expect(page.locator('table[data-table="presence"] thead th').count()).resolves.toBe(1 + chosen.years.length);
    await chartDrawn(page);
    await screenshot(page, 'bodies-synthetic');

    // a report that fails its checks is marked in words in the grid and in its year's table
    expect(chosen.failed, 'the synthetic data plants body reports that fail their checks').not.toBeNull();
    const { id: failedId, year: failedYear } = chosen.failed!;
    await expect(page.locator(`table[data-table="presence"] a[href="/reports/${failedId}"]`).innerText()).resolves.toBe('有 ⚠');
    await page.goto(`${served.base}/regions/${chosen.code}/bodies?year=${failedYear}`, { waitUntil: 'networkidle' });
    await expect(page.locator(`table[data-table="bodies"] tr[data-report="${failedId}"] [data-failed]`).innerText()).resolves.toMatch(/^⚠ 核对未通过 \d+ 项$/u);
    await page.goto(`${served.base}/regions/${chosen.code}/bodies`, { waitUntil: 'networkidle' });

    // the kind filter is a link: townships only
    await page.locator('[data-filters] a[data-kind="township"]').click();
    await page.waitForURL(new RegExp(`/bodies\\?year=${chosen.latest}&kind=township$`, 'u'));
    await expect(page.locator('table[data-table="presence"] tbody tr').count()).resolves.toBe(2);
    const kinds = await page.locator('table[data-table="bodies"] tbody [data-kind]').allInnerTexts();
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['乡镇（街道）']));

    // the chart's metric form is a GET form
    await page.locator('#bodies-metric').selectOption('applications.granted');
    await page.locator('[data-metric-form] button').click();
    await page.waitForURL(/metric=applications\.granted/u);
    await expect(page.locator('[data-chart]').getAttribute('data-chart')).resolves.toContain('予以公开');
    await chartDrawn(page);
    expect(pageProblems(watched.problems)).toEqual([]);

    // an older year, on a phone
    const phone = await openPage(served.browser, { width: 390, height: 844 });
    await phone.page.goto(`${served.base}/regions/${chosen.code}/bodies?year=${chosen.years[0]}`, { waitUntil: 'networkidle' });
    await expect(phone.page.locator('[data-filters] a[data-year][aria-current="page"]').getAttribute('data-year')).resolves.toBe(String(chosen.years[0]));
    await chartDrawn(phone.page);
    await noSidewaysScroll(phone.page);
    await screenshot(phone.page, 'bodies-synthetic-phone');
    expect(pageProblems(phone.problems)).toEqual([]);
  });

  it('works without JavaScript: the server sends the filtered table', { timeout: 30_000 }, async () => {
    const html = await (await fetch(`${served.base}/regions/${chosen.code}/bodies?year=${chosen.latest}&kind=department`)).text();
    expect(html).toContain('data-table="bodies"');
    expect(html).not.toContain(`data-report="${chosen.township.id}"`);
    // a year nobody reported falls back to the latest
    const fallback = await (await fetch(`${served.base}/regions/${chosen.code}/bodies?year=2001`)).text();
    expect(fallback).toContain(`data-report="${chosen.township.id}"`);
  });
});
