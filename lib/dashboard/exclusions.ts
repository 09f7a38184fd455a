// Why reports are left out of a metric: db/queries counts the reports whose template version
// does not define the metric as `excluded`; a reader needs to know whether those reports have
// no tables at all (prose only) or tables of the other version, where the figure means
// something else.

import type { Metric } from '../../db/queries/metrics';

export interface ReportTemplate {
  /** '2019' | '2021' | 'pre2019', null for a report without tables */
  template: string | null;
  /** how many such reports (default 1) */
  reports?: number;
}

export interface Exclusions {
  /** reports without tables (prose figures only) */
  noTables: number;
  /** reports whose tables follow a version that defines the metric differently, by version */
  otherVersion: Record<string, number>;
}

export function explainExclusions(metric: Metric, reports: readonly ReportTemplate[]): Exclusions {
  const out: Exclusions = { noTables: 0, otherVersion: {} };
  if (metric.definedBy === 'prose') return out;
  const defined = metric.definedBy as readonly string[];
  for (const r of reports) {
    const n = r.reports ?? 1;
    if (r.template === null) out.noTables += n;
    else if (!defined.includes(r.template)) out.otherVersion[r.template] = (out.otherVersion[r.template] ?? 0) + n;
  }
  return out;
}

const VERSION_LABEL: Record<string, string> = { '2019': '2019年版', '2021': '2021年版', pre2019: '2019年以前' };

/** One Chinese sentence, or null when nothing is left out. */
export function exclusionText(e: Exclusions): string | null {
  const parts: string[] = [];
  if (e.noTables) parts.push(`${e.noTables} 份报告只有正文、没有统计表`);
  for (const [version, n] of Object.entries(e.otherVersion).sort()) parts.push(`${n} 份报告使用${VERSION_LABEL[version] ?? version}表格，此项定义不同`);
  return parts.length ? `未计入：${parts.join('；')}。` : null;
}
