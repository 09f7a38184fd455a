// Where one cause dominates what became of a year's applications, say so in words:
// 会同县 2020: "183件申请中，172件（94%）因“无正当理由大量反复申请”不予处理。"
// Pure: reads table 三 of one report (the 总计 column).

import type { ApplicationsTable } from '../report/contract';
import { APPLICANT_TOTAL_INDEX, type ApplicationRowKey } from '../report/labels';
import { OUTCOME_GROUPS, causeLabel, type OutcomeGroupKey } from './outcomes';

/** A cause dominates all applications when it is at least this share of them… */
export const DOMINANT_SHARE_OF_ALL = 0.5;
/** …or its own outcome group when it is at least this share of the group… */
export const DOMINANT_SHARE_OF_GROUP = 2 / 3;
/** …and only over at least this many cases (2 of 3 is not a pattern). */
export const DOMINANT_MIN_CASES = 5;

/** Outcomes that are not a refusal of any kind: their dominance is no finding. */
const NOT_A_CAUSE: readonly OutcomeGroupKey[] = ['granted', 'partiallyGranted'];

export interface DominantCause {
  /** the leaf row, e.g. notProcessed.massRepeated */
  row: ApplicationRowKey;
  /** its label without the group number */
  cause: string;
  group: OutcomeGroupKey;
  groupLabel: string;
  count: number;
  /** what it dominates: all outcomes (（七）总计) or its group */
  of: 'all' | 'group';
  whole: number;
  /** count / whole, 0–1 */
  share: number;
}

const totalOf = (row: readonly (number | null)[] | undefined) => (row ? (row[APPLICANT_TOTAL_INDEX] ?? 0) : 0);

/**
 * The dominant causes of a report's outcomes, strongest first: a refusal cause that is at least
 * half of all outcomes, else, per outcome group, a cause that is at least two thirds of it.
 * The whole is the sum of the outcome rows (the printed （七）总计 may be wrong).
 */
export function dominantCauses(apps: ApplicationsTable | undefined): DominantCause[] {
  if (!apps) return [];
  const all = OUTCOME_GROUPS.reduce((acc, g) => acc + g.rows.reduce((a, k) => a + totalOf(apps[k]), 0), 0);
  const found: DominantCause[] = [];
  for (const group of OUTCOME_GROUPS) {
    if (NOT_A_CAUSE.includes(group.key)) continue;
    const leaves = group.rows.filter((k) => apps[k] !== undefined);
    const groupTotal = leaves.reduce((a, k) => a + totalOf(apps[k]), 0);
    for (const row of leaves) {
      const count = totalOf(apps[row]);
      if (count < DOMINANT_MIN_CASES) continue;
      const base = { row, cause: causeLabel(row), group: group.key, groupLabel: group.label, count };
      if (all > 0 && count / all >= DOMINANT_SHARE_OF_ALL) {
        found.push({ ...base, of: 'all', whole: all, share: count / all });
      } else if (leaves.length > 1 && groupTotal > 0 && count / groupTotal >= DOMINANT_SHARE_OF_GROUP) {
        found.push({ ...base, of: 'group', whole: groupTotal, share: count / groupTotal });
      }
    }
  }
  return found.sort((a, b) => Number(a.of === 'group') - Number(b.of === 'group') || b.share - a.share);
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** One sentence in Chinese for a dominant cause, e.g. for the region page. */
export function describeDominantCause(c: DominantCause, year?: number | null): string {
  const when = year ? `${year}年，` : '';
  const group = c.group === 'other' ? '作其他处理' : c.groupLabel;
  if (c.of === 'all') {
    return `${when}办理的${c.whole}件申请中，${c.count}件（${percent(c.share)}）因“${c.cause}”${group}。`;
  }
  return `${when}${c.groupLabel}的${c.whole}件申请中，${c.count}件（${percent(c.share)}）属于“${c.cause}”。`;
}
