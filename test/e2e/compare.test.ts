// End to end: the compare page (/compare) served by the production server, in chromium.
// On the bundled data: 会同县, 洪泽区 and 溆浦县 for 2020..2025 — the figures are those of the
// region pages, every figure links to its report and every region to its page, and the marks
// stand where they should (未载明, 无报告, 检查未通过, 范围不同, 口径不同, 层级不同); the plain form
// works without JavaScript; a name several regions bear shows the choice.
// On the synthetic database: six regions picked from it (five counties, one with a failed check of
// table 三, and a city), figures checked against metricSeries, the ranking's order, the marks.
// Screenshots at 1280 and 390 pixels go to test/screenshots/.
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { metricSeries } from '../../db/queries/series';
import { selectRows } from '../../db/sql';
import { describeInBrowser, openPage, pageProblems, screenshot, type WatchedPage } from '../support/browser';
import { serveApp, startBundledApp } from '../support/bundled-app';
import { startSyntheticApp } from '../support/synthetic-app';

/** Waits for every chart that has figures to draw its SVG; returns how many did. */
async function chartsDrawn(page: Page): Promise<number> {
  const expected = await page.locator('[data-metric]').count();
  await page.waitForFunction((n) => document.querySelectorAll('[data-chart] svg').length + document.querySelectorAll('.chart-empty').length >= n, expected, { timeout: 30_000 });
  return page.locator('[data-chart] svg').count();
}

const cell = (page: Page, metric: string, region: string, year: number) => page.locator(`table[data-table="values-${metric}"] tr[data-region="${region}"] td[data-year="${year}"]`);

async function noOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

const HUITONG = '431225';
const HONGZE = '320813';
const XUPU = '431224';

