// Table 四 added up: 维持 / 纠正 / 其他 / 尚未审结 / 总计 for administrative review and both
// kinds of litigation (identical in both template versions). The correction rate is Σ 纠正 /
// Σ (维持 + 纠正 + 其他), over concluded cases.

import { sql } from 'drizzle-orm';
import type { FactColumn } from '../../lib/report/facts';
import type { Db } from '../client';
import { addPresent, ratio, tidy } from './arithmetic';
import { aggregate, col, grouped, selectionCondition, type GroupRow, type Grouped, type Selection } from './selection';

const OUTCOMES = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
type Outcome = (typeof OUTCOMES)[number];

export interface AppealOutcome extends Record<Outcome, number | null> {
  correctedRate: number | null;
}

export interface AppealFigures {
  /** reports that print table 四 */
  reports: number;
  review: AppealOutcome;
  litigationDirect: AppealOutcome;
  litigationAfterReview: AppealOutcome;
  /** both kinds of litigation */
  litigation: AppealOutcome;
}

const GROUPS = { review: 'review', litigationDirect: 'lit_direct', litigationAfterReview: 'lit_after' } as const;
type Group = keyof typeof GROUPS;

export interface AppealParams extends Selection {
  perRegion?: boolean;
}

function outcome(values: Record<Outcome, number | null>): AppealOutcome {
  const concluded = addPresent([values.upheld, values.corrected, values.other]);
  return { ...values, correctedRate: ratio(values.corrected, concluded) };
}

function figures(row: GroupRow): AppealFigures {
  const group = (g: Group) => Object.fromEntries(OUTCOMES.map((o) => [o, tidy(row.sums[`${g}.${o}`])])) as Record<Outcome, number | null>;
  const direct = group('litigationDirect');
  const after = group('litigationAfterReview');
  const litigation = Object.fromEntries(OUTCOMES.map((o) => [o, addPresent([direct[o], after[o]])])) as Record<Outcome, number | null>;
  return { reports: row.tallies.printed, review: outcome(group('review')), litigationDirect: outcome(direct), litigationAfterReview: outcome(after), litigation: outcome(litigation) };
}

export async function appealOutcomes(db: Db, params: AppealParams): Promise<Grouped<AppealFigures>> {
  const condition = await selectionCondition(db, params);
  if (!condition) return { totals: [], regions: [] };
  const measures = (Object.entries(GROUPS) as [Group, string][]).flatMap(([g, prefix]) => OUTCOMES.map((o) => ({ key: `${g}.${o}`, value: col(`${prefix}_${o}` as FactColumn) })));
  const rows = await aggregate(db, condition, measures, {
    perRegion: params.perRegion ?? params.regionIds !== undefined,
    tallies: { printed: sql`coalesce(f.review_total, f.lit_direct_total, f.lit_after_total) is not null` },
  });
  return grouped(db, rows, figures);
}
