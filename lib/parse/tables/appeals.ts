// Table 四: 行政复议 / 行政诉讼. One printed row of 15 numbers under a three-level header:
// 复议 (维持, 纠正, 其他, 尚未审结, 总计), then 直接起诉 and 复议后起诉 with the same five.

import type { AppealsTable, Warning } from '../../report/contract';
import { APPEAL_COLUMNS, APPEAL_GROUPS } from '../../report/labels';
import { compactLabel, groupRows, type Token, type ValueCell } from '../cells';
import type { Deadline } from '../deadline';
import { cellWarnings, type TableParse } from './common';

const WIDTH = APPEAL_GROUPS.length * APPEAL_COLUMNS.length;
const SOURCE_KEYS = APPEAL_GROUPS.map((group) => APPEAL_COLUMNS.map((_, i) => `appeals.${group.key}[${i}]`));
const HEADER_WORDS = /行政复议|行政诉讼|结果维持|结果纠正|尚未审结|复议后起诉|直接起诉/u;
const PROSE = /[。;；]|[,，].{6,}/u;

/** (`sources`: the record the figures' lines are added to, as in parseReportText; a new one by default) */
export function parseAppeals(tokens: readonly Token[], deadline?: Deadline, sources: Record<string, number> = {}): TableParse<AppealsTable> | null {
  const cells: ValueCell[] = [];
  let started = false;
  rows: for (const row of groupRows(tokens, deadline)) {
    deadline?.tick('reading table 四');
    const label = compactLabel(row.label);
    if (!started) {
      if (!HEADER_WORDS.test(label) || PROSE.test(label.replace(HEADER_WORDS, ''))) continue;
      started = true;
    } else if (PROSE.test(label)) break;
    // one by one: a damaged row may hold more values than a call can take as arguments
    for (const value of row.values) {
      cells.push(value);
      if (cells.length >= WIDTH) break rows;
    }
  }
  const printed = cells.slice(0, WIDTH);
  if (printed.length === 0) return null;

  const warnings: Warning[] = [];
  const table = {} as AppealsTable;
  APPEAL_GROUPS.forEach((group, g) => {
    const groupCells = printed.slice(g * APPEAL_COLUMNS.length, (g + 1) * APPEAL_COLUMNS.length);
    const values = groupCells.map((c) => c.value);
    while (values.length < APPEAL_COLUMNS.length) values.push(null);
    table[group.key] = values;
    groupCells.forEach((c, i) => (sources[SOURCE_KEYS[g][i]] = c.line));
    warnings.push(...cellWarnings('四', group.label, groupCells, APPEAL_COLUMNS));
  });
  if (printed.length < WIDTH) {
    warnings.push({ code: 'row-short', message: `表四只印出 ${printed.length} 个数（应为 ${WIDTH} 个），缺少的按空白处理`, line: printed[0].line });
  }
  return { table, sources, warnings };
}