describeInBrowser('compare page on the bundled data', () => {
  const watched: WatchedPage[] = [];

  const served = serveApp(() => startBundledApp());

  afterAll(() => {
    for (const w of watched) expect(pageProblems(w.problems)).toEqual([]);
  });

  async function open(path: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const w = await openPage(served.browser, viewport);
    watched.push(w);
    const res = await w.page.goto(`${served.base}${path}`, { waitUntil: 'networkidle' });
    expect(res?.status(), path).toBe(200);
    return w.page;
  }

  it('compares 会同县, 洪泽区 and 溆浦县 with the region pages’ figures, marks and links', { timeout: 120_000 }, async () => {
    const region = await open(`/regions/${HUITONG}`);
    const applications2020 = await region.locator('table[data-table="outcomes"] tr[data-year="2020"] td[data-outcome="total"]').innerText();
    const hotline2020 = await region.locator('table[data-table="channels"] tr[data-year="2020"] td').first().innerText();
    expect([applications2020, hotline2020]).toEqual(['183', '7,352']);

    const page = await open(`/compare?regions=会同县~洪泽区~溆浦县&years=2020..2025`);
    await expect(page.locator('h1').innerText()).resolves.toBe('地区对比');
    await expect(page.locator('nav.site-nav a[aria-current="page"]').innerText()).resolves.toBe('对比');
    await expect(page.locator('[data-compared]').innerText()).resolves.toBe('会同县、洪泽区、溆浦县 · 2020—2025年');
    expect(await chartsDrawn(page)).toBeGreaterThanOrEqual(6);
    const charts = await page.locator('[data-chart]').evaluateAll((els) => els.map((e) => e.getAttribute('data-chart')));
    expect(charts).toContain('本年新收申请（件）：各地区分年度小图，坐标相同');
    // one small panel per region in each chart, years on every panel
    const svg = await page.locator('[data-metric="applications"] [data-chart] svg').innerHTML();
    for (const name of ['会同县', '洪泽区', '溆浦县', '2020', '2025']) expect(svg).toContain(name);

    // the region page's figures
    await expect(cell(page, 'applications', HUITONG, 2020).innerText()).resolves.toBe(applications2020);
    await expect(cell(page, 'hotline', HUITONG, 2020).innerText()).resolves.toBe(hotline2020);
    await expect(cell(page, 'published', HUITONG, 2020).innerText()).resolves.toBe('1,226');
    await expect(cell(page, 'granted', HUITONG, 2020).innerText()).resolves.toMatch(/^2\.19%\s+4 \/ 183$/u);
    await expect(cell(page, 'applications', HONGZE, 2023).innerText()).resolves.toBe('21');

    // marks where they belong, and nowhere else
    const marks = (metric: string, code: string, year: number) => cell(page, metric, code, year).getAttribute('data-marks');
    expect(await marks('applications', HUITONG, 2020)).toBe('');
    expect(await marks('applications', HUITONG, 2021)).toBe('unstated');
    await expect(cell(page, 'applications', HUITONG, 2021).innerText()).resolves.toBe('未载明');
    expect(await marks('applications', HUITONG, 2022)).toBe('noReport');
    await expect(cell(page, 'applications', HUITONG, 2022).innerText()).resolves.toBe('无报告');
    expect(await marks('review', HONGZE, 2023)).toBe('failed');
    await expect(cell(page, 'review', HONGZE, 2023).innerText()).resolves.toMatch(/检查未通过/u);
    expect(await marks('litigation', HONGZE, 2023)).toBe('failed');
    expect(await marks('applications', HONGZE, 2023)).toBe('');
    expect(await marks('published', XUPU, 2023)).toBe('scope');
    await expect(cell(page, 'published', XUPU, 2023).innerText()).resolves.toMatch(/^6,900\s+范围不同$/u);
    expect(await marks('normative', HUITONG, 2020)).toBe('definition');
    await expect(cell(page, 'normative', HUITONG, 2020).innerText()).resolves.toMatch(/^126\s+2019年版\s+口径不同$/u);
    expect(await marks('normative', HONGZE, 2023)).toBe('');
    // no figure is ever printed as 0 for want of one
    const texts = await page.locator('table[data-table^="values-"] td[data-marks~="noReport"]').allInnerTexts();
    expect(texts.length).toBeGreaterThan(20);
    expect(texts.every((t) => t === '无报告')).toBe(true);

    // the legend explains every mark
    const legend = await page.locator('[aria-labelledby="legend-title"]').innerText();
    for (const label of ['口径不同', '范围不同', '层级不同', '检查未通过', '未载明', '无从计算', '无报告']) expect(legend).toContain(label);
    await expect(page.locator('[data-scope]').first().getAttribute('data-scope')).resolves.toBe('jurisdiction');

    // the ranking of 2023 (the latest year with a 全域 report): 洪泽区 first; 溆浦县 not ranked
    const rank = page.locator('table[data-table="rank-applications"]');
    await expect(rank.locator('caption').innerText()).resolves.toBe('2023年度排名：本年新收申请（件）');
    const rows = await rank.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-rank'), tr.querySelector('th')!.textContent!.trim(), tr.getAttribute('data-marks')]));
    expect(rows).toEqual([
      ['1', '洪泽区', ''],
      ['', '会同县', 'noReport'],
      ['', '溆浦县', 'unstated'],
    ]);
    const review = await page.locator('table[data-table="rank-review"] tbody tr').first().evaluate((tr) => [tr.getAttribute('data-rank'), tr.getAttribute('data-marks')]);
    expect(review).toEqual(['', 'failed']);

    await screenshot(page, 'compare-bundled-desktop');

    // a figure links to its report, a region to its page
    await cell(page, 'applications', HUITONG, 2020).locator('a').click();
    await page.waitForURL(/\/reports\/\d+$/u);
    await expect(page.locator('h1').innerText()).resolves.toContain('会同县人民政府2020年');
    await page.goBack({ waitUntil: 'networkidle' });
    await page.locator(`table[data-table="values-applications"] tr[data-region="${HONGZE}"] th a`).click();
    await page.waitForURL(new RegExp(`/regions/${HONGZE}$`, 'u'));
    await expect(page.locator('h1').innerText()).resolves.toBe('洪泽区');

    // the same regions and years on the data-quality page: what is missing, what failed
    // (opened on a page of its own: leaving a page while its charts load aborts their requests)
    await page.goBack({ waitUntil: 'networkidle' });
    const qualityPath = await page.locator('a[data-quality-link]').getAttribute('href');
    expect(qualityPath).toMatch(/^\/quality\?/u);
    const quality = await open(qualityPath!);
    const covered = await quality.locator('tr[data-region]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-region')));
    expect(covered.sort()).toEqual([HONGZE, XUPU, HUITONG].sort());
    const hongzeYears = await quality.locator(`tr[data-region="${HONGZE}"] td[data-year]`).evaluateAll((tds) => tds.map((td) => [td.getAttribute('data-year'), td.getAttribute('data-status')]));
    expect(hongzeYears).toContainEqual(['2023', 'failed']);
    expect(hongzeYears).toContainEqual(['2020', 'missing']);
    expect(hongzeYears.map(([y]) => y)).toEqual(['2020', '2021', '2022', '2023', '2024', '2025']);
  });

  it('reads on a phone, and ranks the year asked for', { timeout: 90_000 }, async () => {
    const page = await open(`/compare?regions=会同县~洪泽区~溆浦县&years=2020..2025&year=2020`, { width: 390, height: 844 });
    expect(await chartsDrawn(page)).toBeGreaterThanOrEqual(6);
    await expect(page.locator('table[data-table="rank-applications"] caption').innerText()).resolves.toBe('2020年度排名：本年新收申请（件）');
    await expect(page.locator('[aria-label="排名年度"] [aria-current]').innerText()).resolves.toBe('2020');
    expect(await noOverflow(page)).toBeLessThanOrEqual(1);
    // two panels to a row on a phone
    const box = await page.locator('[data-metric="applications"] [data-chart]').boundingBox();
    expect(box!.width).toBeLessThan(390);
    await screenshot(page, 'compare-bundled-phone');
  });

  it('marks a city beside counties as 层级不同, and can switch the scope', { timeout: 90_000 }, async () => {
    const page = await open(`/compare?regions=会同县~洪泽区~淮安市&years=2020..2024&decals=1`);
    await expect(page.locator('[data-level]').first().getAttribute('data-level')).resolves.toBe('county');
    const huaian = page.locator('table[data-table="values-applications"] tr[data-region="320800"]');
    await expect(huaian.locator('th').innerText()).resolves.toContain('层级不同');
    await expect(huaian.locator('td[data-year="2024"]').getAttribute('data-marks')).resolves.toBe('level');
    await expect(huaian.locator('td[data-year="2024"]').innerText()).resolves.toMatch(/^3,119\s+层级不同$/u);
    await expect(page.locator('[data-metric="applications"] [data-chart]').getAttribute('aria-label')).resolves.toContain('本年新收申请');
    await chartsDrawn(page);
    const svg = await page.locator('[data-metric="applications"] [data-chart] svg').innerHTML();
    expect(svg).toContain('淮安市（层级不同）');
    await screenshot(page, 'compare-bundled-levels');
  });

  it('shows the choice for 鼓楼区 instead of picking one', { timeout: 90_000 }, async () => {
    const page = await open(`/compare?regions=会同县~鼓楼区~洪泽区`);
    const choice = page.locator('[data-choice="鼓楼区"]');
    await expect(choice.locator('li').count()).resolves.toBe(4);
    await expect(page.locator('[data-compared]').innerText()).resolves.toMatch(/^会同县、洪泽区 · 2020—2023年$/u);
    await choice.locator('a', { hasText: '福州市' }).click();
    await page.waitForURL((url) => decodeURIComponent(url.href).includes('regions=会同县~350102~洪泽区'));
    await expect(page.locator('[data-compared]').innerText()).resolves.toBe('会同县、鼓楼区、洪泽区 · 2020—2025年');
    // its only report covers the government and its office: 范围不同 beside the 全域 reports
    await expect(cell(page, 'published', '350102', 2025).getAttribute('data-marks')).resolves.toBe('scope');
    await expect(cell(page, 'published', '350102', 2025).innerText()).resolves.toMatch(/^41\s+范围不同$/u);
    await chartsDrawn(page);
  });

  it('asks for regions with a plain form that works without JavaScript', { timeout: 90_000 }, async () => {
    const page = await open('/compare');
    await expect(page.locator('form[method="get"] input[name="r"]').count()).resolves.toBe(4);
    await expect(page.locator('a[data-example]').getAttribute('href')).resolves.toBe('/compare?regions=%E4%BC%9A%E5%90%8C%E5%8E%BF~%E6%B4%AA%E6%B3%BD%E5%8C%BA~%E6%BA%86%E6%B5%A6%E5%8E%BF&years=2020..2025');
    await screenshot(page, 'compare-form');
    // the server answers the submission with the page's own address
    const res = await fetch(`${served.base}/compare?r=${encodeURIComponent('会同县')}&r=&r=${encodeURIComponent('洪泽区、溆浦县')}&from=2025&to=2020&scope=`, { redirect: 'manual' });
    expect([303, 307, 308]).toContain(res.status);
    expect(decodeURIComponent(res.headers.get('location') ?? '')).toMatch(/\/compare\?regions=会同县~洪泽区~溆浦县&years=2020\.\.2025$/u);
    // in a browser without JavaScript
    const context = await served.browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' });
    const plain = await context.newPage();
    await plain.goto(`${served.base}/compare`);
    await plain.locator('input[name="r"]').nth(0).fill('会同县');
    await plain.locator('input[name="r"]').nth(1).fill('洪泽区');
    await plain.locator('input[name="from"]').fill('2020');
    await plain.locator('input[name="to"]').fill('2023');
    await plain.locator('form[action="/compare"] button[type="submit"]').click();
    await plain.waitForURL(/\/compare\?regions=/u);
    expect(decodeURIComponent(plain.url())).toMatch(/regions=会同县~洪泽区&years=2020\.\.2023$/u);
    await expect(plain.locator('table[data-table="values-applications"] tr[data-region="431225"] td[data-year="2020"]').innerText()).resolves.toBe('183');
    await context.close();
    // one region is not a comparison: the form again, saying so
    const one = await open(`/compare?regions=会同县`);
    await expect(one.locator('[data-note="one-region"]').innerText()).resolves.toContain('会同县');
  });

  it('takes the first twelve regions of more and says so', { timeout: 60_000 }, async () => {
    const names = ['会同县', '洪泽区', '溆浦县', '淮安市', '中方县', '沅陵县', '通道侗族自治县', '芷江侗族自治县', '麻阳苗族自治县', '洪江市', '鹤城区', '会泽县', '合江县', '嘉鱼县'];
    const page = await open(`/compare?regions=${encodeURIComponent(names.join('~'))}`);
    await expect(page.locator('[data-note="dropped"]').innerText()).resolves.toBe('一次最多对比 12 个地区：只取前 12 个，未列入 合江县、嘉鱼县。');
    await expect(page.locator('[data-compared]').getAttribute('data-compared')).resolves.toBe('12');
    await chartsDrawn(page);
  });
});

