// End to end: the data-quality page served by the production server (`npm run serve`).
// On the bundled data, plus one report ingested through the ordinary path whose prose
// contradicts its table 三 (会同县 2022: 受理17件 while the table says 183): the coverage matrix
// and its counts, 洪泽区 2023's failed checks linking to their marked cells, the prose check
// listed as soft and linking to its cell, the filters as a plain GET form, a phone's width.
// On the synthetic database (a dozen counties, some years missing, planted faults): coverage
// shows missing and failed cells, nationwide and within a province.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { ingestFile } from '../../db/ingest';
import { selectRows } from '../../db/sql';
import type { Report } from '../../lib/report/contract';
import { renderWithProse } from '../../lib/synth/index';
import { describeInBrowser, openPage, pageProblems, screenshot, SCREENSHOTS } from '../support/browser';
import { serveApp, startBundledApp } from '../support/bundled-app';
import { startSyntheticApp } from '../support/synthetic-app';

/** 会同县 2022, its figures those of the seed, its prose stating 17 applications where table 三 has 183. */
function contradictingReport(): Uint8Array {
  const seed = JSON.parse(readFileSync(new URL('../fixtures/huitong-2020.report.json', import.meta.url), 'utf8')) as Report;
  const report: Report = { ...seed, year: 2022 };
  return new TextEncoder().encode(renderWithProse(report, ['2022年,全县共受理政府信息公开申请17件,均已按时答复。']));
}

