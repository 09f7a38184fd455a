// Numbers as a Chinese reader expects them: 7,352 件; 12.3万; 1.2亿; 99.92%. A missing value is
// "暂无数据" (never 0).

export const NO_DATA = '暂无数据';
/** a report of that year exists but does not state the figure (never 0) */
export const NOT_STATED = '未载明';
/** no report of that year is in the database */
export const NO_REPORT = '无报告';

const grouped = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** A count or amount: grouped digits below 10万, then 万 / 亿 with up to three significant decimals. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_DATA;
  const abs = Math.abs(value);
  if (abs >= 1e8) return `${trim(value / 1e8)}亿`;
  if (abs >= 1e5) return `${trim(value / 1e4)}万`;
  return grouped.format(value);
}

/** Axis labels: short forms from 1万 up. */
export function formatAxis(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e8) return `${trim(value / 1e8)}亿`;
  if (abs >= 1e4) return `${trim(value / 1e4)}万`;
  return grouped.format(value);
}

/** A ratio (0–1) as a percentage with up to two decimals. */
export function formatPercent(ratio: number | null | undefined, digits = 2): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return NO_DATA;
  return `${dropZeros((ratio * 100).toFixed(digits))}%`;
}

/** Percentage points, signed: +1.5个百分点. */
export function formatPoints(delta: number | null | undefined): string {
  if (delta === null || delta === undefined || !Number.isFinite(delta)) return NO_DATA;
  const pts = Math.round(delta * 10_000) / 100;
  return `${pts > 0 ? '+' : ''}${pts}个百分点`;
}

/** A signed change: +12 / −3 (a true minus sign). */
export function formatSigned(delta: number | null | undefined): string {
  if (delta === null || delta === undefined || !Number.isFinite(delta)) return NO_DATA;
  if (delta === 0) return '0';
  return `${delta > 0 ? '+' : '−'}${formatNumber(Math.abs(delta))}`;
}

function trim(x: number): string {
  const digits = Math.abs(x) >= 100 ? 1 : 2;
  return dropZeros(x.toFixed(digits));
}

/** Trailing zeros of the decimals only: 99.90 → 99.9, 50.00 → 50, 50 → 50. */
function dropZeros(fixed: string): string {
  return fixed.includes('.') ? fixed.replace(/\.?0+$/u, '') : fixed;
}
