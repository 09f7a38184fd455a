// End to end: a county's list of expected bodies and who has not reported (issue #11), served
// by the production server on the bundled data (会同县 has its jurisdiction reports of 2020 and 2021) plus
// three body reports of 2021: 会同县教育局, 会同县林城镇人民政府 and 会同县卫生健康局. The
// account limited to 会同县 imports a CSV written here (a bad one first: every bad line named,
// nothing stored), sees which bodies have not reported for 2021 with both deadlines long past,
// lists a body that reported off the list, adds and removes one; it cannot open another
// county's pages nor write its list, and alice can open them.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { ingestFile } from '../../db/ingest';
import { lookupRegion } from '../../db/queries/region';
import type { Database } from '../../db/client';
import { selectRows } from '../../db/sql';
import { deadlineOf, deadlineStatus, defaultReportYear, type DeadlineStatus } from '../../lib/expected/deadlines';
import { resolvePlace } from '../../lib/geo/gazetteer';
import { departmentSubject, townshipSubject } from '../../lib/synth/places';
import { createStaff, sessionCookie, signIn, signInPage } from '../support/admin';
import { describeInBrowser, openPage, pageProblems, screenshot } from '../support/browser';
import { serveApp, startBundledApp } from '../support/bundled-app';
import { HUITONG_EDUCATION, reportFile, type Spec } from '../support/query-dataset';

/**
 * Chromium reports some server actions' POSTs as aborted (net::ERR_ABORTED) after their whole
 * answer has arrived and been applied (the server sends it complete; no script cancels it): such
 * a request, answered with a status under 400, is not a problem of the page. Returns the
 * page's problems without them.
 */
function watchActions(page: Page): (problems: readonly string[]) => Promise<string[]> {
  const answered: Promise<string | null>[] = [];
  page.on('requestfailed', (r) => {
    if (!r.headers()['next-action'] || r.failure()?.errorText !== 'net::ERR_ABORTED') return;
    answered.push(r.response().then((res) => (res && res.status() < 400 ? `request failed: ${r.url()} (net::ERR_ABORTED)` : null)));
  });
  return async (problems) => {
    const rest = [...problems];
    for (const line of await Promise.all(answered)) {
      const at = line === null ? -1 : rest.indexOf(line);
      if (at >= 0) rest.splice(at, 1);
    }
    return rest;
  };
}

const overdue = (status: DeadlineStatus) => {
  if (!status.passed) throw new Error('the 2021 deadlines have passed');
  return status.daysOverdue;
};

