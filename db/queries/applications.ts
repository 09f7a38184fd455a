// Table 三 broken down: what became of the applications (公开 / 部分公开 / 不予公开 / 无法提供 /
// 不予处理 / 其他处理) and who made them (the six applicant columns of 本年新收). Both template
// versions define these rows alike (（六）其他处理 is one row or three, added up either way).

import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { addPresent, shares, tidy } from './arithmetic';
import { APPLICANT_FACT_COLUMNS, OUTCOME_COLUMNS } from './metrics';
import { aggregate, col, grouped, selectionCondition, type GroupRow, type Grouped, type Selection } from './selection';

export type OutcomeKey = keyof typeof OUTCOME_COLUMNS;
export type ApplicantKey = keyof typeof APPLICANT_FACT_COLUMNS;

export interface Breakdown<K extends string> {
  /** reports that print the rows */
  reports: number;
  counts: Record<K, number | null>;
  /** the parts added up */
  total: number | null;
  /** each part as a percentage of `total` */
  shares: Record<K, number | null>;
}

export interface OutcomeBreakdown extends Breakdown<OutcomeKey> {
  /** （七）总计 as printed, added up: differs from `total` only where reports fail applications.total */
  printedTotal: number | null;
}

export interface BreakdownParams extends Selection {
  /** one row per region and year too (default: when regions are given by id) */
  perRegion?: boolean;
}

function breakdown<K extends string>(row: GroupRow, keys: readonly K[]): Breakdown<K> {
  const counts = Object.fromEntries(keys.map((k) => [k, tidy(row.sums[k])])) as Record<K, number | null>;
  return { reports: row.tallies.printed, counts, total: tidy(addPresent(keys.map((k) => counts[k]))), shares: shares(counts) };
}

const EMPTY = { totals: [], regions: [] };

export async function applicationOutcomes(db: Db, params: BreakdownParams): Promise<Grouped<OutcomeBreakdown>> {
  const condition = await selectionCondition(db, params);
  if (!condition) return EMPTY;
  const keys = Object.keys(OUTCOME_COLUMNS) as OutcomeKey[];
  const measures = [...keys.map((k) => ({ key: k, value: col(OUTCOME_COLUMNS[k]) })), { key: 'printedTotal', value: col('app_total') }];
  const printed = sql`coalesce(${sql.join(
    keys.map((k) => col(OUTCOME_COLUMNS[k])),
    sql`, `,
  )}) is not null`;
  const rows = await aggregate(db, condition, measures, { perRegion: params.perRegion ?? params.regionIds !== undefined, tallies: { printed } });
  return grouped(db, rows, (r) => ({ ...breakdown(r, keys), printedTotal: tidy(r.sums.printedTotal) }));
}

export async function applicantMix(db: Db, params: BreakdownParams): Promise<Grouped<Breakdown<ApplicantKey>>> {
  const condition = await selectionCondition(db, params);
  if (!condition) return EMPTY;
  const keys = Object.keys(APPLICANT_FACT_COLUMNS) as ApplicantKey[];
  const measures = keys.map((k) => ({ key: k, value: col(APPLICANT_FACT_COLUMNS[k]) }));
  const rows = await aggregate(db, condition, measures, { perRegion: params.perRegion ?? params.regionIds !== undefined, tallies: { printed: sql`f.app_new is not null` } });
  return grouped(db, rows, (r) => breakdown(r, keys));
}
