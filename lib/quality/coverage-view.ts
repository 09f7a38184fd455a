// How a coverage cell reads: a word for each status, beside its symbol and colour (never colour
// alone; the symbols ✓ ◐ ✗ — are drawn by components/quality/quality.module.css), and a short
// sentence for screen readers.

import type { CoverageCell, CoverageCounts, CoverageStatus } from '../../db/queries/coverage';

export interface StatusView {
  label: string;
  hint: string;
}

export const STATUS_ORDER: readonly CoverageStatus[] = ['complete', 'partial', 'failed', 'missing'];

export const STATUS_VIEW: Record<CoverageStatus, StatusView> = {
  complete: { label: '完整', hint: '三张统计表齐全，勾稽关系成立' },
  partial: { label: '部分', hint: '只有部分统计表，或只有正文中的数字' },
  failed: { label: '未通过', hint: '有勾稽关系不成立（报告所印数字不作更正）' },
  missing: { label: '缺失', hint: '数据库中没有这一年度的报告' },
};

/** The words inside a cell: 完整, 仅表格, 仅正文, 未通过 2, 缺失. */
export function cellLabel(cell: Pick<CoverageCell, 'status' | 'completeness' | 'failedChecks'>): string {
  if (cell.status === 'partial') return cell.completeness === 'prose' ? '仅正文' : '仅表格';
  if (cell.status === 'failed') return `未通过 ${cell.failedChecks ?? 0}`;
  return STATUS_VIEW[cell.status].label;
}

/** "会同县2020年：完整" — short, since every cell of a page of 100 regions carries one. */
export function cellDescription(regionName: string, cell: Pick<CoverageCell, 'year' | 'status' | 'completeness' | 'failedChecks'>): string {
  const where = `${regionName}${cell.year}年`;
  if (cell.status === 'failed') return `${where}：${cell.failedChecks ?? 0}项勾稽关系不成立`;
  if (cell.status === 'missing') return `${where}：缺失，没有报告`;
  return `${where}：${cellLabel(cell)}`;
}

/** The regions a year's counts are out of (every status added up). */
export const expectedOf = (c: CoverageCounts) => c.complete + c.partial + c.failed + c.missing;
