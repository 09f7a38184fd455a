// Corrections: staff fix a figure (a misprinted total), with a reason. The printed report stays
// in reports.document; reports.effective holds it corrected, and the figures, checks, warnings
// and facts every page and export reads are derived from that. Undoing marks the correction
// undone (it stays in the history). A re-parse applies the live corrections again and records
// when the printed figure under one has changed.

import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { correctedReport, figureValues } from '../lib/corrections/apply';
import { correctionSentence } from '../lib/corrections/describe';
import type { Report } from '../lib/report/contract';
import { regionInScope, type Account } from './accounts';
import type { Db } from './client';
import { syncReportFacts } from './facts';
import { writeDerived, type Tx } from './ingest';
import { accounts, corrections, reports } from './schema';

type Writer = Db | Tx;

export const MAX_REASON_CHARS = 500;

export interface LiveCorrection {
  id: number;
  path: string;
  /** the figure as printed when it was corrected */
  printed: number | null;
  value: number | null;
  reason: string;
  createdAt: Date;
}

export interface CorrectionRecord extends LiveCorrection {
  by: string | null;
  undoneAt: Date | null;
  undoneBy: string | null;
  /** the figure as the report prints it now (a re-parse may have changed it) */
  printedNow: number | null | undefined;
}

/** The live correction of each figure of these reports: the latest not undone. */
export async function liveCorrections(db: Writer, reportIds: readonly number[]): Promise<Map<number, Map<string, LiveCorrection>>> {
  const out = new Map<number, Map<string, LiveCorrection>>();
  if (reportIds.length === 0) return out;
  const rows = await db
    .select({ id: corrections.id, reportId: corrections.reportId, path: corrections.path, printed: corrections.printed, value: corrections.value, reason: corrections.reason, createdAt: corrections.createdAt })
    .from(corrections)
    .where(and(inArray(corrections.reportId, [...reportIds]), isNull(corrections.undoneAt)))
    .orderBy(corrections.id);
  for (const { reportId, ...c } of rows) {
    const byPath = out.get(reportId) ?? new Map<string, LiveCorrection>();
    byPath.set(c.path, c); // later ids replace earlier ones
    out.set(reportId, byPath);
  }
  return out;
}

/** Every correction of a report, newest first, with who made and undid it. */
export async function correctionHistory(db: Db, reportId: number): Promise<CorrectionRecord[]> {
  const undoer = sql<string | null>`(select a.name from accounts a where a.id = ${corrections.undoneBy})`;
  const rows = await db
    .select({
      id: corrections.id,
      path: corrections.path,
      printed: corrections.printed,
      value: corrections.value,
      reason: corrections.reason,
      createdAt: corrections.createdAt,
      by: accounts.name,
      undoneAt: corrections.undoneAt,
      undoneBy: undoer,
    })
    .from(corrections)
    .leftJoin(accounts, eq(accounts.id, corrections.accountId))
    .where(eq(corrections.reportId, reportId))
    .orderBy(desc(corrections.id));
  const [report] = await db.select({ document: reports.document }).from(reports).where(eq(reports.id, reportId));
  const printedNow = report ? figureValues(report.document) : new Map<string, number | null>();
  return rows.map((r) => ({ ...r, printedNow: printedNow.get(r.path) }));
}

/**
 * Derives a report version from its printed document and its live corrections: the effective
 * document, figures, checks, warnings and facts. Called inside the transaction of every write
 * that changes either.
 */
export async function refreshCorrected(tx: Tx, reportId: number, printed?: Report): Promise<Report> {
  const [row] = await tx.select({ document: reports.document, identityKey: reports.identityKey }).from(reports).where(eq(reports.id, reportId));
  const document = printed ?? row.document;
  const live = [...((await liveCorrections(tx, [reportId])).get(reportId)?.values() ?? [])];
  const effective = live.length ? correctedReport(document, live) : null;
  await tx.update(reports).set({ effective }).where(eq(reports.id, reportId));
  await writeDerived(tx, reportId, effective ?? document);
  await syncReportFacts(tx, [row.identityKey]);
  return effective ?? document;
}

