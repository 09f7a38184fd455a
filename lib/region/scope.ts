// A region may have reports of several scopes (全域 jurisdiction, 政府本级 government, …);
// figures of different scopes are never added up or put in one series. The region page shows
// one scope: the one asked for, else jurisdiction, else the scope with the most reports.

import type { Scope } from '../report/contract';

export const SCOPE_LABELS: Record<Scope, string> = {
  jurisdiction: '全域',
  government: '政府本级',
  department: '部门',
  township: '乡镇（街道）',
  unknown: '范围未注明',
};

export const SCOPE_HINTS: Record<Scope, string> = {
  jurisdiction: '覆盖全县（市、区），含部门和乡镇',
  government: '只含政府及其办公室',
  department: '一个部门的报告',
  township: '一个乡镇或街道的报告',
  unknown: '报告没有说明统计范围',
};

const ORDER: readonly Scope[] = ['jurisdiction', 'government', 'unknown', 'department', 'township'];

export const isScope = (s: unknown): s is Scope => typeof s === 'string' && (ORDER as readonly string[]).includes(s);

export interface ScopeCount {
  scope: Scope;
  reports: number;
}

/** Reports per scope, in the order the page lists them. */
export function countScopes(reports: readonly { scope: Scope }[]): ScopeCount[] {
  const counts = new Map<Scope, number>();
  for (const r of reports) counts.set(r.scope, (counts.get(r.scope) ?? 0) + 1);
  return ORDER.filter((s) => counts.has(s)).map((scope) => ({ scope, reports: counts.get(scope)! }));
}

/** The scope to show: `asked` when the region has it, else jurisdiction, else the most common; null without reports. */
export function chooseScope(reports: readonly { scope: Scope }[], asked?: string | null): Scope | null {
  const counts = countScopes(reports);
  if (counts.length === 0) return null;
  if (isScope(asked) && counts.some((c) => c.scope === asked)) return asked;
  if (counts.some((c) => c.scope === 'jurisdiction')) return 'jurisdiction';
  return [...counts].sort((a, b) => b.reports - a.reports)[0].scope;
}

export const COMPLETENESS_LABELS = {
  complete: { label: '完整', hint: '三张统计表齐全' },
  tables: { label: '仅表格', hint: '只有部分统计表' },
  prose: { label: '仅正文', hint: '只有正文中的数字，没有统计表' },
} as const;
