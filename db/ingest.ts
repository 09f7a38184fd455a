// Ingest: a file in, its report stored, in one transaction. Every file is kept (a file that
// cannot be parsed is stored with its error). A file whose report matches a stored one is a
// copy of it; the same identity with other figures is a new version, and the newer is current.

import { eq, sql, type SQL } from 'drizzle-orm';
import { detectFormat } from '../lib/formats/index';
import type { ParsedFile } from '../lib/parse/file';
import { parseFile, type ParseOutcome } from '../lib/ingest/outcome';
import { PARSER_VERSION } from '../lib/parse/report';
import type { CheckResult, Report } from '../lib/report/contract';
import { reportFigures } from '../lib/report/figures';
import { assignIdentity, assignsNothing, type IdentityAssignment } from '../lib/upload/assign';
import type { Db } from './client';
import { placedFactsStatement } from './facts';
import { regionForReport } from './regions';
import { encodeReport, sha256, type EncodedReport } from '../lib/report/encoding';
import {
  crossYearStatements,
  crossYearWrites,
  deleteDerivedStatements,
  derivedStatements,
  neighboursQuery,
  NEW_REPORT,
  newVersionStatement,
  type Neighbour,
  type NewVersion,
} from './report-writes';
import { reports, sourceFiles } from './schema';
import { parsedSourceFileStatement } from './source-file-writes';
import { rawExecute, rawRows } from './raw';
import { executeAll, selectRows } from './sql';

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

export { figuresHash, sha256 } from '../lib/report/encoding';

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

export { figureRows, splitFigurePath } from '../lib/report/encoding';

/**
 * Figures, checks and warnings of one report version, replacing any stored ones (`fresh`: the
 * version was just created, so there are none to replace).
 */
