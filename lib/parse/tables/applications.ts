// Table 三: 收到和处理政府信息公开申请情况. Rows are found by label and mapped by position:
// always 7 values in the printed column order, whatever the printed header says (§5.2).

import type { ApplicationsTable, Warning } from '../../report/contract';
import { APPLICANT_COLUMNS, APPLICATION_ROWS, type ApplicationRowDef, type ApplicationRowKey } from '../../report/labels';
import { compactLabel, groupRows, type Token } from '../cells';
import type { Deadline } from '../deadline';
import { cellWarnings, matchRowKey, type TableParse } from './common';

const WIDTH = APPLICANT_COLUMNS.length;
const ROW_BY_KEY = new Map<string, ApplicationRowDef>(APPLICATION_ROWS.map((r) => [r.key, r]));
/** the `sources` paths of each row's cells, made once: building them per parse costs more than the rest of a row */
const SOURCE_KEYS = new Map<string, string[]>(APPLICATION_ROWS.map((r) => [r.key, APPLICANT_COLUMNS.map((_, i) => `applications.${r.key}[${i}]`)]));

export interface ApplicationsParse extends TableParse<ApplicationsTable> {
  /** '（六）其他处理' printed as one row or as the 2021 three sub-rows */
  otherShape: 'otherSingle' | 'otherSplit' | null;
}

/** (`sources`: the record the figures' lines are added to, as in parseReportText; a new one by default) */
export function parseApplications(tokens: readonly Token[], deadline?: Deadline, sources: Record<string, number> = {}): ApplicationsParse | null {
  const table: ApplicationsTable = {};
  const warnings: Warning[] = [];
  let candidates: readonly ApplicationRowDef[] = APPLICATION_ROWS;
  let found = false;

  for (const row of groupRows(tokens, deadline)) {
    deadline?.tick('reading table 三');
    const label = compactLabel(row.label);
    const key = matchRowKey(label, candidates) as ApplicationRowKey | null;
    if (!key) continue;
    const def = ROW_BY_KEY.get(key)!;
    // each row once; once one shape of （六） is seen, the other shape's rows are out
    candidates = candidates.filter((r) => r.key !== key && (!('shape' in def) || !r.shape || r.shape === def.shape));
    const cells = row.values.slice(0, WIDTH);
    const values = cells.map((c) => c.value);
    while (values.length < WIDTH) values.push(null);
    table[key] = values;
    found = true;
    const sourceKeys = SOURCE_KEYS.get(key)!;
    cells.forEach((c, i) => (sources[sourceKeys[i]] = c.line));
    warnings.push(...cellWarnings('三', def.label, cells, APPLICANT_COLUMNS));
    if (row.values.length < WIDTH) {
      warnings.push({ code: 'row-short', message: `表三「${def.label}」只印出 ${row.values.length} 个数（应为 ${WIDTH} 个），缺少的按空白处理`, line: row.labelLine });
    }
    const extra = row.values.slice(WIDTH).filter((c) => c.status !== 'blank');
    if (extra.length) {
      warnings.push({ code: 'row-extra', message: `表三「${def.label}」多出 ${extra.length} 个数：${extra.map((c) => c.raw).join(' ')}，未采用`, line: extra[0].line });
    }
  }
  if (!found) return null;
  return { table, sources, warnings, otherShape: otherShapeOf(table) };
}

function otherShapeOf(table: ApplicationsTable): ApplicationsParse['otherShape'] {
  if (table.other) return 'otherSingle';
  if (table['other.overdueCorrection'] || table['other.overdueFee'] || table['other.other']) return 'otherSplit';
  return null;
}