describeInBrowser('compare page on the synthetic database', () => {
  const picked: { code: string; name: string; level: string }[] = [];
  let failing: { code: string; year: number } | null = null;
  /** 本年新收申请 of the picked counties' 全域 reports, per code and year, from metricSeries */
  const expected = new Map<string, number | null>();
  const years = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
  const watched: WatchedPage[] = [];

  const served = serveApp(() => startSyntheticApp({
    async prepare(database) {
      const db = database.db;
      // a county whose table 三 fails a hard check, then the counties with the most 全域 reports, then a city
      const [fail] = await selectRows<{ code: string; year: number }>(
        db,
        sql`select g.code, f.year from check_results c join report_facts f on f.report_id = c.report_id join regions g on g.id = f.region_id
            where not c.ok and c.severity = 'hard' and c.check_id like 'applications.%' and f.level = 'county' and f.scope = 'jurisdiction'
              and g.code is not null and f.year between 2019 and 2025
            order by g.code, f.year limit 1`,
      );
      failing = fail ? { code: fail.code, year: Number(fail.year) } : null;
      const counties = await selectRows<{ id: number; code: string; name: string }>(
        db,
        sql`select g.id, g.code, g.name from report_facts f join regions g on g.id = f.region_id
            where f.level = 'county' and f.scope = 'jurisdiction' and g.code is not null
            group by g.id, g.code, g.name order by (g.code = ${fail?.code ?? ''}) desc, count(*) desc, g.code limit 5`,
      );
      const [city] = await selectRows<{ id: number; code: string; name: string }>(
        db,
        sql`select g.id, g.code, g.name from report_facts f join regions g on g.id = f.region_id
            where f.level = 'city' and f.scope = 'jurisdiction' and g.code is not null group by g.id, g.code, g.name order by count(*) desc, g.code limit 1`,
      );
      picked.push(...counties.map((c) => ({ code: c.code, name: c.name, level: 'county' })), { code: city.code, name: city.name, level: 'city' });
      const series = await metricSeries(db, { metric: 'applications.newReceived', regionIds: counties.map((c) => Number(c.id)), years, scope: 'jurisdiction', perRegion: true });
      for (const r of series.regions) for (const p of r.points) expected.set(`${r.region.code}|${p.year}`, p.value);
    },
  }), 600_000);

  afterAll(() => {
    for (const w of watched) expect(pageProblems(w.problems)).toEqual([]);
  });

  it('compares six regions picked from the database, figures as metricSeries adds them up', { timeout: 120_000 }, async () => {
    expect(picked).toHaveLength(6);
    const path = `/compare?regions=${picked.map((p) => p.code).join('~')}&years=2019..2025`;
    const times: number[] = [];
    for (let i = 0; i < 6; i++) {
      const started = performance.now();
      const res = await fetch(`${served.base}${path}`);
      expect(res.status).toBe(200);
      await res.text();
      if (i > 0) times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.info(`compare page, six regions on ${served.app.loaded.reports} synthetic reports (PGlite): median ${Math.round(times[2])} ms`);

    const w = await openPage(served.browser, { width: 1280, height: 900 });
    watched.push(w);
    const { page } = w;
    await page.goto(`${served.base}${path}`, { waitUntil: 'networkidle' });
    await expect(page.locator('[data-compared]').getAttribute('data-compared')).resolves.toBe('6');
    expect(await chartsDrawn(page)).toBe(8);

    let checked = 0;
    for (const p of picked.filter((x) => x.level === 'county')) {
      for (const year of years) {
        const td = cell(page, 'applications', p.code, year);
        const value = expected.get(`${p.code}|${year}`) ?? null;
        const marks = await td.getAttribute('data-marks');
        if (value === null) {
          expect(['noReport', 'unstated', 'definition'], `${p.name} ${year}`).toContain(marks);
          continue;
        }
        // a figure of the county's 全域 report: the number metricSeries gives, marked only when its table fails
        expect((await td.locator('a').first().innerText()).replace(/,/gu, ''), `${p.name} ${year}`).toBe(String(value));
        expect(marks === '' || marks === 'failed', `${p.name} ${year}: ${marks}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(15);
    if (failing) await expect(cell(page, 'applications', failing.code, failing.year).getAttribute('data-marks')).resolves.toBe('failed');

    // the city is 层级不同 wherever it has a figure
    const city = picked.find((p) => p.level === 'city')!;
    const cityMarks = await page.locator(`table[data-table="values-applications"] tr[data-region="${city.code}"] td`).evaluateAll((tds) => tds.map((td) => td.getAttribute('data-marks')));
    expect(cityMarks.some((m) => m === 'level')).toBe(true);
    expect(cityMarks.every((m) => m === 'level' || m === 'noReport' || m === 'unstated' || m?.startsWith('level ') || m === 'definition')).toBe(true);

    // the ranking: comparable figures in descending order, shared ranks for ties, the city not ranked
    const ranking = await page.locator('table[data-table="rank-applications"] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({ rank: tr.getAttribute('data-rank'), name: tr.querySelector('th a')!.textContent, value: tr.querySelector('td:last-child')!.textContent })),
    );
    const ranked = ranking.filter((r) => r.rank !== '');
    expect(ranked.length).toBeGreaterThanOrEqual(2);
    const values = ranked.map((r) => Number(r.value!.replace(/[^\d.]/gu, '')));
    expect([...values].sort((a, b) => b - a)).toEqual(values);
    expect(ranked[0].rank).toBe('1');
    expect(ranked.some((r) => r.name === city.name)).toBe(false);
    await screenshot(page, 'compare-synthetic-desktop');

    const phone = await openPage(served.browser, { width: 390, height: 844 });
    watched.push(phone);
    await phone.page.goto(`${served.base}${path}`, { waitUntil: 'networkidle' });
    await chartsDrawn(phone.page);
    expect(await noOverflow(phone.page)).toBeLessThanOrEqual(1);
    await screenshot(phone.page, 'compare-synthetic-phone');
  });
});