const overflow = (page: import('playwright-core').Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describeInBrowser('data quality page on the bundled data', () => {
  const ids: Record<string, number> = {};

  const served = serveApp(() => startBundledApp({
    prepare: async (database) => {
      const stored = await ingestFile(database.db, { name: 'test/huitong-2022-prose.txt', bytes: contradictingReport(), url: null });
      expect(stored.kind).toBe('stored');
      const rows = await selectRows<{ name: string; report_id: number }>(database.db, sql`select name, report_id from source_files where report_id is not null`);
      for (const r of rows) ids[r.name] = Number(r.report_id);
    },
  }));

  it('shows coverage with its legend and counts, and 洪泽区 2023’s failed checks linking to their marked cells', { timeout: 120_000 }, async () => {
    const watched = await openPage(served.browser, { width: 1280, height: 900 });
    const { page } = watched;
    const res = await page.goto(`${served.base}/quality`, { waitUntil: 'networkidle' });
    expect(res?.status()).toBe(200);
    await expect(page.locator('h1').innerText()).resolves.toBe('数据质量');
    // coverage: the regions with reports, each year's status in words beside its symbol
    const hongze = page.locator('table[data-table="coverage"] tr[data-region="320813"]');
    await expect(hongze.locator('td[data-year="2023"]').getAttribute('data-status')).resolves.toBe('failed');
    const shown = (cell: import('playwright-core').Locator) =>
      cell.locator('a, span').first().evaluate((el) => `${getComputedStyle(el, '::before').content.replaceAll('"', '')} ${(el as HTMLElement).innerText}`);
    expect(await shown(hongze.locator('td[data-year="2023"]'))).toBe('✗ 未通过 2');
    expect(await shown(hongze.locator('td[data-year="2022"]'))).toBe('— 缺失');
    await expect(hongze.locator('td[data-year="2023"] a').getAttribute('aria-label')).resolves.toBe('洪泽区2023年：2项勾稽关系不成立');
    const huitong = page.locator('table[data-table="coverage"] tr[data-region="431225"]');
    expect(await shown(huitong.locator('td[data-year="2020"]'))).toBe('✓ 完整');
    expect(await shown(huitong.locator('td[data-year="2021"]'))).toBe('◐ 仅正文');
    await expect(huitong.locator('td[data-year="2020"] a').getAttribute('href')).resolves.toBe(`/reports/${ids['huitong-2020.txt']}`);
    // per-year counts, out of every county of the national list
    const counts = page.locator('table[data-table="coverage-counts"]');
    expect(Number((await counts.locator('tr[data-status="failed"] td[data-year="2023"]').innerText()).replace(/,/gu, ''))).toBeGreaterThanOrEqual(1);
    expect(Number((await counts.locator('tr[data-status="missing"] td[data-year="2023"]').innerText()).replace(/,/gu, ''))).toBeGreaterThan(2000);
    await expect(page.locator('#coverage').innerText()).resolves.toMatch(/在所选年份没有任何报告，不在下表逐一列出/u);
    await screenshot(page, 'quality-desktop');

    // the failed checks: 洪泽区 2023's 行政复议 total, a link to its cell
    const failure = page.locator(`table[data-table="failures"] tr[data-report="${ids['hongze-2023.pdf']}"][data-check="appeals.review.total"]`);
    expect(await failure.innerText()).toContain('表四「行政复议」总计：印为 0，应为 11');
    await failure.locator('a', { hasText: '表四「行政复议」总计' }).click();
    await page.waitForURL(new RegExp(`/reports/${ids['hongze-2023.pdf']}#f-appeals-review-4$`, 'u'));
    const cell = page.locator('#f-appeals-review-4');
    await expect(cell.getAttribute('data-failed')).resolves.toBe('true');
    expect(await cell.innerText()).toMatch(/0\s*应为 11/u);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('f-appeals-review-4');
    await screenshot(page, 'quality-hongze-cell');
    expect(pageProblems(watched.problems)).toEqual([]);
  });

  it('lists the prose contradicting table 三 as a soft check, linking to the cell, marked with what the prose says', { timeout: 90_000 }, async () => {
    const watched = await openPage(served.browser, { width: 1280, height: 900 });
    const { page } = watched;
    await page.goto(`${served.base}/quality?severity=soft#failures`, { waitUntil: 'networkidle' });
    const id = ids['test/huitong-2022-prose.txt'];
    const row = page.locator(`table[data-table="failures"] tr[data-report="${id}"][data-check="prose.applications"]`);
    expect(await row.innerText()).toContain('参考核对');
    expect(await row.innerText()).toContain('表三「一、本年新收政府信息公开申请数量」总计：印为 183，正文为 17');
    // every row listed is soft
    const checks = await page.locator('table[data-table="failures"] tbody tr').evaluateAll((rows) => rows.map((r) => r.textContent ?? ''));
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.every((t) => t.includes('参考核对'))).toBe(true);
    await screenshot(page, 'quality-prose-soft');
    await row.locator('a', { hasText: '表三「一、本年新收政府信息公开申请数量」总计' }).click();
    await page.waitForURL(new RegExp(`/reports/${id}#f-applications-newReceived-6$`, 'u'));
    const cell = page.locator('#f-applications-newReceived-6');
    await expect(cell.getAttribute('data-failed')).resolves.toBe('true');
    expect(await cell.innerText()).toMatch(/183\s*正文为 17/u);
    await cell.screenshot({ path: join(SCREENSHOTS, 'quality-prose-cell.png') });
    await page.locator('table[data-table="三"]').screenshot({ path: join(SCREENSHOTS, 'quality-prose-table.png') });
    expect(pageProblems(watched.problems)).toEqual([]);
  });

  it('filters with a plain GET form, without JavaScript, at its canonical address', { timeout: 60_000 }, async () => {
    const form = `${served.base}/quality?scope=jurisdiction&level=county&within=&region=${encodeURIComponent('洪泽区')}&yearsFrom=2024&yearsTo=2023`;
    const res = await fetch(form, { redirect: 'manual' });
    expect([303, 307, 308]).toContain(res.status);
    expect(decodeURIComponent(res.headers.get('location') ?? '')).toMatch(/\/quality\?region=洪泽区&years=2023\.\.2024$/u);
    const html = await (await fetch(`${served.base}/quality?region=${encodeURIComponent('洪泽区')}&years=2023..2024&check=appeals.review.total`)).text();
    expect(html).toContain('data-region="320813"');
    expect(html).toContain('data-anchor="f-appeals-review-4"');
    expect(html).toContain('表四「行政复议」总计');
    expect(html).not.toContain('data-region="431225"');
    // a check the selection does not fail lists nothing, and says so
    const none = await (await fetch(`${served.base}/quality?region=${encodeURIComponent('会同县')}&years=2020&check=appeals.review.total`)).text();
    expect(none).toContain('所选地区与年份没有未通过的核对');
  });

  it('reads on a phone', { timeout: 60_000 }, async () => {
    const watched = await openPage(served.browser, { width: 390, height: 844 });
    const { page } = watched;
    await page.goto(`${served.base}/quality`, { waitUntil: 'networkidle' });
    expect(await overflow(page)).toBeLessThanOrEqual(1);
    await screenshot(page, 'quality-phone');
    // the failed checks read as cards, each field named
    await expect(page.locator('table[data-table="failures"] td[data-label="未通过之处"]').first().evaluate((td) => getComputedStyle(td, '::before').content)).resolves.toContain('未通过之处');
    await page.locator('#failures').screenshot({ path: join(SCREENSHOTS, 'quality-phone-failures.png') });
    expect(pageProblems(watched.problems)).toEqual([]);
  });
});

