// Corrections: the printed report stays, the corrected figure is what every reader gets (figures,
// checks, facts, the tidy export), the history says who changed what and why, an undo goes back,
// a re-parse keeps the correction, and an account of another county cannot correct.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, resolveRegion, type Account } from '../db/accounts';
import type { Database } from '../db/client';
import { addCorrection, correctionHistory, undoCorrection } from '../db/corrections';
import { ingestFile } from '../db/ingest';
import { allFigureRows } from '../db/queries/export';
import { reportDetail } from '../db/queries/report';
import { reparseVersion } from '../db/reparse';
import { checkResults, corrections, figures, reportFacts, reports } from '../db/schema';
import { correctedReport, pathSteps } from '../lib/corrections/apply';
import { correctionSentence, liveByPath } from '../lib/corrections/describe';
import { parseReportText } from '../lib/parse/report';
import { TIDY_COLUMNS } from '../lib/export/tidy';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from './support/databases';
import { ROOT } from './support/root';

const SEED = readFileSync(join(ROOT, 'test/fixtures/huitong-2020.txt'));
const seedReport = parseReportText(SEED.toString('utf8'));
const TOTAL = 'appeals.review[4]';

describe('correctedReport', () => {
  it('replaces the figure, runs the identities again and leaves the printed report alone', () => {
    expect(pathSteps('appeals.review[4]')).toEqual(['appeals', 'review', 4]);
    expect(pathSteps('activity.hotlines[0].received')).toEqual(['activity', 'hotlines', 0, 'received']);
    expect(pathSteps('proactive.regulations.newlyMade')).toEqual(['proactive', 'regulations', 'newlyMade']);
    expect(pathSteps('appeals..x')).toBeNull();
    const printedTotal = seedReport.appeals!.review[4];
    const corrected = correctedReport(seedReport, [{ path: TOTAL, value: (printedTotal ?? 0) + 1 }]);
    expect(corrected.appeals!.review[4]).toBe((printedTotal ?? 0) + 1);
    expect(seedReport.appeals!.review[4]).toBe(printedTotal);
    const group = corrected.checks.find((c) => c.id.startsWith('appeals') && c.failures?.some((f) => f.table === '四'));
    expect(group?.ok).toBe(false);
    expect(corrected.warnings.some((w) => w.code === 'identity-failed' && w.message.includes('表四'))).toBe(true);
    expect(correctedReport(seedReport, [{ path: 'appeals.nothing[9]', value: 1 }])).toBe(seedReport);
    expect(correctionSentence({ path: TOTAL, printed: 0, value: 11 }, seedReport)).toBe('表四「行政复议」总计印为 0，更正为 11');
    expect([...liveByPath([{ path: 'a', undoneAt: null, n: 2 }, { path: 'a', undoneAt: null, n: 1 }, { path: 'b', undoneAt: new Date(), n: 0 }]).values()].map((c) => c.n)).toEqual([2]);
  });
});

