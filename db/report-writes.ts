// The statements that store a report version and what is derived from it, built without running
// them. A new version is written by one statement (newVersionStatement): one round trip, one
// statement for PGlite to plan and run, instead of one for each table. The other writers
// (corrections, reparse) send theirs in order (db/sql.ts executeAll).

import { sql, type SQL } from 'drizzle-orm';
import { crossYearChecks } from '../lib/checks/cross-year';
import type { CheckResult, Report } from '../lib/report/contract';
import { figureTuples, type EncodedReport } from '../lib/report/encoding';
import { insertJsonRowsStatement } from './sql';

const CHECK_COLUMNS = { report_id: 'integer', check_id: 'text', ok: 'boolean', severity: 'text', detail: 'text', failures: 'jsonb', other_report_id: 'integer' };
const WARNING_COLUMNS = { report_id: 'integer', code: 'text', message: 'text', line: 'integer' };

type CheckRow = Record<keyof typeof CHECK_COLUMNS, unknown>;

const checkRows = (reportId: number, checks: readonly CheckResult[], otherReportId: number | null = null): CheckRow[] =>
  checks.map((c) => ({ report_id: reportId, check_id: c.id, ok: c.ok, severity: c.severity, detail: c.detail ?? null, failures: c.failures ?? null, other_report_id: otherReportId }));

/** The check_results rows of a report's checks (cross-year ones name the other report); null for none. */
export function checksStatement(reportId: number, checks: readonly CheckResult[], otherReportId: number | null = null): SQL | null {
  return insertJsonRowsStatement('check_results', CHECK_COLUMNS, checkRows(reportId, checks, otherReportId));
}

/** The figures rows of a report (EncodedReport.figures), under its id; null for none. */
const figuresStatement = (reportId: number, figures: string): SQL | null =>
  figures === '[]'
    ? null
    : sql`insert into figures (report_id, path, table_name, row_key, column_key, value, line)
    select ${reportId}::integer, v.r ->> 0, v.r ->> 1, v.r ->> 2, v.r ->> 3, (v.r ->> 4)::double precision, (v.r ->> 5)::integer
    from jsonb_array_elements(${figures}::jsonb) as v(r)`;

const warningsStatement = (reportId: number, report: Report) =>
  insertJsonRowsStatement('report_warnings', WARNING_COLUMNS, report.warnings.map((w) => ({ report_id: reportId, code: w.code, message: w.message, line: w.line })));

/** Figures, checks and warnings of one report version (inserts only: see writeDerived). */
export function derivedStatements(reportId: number, report: Report): SQL[] {
  return [figuresStatement(reportId, figureTuples(report)), checksStatement(reportId, report.checks), warningsStatement(reportId, report)].filter((s): s is SQL => s !== null);
}

/** The stored derived rows of a version that derivedStatements writes again (its cross-year checks stay). */
export const deleteDerivedStatements = (reportId: number): SQL[] => [
  sql`delete from figures where report_id = ${reportId}`,
  sql`delete from check_results where report_id = ${reportId} and check_id not like 'crossYear.%'`,
  sql`delete from report_warnings where report_id = ${reportId}`,
];

/** The parts of a stored document the cross-year checks read (not its 200 figures and sources). */
export type CrossYearInput = Pick<Report, 'year' | 'template' | 'applications' | 'proactive'>;

export interface Neighbour {
  id: number;
  year: number;
  document: CrossYearInput;
}

/**
 * The current versions of an identity in the years around `year` (not `year` itself when its
 * writer holds it), with what their cross-year checks read; null when the identity has no region
 * and year (`file:…`).
 */
export function neighboursQuery(identityKey: string, year: number | null, { holdsYear }: { holdsYear: boolean }): SQL | null {
  if (identityKey.startsWith('file:') || year === null) return null;
  const [regionId, , scope] = identityKey.split('|');
  // the range on the identity's region (keys starting `regionId|`, up to `regionId}`, as `}`
  // follows `|`) lets a prepared statement's generic plan use the pattern index, which a LIKE
  // with a parameter does not: the same rows, without a scan of every report
  return sql`select id, year, jsonb_build_object(
      'year', document->'year', 'template', document->'template',
      'applications', jsonb_build_object('carriedOver', document->'applications'->'carriedOver',
                                         'carriedForward', document->'applications'->'carriedForward'),
      'proactive', jsonb_build_object('regulations', document->'proactive'->'regulations',
                                      'normativeDocuments', document->'proactive'->'normativeDocuments')) as document
    from reports
    where identity_key ~>=~ ${`${regionId}|`} and identity_key ~<~ ${`${regionId}}`} and identity_key like ${`${regionId}|%|${scope}`}
      and is_current and year in (${year - 1}, ${year + 1}, ${holdsYear ? null : year})`;
}