export type CorrectionOutcome = { ok: true; id: number; reportId: number } | { ok: false; status: 403 | 404 | 422; error: string };

async function reportInScope(db: Writer, account: Account, reportId: number) {
  const [report] = await db.select({ id: reports.id, regionId: reports.regionId, document: reports.document }).from(reports).where(eq(reports.id, reportId));
  if (!report) return null;
  return (await regionInScope(db as Db, account, report.regionId)) ? report : 'out-of-scope';
}

/** Corrects one figure of a report version, with a reason. */
export async function addCorrection(db: Db, account: Account, input: { reportId: number; path: string; value: number | null; reason: string }): Promise<CorrectionOutcome> {
  const reason = input.reason.trim();
  if (!reason) return { ok: false, status: 422, error: '请填写更正原因' };
  if (reason.length > MAX_REASON_CHARS) return { ok: false, status: 422, error: `更正原因不能超过 ${MAX_REASON_CHARS} 字` };
  if (input.value !== null && (!Number.isFinite(input.value) || input.value < 0 || input.value > 1e12)) return { ok: false, status: 422, error: '更正后的数字应为不小于 0 的数' };
  return db.transaction(async (tx) => {
    const report = await reportInScope(tx, account, input.reportId);
    if (!report) return { ok: false, status: 404, error: '找不到这份报告' };
    if (report === 'out-of-scope') return { ok: false, status: 403, error: '此报告不属于您可管理的地区' };
    const printed = figureValues(report.document);
    if (!printed.has(input.path)) return { ok: false, status: 422, error: '这份报告没有这个数字' };
    const live = (await liveCorrections(tx, [input.reportId])).get(input.reportId)?.get(input.path);
    const current = live ? live.value : printed.get(input.path)!;
    if (current === input.value) return { ok: false, status: 422, error: '更正后的数字与现在的相同' };
    const [row] = await tx
      .insert(corrections)
      .values({ reportId: input.reportId, path: input.path, printed: printed.get(input.path)!, value: input.value, reason, accountId: account.id })
      .returning({ id: corrections.id });
    await refreshCorrected(tx, input.reportId, report.document);
    return { ok: true, id: row.id, reportId: input.reportId };
  });
}

/** Undoes a live correction: the figure goes back to what it was before it (printed, or an earlier correction). */
export async function undoCorrection(db: Db, account: Account, correctionId: number): Promise<CorrectionOutcome> {
  return db.transaction(async (tx) => {
    const [c] = await tx.select({ reportId: corrections.reportId, undoneAt: corrections.undoneAt }).from(corrections).where(eq(corrections.id, correctionId));
    if (!c) return { ok: false, status: 404, error: '找不到这条更正' };
    const report = await reportInScope(tx, account, c.reportId);
    if (!report) return { ok: false, status: 404, error: '找不到这份报告' };
    if (report === 'out-of-scope') return { ok: false, status: 403, error: '此报告不属于您可管理的地区' };
    if (c.undoneAt) return { ok: false, status: 422, error: '这条更正已经撤销' };
    await tx.update(corrections).set({ undoneAt: new Date(), undoneBy: account.id }).where(eq(corrections.id, correctionId));
    await refreshCorrected(tx, c.reportId, report.document);
    return { ok: true, id: correctionId, reportId: c.reportId };
  });
}

export interface CorrectionNote {
  reportId: number;
  year: number | null;
  /** 表四「行政复议」总计印为 0，更正为 11 */
  sentence: string;
  reason: string;
}

/** The live corrections of these reports in words, for pages and exports outside the report page. */
export async function correctionNotes(db: Db, reportIds: readonly number[]): Promise<CorrectionNote[]> {
  if (reportIds.length === 0) return [];
  const live = await liveCorrections(db, reportIds);
  if (live.size === 0) return [];
  const docs = await db.select({ id: reports.id, year: reports.year, document: reports.document }).from(reports).where(inArray(reports.id, [...live.keys()]));
  return docs
    .sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || a.id - b.id)
    .flatMap((d) => [...live.get(d.id)!.values()].map((c) => ({ reportId: d.id, year: d.year, sentence: correctionSentence(c, d.document), reason: c.reason })));
}
