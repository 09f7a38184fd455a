// End to end: staff correct 洪泽区 2023's 行政复议 total (printed 0; 10 + 1 = 11) with a reason,
// and the corrected figure shows as corrected on the dashboard's report page, on the public page
// and in the CSV export; the correction is undone, made again, and survives a re-parse.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createStaff, sessionCookie, signInPage, uploadOk } from '../support/admin';
import { describeInBrowser, openPage, screenshot } from '../support/browser';
import { serveApp, startBundledApp } from '../support/bundled-app';
import { CORPUS_DIR, HAS_CORPUS } from '../support/corpus';

const describeWithCorpus = HAS_CORPUS ? describeInBrowser : describeInBrowser.skip;
const TOTAL = 'appeals.review[4]';
const REASON = '行政复议总计印为 0，按分项 10 + 1 应为 11';

describeWithCorpus('corrections (production server)', () => {
  const served = serveApp(() => startBundledApp({ prepare: createStaff }));

  it('a corrected figure is marked everywhere, can be undone, and survives a re-parse', { timeout: 240_000 }, async () => {
    const { page } = await openPage(served.browser);
    await signInPage(page, served.base, 'alice');
    const cookie = await sessionCookie(page);

    // the bundled report gains its PDF, so that it can be re-parsed
    const staged = await uploadOk(served.base, cookie, 'hongze-2023.pdf', new Uint8Array(readFileSync(join(CORPUS_DIR, 'hongze-2023.pdf'))));
    const published = await fetch(`${served.base}/api/admin/uploads/${staged.id}/publish`, { method: 'POST', headers: { Origin: served.base, Cookie: cookie } });
    expect(published.status).toBe(200);
    const { kind, reportId } = (await published.json()) as { kind: string; reportId: number };
    expect(kind).toBe('text-attached');

    const csvRow = async () => {
      const csv = await (await fetch(`${served.base}/api/export/figures.csv`)).text();
      return csv.split('\r\n').find((line) => line.startsWith('洪泽区,') && line.includes(`,${TOTAL},`))!;
    };
    expect(await csvRow()).toMatch(/,0,件,appeals\.review\[4\],\d+,[^,]*,,$/u);

    // 1. correct it, with a reason
    await page.goto(`${served.base}/admin/reports/${reportId}`);
    await page.selectOption('select[name=path]', TOTAL);
    await page.fill('input[name=value]', '11');
    // the reason is required: the browser does not send the form without it
    expect(await page.locator('textarea[name=reason]').evaluate((t: HTMLTextAreaElement) => t.validity.valueMissing)).toBe(true);
    await page.fill('textarea[name=reason]', REASON);
    await page.click('button:has-text("保存更正")');
    await expect.poll(() => page.textContent('main'), { timeout: 30_000 }).toContain('已更正。');
    await screenshot(page, 'corrections-admin');

    // 2. marked on the dashboard, the public page and the CSV export
    await page.goto(`${served.base}/reports/${reportId}`);
    const cell = page.locator(`[data-path="${TOTAL}"]`);
    expect(await cell.getAttribute('data-corrected')).toBe('true');
    expect(await cell.textContent()).toContain('11');
    expect(await cell.textContent()).toContain('已更正，印为 0');
    expect(await page.textContent('#corrections ~ ul')).toContain(`表四「行政复议」总计印为 0，更正为 11。原因：${REASON}`);
    expect(await page.textContent('#corrections ~ ul')).toContain('alice');
    expect(await page.textContent('main')).toContain('1 处数字经工作人员更正');
    await screenshot(page, 'corrections-report');

    const publicHtml = (await (await fetch(`${served.base}/public/320813`)).text()).replace(/<!-- -->/gu, '');
    expect(publicHtml).toContain('经更正的数字');
    expect(publicHtml).toContain(`2023年报告：表四「行政复议」总计印为 0，更正为 11。原因：${REASON}`);
    expect(await csvRow()).toContain(`,11,件,${TOTAL},`);
    expect(await csvRow()).toMatch(new RegExp(`,0,${REASON.replace(/[+]/gu, '\\+')}$`, 'u'));

    // 3. undo it
    await page.goto(`${served.base}/admin/reports/${reportId}`);
    await page.click('button:has-text("撤销对表四「行政复议」总计的更正")');
    // the page shows the undone correction in its history (its undo button is gone with it)
    await expect.poll(() => page.locator('[data-correction][data-undone]').count(), { timeout: 30_000 }).toBe(1);
    await page.goto(`${served.base}/reports/${reportId}`);
    expect(await page.locator(`[data-path="${TOTAL}"]`).getAttribute('data-corrected')).toBeNull();
    expect(await page.locator('[data-correction][data-undone]').count()).toBe(1);
    expect(await csvRow()).toMatch(/,0,件,appeals\.review\[4\],\d+,[^,]*,,$/u);
    expect(await (await fetch(`${served.base}/public/320813`)).text()).not.toContain('经更正的数字');

    // 4. correct again, re-parse: the correction stays
    await page.goto(`${served.base}/admin/reports/${reportId}`);
    await page.selectOption('select[name=path]', TOTAL);
    await page.fill('input[name=value]', '11');
    await page.fill('textarea[name=reason]', REASON);
    await page.click('button:has-text("保存更正")');
    await expect.poll(() => page.textContent('main'), { timeout: 30_000 }).toContain('已更正。');
    await page.click('button:has-text("重新解析")');
    await expect.poll(() => page.textContent('main'), { timeout: 60_000 }).toContain('更正保留');
    await page.goto(`${served.base}/reports/${reportId}`);
    expect(await page.locator(`[data-path="${TOTAL}"]`).getAttribute('data-corrected')).toBe('true');
    expect(await csvRow()).toContain(`,11,件,${TOTAL},`);

    // an account of another county cannot open the page, nor correct through it
    const { page: other } = await openPage(served.browser);
    await signInPage(other, served.base, 'huitong');
    const res = await other.goto(`${served.base}/admin/reports/${reportId}`);
    expect(res?.status()).toBe(404);
  });
});
