// End to end: region search served by the production server (`npm run serve`) on the bundled data. The header box on
// /regions suggests 会同县 for `huitong` and Enter opens its page; on a phone the suggestions
// fit the screen; without JavaScript the header form leads to /search, which finds 會同縣 and
// htx; /api/search answers JSON and refuses a missing, blank or too long query with 400.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { MAX_QUERY_LENGTH } from '../../lib/search/limits';
import { describeInBrowser, openPage, pageProblems, screenshot, SCREENSHOTS } from '../support/browser';
import { serveApp, startBundledApp } from '../support/bundled-app';

/** the visible part of the page only: the suggestions open under the header */
async function viewportShot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** suggestion requests the box cancels as the user types on */
const SUGGESTIONS = /\/api\/search\?/u;

const headerBox = (page: Page) => page.getByRole('combobox', { name: /搜索地区/u });
const suggestions = (page: Page) => page.getByRole('listbox', { name: '地区建议', includeHidden: true }).getByRole('option');

describeInBrowser('region search served by the production server', () => {
  const served = serveApp(() => startBundledApp());

  it('suggests 会同县 for huitong in the header box, and Enter opens its page', { timeout: 90_000 }, async () => {
    const watched = await openPage(served.browser, { width: 1280, height: 720 });
    const { page } = watched;
    await page.goto(`${served.base}/regions`, { waitUntil: 'networkidle' });
    const box = headerBox(page);
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('false');
    await box.click();
    await box.pressSequentially('huitong', { delay: 40 });
    const option = suggestions(page).filter({ hasText: '会同县' });
    await option.waitFor({ state: 'visible', timeout: 15_000 });
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(option.innerText()).resolves.toMatch(/会同县\s*湖南省 · 怀化市 · 县级 · 2 份报告/u);
    await expect(page.locator('form[role=search] [role=status]').innerText()).resolves.toContain('1 个地区');
    await page.keyboard.press('ArrowDown');
    await expect(option.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(box.getAttribute('aria-activedescendant')).resolves.toBe(await option.getAttribute('id'));
    await viewportShot(page, 'search-suggest-desktop');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/regions\/431225$/u, { timeout: 30_000 });
    await expect(page.locator('h1').innerText()).resolves.toBe('会同县');
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('false');
    expect(pageProblems(watched.problems, [SUGGESTIONS])).toEqual([]);
  });

  it('lists namesakes with their cities, fits a phone screen and closes on Escape', { timeout: 90_000 }, async () => {
    const watched = await openPage(served.browser, { width: 390, height: 844 });
    const { page } = watched;
    await page.goto(`${served.base}/`, { waitUntil: 'networkidle' });
    const box = headerBox(page);
    await box.click();
    await box.pressSequentially('hui', { delay: 40 });
    await suggestions(page).filter({ hasText: '会同县' }).waitFor({ state: 'visible', timeout: 15_000 });
    const texts = await suggestions(page).allInnerTexts();
    // 会同县, 会宁县, 会泽县 all have reports in the bundle: each shows where it lies
    for (const [name, within] of [
      ['会同县', '湖南省 · 怀化市'],
      ['会宁县', '甘肃省 · 白银市'],
      ['会泽县', '云南省 · 曲靖市'],
    ]) {
      expect(texts.some((t) => t.includes(name) && t.includes(within)), name).toBe(true);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    const popup = await page.locator('.search-popup').boundingBox();
    expect(popup!.x).toBeGreaterThanOrEqual(0);
    expect(popup!.x + popup!.width).toBeLessThanOrEqual(390);
    await viewportShot(page, 'search-suggest-phone');
    await page.keyboard.press('Escape');
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(suggestions(page).count()).resolves.toBe(0);
    // Enter without a chosen suggestion lists every match on /search
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=hui$/u, { timeout: 30_000 });
    await expect(page.locator('h2').first().innerText()).resolves.toMatch(/“hui”：找到 \d+ 个地区/u);
    await expect(page.locator('ol[data-results] li').first().innerText()).resolves.toContain('会同县');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    await screenshot(page, 'search-page-phone');
    expect(pageProblems(watched.problems, [SUGGESTIONS])).toEqual([]);
  });

  it('finds 會同縣 and htx on /search without JavaScript', { timeout: 90_000 }, async () => {
    const context = await served.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    try {
      const page = await context.newPage();
      await page.goto(`${served.base}/regions`);
      // the header form is a plain GET form to /search
      await headerBox(page).fill('會同縣');
      await headerBox(page).press('Enter');
      await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === '會同縣', { timeout: 30_000 });
      const first = page.locator('ol[data-results] li').first();
      await expect(first.getByRole('link').innerText()).resolves.toBe('会同县');
      await expect(first.getByRole('link').getAttribute('href')).resolves.toBe('/regions/431225');
      await expect(first.innerText()).resolves.toContain('湖南省 · 怀化市');

      // the page's own form, and initials
      await page.getByLabel('地区名称、拼音或区划代码', { exact: true }).fill('htx');
      await page.getByRole('main').getByRole('button', { name: '搜索' }).click();
      await page.waitForURL(/\/search\?q=htx$/u, { timeout: 30_000 });
      const item = page.locator('ol[data-results] li').filter({ has: page.getByRole('link', { name: '会同县', exact: true }) });
      const link = item.getByRole('link');
      await expect(link.getAttribute('href')).resolves.toBe('/regions/431225');
      await expect(item.innerText()).resolves.toContain('拼音 hui tong xian');
      await screenshot(page, 'search-page-nojs');
      await link.click();
      await page.waitForURL(/\/regions\/431225$/u, { timeout: 30_000 });
      await expect(page.locator('h1').innerText()).resolves.toBe('会同县');

      // no match, and a query too long
      await page.goto(`${served.base}/search?q=${encodeURIComponent('不存在的地方')}`);
      await expect(page.locator('main').innerText()).resolves.toContain('没有找到与“不存在的地方”匹配的地区');
      await page.goto(`${served.base}/search?q=${'会'.repeat(MAX_QUERY_LENGTH + 1)}`);
      await expect(page.locator('main').innerText()).resolves.toContain('查询内容过长');
    } finally {
      await context.close();
    }
  });

  it('answers /api/search with JSON, and 400 for a bad query', { timeout: 60_000 }, async () => {
    const res = await fetch(`${served.base}/api/search?q=huitong`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/u);
    const body = (await res.json()) as { q: string; total: number; results: { name: string; href: string; within: string; reports: number }[] };
    expect(body).toMatchObject({ q: 'huitong', total: 1 });
    expect(body.results[0]).toMatchObject({ name: '会同县', href: '/regions/431225', within: '湖南省 · 怀化市', reports: 2 });

    const gulou = (await (await fetch(`${served.base}/api/search?q=${encodeURIComponent('鼓楼')}`)).json()) as typeof body;
    expect(gulou.results.map((r) => r.within)).toEqual(['福建省 · 福州市']);

    for (const query of ['', '?q=', '?q=%20%20', `?q=${'x'.repeat(MAX_QUERY_LENGTH + 1)}`]) {
      const bad = await fetch(`${served.base}/api/search${query}`);
      expect(bad.status, query).toBe(400);
      const { error } = (await bad.json()) as { error: string };
      expect(error, query).toMatch(/缺少|为空|过长/u);
    }
  });
});
