// End to end: the public pages served by the production server (`npm run serve`) on the bundled data. With JavaScript off,
// on a phone, /public/会同县 has every figure: server-drawn SVG charts, their tables, plain
// sentences, glossary links and its sources; it prints. With JavaScript on: no console errors,
// and hovering a bar names it. The pages are cached (ISR), carry the security headers and no
// dashboard links; the home page and the search lead to a region.
import { expect, it } from 'vitest';
import { join } from 'node:path';
import { describeInBrowser, openPage, pageProblems, screenshot, SCREENSHOTS } from '../support/browser';
import { serveApp, startBundledApp } from '../support/bundled-app';

const HUITONG = `/public/${encodeURIComponent('会同县')}`;

describeInBrowser('public pages served by the production server', () => {
  const served = serveApp(() => startBundledApp());

  it('shows 会同县 with JavaScript off on a phone: charts, tables, sentences, glossary, sources', { timeout: 90_000 }, async () => {
    const watched = await openPage(served.browser, { width: 390, height: 844, javaScript: false });
    const { page } = watched;
    const res = await page.goto(`${served.base}${HUITONG}`, { waitUntil: 'networkidle' });
    expect(res?.status()).toBe(200);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
    await expect(page.locator('h1').innerText()).resolves.toBe('会同县政府信息公开数据');
    // four figures, each with a caption and a table; three have something to draw
    const figures = page.locator('figure');
    expect(await figures.count()).toBe(4);
    expect(await page.locator('figure figcaption').count()).toBe(4);
    expect(await page.locator('figure table').count()).toBe(4);
    expect(await page.locator('figure svg').count()).toBe(3);
    const applications = page.locator('figure#applications');
    await expect(applications.locator('figcaption').innerText()).resolves.toContain('2020年共收到申请183件，其中172件因“无正当理由大量反复申请”不予处理。');
    const refused = applications.locator('tr', { has: page.locator('th', { hasText: /^不予处理$/u }) });
    expect(await refused.locator('td').allInnerTexts()).toEqual(['172', '未载明']);
    await expect(page.locator('figure#hotline figcaption').innerText()).resolves.toContain('2020年政务热线受理7,352件，办结率99.9%');
    await expect(page.locator('figure#appeals').innerText()).resolves.toContain('2020年没有因政府信息公开引起的行政复议和行政诉讼。');
    // headline figures of 2021: what its report leaves out is said, with the year before
    const cards = page.locator('section[aria-labelledby="key-figures"]');
    await expect(cards.locator('h2').innerText()).resolves.toBe('2021年主要数字');
    await expect(cards.innerText()).resolves.toContain('2,954条');
    await expect(cards.innerText()).resolves.toContain('2021年报告没有写明；2020年为 183件');
    // sources: the 2021 report is known only from a mirror, which is not linked
    const sources = page.locator('section[aria-labelledby="sources"]');
    await expect(sources.innerText()).resolves.toContain('只找到转载的副本，不提供链接');
    expect(await sources.locator('a').count()).toBe(0);
    // nothing leads into the dashboard; each drawn chart offers its image and data files
    const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(hrefs.filter((h) => h.startsWith('/') && !h.startsWith('/public') && !h.startsWith('/api/charts/'))).toEqual([]);
    expect(await page.locator('figure [data-chart-downloads]').count()).toBe(3);
    // fits a phone: only the tables scroll, inside their own box
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    await screenshot(page, 'public-huitong-phone');

    // a term links to its explanation
    await applications.locator('a', { hasText: /^不予处理$/u }).first().click();
    await page.waitForURL(/\/public\/glossary#not-processed$/u);
    await expect(page.locator('dt#not-processed').innerText()).resolves.toContain('不予处理');
    expect(await page.locator('dl dt').count()).toBeGreaterThanOrEqual(30);
    expect(pageProblems(watched.problems)).toEqual([]);
  });

  it('has no console errors with JavaScript on, and names the bar under the pointer', { timeout: 90_000 }, async () => {
    const watched = await openPage(served.browser, { width: 1280, height: 900 });
    const { page } = watched;
    await page.goto(`${served.base}/public/431225`, { waitUntil: 'networkidle' });
    // the first pointer over a chart fetches the SSR client; from then on a bar names itself
    // (through its decal pattern, which lets the pointer pass)
    const bar = page.locator('figure#proactive svg path[ecmeta_ssr_type="chart"]').last();
    const title = page.locator('figure#proactive h2');
    const readout = page.locator('figure#proactive .chart-readout');
    await expect
      .poll(
        async () => {
          await title.hover();
          await bar.hover();
          return readout.innerText();
        },
        { timeout: 15_000 },
      )
      .toBe('2021 · 主动公开信息：2,954条');
    await screenshot(page, 'public-huitong-desktop');
    expect(pageProblems(watched.problems)).toEqual([]);
  });

  it('prints: the print stylesheet hides the navigation and keeps every figure', { timeout: 90_000 }, async () => {
    const watched = await openPage(served.browser, { width: 1280, height: 900, javaScript: false });
    const { page } = watched;
    await page.goto(`${served.base}/public/431225`, { waitUntil: 'networkidle' });
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('nav[aria-label="公开页面"]').isVisible()).resolves.toBe(false);
    expect(await page.locator('figure svg').evaluateAll((svgs) => svgs.filter((s) => s.getBoundingClientRect().height > 0).length)).toBe(3);
    const pdf = await page.pdf({ path: join(SCREENSHOTS, 'public-huitong.pdf'), format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await expect(page.locator('main').innerText()).resolves.toMatch(/数据更新于 \d{4}年\d{1,2}月\d{1,2}日/u);
  });

  it('is cached, carries security headers, and is found from the home page and the search', { timeout: 90_000 }, async () => {
    await fetch(`${served.base}/public/431225`);
    const res = await fetch(`${served.base}/public/431225`);
    expect(res.headers.get('x-nextjs-cache')).toMatch(/^(HIT|STALE)$/u);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect((await fetch(`${served.base}/public/${encodeURIComponent('不存在的地方')}`)).status).toBe(404);

    const home = await (await fetch(`${served.base}/public`)).text();
    expect(home).toContain('href="/public/431225"');
    const found = await fetch(`${served.base}/public/find?q=huitong`, { redirect: 'manual' });
    expect([303, 307, 308]).toContain(found.status);
    expect(found.headers.get('location')).toMatch(/\/public\/431225$/u);
    const none = await (await fetch(`${served.base}/public/find?q=${encodeURIComponent('不存在的地方')}`)).text();
    expect(none).toContain('没有找到');
  });

  it('says what is missing: 洪泽区 2023’s totals that do not add up', { timeout: 60_000 }, async () => {
    const watched = await openPage(served.browser, { width: 390, height: 844, javaScript: false });
    const { page } = watched;
    await page.goto(`${served.base}/public/320813`, { waitUntil: 'networkidle' });
    await expect(page.locator('section[aria-labelledby="missing"]').innerText()).resolves.toMatch(/2023年：报告中有 \d+ 处数字加总对不上/u);
    await screenshot(page, 'public-hongze-phone');
    expect(pageProblems(watched.problems)).toEqual([]);
  });
});
