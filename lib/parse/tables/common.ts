// What the three table parsers share: finding a row's key in its label, turning printed
// cells into figures with their warnings, and recording sources.

import type { Warning } from '../../report/contract';
import type { ValueCell } from '../cells';

export interface TableParse<T> {
  table: T;
  sources: Record<string, number>;
  warnings: Warning[];
}

export interface KeyPattern<K extends string> {
  key: K;
  pattern: RegExp;
}

/**
 * The candidate whose label match ends latest wins: merged header text comes before the
 * row's own label ("（三）不予公开 1.属于国家秘密"), so the last match names the row.
 */
export function matchRowKey<K extends string>(label: string, candidates: readonly KeyPattern<K>[]): K | null {
  let best: K | null = null;
  let bestEnd = -1;
  for (const { key, pattern } of candidates) {
    if (!pattern.test(label)) continue;
    const end = lastMatchEnd(label, pattern);
    if (end > bestEnd) {
      best = key;
      bestEnd = end;
    }
  }
  return best;
}

const globalVersions = new WeakMap<RegExp, { global: RegExp; fullUnicode: boolean }>();

/**
 * End of the last match, as `text.matchAll` would find them; an exec loop, which costs less
 * than the iterator (after an empty match, lastIndex moves on as matchAll moves it).
 */
function lastMatchEnd(text: string, pattern: RegExp): number {
  let version = globalVersions.get(pattern);
  if (!version) {
    const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
    version = { global, fullUnicode: /[uv]/u.test(global.flags) };
    globalVersions.set(pattern, version);
  }
  const { global, fullUnicode } = version;
  global.lastIndex = 0;
  let end = -1;
  for (let m = global.exec(text); m !== null; m = global.exec(text)) {
    end = m.index + m[0].length;
    if (m[0] === '') global.lastIndex = advance(text, global.lastIndex, fullUnicode);
  }
  return end;
}

/** AdvanceStringIndex of the ECMAScript spec */
function advance(text: string, index: number, fullUnicode: boolean): number {
  if (!fullUnicode || index + 1 >= text.length) return index + 1;
  const c = text.charCodeAt(index);
  if (c < 0xd800 || c > 0xdbff) return index + 1;
  const d = text.charCodeAt(index + 1);
  return d >= 0xdc00 && d <= 0xdfff ? index + 2 : index + 1;
}

const CELL_WARNING: Partial<Record<ValueCell['status'], { code: string; text: string }>> = {
  dash: { code: 'cell-dash', text: 'printed as a dash, read as 0' },
  blank: { code: 'cell-blank', text: 'printed empty, read as null' },
  damaged: { code: 'cell-damaged', text: 'destroyed by mirror damage, read as null' },
  repaired: { code: 'cell-damaged', text: 'carries mirror damage around its digits; the digits were kept' },
};

/**
 * One warning per row and kind of irregular cell, naming the columns, so a reader can find
 * each cell without a warning per cell.
 */
export function cellWarnings(table: string, rowLabel: string, cells: readonly ValueCell[], columns: readonly string[]): Warning[] {
  const byStatus = new Map<string, { cols: string[]; raws: string[]; line: number }>();
  cells.forEach((cell, i) => {
    const kind = CELL_WARNING[cell.status];
    if (!kind) return;
    const entry = byStatus.get(cell.status) ?? { cols: [], raws: [], line: cell.line };
    entry.cols.push(columns[i] ?? `第${i + 1}列`);
    entry.raws.push(cell.raw);
    byStatus.set(cell.status, entry);
  });
  // (a loop: spreading the map costs more than the rest of the function in V8)
  const warnings: Warning[] = [];
  for (const [status, { cols, raws, line }] of byStatus) {
    const kind = CELL_WARNING[status as ValueCell['status']]!;
    const printed = status === 'blank' ? '' : `（印为 ${raws.map((r) => `“${r}”`).join('、')}）`;
    warnings.push({ code: kind.code, message: `表${table}「${rowLabel}」${cols.join('、')}：${kind.text}${printed}`, line });
  }
  return warnings;
}