describeInBrowser('data quality page on the synthetic database', () => {
  let province = '';
  // the level and scope with the most reports whose hard checks fail (the planted faults)
  let failing = { level: '', scope: '' };

  const served = serveApp(() => startSyntheticApp({
    prepare: async (database) => {
      const [row] = await selectRows<{ code: string }>(
        database.db,
        sql`select p.code from report_facts f join regions p on p.id = f.province_id where f.level = 'county' group by p.code order by count(*) desc limit 1`,
      );
      province = row.code;
      const [most] = await selectRows<{ level: string; scope: string }>(
        database.db,
        sql`select f.level, f.scope from check_results c join report_facts f on f.report_id = c.report_id
            where not c.ok and c.severity = 'hard' group by f.level, f.scope order by count(*) desc, f.level, f.scope limit 1`,
      );
      failing = most;
    },
  }));

  it('shows missing and failed cells, nationwide and within a province', { timeout: 120_000 }, async () => {
    const watched = await openPage(served.browser, { width: 1280, height: 900 });
    const { page } = watched;
    const statuses = () => page.locator('table[data-table="coverage"] td[data-status]').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-status')));
    await page.goto(`${served.base}/quality`, { waitUntil: 'networkidle' });
    const counties = await statuses();
    expect(counties).toContain('missing');
    expect(counties).toContain('complete');
    await page.goto(`${served.base}/quality?level=${failing.level}&scope=${failing.scope}`, { waitUntil: 'networkidle' });
    expect(await statuses()).toContain('failed');
    expect(Number(await page.locator('table[data-table="coverage-counts"] tr[data-status="failed"] td').evaluateAll((tds) => tds.reduce((a, td) => a + Number(td.textContent), 0)))).toBeGreaterThan(0);
    // the planted faults among the failed checks, each linking to a cell (or its table)
    expect(await page.locator('table[data-table="failures"] tbody tr').count()).toBeGreaterThan(0);
    const anchors = await page.locator('table[data-table="failures"] a[data-anchor]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(anchors.length).toBeGreaterThan(0);
    expect(anchors.every((h) => /^\/reports\/\d+#(f-|t\d|prose)/u.test(h ?? ''))).toBe(true);
    await screenshot(page, 'quality-synthetic-failing');

    // within the province: its listed counties, those without any report included
    await page.goto(`${served.base}/quality?within=${province}`, { waitUntil: 'networkidle' });
    const rows = page.locator('table[data-table="coverage"] tbody tr');
    const unreported = await rows.evaluateAll((trs) => trs.filter((tr) => [...tr.querySelectorAll('td')].every((td) => td.getAttribute('data-status') === 'missing')).length);
    expect(unreported).toBeGreaterThan(0);
    await expect(page.locator('#coverage').innerText()).resolves.toMatch(/含区划名录中尚无报告的地区/u);
    await expect(page.locator('table[data-table="coverage"]').innerText()).resolves.toContain('尚无任何报告');
    await screenshot(page, 'quality-synthetic-province');

    expect(pageProblems(watched.problems)).toEqual([]);
  });

  it('pages through the regions of a big selection and says how many there are', { timeout: 60_000 }, async () => {
    const html = await (await fetch(`${served.base}/quality?level=body&scope=department`)).text();
    expect(html).toMatch(/共 \d+ 个地区/u);
  });
});
