// Ingest: a file in, its report stored, in one transaction. Every file is kept (a file that
// cannot be parsed is stored with its error). A file whose report matches a stored one is a
// copy of it; the same identity with other figures is a new version, and the newer is current.

import { createHash } from 'node:crypto';
import { and, desc, eq, inArray, like, sql } from 'drizzle-orm';
import { crossYearChecks } from '../lib/checks/cross-year';
import { detectFormat } from '../lib/formats/index';
import type { ParsedFile } from '../lib/parse/file';
import { parseFile, type ParseOutcome } from '../lib/ingest/outcome';
import { PARSER_VERSION } from '../lib/parse/report';
import type { CheckResult, Report } from '../lib/report/contract';
import { reportFigures, type Figure } from '../lib/report/figures';
import { assignIdentity, assignsNothing, type IdentityAssignment } from '../lib/upload/assign';
import type { Db } from './client';
import { syncReportFacts } from './facts';
import { regionForReport } from './regions';
import { checkResults, figures, reports, reportWarnings, sourceFiles } from './schema';
import { insertJsonRows } from './sql';

export { notAReport, parseFile, type ParseOutcome } from '../lib/ingest/outcome';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type IngestKind = 'stored' | 'copy' | 'version' | 'unchanged' | 'text-attached' | 'failed';

export interface FigureChange {
  path: string;
  before: number | null | undefined;
  after: number | null | undefined;
}

export interface IngestResult {
  kind: IngestKind;
  file: string;
  reportId?: number;
  error?: string;
  /** hard checks that failed in the stored report */
  failedChecks?: string[];
  /** for a new version: the figures that differ from the version it replaces */
  changes?: FigureChange[];
}

export interface FileInput {
  bytes: Uint8Array;
  name: string;
  url?: string | null;
}

/** A report whose figures are shipped without the report's text (data/bundle). */
export interface BundledInput {
  name: string;
  sha256: string;
  size: number;
  format: 'text' | 'html' | 'pdf' | 'docx';
  url: string | null;
  report: Report;
}

export const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

