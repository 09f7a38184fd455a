// Ingest: a file in, its report stored, in one transaction. Every file is kept (a file that
// cannot be parsed is stored with its error). A file whose report matches a stored one is a
// copy of it; the same identity with other figures is a new version, and the newer is current.

import { createHash } from 'node:crypto';
import { and, eq, inArray, like, sql } from 'drizzle-orm';
import { crossYearChecks } from '../lib/checks/cross-year';
import { ReportReadError } from '../lib/formats/errors';
import { detectFormat } from '../lib/formats/index';
import { parseReportBytes } from '../lib/parse/file';
import { PARSER_VERSION } from '../lib/parse/report';
import type { CheckResult, Report } from '../lib/report/contract';
import { reportFigures, type Figure } from '../lib/report/figures';
import type { Db } from './client';
import { regionForReport } from './regions';
import { checkResults, figures, reports, reportWarnings, sourceFiles } from './schema';

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
  const a = new Map(reportFigures(before).map((f) => [f.path, f.value]));
  const b = new Map(reportFigures(after).map((f) => [f.path, f.value]));
  const changes: FigureChange[] = [];
  for (const path of new Set([...a.keys(), ...b.keys()])) {
    if (a.get(path) !== b.get(path)) changes.push({ path, before: a.get(path), after: b.get(path) });
  }
  return changes.sort((x, y) => (x.path < y.path ? -1 : 1));
}

const failedHard = (checks: CheckResult[]) => checks.filter((c) => !c.ok && c.severity === 'hard').map((c) => c.id);
const completeness = (r: Report): 'complete' | 'tables' | 'prose' => (r.tables.length === 3 ? 'complete' : r.tables.length > 0 ? 'tables' : 'prose');

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

/** Figures, checks and warnings of one report version (replacing any stored ones). */
export async function writeDerived(tx: Tx, reportId: number, report: Report): Promise<void> {
  await tx.delete(figures).where(eq(figures.reportId, reportId));
  await tx.delete(checkResults).where(and(eq(checkResults.reportId, reportId), sql`${checkResults.checkId} not like 'crossYear.%'`));
  await tx.delete(reportWarnings).where(eq(reportWarnings.reportId, reportId));
  const rows = reportFigures(report).map((f) => figureRow(reportId, report, f));
  for (let i = 0; i < rows.length; i += 500) await tx.insert(figures).values(rows.slice(i, i + 500));
  if (report.checks.length) {
    await tx.insert(checkResults).values(report.checks.map((c) => ({ reportId, checkId: c.id, ok: c.ok, severity: c.severity, detail: c.detail ?? null, failures: c.failures ?? null })));
  }
  if (report.warnings.length) {
    await tx.insert(reportWarnings).values(report.warnings.map((w) => ({ reportId, code: w.code, message: w.message, line: w.line })));
  }
}

function identityKey(regionId: number | null, report: Report, fileSha: string): string {
  if (regionId === null || report.year === null) return `file:${fileSha}`;
  const body = report.scope === 'department' || report.scope === 'township' ? 'body' : report.scope;
  return `${regionId}|${report.year}|${body}`;
}

interface Placement {
  kind: 'stored' | 'copy' | 'version';
  reportId: number;
  changes?: FigureChange[];
}

/** Finds or creates the report version a parsed file belongs to. */
async function placeReport(tx: Tx, report: Report, fileSha: string): Promise<Placement> {
  const regionId = await regionForReport(tx, report);
  const key = identityKey(regionId, report, fileSha);
  const hash = figuresHash(report);

  // a copy: same place and year with the same figures (a mirror may not tell the scope)
  if (regionId !== null && report.year !== null) {
    const [copy] = await tx
      .select({ id: reports.id })
      .from(reports)
      .where(and(eq(reports.regionId, regionId), eq(reports.year, report.year), eq(reports.figuresHash, hash), eq(reports.isCurrent, true)));
    if (copy) return { kind: 'copy', reportId: copy.id };
  }
  const [current] = await tx.select().from(reports).where(and(eq(reports.identityKey, key), eq(reports.isCurrent, true)));
  if (current?.figuresHash === hash) return { kind: 'copy', reportId: current.id };

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
    status: failedHard(report.checks).length ? ('checks_failed' as const) : ('parsed' as const),
    completeness: completeness(report),
    parserVersion: PARSER_VERSION,
    document: report,
  };
  if (current) await tx.update(reports).set({ isCurrent: false }).where(eq(reports.id, current.id));
  const [row] = await tx.insert(reports).values(values).returning({ id: reports.id });
  await writeDerived(tx, row.id, report);
  if (regionId !== null && report.year !== null) await refreshCrossYear(tx, key, report.year);
  return current ? { kind: 'version', reportId: row.id, changes: diffFigures(current.document, report) } : { kind: 'stored', reportId: row.id };
}