describeInBrowser('expected bodies and missing reports (production server)', () => {
  const ids: Record<string, number> = {};

  async function prepare(database: Database): Promise<void> {
    await createStaff(database);
    const huitong = resolvePlace('会同县')!;
    const specs: [string, Spec][] = [
      ['education', { subject: HUITONG_EDUCATION, year: 2021, template: '2021' }],
      ['lincheng', { subject: townshipSubject(huitong, '林城镇人民政府'), year: 2021, template: '2021' }],
      ['health', { subject: departmentSubject(huitong, '卫生健康局'), year: 2021, template: '2021' }],
    ];
    for (const [name, spec] of specs) {
      const file = reportFile(spec);
      const result = await ingestFile(database.db, { name: file.name, bytes: file.bytes });
      ids[name] = result.reportId!;
    }
    for (const [name, code] of [['huitong', '431225'], ['yuanling', '431222']]) {
      const found = await lookupRegion(database.db, code);
      if (found.kind !== 'found' || found.region.id === null) throw new Error(`${code} is not in the bundled data`);
      ids[name] = found.region.id;
    }
    const [own] = await selectRows<{ id: number }>(database.db, sql`select id from reports where region_id = ${ids.huitong} and year = 2021 and is_current`);
    ids.own2021 = Number(own.id);
  }

  const served = serveApp(() => startBundledApp({ prepare }));

  it('imports a CSV, shows who has not reported for 2021 against passed deadlines, lists a body off the list, adds and removes one', { timeout: 180_000 }, async () => {
    const { page, problems } = await openPage(served.browser);
    const withoutAnsweredActions = watchActions(page);
    await signInPage(page, served.base, 'huitong');
    await page.goto(`${served.base}/admin/regions/431225/bodies`);
    expect(await page.textContent('h1')).toBe('会同县 · 应报送年度报告的单位');
    expect(await page.textContent('main')).toContain('名单还是空的');

    const dir = mkdtempSync(join(tmpdir(), 'nianbao-expected-'));
    // a bad file first: every bad line by its number, and nothing stored
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, '名称,类型\n会同县财政局,部门\n会同县教育局,局\n,部门\n会同县人民政府,部门\n');
    await page.setInputFiles('[data-import-bodies] input[type=file]', bad);
    await page.click('[data-import-bodies] button[type=submit]');
    await expect.poll(() => page.locator('[data-import-bodies] [role=alert]').textContent()).toContain('有 3 行无法读取，名单没有改动');
    expect(await page.locator('[data-csv-errors] li').allTextContents()).toEqual([
      '第 3 行：类型“局”无法识别，应为“部门”或“乡镇”“街道”',
      '第 4 行：名称为空（这一行只有类型）',
      '第 5 行：“会同县人民政府”是本级政府，不必列入名单：本级政府的报告在“未报送”页面单独核对',
    ]);
    expect(await page.locator('table[data-expected-bodies]').count()).toBe(0);

    // the good one, as Excel saves it in China: GBK, CRLF, a quoted field, the same body twice
    const good = join(dir, 'bodies.csv');
    const csv = ['名称,类型', '会同县财政局,部门', '教育局,部门', '"会同县发展和改革局",部门', '林城镇,乡镇', '坪村镇人民政府,乡镇', '财政局,部门', ''].join('\r\n');
    writeFileSync(good, iconv.encode(csv, 'gbk'));
    await page.setInputFiles('[data-import-bodies] input[type=file]', good);
    await page.click('[data-import-bodies] button[type=submit]');
    await expect.poll(() => page.locator('[data-import-bodies] [role=status]').textContent()).toContain('已导入 5 个单位：新增 5 个；名单现有 5 个单位。');
    expect(await page.locator('[data-import-bodies] [role=status]').textContent()).toContain('文件中有 1 行与前面的行是同一单位，已合并（第 7 行）');
    await expect.poll(() => page.locator('table[data-expected-bodies] tbody tr').count()).toBe(5);
    expect(await page.locator('table[data-expected-bodies] tbody td:first-child').allTextContents()).toEqual(['会同县财政局', '教育局', '会同县发展和改革局', '林城镇', '坪村镇人民政府']);
    await screenshot(page, 'expected-bodies');

    // 2021 through the year selector
    await page.goto(`${served.base}/admin/regions/431225/missing`);
    const lastYear = Number(await page.locator('select[name=year]').inputValue());
    expect(lastYear).toBe(defaultReportYear(new Date()));
    await page.selectOption('select[name=year]', '2021');
    await page.click('form button:has-text("查看")');
    await page.waitForURL((u) => u.pathname === '/admin/regions/431225/missing' && u.searchParams.get('year') === '2021');
    expect(await page.textContent('h1')).toBe('会同县 · 2021 年度报告报送情况');
    const now = new Date();
    const departmentLate = overdue(deadlineStatus(deadlineOf('department', 2021), now));
    const townshipLate = overdue(deadlineStatus(deadlineOf('township', 2021), now));
    expect(await page.textContent('[data-deadlines]')).toContain(`部门 2022年1月31日，已过 ${departmentLate} 天；乡镇（街道）和会同县人民政府 2022年3月31日，已过 ${townshipLate} 天`);
    const counts = (await page.textContent('[data-counts]'))!;
    expect(counts).toContain('名单共 5 个单位（部门 3，乡镇（街道） 2）');
    expect(counts).toContain('已报送 2');
    expect(counts).toContain('未报送 3（已逾期 3）');
    expect(counts).toContain('会同县人民政府本级：已报送');

    const row = (name: string) => page.locator(`table[data-missing] tr[data-body="${name}"]`);
    const cells = async (name: string) => (await row(name).locator('td').allInnerTexts()).map((t) => t.trim());
    expect(await cells('会同县财政局')).toEqual(['会同县财政局', '部门', '2022年1月31日', '—', `未报送·已逾期${departmentLate}天`]);
    expect(await cells('会同县发展和改革局')).toEqual(['会同县发展和改革局', '部门', '2022年1月31日', '—', `未报送·已逾期${departmentLate}天`]);
    expect(await cells('坪村镇人民政府')).toEqual(['坪村镇人民政府', '乡镇（街道）', '2022年3月31日', '—', `未报送·已逾期${townshipLate}天`]);
    expect(await cells('教育局')).toEqual(['教育局', '部门', '2022年1月31日', '查看报告（署名：会同县教育局）', '已报送']);
    expect(await cells('林城镇')).toEqual(['林城镇', '乡镇（街道）', '2022年3月31日', '查看报告（署名：会同县林城镇人民政府）', '已报送']);
    expect(await row('教育局').locator('a').getAttribute('href')).toBe(`/reports/${ids.education}`);
    expect(await row('林城镇').locator('a').getAttribute('href')).toBe(`/reports/${ids.lincheng}`);
    // the missing come first
    expect(await page.locator('table[data-missing] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-state')))).toEqual(['reported', 'overdue', 'overdue', 'overdue', 'reported', 'reported']);
    const government = page.locator('table[data-missing] tr[data-row="government"]');
    expect(await government.locator('td').first().textContent()).toBe('会同县人民政府（本级）');
    expect(await government.locator('a').getAttribute('href')).toBe(`/reports/${ids.own2021}`);

    // 卫生健康局 reported without being listed: one click lists it
    const unlisted = page.locator('table[data-unlisted] tr[data-body="会同县卫生健康局"]');
    expect(await unlisted.locator('a').getAttribute('href')).toBe(`/reports/${ids.health}`);
    await screenshot(page, 'expected-missing-2021');
    await unlisted.locator('button:has-text("加入名单")').click();
    await expect.poll(() => row('会同县卫生健康局').count()).toBe(1);
    expect(await row('会同县卫生健康局').getAttribute('data-state')).toBe('reported');
    expect(await page.textContent('[data-counts]')).toContain('已报送 3');
    expect(await page.locator('table[data-unlisted]').count()).toBe(0);

    // add one in the form, then remove it
    await page.goto(`${served.base}/admin/regions/431225/bodies`);
    await page.fill('[data-add-body] input[name=name]', '会同县审计局');
    await page.click('[data-add-body] button[type=submit]');
    await expect.poll(() => page.locator('[data-add-body] [role=status]').textContent()).toBe('已添加“会同县审计局”');
    const audit = page.locator('table[data-expected-bodies] tr[data-body="会同县审计局"]');
    await expect.poll(() => audit.count()).toBe(1);
    expect(await audit.locator('td').nth(1).textContent()).toBe('部门');
    expect(await audit.locator('td').nth(2).textContent()).toContain('huitong');
    // the same body under another spelling is refused
    await page.fill('[data-add-body] input[name=name]', '审计局');
    await page.click('[data-add-body] button[type=submit]');
    await expect.poll(() => page.locator('[data-add-body] [role=alert]').textContent()).toBe('“审计局”与名单中的“会同县审计局”是同一单位');
    await audit.locator('button:has-text("删除")').click();
    await expect.poll(() => audit.count()).toBe(0);
    await expect.poll(() => page.locator('table[data-expected-bodies] tbody tr').count()).toBe(6);
    expect(pageProblems(await withoutAnsweredActions(problems))).toEqual([]);
  });

  it('an account limited to 会同县 cannot open or write another county’s list; alice can open it', { timeout: 120_000 }, async () => {
    const huitong = await signIn(served.base, 'huitong');
    const alice = await signIn(served.base, 'alice');
    const status = async (path: string, cookie: string) => (await fetch(`${served.base}${path}`, { headers: { Cookie: cookie } })).status;
    for (const path of ['/admin/regions/431225/bodies', '/admin/regions/431225/missing?year=2021']) expect(await status(path, huitong), path).toBe(200);
    for (const path of ['/admin/regions/431222/bodies', '/admin/regions/431222/missing', '/admin/regions/431200/bodies']) {
      expect(await status(path, huitong), path).toBe(404);
      expect(await status(path, alice), path).toBe(200);
    }
    // a province has no list of bodies; nor does an unknown place
    expect(await status('/admin/regions/430000/bodies', alice)).toBe(404);
    expect(await status('/admin/regions/999999/missing', alice)).toBe(404);
    // signed out: sent to sign in
    const signedOut = await fetch(`${served.base}/admin/regions/431225/bodies`, { redirect: 'manual' });
    expect(signedOut.status).toBe(307);
    expect(signedOut.headers.get('location')).toContain('/admin/sign-in?next=%2Fadmin%2Fregions%2F431225%2Fbodies');

    // the server action checks the region itself: 沅陵县's id put into 会同县's form is refused
    const { page } = await openPage(served.browser);
    await signInPage(page, served.base, 'huitong');
    await page.goto(`${served.base}/admin/regions/431225/bodies`);
    await page.locator('[data-add-body] input[name=region]').evaluate((input, id) => ((input as HTMLInputElement).value = String(id)), ids.yuanling);
    await page.fill('[data-add-body] input[name=name]', '沅陵县财政局');
    await page.click('[data-add-body] button[type=submit]');
    await expect.poll(() => page.locator('[data-add-body] [role=alert]').textContent()).toBe('找不到这个地区，或它不属于您可管理的地区');
    const yuanling = await (await fetch(`${served.base}/admin/regions/431222/bodies`, { headers: { Cookie: alice } })).text();
    expect(yuanling).toContain('名单还是空的');

    // and after signing out in another tab, the page's actions are refused
    const cookie = await sessionCookie(page);
    await fetch(`${served.base}/api/admin/sign-out`, { method: 'POST', redirect: 'manual', headers: { Origin: served.base, Cookie: cookie } });
    await page.locator('[data-add-body] input[name=region]').evaluate((input, id) => ((input as HTMLInputElement).value = String(id)), ids.huitong);
    await page.fill('[data-add-body] input[name=name]', '会同县统计局');
    await page.click('[data-add-body] button[type=submit]');
    await expect.poll(() => page.locator('[data-add-body] [role=alert]').textContent()).toBe('请先登录');
  });
});
