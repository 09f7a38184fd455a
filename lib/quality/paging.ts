// Pages of a bounded list: which rows a page holds, and how to say so.

import { formatNumber } from '../format/number';

export interface PageWindow {
  /** 1-based, within 1..pages */
  page: number;
  pages: number;
  offset: number;
  limit: number;
  total: number;
  /** 1-based numbers of the first and last row shown (0 when none) */
  from: number;
  to: number;
}

/** The window of `page` (clamped to the last page) over `total` rows, `size` per page. */
export function pageWindow(total: number, page: number, size: number): PageWindow {
  const pages = Math.max(1, Math.ceil(total / size));
  const current = Math.min(Math.max(1, Math.floor(page)), pages);
  const offset = (current - 1) * size;
  const to = Math.min(total, offset + size);
  return { page: current, pages, offset, limit: size, total, from: total === 0 ? 0 : offset + 1, to };
}

/** "共 2,834 个地区，列出第 101–200 个（第 2 / 29 页）", or "共 12 个地区，全部列出": `counter` is the measure word (个, 条). */
export function pageSummary(w: PageWindow, counter: string, noun: string): string {
  const all = `共 ${formatNumber(w.total)} ${counter}${noun}`;
  if (w.total === 0) return all;
  if (w.pages === 1) return `${all}，全部列出`;
  return `${all}，列出第 ${formatNumber(w.from)}–${formatNumber(w.to)} ${counter}（第 ${w.page} / ${w.pages} 页）`;
}
