// Re-deriving every stored report from its source file with the current parser. A report
// version is compared, row by row, with what its original file gives now; any difference
// (a better parser, or a damaged row) is replaced. Files that failed before are tried again
// and placed as ingest would place them. One transaction per report.

import { and, asc, eq, inArray, isNotNull, notLike } from 'drizzle-orm';
import type { ParsedFile } from '../lib/parse/file';
import { PARSER_VERSION } from '../lib/parse/report';
import type { Report } from '../lib/report/contract';
import { reportFigures } from '../lib/report/figures';
import { assignIdentity } from '../lib/upload/assign';
import { correctedReport } from '../lib/corrections/apply';
import type { Db } from './client';
import { liveCorrections, refreshCorrected } from './corrections';
import { syncReportFacts } from './facts';
import {
  completeness,
  diffFigureValues,
  figureRows,
  figuresHash,
  identityKey,
  parsedFileColumns,
  parseFile,
  placeReport,
  refreshCrossYear,
  reportStatus,
  retryOnConflict,
  writeDerived,
  type FigureChange,
  type Placement,
  type Tx,
} from './ingest';
import { regionForReport } from './regions';
import { checkResults, corrections, figures, reports, reportWarnings, sourceFiles, type ReportRow } from './schema';

export type ReparseOutcome =
  | { kind: 'unchanged'; reportId: number; file: string }
  /** `aspects`: what else differed (checks, warnings, source lines, identity, document …); `moved`: its identity changed */
  | { kind: 'changed'; reportId: number; file: string; changes: FigureChange[]; aspects: string[]; moved?: Placement }
  /** parsed before, fails now: the stored report is kept as it was */
  | { kind: 'now-failing'; reportId: number; file: string; error: string }
  | { kind: 'parsed'; file: string; placement: Placement }
  | { kind: 'still-failing'; file: string; error: string }
  /** a bundled report whose file was never ingested */
  | { kind: 'no-text'; reportId: number; file: string | null }
  /** the database refused (not a parser problem) */
  | { kind: 'error'; file: string; error: string };

export interface ReparseHooks {
  total?(n: number): void;
  start?(n: number, label: string): void;
  done?(n: number, label: string, outcome: ReparseOutcome): void;
  /** asked before each item: true stops the run (Ctrl-C) */
  stop?(): boolean;
}

type Item = { kind: 'report'; id: number; label: string } | { kind: 'failed-file'; id: number; label: string };

export async function reparseAll(db: Db, hooks: ReparseHooks = {}, describe: (err: unknown) => string = String): Promise<ReparseOutcome[]> {
  const versions = await db
    .select({ id: reports.id, name: sourceFiles.name })
    .from(reports)
    .leftJoin(sourceFiles, and(eq(sourceFiles.reportId, reports.id), eq(sourceFiles.role, 'original')))
    .orderBy(asc(reports.id));
  const failed = await db
    .select({ id: sourceFiles.id, name: sourceFiles.name })
    .from(sourceFiles)
    .where(and(eq(sourceFiles.status, 'failed'), isNotNull(sourceFiles.bytes)))
    .orderBy(asc(sourceFiles.id));
  const reportItems = new Map<number, Item>();
  for (const v of versions) if (!reportItems.has(v.id)) reportItems.set(v.id, { kind: 'report', id: v.id, label: v.name ?? `report ${v.id}` });
  const items: Item[] = [...reportItems.values(), ...failed.map((f): Item => ({ kind: 'failed-file', id: f.id, label: f.name }))];
  hooks.total?.(items.length);
  const outcomes: ReparseOutcome[] = [];
  for (const [i, item] of items.entries()) {
    if (hooks.stop?.()) break;
    hooks.start?.(i + 1, item.label);
    let outcome: ReparseOutcome | null;
    try {
      outcome = item.kind === 'report' ? await reparseVersion(db, item.id) : await reparseFailedFile(db, item.id);
    } catch (err) {
      outcome = { kind: 'error', file: item.label, error: describe(err) };
    }
    if (!outcome) continue; // gone meanwhile
    outcomes.push(outcome);
    hooks.done?.(i + 1, item.label, outcome);
  }
  return outcomes;
}

/** A JSON round trip: the document exactly as the database will hand it back. */
const plain = (report: Report): Report => JSON.parse(JSON.stringify(report)) as Report;

