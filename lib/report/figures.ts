// Every figure of a report as (path, value): the paths are those of `sources`, so each figure
// can be traced to its line, stored as a row, and compared between versions of a report.

import type { Activity, Report } from './contract';

export interface Figure {
  path: string;
  value: number | null;
}

export function reportFigures(report: Pick<Report, 'proactive' | 'applications' | 'appeals' | 'activity'>): Figure[] {
  const out: Figure[] = [];
  for (const [row, cols] of Object.entries(report.proactive ?? {})) {
    for (const [col, value] of Object.entries(cols ?? {})) out.push({ path: `proactive.${row}.${col}`, value });
  }
  for (const [row, values] of Object.entries(report.applications ?? {})) {
    (values ?? []).forEach((value, i) => out.push({ path: `applications.${row}[${i}]`, value }));
  }
  for (const [group, values] of Object.entries(report.appeals ?? {}) as [string, (number | null)[]][]) {
    values.forEach((value, i) => out.push({ path: `appeals.${group}[${i}]`, value }));
  }
  if (report.activity) out.push(...activityFigures(report.activity));
  return out;
}

function activityFigures(a: Activity): Figure[] {
  const out: Figure[] = [];
  if (a.publishedItems !== undefined) out.push({ path: 'activity.publishedItems', value: a.publishedItems });
  for (const list of ['hotlines', 'mailboxes'] as const) {
    (a[list] ?? []).forEach((channel, i) => {
      for (const [k, v] of Object.entries(channel)) if (typeof v === 'number') out.push({ path: `activity.${list}[${i}].${k}`, value: v });
    });
  }
  for (const [k, v] of Object.entries(a.applications ?? {})) if (typeof v === 'number') out.push({ path: `activity.applications.${k}`, value: v });
  return out;
}
