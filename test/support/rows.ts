// Reading the database in tests, the same way on PGlite and PostgreSQL.

import { and, eq, isNotNull, notExists, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { checkResults, figures, reportFacts, reports, reportWarnings, sourceFiles } from '../../db/schema';

export async function countRows(db: Db, table: PgTable, where?: SQL): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table).where(where);
  return Number(row.n);
}

export const figureCountOf = (db: Db, reportId: number) => countRows(db, figures, eq(figures.reportId, reportId));

/** Rows that point at nothing, reports that no file points at, and report_facts out of step with the current reports. */
export async function orphans(db: Db) {
  const reportsWithoutFile = await db
    .select({ id: reports.id })
    .from(reports)
    .where(notExists(db.select({ one: sql`1` }).from(sourceFiles).where(eq(sourceFiles.reportId, reports.id))));
  const parsedFilesWithoutReport = await db
    .select({ id: sourceFiles.id })
    .from(sourceFiles)
    .where(and(sql`${sourceFiles.status} <> 'failed'`, sql`${sourceFiles.reportId} is null`));
  const dangling = async (table: typeof figures | typeof checkResults | typeof reportWarnings) =>
    countRows(db, table, notExists(db.select({ one: sql`1` }).from(reports).where(eq(reports.id, table.reportId))));
  // report_facts holds exactly the current reports that have a region and a year
  const current = and(eq(reports.isCurrent, true), isNotNull(reports.regionId), isNotNull(reports.year));
  const factsMissing = await countRows(db, reports, and(current, notExists(db.select({ one: sql`1` }).from(reportFacts).where(eq(reportFacts.reportId, reports.id)))));
  const factsStale = await countRows(db, reportFacts, notExists(db.select({ one: sql`1` }).from(reports).where(and(eq(reports.id, reportFacts.reportId), current))));
  return {
    factsMissing,
    factsStale,
    reportsWithoutFile: reportsWithoutFile.map((r) => r.id),
    parsedFilesWithoutReport: parsedFilesWithoutReport.map((f) => f.id),
    figures: await dangling(figures),
    checks: await dangling(checkResults),
    warnings: await dangling(reportWarnings),
  };
}

export const NO_ORPHANS = { factsMissing: 0, factsStale: 0, reportsWithoutFile: [], parsedFilesWithoutReport: [], figures: 0, checks: 0, warnings: 0 };