/** JSON with sorted keys, so that jsonb (which reorders keys) compares equal to its source. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

const sameRows = (a: unknown[], b: unknown[]) => {
  const key = (rows: unknown[]) => rows.map(canonical).sort().join('\n');
  return key(a) === key(b);
};

export async function reparseVersion(db: Db, reportId: number): Promise<ReparseOutcome | null> {
  const [file] = await db
    .select({ id: sourceFiles.id, name: sourceFiles.name, sha256: sourceFiles.sha256, bytes: sourceFiles.bytes, assigned: sourceFiles.assigned })
    .from(sourceFiles)
    .where(and(eq(sourceFiles.reportId, reportId), eq(sourceFiles.role, 'original'), isNotNull(sourceFiles.bytes)))
    .limit(1);
  if (!file?.bytes) {
    const [any] = await db.select({ name: sourceFiles.name }).from(sourceFiles).where(eq(sourceFiles.reportId, reportId)).limit(1);
    return { kind: 'no-text', reportId, file: any?.name ?? null };
  }
  const outcome = await parseFile(file.bytes, file.name);
  if (!outcome.parsed) return { kind: 'now-failing', reportId, file: file.name, error: outcome.error };
  // what staff set at upload is applied again: the file still does not say it
  const report = assignIdentity(plain(outcome.parsed.report), file.assigned);
  return rewriteVersion(db, reportId, file, report, parsedFileColumns({ ...outcome.parsed, report }));
}

/** The columns of a source file that come from its report (parse, or bundled figures). */
type FileColumns = Partial<typeof sourceFiles.$inferInsert>;

/**
 * Makes a stored version hold `report`, the report its original file now gives: rewritten in
 * place when the identity stays, moved when it does not. Shared by reparse (a file's new parse)
 * and the bundled data (a bundle made by a newer parser).
 */
export async function rewriteVersion(
  db: Db,
  reportId: number,
  file: { id: number; name: string; sha256: string },
  report: Report,
  fileColumns: FileColumns,
): Promise<ReparseOutcome | null> {
  return retryOnConflict(() =>
    db.transaction(async (tx): Promise<ReparseOutcome | null> => {
      const [row] = await tx.select().from(reports).where(eq(reports.id, reportId));
      if (!row) return null;
      const regionId = await regionForReport(tx, report);
      const key = identityKey(regionId, report, file.sha256);
      // staff's corrections stay: the derived rows are those of the corrected report
      const live = [...((await liveCorrections(tx, [reportId])).get(reportId)?.values() ?? [])];
      const effective = live.length ? correctedReport(report, live) : null;
      const derived = effective ?? report;
      const stored = await storedFigureValues(tx, reportId);
      const changes = diffFigureValues(stored, new Map(reportFigures(derived).map((f) => [f.path, f.value])));

      if (key !== row.identityKey) {
        const moved = await moveVersion(tx, row, report, file, fileColumns);
        return { kind: 'changed', reportId, file: file.name, changes, aspects: ['identity'], moved };
      }
      const aspects = await differences(tx, row, regionId, report, derived);
      if (changes.length === 0 && aspects.length === 0) {
        if (row.parserVersion !== PARSER_VERSION) {
          await tx.update(reports).set({ parserVersion: PARSER_VERSION }).where(eq(reports.id, reportId));
          await tx.update(sourceFiles).set({ parserVersion: PARSER_VERSION }).where(eq(sourceFiles.id, file.id));
        }
        return { kind: 'unchanged', reportId, file: file.name };
      }
      await tx
        .update(reports)
        .set({
          regionId,
          year: report.year,
          scope: report.scope,
          issuer: report.issuer,
          template: report.template,
          figuresHash: figuresHash(report),
          status: reportStatus(report),
          completeness: completeness(report),
          parserVersion: PARSER_VERSION,
          document: report,
          effective,
        })
        .where(eq(reports.id, reportId));
      await writeDerived(tx, reportId, derived);
      await tx.update(sourceFiles).set(fileColumns).where(eq(sourceFiles.id, file.id));
      await refreshCrossYear(tx, key, report.year);
      await syncReportFacts(tx, [key]);
      return { kind: 'changed', reportId, file: file.name, changes, aspects };
    }),
  );
}

async function storedFigureValues(tx: Tx, reportId: number): Promise<Map<string, number | null>> {
  const rows = await tx.select({ path: figures.path, value: figures.value }).from(figures).where(eq(figures.reportId, reportId));
  return new Map(rows.map((r) => [r.path, r.value]));
}

