// Table 二: 主动公开政府信息情况, blocks of 第二十条第（一）（五）（六）（八）（九）项.
// Each block's columns depend on the template version, told by its header words; a header
// that lost its words (本年新 | 本年新) falls back to the row's label, then to the version
// of the other blocks.

import type { Cell, ProactiveTable, Warning } from '../../report/contract';
import {
  PROACTIVE_COLUMNS,
  PROACTIVE_ROWS,
  PROACTIVE_VERSION_MARKERS,
  proactiveRowLabel,
  type ProactiveColumnDef,
  type ProactiveRowKey,
} from '../../report/labels';
import { compactLabel, groupRows, type Token, type ValueCell } from '../cells';
import type { Deadline } from '../deadline';
import { cellWarnings, matchRowKey, type TableParse } from './common';

type Version = '2019' | '2021';

export interface ProactiveParse extends TableParse<ProactiveTable> {
  version: Version | null;
  /** blocks whose header words disagree with the table's version */
  mixedBlocks: string[];
}

const BLOCK_MARK = /第二十条第[(（]([一五六八九])[)）]项/gu;
const ADMINISTRATIVE_NORMATIVE = /行政规范性文件/gu;
const MONEY_UNIT = /万元|元/u;
/** `sources` paths by row and column, made once */
const SOURCE_KEYS = new Map<string, Map<string, string>>();
const sourceKey = (row: string, col: string): string => {
  let byCol = SOURCE_KEYS.get(row);
  if (!byCol) SOURCE_KEYS.set(row, (byCol = new Map()));
  let key = byCol.get(col);
  if (key === undefined) byCol.set(col, (key = `proactive.${row}.${col}`));
  return key;
};
/**
 * A block's header (its mark, column words and row labels) is a few hundred characters. Text
 * beyond this many is not header, and re-reading an ever longer header at every row would make
 * a giant region quadratic.
 */
const MAX_HEADER_CHARS = 10_000;

interface RowHit {
  key: ProactiveRowKey;
  label: string;
  line: number;
  values: ValueCell[];
  headerVersion: Version | null;
  headerUnit: '万元' | '元' | null;
}

/** Where the label's last block mark starts, else -1 (an exec loop: matchAll's iterator costs more). */
function lastMarkAt(label: string): number {
  // (most labels hold no mark: a search for its first words is cheaper still)
  if (!label.includes('第二十条第')) return -1;
  let at = -1;
  BLOCK_MARK.lastIndex = 0;
  for (let m = BLOCK_MARK.exec(label); m !== null; m = BLOCK_MARK.exec(label)) at = m.index;
  return at;
}

function versionOf(text: string): Version | null {
  const v2019 = PROACTIVE_VERSION_MARKERS['2019'].test(text);
  const v2021 = PROACTIVE_VERSION_MARKERS['2021'].test(text);
  if (v2019 === v2021) return null;
  return v2019 ? '2019' : '2021';
}

