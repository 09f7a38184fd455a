// The region page's year-over-year table: the metrics it lists, in sections, and the rows built
// from their series (db/queries/series.ts metricSeries). A year whose report follows the other
// template version is marked as defined differently, never filled in or compared across.

import type { Metric } from '../../db/queries/metrics';
import type { SeriesPoint } from '../../db/queries/series';

export interface YoySection {
  title: string;
  metrics: readonly string[];
}

/** Metrics of the table, by section (ids of METRICS in db/queries/metrics.ts). */
export const YOY_SECTIONS: readonly YoySection[] = [
  {
    title: '主动公开',
    metrics: [
      'activity.publishedItems',
      'proactive.normativeDocuments.newlyMade',
      'proactive.normativeDocuments.issued',
      'proactive.normativeDocuments.inForce',
      'proactive.licensing.decisions',
      'proactive.penalties.decisions',
      'proactive.enforcement.decisions',
      'proactive.fees.priorItems',
      'proactive.fees.amountWan',
    ],
  },
  {
    title: '依申请公开',
    metrics: [
      'applications.newReceived',
      'applications.receivedInProse',
      'applications.total',
      'applications.granted',
      'applications.disclosedRate',
      'applications.denied',
      'applications.notProcessed',
    ],
  },
  {
    title: '热线与信箱',
    metrics: ['hotline.received', 'hotline.resolvedRate', 'hotline.satisfactionRate', 'mailbox.received', 'mailbox.resolvedRate', 'mailbox.satisfactionRate'],
  },
  {
    title: '行政复议与行政诉讼',
    metrics: ['appeals.review.total', 'appeals.review.correctedRate', 'appeals.litigation.total', 'appeals.litigation.correctedRate'],
  },
];

export type YoyStatus = 'value' | 'unstated' | 'excluded' | 'absent';

export interface YoyCell {
  year: number;
  status: YoyStatus;
  value: number | null;
  /** change from the year before (percentage points for a ratio); null when either year lacks it */
  change: number | null;
  changePct: number | null;
}

export interface YoyRow {
  id: string;
  label: string;
  kind: Metric['kind'];
  unit: Metric['unit'];
  /** the template versions that define it, or prose */
  definedBy: Metric['definedBy'];
  cells: YoyCell[];
}

export interface YoyTableSection {
  title: string;
  rows: YoyRow[];
}

function cellOf(point: SeriesPoint | undefined, year: number): YoyCell {
  if (!point) return { year, status: 'absent', value: null, change: null, changePct: null };
  const status: YoyStatus = point.value !== null ? 'value' : point.excluded > 0 ? 'excluded' : point.unstated > 0 ? 'unstated' : 'absent';
  return { year, status, value: point.value, change: point.change, changePct: point.changePct };
}

/**
 * Rows of the table for `years`, by section: one per metric that has a value in at least one
 * year (a metric no report of the region states is left out; sections left empty too).
 */
export function yoyTable(series: ReadonlyMap<string, { metric: Metric; points: readonly SeriesPoint[] }>, years: readonly number[], sections = YOY_SECTIONS): YoyTableSection[] {
  const out: YoyTableSection[] = [];
  for (const section of sections) {
    const rows: YoyRow[] = [];
    for (const id of section.metrics) {
      const s = series.get(id);
      if (!s) continue;
      const byYear = new Map(s.points.map((p) => [p.year, p]));
      const cells = years.map((y) => cellOf(byYear.get(y), y));
      if (!cells.some((c) => c.status === 'value')) continue;
      rows.push({ id, label: s.metric.label, kind: s.metric.kind, unit: s.metric.unit, definedBy: s.metric.definedBy, cells });
    }
    if (rows.length) out.push({ title: section.title, rows });
  }
  return out;
}