export function figuresHash(report: Report): string {
  const pairs = reportFigures(report)
    .map((f) => [f.path, f.value] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return sha256(JSON.stringify([report.template, pairs]));
}

export function diffFigures(before: Report, after: Report): FigureChange[] {
  return diffFigureValues(new Map(reportFigures(before).map((f) => [f.path, f.value])), new Map(reportFigures(after).map((f) => [f.path, f.value])));
}

/** path → value maps compared: every path whose value differs or that only one side has */
export function diffFigureValues(a: ReadonlyMap<string, number | null>, b: ReadonlyMap<string, number | null>): FigureChange[] {
  const changes: FigureChange[] = [];
  for (const path of new Set([...a.keys(), ...b.keys()])) {
    if (a.get(path) !== b.get(path)) changes.push({ path, before: a.get(path), after: b.get(path) });
  }
  return changes.sort((x, y) => (x.path < y.path ? -1 : 1));
}

export const failedHard = (checks: CheckResult[]) => checks.filter((c) => !c.ok && c.severity === 'hard').map((c) => c.id);
export const completeness = (r: Report): 'complete' | 'tables' | 'prose' => (r.tables.length === 3 ? 'complete' : r.tables.length > 0 ? 'tables' : 'prose');
export const reportStatus = (r: Report): 'parsed' | 'checks_failed' => (failedHard(r.checks).length ? 'checks_failed' : 'parsed');

/** proactive.fees.amountWan, applications.denied.stateSecret[0], activity.hotlines[0].received */
export function splitFigurePath(path: string): { tableName: 'proactive' | 'applications' | 'appeals' | 'activity'; rowKey: string; columnKey: string } {
  const dot = path.indexOf('.');
  const tableName = path.slice(0, dot) as 'proactive' | 'applications' | 'appeals' | 'activity';
  const rest = path.slice(dot + 1);
  const cell = /^(.+)\[(\d+)\]$/u.exec(rest);
  if (cell) return { tableName, rowKey: cell[1], columnKey: cell[2] };
  const last = rest.lastIndexOf('.');
  if (last < 0) return { tableName, rowKey: rest, columnKey: '' };
  if (tableName === 'proactive') {
    const first = rest.indexOf('.');
    return { tableName, rowKey: rest.slice(0, first), columnKey: rest.slice(first + 1) };
  }
  return { tableName, rowKey: rest.slice(0, last), columnKey: rest.slice(last + 1) };
}

function figureRow(reportId: number, report: Report, f: Figure) {
  return { reportId, path: f.path, ...splitFigurePath(f.path), value: f.value, line: report.sources[f.path] ?? null };
}

/** The rows of `figures` a report gives. */
export const figureRows = (reportId: number, report: Report) => reportFigures(report).map((f) => figureRow(reportId, report, f));

const FIGURE_COLUMNS = { report_id: 'integer', path: 'text', table_name: 'text', row_key: 'text', column_key: 'text', value: 'double precision', line: 'integer' };
const CHECK_COLUMNS = { report_id: 'integer', check_id: 'text', ok: 'boolean', severity: 'text', detail: 'text', failures: 'jsonb', other_report_id: 'integer' };
const WARNING_COLUMNS = { report_id: 'integer', code: 'text', message: 'text', line: 'integer' };

/** check_results rows of a report's checks (cross-year ones name the other report). */
export async function insertChecks(tx: Tx, reportId: number, checks: readonly CheckResult[], otherReportId: number | null = null): Promise<void> {
  const rows = checks.map((c) => ({ report_id: reportId, check_id: c.id, ok: c.ok, severity: c.severity, detail: c.detail ?? null, failures: c.failures ?? null, other_report_id: otherReportId }));
  await insertJsonRows(tx, 'check_results', CHECK_COLUMNS, rows);
}

/**
 * Figures, checks and warnings of one report version, replacing any stored ones (`fresh`: the
 * version was just created, so there are none to replace).
 */
export async function writeDerived(tx: Tx, reportId: number, report: Report, { fresh = false } = {}): Promise<void> {
  if (!fresh) {
    await tx.delete(figures).where(eq(figures.reportId, reportId));
    await tx.delete(checkResults).where(and(eq(checkResults.reportId, reportId), sql`${checkResults.checkId} not like 'crossYear.%'`));
    await tx.delete(reportWarnings).where(eq(reportWarnings.reportId, reportId));
  }
  const rows = figureRows(reportId, report).map((f) => ({ report_id: f.reportId, path: f.path, table_name: f.tableName, row_key: f.rowKey, column_key: f.columnKey, value: f.value, line: f.line }));
  await insertJsonRows(tx, 'figures', FIGURE_COLUMNS, rows);
  await insertChecks(tx, reportId, report.checks);
  await insertJsonRows(tx, 'report_warnings', WARNING_COLUMNS, report.warnings.map((w) => ({ report_id: reportId, code: w.code, message: w.message, line: w.line })));
}

export function identityKey(regionId: number | null, report: Report, fileSha: string): string {
  if (regionId === null || report.year === null) return `file:${fileSha}`;
  const body = report.scope === 'department' || report.scope === 'township' ? 'body' : report.scope;
  return `${regionId}|${report.year}|${body}`;
}

export interface Placement {
  kind: 'stored' | 'copy' | 'version';
  reportId: number;
  changes?: FigureChange[];
}

/** Finds or creates the report version a parsed file belongs to. */
export async function placeReport(tx: Tx, report: Report, fileSha: string): Promise<Placement> {
  const regionId = await regionForReport(tx, report);
  const key = identityKey(regionId, report, fileSha);
  const hash = figuresHash(report);

  // a copy: same place and year with the same figures (a mirror may not tell the scope). An
  // older version counts too: a mirror of the first edition must not undo the republished one.
  if (regionId !== null && report.year !== null) {
    const [copy] = await tx
      .select({ id: reports.id })
      .from(reports)
      .where(and(eq(reports.regionId, regionId), eq(reports.year, report.year), eq(reports.figuresHash, hash)))
      .orderBy(desc(reports.isCurrent), desc(reports.id))
      .limit(1);
    if (copy) return { kind: 'copy', reportId: copy.id };
  }
  const [current] = await tx
    .select({ id: reports.id, version: reports.version, figuresHash: reports.figuresHash })
    .from(reports)
    .where(and(eq(reports.identityKey, key), eq(reports.isCurrent, true)));
  if (current?.figuresHash === hash) return { kind: 'copy', reportId: current.id };
  const replaced = current ? (await tx.select({ document: reports.document }).from(reports).where(eq(reports.id, current.id)))[0].document : null;

  const values = {
    identityKey: key,
    regionId,
    year: report.year,
    scope: report.scope,
    issuer: report.issuer,
    template: report.template,
    version: current ? current.version + 1 : 1,
    isCurrent: true,
    supersedesId: current?.id ?? null,
    figuresHash: hash,
    status: reportStatus(report),
    completeness: completeness(report),
    parserVersion: PARSER_VERSION,
    document: report,
  };
  if (current) await tx.update(reports).set({ isCurrent: false }).where(eq(reports.id, current.id));
  const [row] = await tx.insert(reports).values(values).returning({ id: reports.id });
  await writeDerived(tx, row.id, report, { fresh: true });
  await refreshCrossYear(tx, key, report.year, { id: row.id, report });
  await syncReportFacts(tx, [key], { [key]: { id: row.id, report } });
  return replaced ? { kind: 'version', reportId: row.id, changes: diffFigures(replaced, report) } : { kind: 'stored', reportId: row.id };
}

/** The parts of a stored document the cross-year checks read (not its 200 figures and sources). */
const crossYearInput = sql<Pick<Report, 'year' | 'template' | 'applications' | 'proactive'>>`jsonb_build_object(
  'year', ${reports.document}->'year', 'template', ${reports.document}->'template',
  'applications', jsonb_build_object('carriedOver', ${reports.document}->'applications'->'carriedOver',
                                     'carriedForward', ${reports.document}->'applications'->'carriedForward'),
  'proactive', jsonb_build_object('regulations', ${reports.document}->'proactive'->'regulations',
                                  'normativeDocuments', ${reports.document}->'proactive'->'normativeDocuments'))`;

/**
 * Re-derives the cross-year checks of the years around `year` for one identity (none without
 * region and year). A writer that has just stored that year's version passes it as `placed`.
 */
export async function refreshCrossYear(tx: Tx, key: string, year: number | null, placed?: { id: number; report: Report }): Promise<void> {
  if (key.startsWith('file:') || year === null) return;
  const [regionId, , scope] = key.split('|');
  const neighbours = await tx
    .select({ id: reports.id, year: reports.year, document: crossYearInput })
    .from(reports)
    .where(and(like(reports.identityKey, `${regionId}|%|${scope}`), eq(reports.isCurrent, true), inArray(reports.year, placed ? [year - 1, year + 1] : [year - 1, year, year + 1])));
  const byYear = new Map(neighbours.map((r) => [r.year!, r]));
  if (placed) byYear.set(year, { id: placed.id, year, document: placed.report });
  for (const y of [year, year + 1]) {
    const cur = byYear.get(y);
    if (!cur) continue;
    // a version just stored has no cross-year checks yet
    if (!(placed && cur.id === placed.id)) await tx.delete(checkResults).where(and(eq(checkResults.reportId, cur.id), like(checkResults.checkId, 'crossYear.%')));
    const prev = byYear.get(y - 1);
    if (!prev) continue;
    await insertChecks(tx, cur.id, crossYearChecks(prev.document, cur.document), prev.id);
  }
}

/** The columns of a source file that come from parsing it. */
export function parsedFileColumns(parsed: ParsedFile) {
  return {
    format: parsed.format,
    encoding: parsed.encoding ?? null,
    text: parsed.text,
    status: reportStatus(parsed.report),
    error: null,
    parserVersion: PARSER_VERSION,
  };
}

export function failedFileColumns(bytes: Uint8Array, name: string, error: string) {
  const detected = detectFormat(bytes, name);
  const format = detected === 'text' || detected === 'html' || detected === 'pdf' || detected === 'docx' ? detected : ('unknown' as const);
  return { format, encoding: null, text: null, status: 'failed' as const, error, parserVersion: PARSER_VERSION };
}

/**
 * Unique violations, deadlocks and serialization failures: another writer (another process on
 * PostgreSQL, or a concurrent call in this one) stored the same file or report at the same
 * moment. Trying again then finds what it stored.
 */
export function isConcurrencyConflict(err: unknown): boolean {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (e.code === '23505' || e.code === '40P01' || e.code === '40001') return true;
  }
  return false;
}