/** (`sources`: the record the figures' lines are added to, as in parseReportText; a new one by default) */
export function parseProactive(tokens: readonly Token[], deadline?: Deadline, sources: Record<string, number> = {}): ProactiveParse | null {
  const hits: RowHit[] = [];
  let header = '';
  let headerVersion: Version | null = null;
  let headerUnit: RowHit['headerUnit'] = null;
  for (const row of groupRows(tokens, deadline)) {
    deadline?.tick('reading table 二');
    const label = compactLabel(row.label);
    const markAt = lastMarkAt(label);
    const ownText = markAt !== -1 ? label.slice(markAt) : label;
    if (markAt !== -1) {
      header = ownText;
      headerVersion = null;
      headerUnit = null;
    } else if (header.length < MAX_HEADER_CHARS) {
      header += ownText;
    }
    const key = matchRowKey(ownText, PROACTIVE_ROWS);
    headerVersion = versionOf(header.replace(ADMINISTRATIVE_NORMATIVE, '')) ?? headerVersion;
    const unit = MONEY_UNIT.exec(header);
    if (unit) headerUnit = unit[0] as '万元' | '元';
    if (!key) continue;
    hits.push({ key, label: ownText, line: row.labelLine, values: row.values, headerVersion, headerUnit });
  }
  if (hits.length === 0) return null;

  const version = tableVersion(hits);
  const table: ProactiveTable = {};
  const warnings: Warning[] = [];
  const mixedBlocks = new Set<string>();
  for (const hit of hits) {
    if (table[hit.key]) continue;
    const def = PROACTIVE_ROWS.find((r) => r.key === hit.key)!;
    const rowVersion = rowVersionOf(hit, version);
    if (version && rowVersion !== version) mixedBlocks.add(`第二十条第（${def.article}）项`);
    const columns = PROACTIVE_COLUMNS[rowVersion][def.article];
    if (columns.length === 0) continue;
    const cells = hit.values.slice(0, columns.length);
    const rowLabel = proactiveRowLabel(hit.key, rowVersion) ?? Object.values(def.labels)[0];
    const figures: Record<string, Cell> = {};
    cells.forEach((cell, i) => {
      const col = columns[i];
      const figure = figureOf(cell, col, hit.headerUnit, rowVersion, rowLabel, warnings);
      if (figure === undefined) return;
      figures[col.key] = figure;
      sources[sourceKey(hit.key, col.key)] = cell.line;
    });
    warnings.push(...cellWarnings('二', rowLabel, cells, columns.map((c) => c.label)));
    if (cells.length < columns.length) {
      warnings.push({ code: 'row-short', message: `表二「${rowLabel}」只印出 ${cells.length} 个数（应为 ${columns.length} 个）`, line: hit.line });
    }
    table[hit.key] = figures;
  }
  return { table, sources, warnings, version, mixedBlocks: [...mixedBlocks] };
}

/** The version most blocks' headers speak; a row-label clue when no header speaks. */
function tableVersion(hits: readonly RowHit[]): Version | null {
  const votes = { '2019': 0, '2021': 0 };
  for (const h of hits) if (h.headerVersion) votes[h.headerVersion]++;
  if (votes['2019'] !== votes['2021']) return votes['2019'] > votes['2021'] ? '2019' : '2021';
  for (const h of hits) {
    if (/行政规范性文件/u.test(h.label)) return '2021';
    if (h.key === 'otherServices' || h.key === 'procurement') return '2019';
  }
  const singles = hits.filter((h) => h.key !== 'regulations' && h.key !== 'normativeDocuments');
  if (singles.length && singles.every((h) => h.values.filter((v) => v.status !== 'blank').length <= 1)) return '2021';
  return singles.length ? '2019' : null;
}

function rowVersionOf(hit: RowHit, tableVersion: Version | null): Version {
  if (hit.key === 'otherServices' || hit.key === 'procurement') return '2019';
  return hit.headerVersion ?? tableVersion ?? '2019';
}

/** undefined: the figure is left out (money with no unit cannot be read as 万元). */
function figureOf(
  cell: ValueCell,
  col: ProactiveColumnDef,
  headerUnit: RowHit['headerUnit'],
  version: Version,
  rowLabel: string,
  warnings: Warning[],
): Cell | undefined {
  if (cell.value === null || !col.money) return cell.value;
  const unit = cell.unit ?? headerUnit ?? (version === '2021' ? '万元' : null);
  if (unit === '万元') return cell.value;
  if (unit === '元') {
    const wan = cell.value / 10000;
    warnings.push({ code: 'unit-converted', message: `表二「${rowLabel}」${col.label}印为“${cell.raw}”，折合 ${wan} 万元`, line: cell.line });
    return wan;
  }
  warnings.push({ code: 'unit-missing', message: `表二「${rowLabel}」${col.label}印为“${cell.raw}”，未注明单位，不作万元读取`, line: cell.line });
  return undefined;
}