/** What the stored version holds that the new parse does not give (figure values aside). */
/** `derived`: the report the rows come from (the corrected one when staff corrected a figure). */
async function differences(tx: Tx, row: ReportRow, regionId: number | null, report: Report, derived: Report): Promise<string[]> {
  const aspects: string[] = [];
  if (row.regionId !== regionId || row.year !== report.year || row.scope !== report.scope || row.issuer !== report.issuer) aspects.push('identity');
  if (row.template !== report.template) aspects.push('template');
  if (row.figuresHash !== figuresHash(report) || row.status !== reportStatus(report) || row.completeness !== completeness(report)) aspects.push('status');

  const figureRowsNow = await tx
    .select({ path: figures.path, tableName: figures.tableName, rowKey: figures.rowKey, columnKey: figures.columnKey, value: figures.value, line: figures.line })
    .from(figures)
    .where(eq(figures.reportId, row.id));
  const expected = figureRows(row.id, derived).map(({ reportId: _, ...rest }) => rest);
  if (!sameRows(figureRowsNow, expected)) aspects.push('figure rows');

  const checks = await tx
    .select({ id: checkResults.checkId, ok: checkResults.ok, severity: checkResults.severity, detail: checkResults.detail, failures: checkResults.failures })
    .from(checkResults)
    .where(and(eq(checkResults.reportId, row.id), notLike(checkResults.checkId, 'crossYear.%')));
  const expectedChecks = derived.checks.map((c) => ({ id: c.id, ok: c.ok, severity: c.severity, detail: c.detail ?? null, failures: c.failures ?? null }));
  if (!sameRows(checks, expectedChecks)) aspects.push('checks');

  const warnings = await tx.select({ code: reportWarnings.code, message: reportWarnings.message, line: reportWarnings.line }).from(reportWarnings).where(eq(reportWarnings.reportId, row.id));
  if (!sameRows(warnings, derived.warnings)) aspects.push('warnings');

  if (canonical(row.document) !== canonical(report) || canonical(row.effective) !== canonical(derived === report ? null : derived)) aspects.push('document');
  return aspects;
}

/**
 * The file now tells another region, year or scope: the version leaves its old identity (the
 * version it superseded becomes current again) and its files are placed as ingest would.
 */
async function moveVersion(tx: Tx, row: ReportRow, report: Report, original: { id: number; sha256: string }, fileColumns: FileColumns): Promise<Placement> {
  const attached = await tx.select({ id: sourceFiles.id }).from(sourceFiles).where(eq(sourceFiles.reportId, row.id));
  // corrections would go with the row (on delete cascade): kept, and moved to where the file goes
  const kept = await tx.select().from(corrections).where(eq(corrections.reportId, row.id));
  await tx.update(sourceFiles).set({ reportId: null }).where(eq(sourceFiles.reportId, row.id));
  await tx.update(reports).set({ supersedesId: row.supersedesId }).where(eq(reports.supersedesId, row.id));
  await tx.delete(checkResults).where(eq(checkResults.otherReportId, row.id));
  if (row.isCurrent && row.supersedesId !== null) await tx.update(reports).set({ isCurrent: true }).where(eq(reports.id, row.supersedesId));
  await tx.delete(figures).where(eq(figures.reportId, row.id)); // no foreign key to cascade (db/schema.ts)
  await tx.delete(reports).where(eq(reports.id, row.id));
  await refreshCrossYear(tx, row.identityKey, row.year);
  await syncReportFacts(tx, [row.identityKey]);

  const placement = await placeReport(tx, report, original.sha256);
  await tx
    .update(sourceFiles)
    .set({ ...fileColumns, reportId: placement.reportId, role: placement.kind === 'copy' ? 'copy' : 'original' })
    .where(eq(sourceFiles.id, original.id));
  const copies = attached.map((a) => a.id).filter((id) => id !== original.id);
  if (copies.length) await tx.update(sourceFiles).set({ reportId: placement.reportId, role: 'copy' }).where(inArray(sourceFiles.id, copies));
  if (kept.length) {
    await tx.insert(corrections).values(kept.map(({ id: _, ...c }) => ({ ...c, reportId: placement.reportId })));
    await refreshCorrected(tx, placement.reportId);
  }
  return placement;
}

export async function reparseFailedFile(db: Db, fileId: number): Promise<ReparseOutcome | null> {
  const [file] = await db
    .select({ name: sourceFiles.name, sha256: sourceFiles.sha256, bytes: sourceFiles.bytes, error: sourceFiles.error, parserVersion: sourceFiles.parserVersion })
    .from(sourceFiles)
    .where(and(eq(sourceFiles.id, fileId), eq(sourceFiles.status, 'failed')));
  if (!file?.bytes) return null;
  const outcome = await parseFile(file.bytes, file.name);
  if (!outcome.parsed) {
    if (outcome.error !== file.error || file.parserVersion !== PARSER_VERSION) {
      await db.update(sourceFiles).set({ error: outcome.error, parserVersion: PARSER_VERSION }).where(eq(sourceFiles.id, fileId));
    }
    return { kind: 'still-failing', file: file.name, error: outcome.error };
  }
  const parsed = outcome.parsed;
  return retryOnConflict(() =>
    db.transaction(async (tx): Promise<ReparseOutcome | null> => {
      const [still] = await tx.select({ status: sourceFiles.status }).from(sourceFiles).where(eq(sourceFiles.id, fileId));
      if (still?.status !== 'failed') return null;
      const placement = await placeReport(tx, parsed.report, file.sha256);
      await tx
        .update(sourceFiles)
        .set({ ...parsedFileColumns(parsed), reportId: placement.reportId, role: placement.kind === 'copy' ? 'copy' : 'original' })
        .where(eq(sourceFiles.id, fileId));
      return { kind: 'parsed', file: file.name, placement };
    }),
  );
}
