// Chinese names of the levels, scopes and metric groups the overview shows.

import { METRICS, type Metric, type MetricId } from '../../db/queries/metrics';
import { SCOPE_LABELS } from '../region/scope';
import type { Scope } from './url-state';

export type Level = 'province' | 'city' | 'county' | 'body';

export const LEVEL_LABEL: Record<Level, string> = { province: '省级', city: '市级', county: '县级', body: '部门与乡镇' };

/** the region page's names, with 全域 explained where scopes are chosen */
export const SCOPE_LABEL: Record<Scope, string> = { ...SCOPE_LABELS, jurisdiction: '全域（本地区）' };

const GROUPS: { prefix: string; label: string }[] = [
  { prefix: 'applications.', label: '依申请公开' },
  { prefix: 'appeals.', label: '行政复议与诉讼' },
  { prefix: 'proactive.', label: '主动公开（表二）' },
  { prefix: 'activity.', label: '正文：主动公开、热线与信箱' },
  { prefix: 'hotline.', label: '正文：主动公开、热线与信箱' },
  { prefix: 'mailbox.', label: '正文：主动公开、热线与信箱' },
];

export interface MetricOption {
  id: MetricId;
  label: string;
}

export interface MetricGroup {
  label: string;
  metrics: MetricOption[];
}

/** Every metric, grouped for a select (the order of METRICS within each group). */
export function metricGroups(): MetricGroup[] {
  const groups: MetricGroup[] = [];
  for (const m of METRICS as readonly Metric[]) {
    const label = GROUPS.find((g) => m.id.startsWith(g.prefix))?.label ?? '其他';
    let group = groups.find((g) => g.label === label);
    if (!group) groups.push((group = { label, metrics: [] }));
    group.metrics.push({ id: m.id as MetricId, label: m.label });
  }
  return groups;
}
