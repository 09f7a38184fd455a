// The public page's headline figures: the latest year's value of a few metrics, each with its
// change from the year before. A figure the report does not state says so; a change is given
// only when both years state the figure (and define it alike).

import type { YoyCell, YoyRow, YoyTableSection } from '../region/yoy';

export interface KeyFigureDefinition {
  metric: string;
  /** the label shown to the public (plainer than the dashboard's) */
  label: string;
  /** the glossary term that explains it (looked up by label: lib/public/glossary.ts termFor) */
  term: string;
}

export const KEY_FIGURES: readonly KeyFigureDefinition[] = [
  { metric: 'activity.publishedItems', label: '主动公开信息', term: '主动公开' },
  { metric: 'applications.newReceived', label: '收到公开申请', term: '依申请公开' },
  { metric: 'applications.disclosedRate', label: '申请获得公开的比例', term: '予以公开' },
  { metric: 'hotline.resolvedRate', label: '政务热线办结率', term: '办结率' },
  { metric: 'appeals.review.total', label: '行政复议', term: '行政复议' },
  { metric: 'appeals.litigation.total', label: '行政诉讼', term: '行政诉讼' },
];

export type Direction = 'up' | 'down' | 'flat';

export interface KeyFigure extends KeyFigureDefinition {
  year: number;
  kind: YoyRow['kind'];
  unit: YoyRow['unit'];
  /** null: the report does not state it */
  value: number | null;
  status: YoyCell['status'];
  /** change from `previousYear` (percentage points for a ratio), when both years state it */
  change: number | null;
  changePct: number | null;
  direction: Direction | null;
  previousYear: number | null;
  /** when `year` does not state it: the latest earlier year that does */
  lastStated: { year: number; value: number } | null;
}

function directionOf(change: number | null): Direction | null {
  if (change === null) return null;
  return change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
}

/** The headline figures for `year`; `years` are the years shown (the one before gives the change). */
export function keyFigures(sections: readonly YoyTableSection[], years: readonly number[], year: number): KeyFigure[] {
  const rows = new Map(sections.flatMap((s) => s.rows).map((r) => [r.id, r]));
  const index = years.indexOf(year);
  const previousYear = index > 0 ? years[index - 1] : null;
  return KEY_FIGURES.map((def) => {
    const row = rows.get(def.metric);
    const cell = row?.cells.find((c) => c.year === year);
    const change = cell?.status === 'value' && previousYear === year - 1 ? cell.change : null;
    const earlier = cell?.status === 'value' ? undefined : row?.cells.filter((c) => c.year < year && c.status === 'value' && c.value !== null).at(-1);
    return {
      ...def,
      year,
      kind: row?.kind ?? (def.metric.endsWith('Rate') ? 'ratio' : 'count'),
      unit: row?.unit ?? (def.metric.endsWith('Rate') ? '%' : '件'),
      value: cell?.status === 'value' ? cell.value : null,
      status: cell?.status ?? 'absent',
      change,
      changePct: change === null ? null : (cell?.changePct ?? null),
      direction: directionOf(change),
      previousYear: change === null ? null : previousYear,
      lastStated: earlier ? { year: earlier.year, value: earlier.value! } : null,
    };
  });
}
