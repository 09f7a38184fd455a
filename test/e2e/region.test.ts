// End to end: region pages served by the production server (`npm run serve`) on the bundled data. 会同县 (by code and by
// alias): charts drawn, outcomes, hotline and findings with the right values, links to each
// report. 鼓楼区: a name four districts bear shows the choice. 洪泽区: each year's failed
// checks. /regions: the list links to the region pages.
import { expect, it } from 'vitest';
import { describeInBrowser, openPage, pageProblems, screenshot } from '../support/browser';
import { serveApp, startBundledApp } from '../support/bundled-app';

describeInBrowser('region pages served by the production server', () => {
  const served = serveApp(() => startBundledApp());

  it('shows every year of 会同县 with its charts and figures', { timeout: 90_000 }, async () => {
    const watched = await openPage(served.browser, { width: 1280, height: 900 });
    const { page } = watched;
    const res = await page.goto(`${served.base}/regions/431225`, { waitUntil: 'networkidle' });
    expect(res?.status()).toBe(200);
    await expect(page.locator('h1').innerText()).resolves.toBe('会同县');
    // charts load after the first paint and draw SVG
    await page.waitForFunction(() => document.querySelectorAll('[data-chart] svg').length >= 4, null, { timeout: 20_000 });
    const charts = await page.locator('[data-chart]').evaluateAll((els) => els.map((e) => e.getAttribute('data-chart')));
    expect(charts).toEqual(expect.arrayContaining(['主动公开信息条数', '办理结果（按年度堆叠）', '申请人构成（按年度堆叠）', '热线受理与信箱收信']));
    await expect(page.locator('[data-scope]').getAttribute('data-scope')).resolves.toBe('jurisdiction');
    // reports of both years, each linking to its page
    const links = page.locator('a[data-report]');
    expect(await links.count()).toBe(2);
    expect(await links.allInnerTexts()).toEqual(['2020年度报告', '2021年度报告']);
    // 2020: 183 applications, 172 refused as 无正当理由大量反复申请
    const outcomes = page.locator('table[data-table="outcomes"] tr[data-year="2020"]');
    expect(await outcomes.locator('td[data-outcome="notProcessed"]').innerText()).toMatch(/^172/u);
    expect(await outcomes.locator('td[data-outcome="total"]').innerText()).toBe('183');
    await expect(page.locator('[data-findings]').innerText()).resolves.toContain('2020年，办理的183件申请中，172件（94%）因“无正当理由大量反复申请”不予处理。');
    // hotline 2020: 7352 calls, 99.92% resolved
    const channels = page.locator('table[data-table="channels"] tr[data-year="2020"] td');
    expect(await channels.nth(0).innerText()).toBe('7,352');
    expect(await channels.nth(1).innerText()).toBe('7,346');
    expect(await channels.nth(2).innerText()).toBe('99.92%');
    // year over year: 2021 has prose only, so its table figures are not stated
    const yoy = page.locator('table[data-table="yoy"]');
    expect(await yoy.locator('tr[data-metric="applications.newReceived"] td').allInnerTexts()).toEqual(['183', '未载明']);
    expect(await yoy.locator('tr[data-metric="activity.publishedItems"] td').first().innerText()).toContain('1,226');
    await screenshot(page, 'region-huitong');
    expect(pageProblems(watched.problems)).toEqual([]);

    await links.first().click();
    await page.waitForURL(/\/reports\/\d+$/u);
    await expect(page.locator('h1').innerText()).resolves.toContain('会同县人民政府2020年');
  });

  it('finds 会同县 by its names and aliases', { timeout: 60_000 }, async () => {
    for (const key of ['会同县', '会同', '會同縣', '会同县人民政府']) {
      const res = await fetch(`${served.base}/regions/${encodeURIComponent(key)}`);
      expect(res.status, key).toBe(200);
      expect(await res.text(), key).toContain('区划代码 431225');
    }
    expect((await fetch(`${served.base}/regions/${encodeURIComponent('不存在的地方')}`)).status).toBe(404);
    // an old link to the list's search goes to the search page
    const res = await fetch(`${served.base}/regions?q=${encodeURIComponent('会同')}`, { redirect: 'manual' });
    expect([303, 307, 308]).toContain(res.status);
    expect(decodeURIComponent(res.headers.get('location') ?? '')).toMatch(/\/search\?q=会同$/u);
  });

  it('offers the choice for 鼓楼区, a name four districts bear', { timeout: 90_000 }, async () => {
    const watched = await openPage(served.browser, { width: 1000, height: 800 });
    const { page } = watched;
    const res = await page.goto(`${served.base}/regions/${encodeURIComponent('鼓楼区')}`, { waitUntil: 'networkidle' });
    expect(res?.status()).toBe(200);
    const list = page.locator('[data-candidates]');
    await expect(list.getAttribute('data-candidates')).resolves.toBe('4');
    const items = await list.locator('li').allInnerTexts();
    expect(items[0]).toMatch(/福建省 · 福州市\s*鼓楼区/u);
    expect(items[0]).toContain('1 份报告');
    for (const city of ['南京市', '徐州市', '开封市']) expect(items.some((t) => t.includes(city) && t.includes('暂无报告'))).toBe(true);
    await screenshot(page, 'region-gulou-choice');
    await list.locator('a', { hasText: '鼓楼区' }).first().click();
    await page.waitForURL(/\/regions\/350102$/u);
    await expect(page.locator('h1').innerText()).resolves.toBe('鼓楼区');
    // its only report covers the government and its office: the page says which scope it shows
    await expect(page.locator('[data-scope]').getAttribute('data-scope')).resolves.toBe('government');
    // (its chart loads after the first paint: let it finish before leaving the page)
    await page.waitForFunction(() => document.querySelectorAll('[data-chart] svg').length >= 1, null, { timeout: 20_000 });
    await screenshot(page, 'region-gulou-fuzhou');
    // a district of the list without reports
    await page.goto(`${served.base}/regions/320106`, { waitUntil: 'networkidle' });
    await expect(page.locator('main').innerText()).resolves.toContain('数据库中还没有鼓楼区的报告');
    expect(pageProblems(watched.problems)).toEqual([]);
  });

  it('lists 洪泽区’s failed checks and reads on a phone', { timeout: 90_000 }, async () => {
    const watched = await openPage(served.browser, { width: 390, height: 844 });
    const { page } = watched;
    await page.goto(`${served.base}/regions/320813`, { waitUntil: 'networkidle' });
    await page.waitForFunction(() => document.querySelectorAll('[data-chart] svg').length >= 2, null, { timeout: 20_000 });
    const text = await page.locator('section[aria-labelledby="failed"]').innerText();
    expect(text).toContain('2023年');
    expect(text).toContain('表四「行政复议」总计：印为 0，应为 11');
    expect(text).toContain('表四「行政诉讼·复议后起诉」总计：印为 0，应为 5');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(page, 'region-hongze-phone');
    expect(pageProblems(watched.problems)).toEqual([]);
  });

  it('links the regions list to the region pages', { timeout: 60_000 }, async () => {
    const watched = await openPage(served.browser, { width: 1280, height: 900 });
    const { page } = watched;
    await page.goto(`${served.base}/regions`, { waitUntil: 'networkidle' });
    await screenshot(page, 'regions-list');
    await page.locator('a', { hasText: /^会同县$/u }).click();
    await page.waitForURL(/\/regions\/431225$/u);
    expect(pageProblems(watched.problems)).toEqual([]);
  });
});
