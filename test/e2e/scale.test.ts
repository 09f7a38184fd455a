// End to end on a synthetic database with more regions than the overview's region picker lists:
// the page carries a bounded list, and a region beyond it is found through the region search
// and chosen like any other. The regions list shows one province at a time.
import { expect, it } from 'vitest';
import { regionOptions } from '../../db/queries/dashboard';
import { countByProvince, type ProvinceCount } from '../../db/queries/overview';
import { describeInBrowser, openPage, pageProblems, screenshot } from '../support/browser';
import { serveApp } from '../support/bundled-app';
import { startSyntheticApp } from '../support/synthetic-app';

describeInBrowser('pages on a synthetic database', () => {
  let listed = 0;
  let beyond: { token: string; name: string } | undefined;
  let provinces: ProvinceCount[] = [];

  const served = serveApp(() => startSyntheticApp({
    prepare: async (database) => {
      const options = await regionOptions(database.db);
      listed = options.length;
      // the last region of the list (a department or township, written by its name): never among the first the page sends
      const last = options.at(-1)!;
      beyond = { token: last.code ?? last.name, name: last.name };
      provinces = await countByProvince(database.db);
    },
  }));

  it('sends a bounded list and finds the rest by searching the server', { timeout: 120_000 }, async () => {
    expect(listed).toBeGreaterThan(60);
    const { page, problems } = await openPage(served.browser, { width: 1280, height: 900 });
    await page.goto(`${served.base}/`, { waitUntil: 'networkidle' });
    await page.locator('details.picker summary').click();
    expect(await page.locator('input[name="region"]').count()).toBe(60);
    await expect(page.locator('.picker-more').innerText()).resolves.toContain(`共 ${listed} 个地区或机关`);
    expect(await page.locator(`input[name="region"][value="${beyond!.token}"]`).count()).toBe(0);
    // typed: answered by /api/search, not by the list
    await page.locator('input[name="regionSearch"]').fill(beyond!.name);
    const option = page.locator(`input[name="region"][value="${beyond!.token}"]`);
    await option.waitFor({ timeout: 20_000 });
    await screenshot(page, 'overview-picker-search');
    await option.check();
    await page.waitForURL((url) => url.searchParams.get('regions') === beyond!.token, { timeout: 30_000 });
    await expect(page.locator('.overview-head .lede').innerText()).resolves.toContain(beyond!.name);
    expect(pageProblems(problems)).toEqual([]);
  });

  it('lists the regions of one province', { timeout: 60_000 }, async () => {
    const province = provinces.filter((p) => p.code).sort((a, b) => b.regions - a.regions)[0];
    const res = await fetch(`${served.base}/regions?province=${province.code}`);
    expect(res.status).toBe(200);
    // React separates text pieces with empty comments
    const html = (await res.text()).replaceAll('<!-- -->', '');
    expect(html).toContain(`${province.name}：${province.regions} 个地区或机关、${province.reports} 份报告。`);
    const others = provinces.filter((p) => p.name && p.name !== province.name);
    for (const other of others) expect(html, other.name!).not.toContain(`>${other.name}<`);
  });
});
