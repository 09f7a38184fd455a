// The six outcome groups of table 三 (三、本年度办理结果), each with its leaf rows (the causes)
// from lib/report/labels.ts and its name from the dashboard's metrics (db/queries/metrics.ts).

import { metricById } from '../../db/queries/metrics';
import { OUTCOME_COLUMNS } from '../../db/queries/metrics';
import { APPLICATION_ROWS, APPLICANT_COLUMNS, type ApplicationRowKey } from '../report/labels';

export type OutcomeGroupKey = keyof typeof OUTCOME_COLUMNS;

export interface OutcomeGroup {
  key: OutcomeGroupKey;
  /** 予以公开, 部分公开, 不予公开, 无法提供, 不予处理, 其他处理 */
  label: string;
  /** the printed group number: （一） … （六） */
  number: string;
  /** the rows whose figures make up the group (one row, or the group's leaves) */
  rows: ApplicationRowKey[];
}

const GROUP_NUMBER = /^（[一二三四五六七]）/u;

/** The label of a leaf without its group number: （五）4.无正当理由大量反复申请 → 无正当理由大量反复申请 */
export function causeLabel(key: ApplicationRowKey): string {
  const label = APPLICATION_ROWS.find((r) => r.key === key)!.label;
  return label.replace(GROUP_NUMBER, '').replace(/^\d+[.、．]/u, '');
}

/** The leaf's printed label inside its group: 4.无正当理由大量反复申请 */
export function leafLabel(key: ApplicationRowKey): string {
  return APPLICATION_ROWS.find((r) => r.key === key)!.label.replace(GROUP_NUMBER, '');
}

export const OUTCOME_GROUPS: readonly OutcomeGroup[] = (Object.keys(OUTCOME_COLUMNS) as OutcomeGroupKey[]).map((key) => {
  const rows = APPLICATION_ROWS.filter((r) => r.outcome && (r.key === key || r.key.startsWith(`${key}.`))).map((r) => r.key);
  const first = APPLICATION_ROWS.find((r) => r.key === rows[0])!;
  return { key, label: metricById(`applications.${key}`).label, number: GROUP_NUMBER.exec(first.label)![0], rows };
});

export function outcomeGroupOf(key: ApplicationRowKey): OutcomeGroup | undefined {
  return OUTCOME_GROUPS.find((g) => g.rows.includes(key));
}

/** The six applicant columns (without 总计), in printed order. */
export const APPLICANT_LABELS = APPLICANT_COLUMNS.slice(0, 6);