/** Cross-year checks derived again: the reports whose stored ones go, then the new rows, in order. */
export interface CrossYearWrites {
  stale: number[];
  rows: CheckRow[];
}

/**
 * The cross-year checks of `year` and `year + 1` derived again from the current versions of
 * those years and the ones before (`byYear`). A version just stored (`placed`) has none to delete.
 */
export function crossYearWrites(byYear: ReadonlyMap<number, Neighbour>, year: number, placed?: { id: number }): CrossYearWrites {
  const writes: CrossYearWrites = { stale: [], rows: [] };
  for (const y of [year, year + 1]) {
    const cur = byYear.get(y);
    if (!cur) continue;
    if (!(placed && cur.id === placed.id)) writes.stale.push(cur.id);
    const prev = byYear.get(y - 1);
    if (prev) writes.rows.push(...checkRows(cur.id, crossYearChecks(prev.document, cur.document), prev.id));
  }
  return writes;
}

const deleteCrossYear = (reportIds: readonly number[]) =>
  sql`delete from check_results where report_id in (${sql.join(
    reportIds.map((id) => sql`${id}`),
    sql`, `,
  )}) and check_id like 'crossYear.%'`;

/** crossYearWrites as statements, to run in order. */
export function crossYearStatements({ stale, rows }: CrossYearWrites): SQL[] {
  const insert = insertJsonRowsStatement('check_results', CHECK_COLUMNS, rows);
  return [...(stale.length ? [deleteCrossYear(stale)] : []), ...(insert ? [insert] : [])];
}

/** The columns of a new report version that placeReport decides. */
export interface ReportRow {
  id: number;
  identityKey: string;
  regionId: number | null;
  version: number;
  supersedesId: number | null;
  figuresHash: string;
  status: 'parsed' | 'checks_failed';
  completeness: 'complete' | 'tables' | 'prose';
  parserVersion: string;
}

const insertReport = (row: ReportRow, report: Report, encoded: EncodedReport) =>
  sql`insert into reports (id, identity_key, region_id, year, scope, issuer, template, version, is_current, supersedes_id,
                           figures_hash, status, completeness, parser_version, document)
    values (${row.id}, ${row.identityKey}, ${row.regionId}, ${report.year ?? null}, ${report.scope}, ${report.issuer ?? null}, ${report.template ?? null},
            ${row.version}, true, ${row.supersedesId}, ${row.figuresHash}, ${row.status}, ${row.completeness}, ${row.parserVersion},
            ${encoded.document}::jsonb)`;

/** The CTE of newVersionStatement that inserts the report row (returning it): what `facts` reads. */
export const NEW_REPORT = sql.raw('new_report');

export interface NewVersion {
  row: ReportRow;
  report: Report;
  encoded: EncodedReport;
  crossYear: CrossYearWrites;
  /** the report_facts upsert, reading the reports row from NEW_REPORT; null for none */
  facts: SQL | null;
  /** other inserts that belong with the version (its source file) */
  also?: SQL[];
}

/**
 * A new current version in one statement of data-modifying CTEs: the version it replaces no
 * longer current, the report row (its id drawn already), its figures, warnings and checks (its
 * own, then the cross-year ones of its year and the next, in one insert so that their ids keep
 * that order), the next year's stale cross-year checks removed, its facts, and `also`. The
 * sub-statements see the database as it was before the statement: hence facts read the new row
 * from NEW_REPORT, and the stale checks deleted cannot be the ones inserted.
 */
export function newVersionStatement({ row, report, encoded, crossYear, facts, also = [] }: NewVersion): SQL {
  const parts: SQL[] = [];
  if (row.supersedesId !== null) parts.push(sql`superseded as (update reports set is_current = false where id = ${row.supersedesId})`);
  parts.push(sql`${NEW_REPORT} as (${insertReport(row, report, encoded)} returning *)`);
  const figures = figuresStatement(row.id, encoded.figures);
  if (figures) parts.push(sql`new_figures as (${figures})`);
  const warnings = warningsStatement(row.id, report);
  if (warnings) parts.push(sql`new_warnings as (${warnings})`);
  if (crossYear.stale.length) parts.push(sql`stale_checks as (${deleteCrossYear(crossYear.stale)})`);
  const checks = insertJsonRowsStatement('check_results', CHECK_COLUMNS, [...checkRows(row.id, report.checks), ...crossYear.rows]);
  if (checks) parts.push(sql`new_checks as (${checks})`);
  if (facts) parts.push(sql`new_facts as (${facts})`);
  also.forEach((statement, i) => parts.push(sql`${sql.raw(`also_${i}`)} as (${statement})`));
  return sql`with ${sql.join(parts, sql`, `)} select 1`;
}