/** Runs `work` again (up to three times in all) when it lost a race with another process. */
export async function retryOnConflict<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (attempt >= 3 || !isConcurrencyConflict(err)) throw err;
    }
  }
}

export interface IngestOptions {
  /** the file's parse, already started (bulk loads parse ahead in worker threads) */
  parsing?: Promise<ParseOutcome>;
  /** region, year or scope set by staff at upload (lib/upload/assign.ts) */
  assign?: IdentityAssignment;
  /** the staff account uploading the file */
  uploadedBy?: number;
  /**
   * Called with the region of the report the file belongs to: inside the transaction once the
   * report is placed, or before anything when the file is known already. An uploader limited to a
   * region throws here, and nothing of the file is stored.
   */
  authorize?: (db: Db | Tx, regionId: number | null) => Promise<void>;
}

export async function ingestFile(db: Db, input: FileInput, options: IngestOptions = {}): Promise<IngestResult> {
  const sha = sha256(input.bytes);
  let parsing = options.parsing;
  const parse = () => (parsing ??= parseFile(input.bytes, input.name));
  return retryOnConflict(() => ingestOnce(db, input, sha, parse, options));
}

async function ingestOnce(db: Db, input: FileInput, sha: string, parse: () => Promise<ParseOutcome>, options: IngestOptions): Promise<IngestResult> {
  const [known] = await db.select({ id: sourceFiles.id, hasBytes: sql<boolean>`${sourceFiles.bytes} is not null`, reportId: sourceFiles.reportId }).from(sourceFiles).where(eq(sourceFiles.sha256, sha));
  if (known && options.authorize) {
    const [report] = known.reportId === null ? [] : await db.select({ regionId: reports.regionId }).from(reports).where(eq(reports.id, known.reportId));
    await options.authorize(db, report?.regionId ?? null);
  }
  if (known?.hasBytes) return { kind: 'unchanged', file: input.name, reportId: known.reportId ?? undefined };
  const { parsed, error } = await parse();

  return db.transaction(async (tx) => {
    if (known) {
      // a bundled report's file arrives: it gains its bytes and text
      await tx.update(sourceFiles).set({ bytes: input.bytes, text: parsed?.text ?? null, encoding: parsed?.encoding ?? null, url: input.url ?? undefined }).where(eq(sourceFiles.id, known.id));
      return { kind: 'text-attached', file: input.name, reportId: known.reportId ?? undefined };
    }
    const file = { sha256: sha, bytes: input.bytes, name: input.name, size: input.bytes.length, url: input.url ?? null };
    if (!parsed) {
      await tx.insert(sourceFiles).values({ ...file, ...failedFileColumns(input.bytes, input.name, error) });
      return { kind: 'failed', file: input.name, error };
    }
    const report = assignIdentity(parsed.report, options.assign);
    const placement = await placeReport(tx, report, sha);
    if (options.authorize) {
      const [placed] = await tx.select({ regionId: reports.regionId }).from(reports).where(eq(reports.id, placement.reportId));
      await options.authorize(tx, placed?.regionId ?? null);
    }
    await tx.insert(sourceFiles).values({
      ...file,
      ...parsedFileColumns({ ...parsed, report }),
      reportId: placement.reportId,
      role: placement.kind === 'copy' ? 'copy' : 'original',
      uploadedBy: options.uploadedBy ?? null,
      assigned: assignsNothing(options.assign) ? null : options.assign,
    });
    return { kind: placement.kind, file: input.name, reportId: placement.reportId, failedChecks: failedHard(report.checks), changes: placement.changes };
  });
}

/** Stores a bundled report (figures without text) unless its file is already known. */
export async function ingestBundled(db: Db, input: BundledInput): Promise<IngestResult> {
  const [known] = await db.select({ id: sourceFiles.id, reportId: sourceFiles.reportId }).from(sourceFiles).where(eq(sourceFiles.sha256, input.sha256));
  if (known) return { kind: 'unchanged', file: input.name, reportId: known.reportId ?? undefined };
  return db.transaction(async (tx) => {
    const placement = await placeReport(tx, input.report, input.sha256);
    const failed = failedHard(input.report.checks);
    await tx.insert(sourceFiles).values({
      sha256: input.sha256,
      bytes: null,
      name: input.name,
      format: input.format,
      size: input.size,
      url: input.url,
      status: reportStatus(input.report),
      parserVersion: PARSER_VERSION,
      reportId: placement.reportId,
      role: placement.kind === 'copy' ? 'copy' : 'original',
      bundled: true,
    });
    return { kind: placement.kind, file: input.name, reportId: placement.reportId, failedChecks: failed, changes: placement.changes };
  });
}