/** Re-derives the cross-year checks of the years around `year` for one identity. */
export async function refreshCrossYear(tx: Tx, key: string, year: number): Promise<void> {
  const [regionId, , scope] = key.split('|');
  const neighbours = await tx
    .select({ id: reports.id, year: reports.year, document: reports.document })
    .from(reports)
    .where(and(like(reports.identityKey, `${regionId}|%|${scope}`), eq(reports.isCurrent, true), inArray(reports.year, [year - 1, year, year + 1])));
  const byYear = new Map(neighbours.map((r) => [r.year!, r]));
  for (const y of [year, year + 1]) {
    const cur = byYear.get(y);
    if (!cur) continue;
    await tx.delete(checkResults).where(and(eq(checkResults.reportId, cur.id), like(checkResults.checkId, 'crossYear.%')));
    const prev = byYear.get(y - 1);
    if (!prev) continue;
    const checks = crossYearChecks(prev.document, cur.document);
    if (checks.length) {
      await tx.insert(checkResults).values(checks.map((c) => ({ reportId: cur.id, checkId: c.id, ok: c.ok, severity: c.severity, detail: c.detail ?? null, failures: c.failures ?? null, otherReportId: prev.id })));
    }
  }
}

export async function ingestFile(db: Db, input: FileInput): Promise<IngestResult> {
  const sha = sha256(input.bytes);
  const [known] = await db.select({ id: sourceFiles.id, hasBytes: sql<boolean>`${sourceFiles.bytes} is not null`, reportId: sourceFiles.reportId }).from(sourceFiles).where(eq(sourceFiles.sha256, sha));
  if (known?.hasBytes) return { kind: 'unchanged', file: input.name, reportId: known.reportId ?? undefined };

  let parsed: Awaited<ReturnType<typeof parseReportBytes>> | null = null;
  let error: string | null = null;
  try {
    parsed = await parseReportBytes(input.bytes, input.name);
  } catch (err) {
    error = err instanceof ReportReadError ? err.message : `parser error: ${err instanceof Error ? err.message : String(err)}`;
  }

  return db.transaction(async (tx) => {
    if (known) {
      // a bundled report's file arrives: it gains its bytes and text
      await tx.update(sourceFiles).set({ bytes: input.bytes, text: parsed?.text ?? null, encoding: parsed?.encoding ?? null, url: input.url ?? undefined }).where(eq(sourceFiles.id, known.id));
      return { kind: 'text-attached', file: input.name, reportId: known.reportId ?? undefined };
    }
    if (!parsed) {
      const detected = detectFormat(input.bytes, input.name);
      const format = detected === 'text' || detected === 'html' || detected === 'pdf' || detected === 'docx' ? detected : 'unknown';
      await tx.insert(sourceFiles).values({ sha256: sha, bytes: input.bytes, name: input.name, format, size: input.bytes.length, url: input.url ?? null, status: 'failed', error, parserVersion: PARSER_VERSION });
      return { kind: 'failed', file: input.name, error: error ?? 'unknown error' };
    }
    const placement = await placeReport(tx, parsed.report, sha);
    const failed = failedHard(parsed.report.checks);
    await tx.insert(sourceFiles).values({
      sha256: sha,
      bytes: input.bytes,
      name: input.name,
      format: parsed.format,
      size: input.bytes.length,
      url: input.url ?? null,
      encoding: parsed.encoding ?? null,
      text: parsed.text,
      status: failed.length ? 'checks_failed' : 'parsed',
      parserVersion: PARSER_VERSION,
      reportId: placement.reportId,
      role: placement.kind === 'copy' ? 'copy' : 'original',
    });
    return { kind: placement.kind, file: input.name, reportId: placement.reportId, failedChecks: failed, changes: placement.changes };
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
      status: failed.length ? 'checks_failed' : 'parsed',
      parserVersion: PARSER_VERSION,
      reportId: placement.reportId,
      role: placement.kind === 'copy' ? 'copy' : 'original',
      bundled: true,
    });
    return { kind: placement.kind, file: input.name, reportId: placement.reportId, failedChecks: failed, changes: placement.changes };
  });
}