describeEachDatabase('corrections', (kind) => {
  let testDb: TestDatabase;
  let database: Database;
  let alice: Account;
  let elsewhere: Account;
  let reportId: number;

  beforeAll(async () => {
    testDb = await createTestDatabase(kind);
    database = await testDb.open();
    const row = await createAccount(database.db, { name: 'alice', password: 'a long enough password' });
    alice = { ...row, regionName: null, regionCode: null };
    const hongze = await resolveRegion(database.db, '320813');
    if (typeof hongze === 'string') throw new Error(hongze);
    const other = await createAccount(database.db, { name: 'other', password: 'a long enough password', regionId: hongze.id });
    elsewhere = { ...other, regionName: '洪泽区', regionCode: '320813' };
    const stored = await ingestFile(database.db, { bytes: new Uint8Array(SEED), name: 'huitong-2020.txt' });
    reportId = stored.reportId!;
  }, 60_000);
  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  const factTotal = async () => (await database.db.select({ v: reportFacts.review_total }).from(reportFacts).where(eq(reportFacts.reportId, reportId)))[0].v;
  const figureValue = async (path: string) => (await database.db.select({ v: figures.value }).from(figures).where(and(eq(figures.reportId, reportId), eq(figures.path, path))))[0].v;

  it('corrects a figure with a reason: figures, facts, checks and the export give the corrected one, the printed one is kept', async () => {
    const printed = seedReport.appeals!.review[4] ?? 0;
    expect(await addCorrection(database.db, alice, { reportId, path: TOTAL, value: printed + 1, reason: '' })).toMatchObject({ ok: false, status: 422 });
    expect(await addCorrection(database.db, alice, { reportId, path: 'appeals.review[9]', value: 1, reason: 'x' })).toMatchObject({ ok: false, status: 422 });
    expect(await addCorrection(database.db, alice, { reportId, path: TOTAL, value: printed, reason: 'same' })).toMatchObject({ ok: false, status: 422 });
    expect(await addCorrection(database.db, elsewhere, { reportId, path: TOTAL, value: printed + 1, reason: '越权' })).toMatchObject({ ok: false, status: 403 });

    const done = await addCorrection(database.db, alice, { reportId, path: TOTAL, value: printed + 1, reason: '复议总计漏加一件' });
    expect(done.ok).toBe(true);
    expect(await figureValue(TOTAL)).toBe(printed + 1);
    expect(await factTotal()).toBe(printed + 1);
    const [row] = await database.db.select({ document: reports.document, effective: reports.effective }).from(reports).where(eq(reports.id, reportId));
    expect(row.document.appeals!.review[4]).toBe(printed);
    expect(row.effective!.appeals!.review[4]).toBe(printed + 1);
    const failing = await database.db.select({ id: checkResults.checkId }).from(checkResults).where(and(eq(checkResults.reportId, reportId), eq(checkResults.ok, false)));
    expect(failing.length).toBeGreaterThan(0);

    const detail = (await reportDetail(database.db, reportId))!;
    expect(detail.document.appeals!.review[4]).toBe(printed + 1);
    expect(detail.printed.appeals!.review[4]).toBe(printed);
    expect(detail.corrections).toMatchObject([{ path: TOTAL, printed, value: printed + 1, reason: '复议总计漏加一件', by: 'alice', undoneAt: null, printedNow: printed }]);

    const rows = [];
    for await (const r of allFigureRows(database.db)) rows.push(r);
    const at = rows.find((r) => r[TIDY_COLUMNS.indexOf('字段路径')] === TOTAL)!;
    expect(at[TIDY_COLUMNS.indexOf('数值')]).toBe(printed + 1);
    expect(at[TIDY_COLUMNS.indexOf('更正前印制数值')]).toBe(printed);
    expect(at[TIDY_COLUMNS.indexOf('更正原因')]).toBe('复议总计漏加一件');
  });

  it('survives a re-parse, and says when the printed figure under it has changed', async () => {
    const printed = seedReport.appeals!.review[4] ?? 0;
    expect((await reparseVersion(database.db, reportId))?.kind).toBe('unchanged');
    expect(await figureValue(TOTAL)).toBe(printed + 1);
    expect(await factTotal()).toBe(printed + 1);
    // as if the parser had read another figure before: the history flags it
    await database.db.update(corrections).set({ printed: printed + 5 }).where(eq(corrections.reportId, reportId));
    const [c] = await correctionHistory(database.db, reportId);
    expect(c.printed).toBe(printed + 5);
    expect(c.printedNow).toBe(printed);
    await database.db.update(corrections).set({ printed }).where(eq(corrections.reportId, reportId));
  });

  it('is undone: the printed figure comes back, the history keeps both', async () => {
    const printed = seedReport.appeals!.review[4] ?? 0;
    const [live] = await correctionHistory(database.db, reportId);
    expect(await undoCorrection(database.db, elsewhere, live.id)).toMatchObject({ ok: false, status: 403 });
    expect(await undoCorrection(database.db, alice, live.id)).toEqual({ ok: true, id: live.id, reportId });
    expect(await undoCorrection(database.db, alice, live.id)).toMatchObject({ ok: false, status: 422 });
    expect(await figureValue(TOTAL)).toBe(printed);
    expect(await factTotal()).toBe(printed);
    const [row] = await database.db.select({ effective: reports.effective }).from(reports).where(eq(reports.id, reportId));
    expect(row.effective).toBeNull();
    const history = await correctionHistory(database.db, reportId);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ undoneBy: 'alice' });
    expect(history[0].undoneAt).not.toBeNull();
  });
});
