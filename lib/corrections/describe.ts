// Corrections in words, for the report page, the public page and exports. Pure.
import type { Report } from '../report/contract';
import { describeFigure } from '../export/tidy';

/** 表四「行政复议」总计 */
export function figureName(path: string, report: Report): string {
  const d = describeFigure(path, report);
  if (!d) return path;
  return d.table === '正文' ? `正文「${d.row}」${d.column}` : `表${d.table}「${d.row}」${d.column}`;
}

const shown = (v: number | null | undefined) => (v === null || v === undefined ? '空' : v.toLocaleString('zh-CN', { maximumFractionDigits: 2 }));

/** 表四「行政复议」总计印为 0，更正为 11 */
export function correctionSentence(c: { path: string; printed: number | null; value: number | null }, report: Report): string {
  return `${figureName(c.path, report)}印为 ${shown(c.printed)}，更正为 ${shown(c.value)}`;
}

export { shown as shownFigure };

/** The live correction of each path, from a history listed newest first. */
export function liveByPath<T extends { path: string; undoneAt: Date | string | null }>(history: readonly T[]): Map<string, T> {
  const live = new Map<string, T>();
  for (const c of history) if (!c.undoneAt && !live.has(c.path)) live.set(c.path, c);
  return live;
}