export async function writeDerived(tx: Tx, reportId: number, report: Report, { fresh = false } = {}): Promise<void> {
  await executeAll(tx, [...(fresh ? [] : deleteDerivedStatements(reportId)), ...derivedStatements(reportId, report)]);
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

interface PlacementRow {
  copy_id: number | null;
  current_id: number | null;
  current_version: number | null;
  current_hash: string | null;
  /** the current version's document, when the report replaces it */
  replaced: Report | null;
  /** the new version's id, drawn when the report is neither a copy nor the current version */
  new_id: number | null;
  neighbours: Neighbour[];
}

/**
 * What placing a report reads, in one statement: a copy of it (same place and year with the same
 * figures: a mirror may not tell the scope; an older version counts too, so that a mirror of the
 * first edition does not undo the republished one), else the current version of its identity,
 * and for a new version its id (drawn here so that its writes need not wait for the insert), and
 * the rows of `neighbours` (neighboursQuery), which its cross-year checks need.
 */
function placementQuery(regionId: number | null, year: number | null, key: string, hash: string, neighbours: SQL | null) {
  return sql`with copy as (
      select id from reports where region_id = ${regionId} and year = ${year} and figures_hash = ${hash}
      order by is_current desc, id desc limit 1),
    cur as (select id, version, figures_hash, document from reports where identity_key = ${key} and is_current limit 1)
    select (select id from copy) as copy_id, cur.id as current_id, cur.version as current_version, cur.figures_hash as current_hash,
           case when not exists (select 1 from copy) and cur.figures_hash <> ${hash} then cur.document end as replaced,
           case when not exists (select 1 from copy) and cur.figures_hash is distinct from ${hash}
                then nextval(pg_get_serial_sequence('reports', 'id'))::integer end as new_id,
           ${neighbours ? sql`(select coalesce(json_agg(n), '[]') from (${neighbours}) as n)` : sql`'[]'::json`} as neighbours
    from (select 1) as one left join cur on true`;
}

/**
 * Finds the report version a parsed file belongs to, and when it is new, what stores it with
 * its derived rows, cross-year checks and facts (`store`, one statement to run; `also`: other
 * inserts to run with it). One read: placementQuery.
 */
async function planPlacement(
  tx: Tx,
  report: Report,
  fileSha: string,
  encoded: EncodedReport = encodeReport(report),
): Promise<{ placement: Placement; store: ((also?: SQL[]) => SQL) | null }> {
  const regionId = await regionForReport(tx, report);
  const key = identityKey(regionId, report, fileSha);
  const hash = encoded.figuresHash;
  const neighbours = neighboursQuery(key, report.year, { holdsYear: true });
  const [row] = await rawRows<PlacementRow>(tx, placementQuery(regionId, report.year, key, hash, neighbours));
  if (row.copy_id !== null) return { placement: { kind: 'copy', reportId: row.copy_id }, store: null };
  if (row.current_id !== null && row.current_hash === hash) return { placement: { kind: 'copy', reportId: row.current_id }, store: null };

  const id = row.new_id!;
  const placed = { id, report };
  const byYear = new Map(row.neighbours.map((n) => [n.year, n]));
  if (report.year !== null) byYear.set(report.year, { id, year: report.year, document: report });
  const version: NewVersion = {
    row: {
      id,
      identityKey: key,
      regionId,
      version: row.current_version === null ? 1 : row.current_version + 1,
      supersedesId: row.current_id,
      figuresHash: hash,
      status: reportStatus(report),
      completeness: completeness(report),
      parserVersion: PARSER_VERSION,
    },
    report,
    encoded,
    crossYear: report.year !== null && neighbours ? crossYearWrites(byYear, report.year, placed) : { stale: [], rows: [] },
    facts: placedFactsStatement(key, id, encoded.facts, NEW_REPORT),
  };
  const placement: Placement = row.replaced ? { kind: 'version', reportId: id, changes: diffFigures(row.replaced, report) } : { kind: 'stored', reportId: id };
  return { placement, store: (also) => newVersionStatement({ ...version, also }) };
}

/** Finds or creates the report version a parsed file belongs to. */
export async function placeReport(tx: Tx, report: Report, fileSha: string): Promise<Placement> {
  const { placement, store } = await planPlacement(tx, report, fileSha);
  if (store) await rawExecute(tx, store());
  return placement;
}

/**
 * Re-derives the cross-year checks of the years around `year` for one identity (none without
 * region and year). A writer that has just stored that year's version passes it as `placed`.
 */
export async function refreshCrossYear(tx: Tx, key: string, year: number | null, placed?: { id: number; report: Report }): Promise<void> {
  const query = neighboursQuery(key, year, { holdsYear: !!placed });
  if (!query || year === null) return;
  const byYear = new Map((await selectRows<Neighbour>(tx, query)).map((r) => [r.year, r]));
  if (placed) byYear.set(year, { id: placed.id, year, document: placed.report });
  await executeAll(tx, crossYearStatements(crossYearWrites(byYear, year, placed)));
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

interface KnownFile {
  id: number;
  has_bytes: boolean;
  report_id: number | null;
}

async function ingestOnce(db: Db, input: FileInput, sha: string, parse: () => Promise<ParseOutcome>, options: IngestOptions): Promise<IngestResult> {
  const [known] = await rawRows<KnownFile>(db, sql`select id, bytes is not null as has_bytes, report_id from source_files where sha256 = ${sha}`);
  if (known && options.authorize) {
    const [report] = known.report_id === null ? [] : await db.select({ regionId: reports.regionId }).from(reports).where(eq(reports.id, known.report_id));
    await options.authorize(db, report?.regionId ?? null);
  }
  if (known?.has_bytes) return { kind: 'unchanged', file: input.name, reportId: known.report_id ?? undefined };
  const outcome = await parse();
  const { parsed, error } = outcome;

  return db.transaction(async (tx) => {
    if (known) {
      // a bundled report's file arrives: it gains its bytes and text
      await tx.update(sourceFiles).set({ bytes: input.bytes, text: parsed?.text ?? null, encoding: parsed?.encoding ?? null, url: input.url ?? undefined }).where(eq(sourceFiles.id, known.id));
      return { kind: 'text-attached', file: input.name, reportId: known.report_id ?? undefined };
    }
    if (!parsed) {
      const file = { sha256: sha, bytes: input.bytes, name: input.name, size: input.bytes.length, url: input.url ?? null };
      await tx.insert(sourceFiles).values({ ...file, ...failedFileColumns(input.bytes, input.name, error) });
      return { kind: 'failed', file: input.name, error };
    }
    const report = assignIdentity(parsed.report, options.assign);
    // (a parse worker may have encoded the report already: not once staff's assignment changed it)
    const encoded = report === parsed.report && outcome.encoded ? outcome.encoded : encodeReport(report);
    const { placement, store } = await planPlacement(tx, report, sha, encoded);
    const fileRow = parsedSourceFileStatement({
      sha256: sha,
      bytes: input.bytes,
      name: input.name,
      url: input.url ?? null,
      ...parsedFileColumns({ ...parsed, report }),
      reportId: placement.reportId,
      role: placement.kind === 'copy' ? 'copy' : 'original',
      uploadedBy: options.uploadedBy ?? null,
      assigned: assignsNothing(options.assign) ? null : (options.assign ?? null),
    });
    if (options.authorize) {
      if (store) await rawExecute(tx, store());
      const [placed] = await tx.select({ regionId: reports.regionId }).from(reports).where(eq(reports.id, placement.reportId));
      await options.authorize(tx, placed?.regionId ?? null);
      await rawExecute(tx, fileRow);
    } else {
      // the file's row goes with the report's, in one statement
      await rawExecute(tx, store ? store([fileRow]) : fileRow);
    }
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
