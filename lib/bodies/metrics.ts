// The figures the bodies page puts side by side for each department and township: the key
// counts of tables 二, 三 and 四 and the prose, as the dashboard's metrics define them
// (db/queries/metrics.ts: names, units and report_facts columns). Each is a count defined the
// same way by both template versions, so two bodies' figures are always comparable.

import { metricById, type CountMetric } from '../../db/queries/metrics';

export const BODY_METRIC_GROUPS = [
  {
    label: '依申请公开',
    ids: ['applications.newReceived', 'applications.granted', 'applications.partiallyGranted', 'applications.denied', 'applications.unavailable', 'applications.notProcessed'],
  },
  { label: '主动公开', ids: ['activity.publishedItems', 'proactive.licensing.decisions', 'proactive.penalties.decisions'] },
  { label: '行政复议与诉讼', ids: ['appeals.review.total', 'appeals.litigation.total'] },
] as const;

export type BodyMetricId = (typeof BODY_METRIC_GROUPS)[number]['ids'][number];

export const BODY_METRIC_IDS: readonly BodyMetricId[] = BODY_METRIC_GROUPS.flatMap((g) => g.ids);

export interface BodyMetric extends CountMetric {
  id: BodyMetricId;
  /** the group its column sits under */
  group: string;
}

export const BODY_METRICS: readonly BodyMetric[] = BODY_METRIC_GROUPS.flatMap((g) =>
  g.ids.map((id) => {
    const metric = metricById(id);
    if (metric.kind === 'ratio') throw new Error(`${id} is a ratio: the bodies page compares counts`);
    return { ...metric, id, group: g.label };
  }),
);

export const isBodyMetricId = (text: unknown): text is BodyMetricId => typeof text === 'string' && (BODY_METRIC_IDS as readonly string[]).includes(text);

export function bodyMetric(id: BodyMetricId): BodyMetric {
  return BODY_METRICS.find((m) => m.id === id)!;
}
