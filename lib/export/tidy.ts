// Every figure of a report as one row (tidy form), for the "all figures" CSV/XLSX export:
// where and when, which table, row and column (keys and printed labels), value, unit, and where
// it came from (the line of the report's text, the source URL). Rows follow TIDY_COLUMNS.

import { SCOPE_LABELS } from '../region/scope';
import type { Report } from '../report/contract';
import { reportFigures } from '../report/figures';
import {
  APPEAL_COLUMNS,
  APPEAL_GROUPS,
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  PROACTIVE_COLUMNS,
  PROACTIVE_ROWS,
  type ProactiveColumnDef,
  type ProactiveRowKey,
} from '../report/labels';
import type { Row } from './table';

export const TIDY_COLUMNS = ['地区', '所属市', '所属省', '年度', '范围', '表', '行键', '行', '列', '数值', '单位', '字段路径', '来源行号', '来源网址', '更正前印制数值', '更正原因'] as const;

export interface Described {
  table: '二' | '三' | '四' | '正文';
  rowKey: string;
  row: string;
  column: string;
  unit: string;
}

const VERSIONS = ['2019', '2021'] as const;
const ITEM_COLUMNS = new Set(['priorItems', 'itemChange', 'projects']);

// Prose figures (activity) have no printed table labels; these name them.
const ACTIVITY_COLUMNS: Record<string, { label: string; unit: string }> = {
  received: { label: '受理', unit: '件' },
  resolved: { label: '办结', unit: '件' },
  resolutionRate: { label: '办结率', unit: '%' },
  callbackRate: { label: '回访率', unit: '%' },
  satisfactionRate: { label: '满意率', unit: '%' },
};

/** The report's own version first, so a label is the one its table printed. */
function proactiveLabels(rowKey: string, columnKey: string, version: '2019' | '2021'): { row: string; column?: ProactiveColumnDef } {
  const def = PROACTIVE_ROWS.find((r) => r.key === rowKey);
  const order = version === '2021' ? [...VERSIONS].reverse() : VERSIONS;
  const labels: Partial<Record<'2019' | '2021', string>> = def?.labels ?? {};
  const row = order.map((v) => labels[v]).find(Boolean) ?? rowKey;
  const column = def && order.map((v) => PROACTIVE_COLUMNS[v][def.article].find((c) => c.key === columnKey)).find(Boolean);
  return { row, column };
}

/** Where a figure sits, by its contract path: table, row and column as printed, and its unit. */
export function describeFigure(path: string, report: Report): Described | undefined {
  const version = report.template === '2021' ? '2021' : '2019';
  let m = /^proactive\.([^.]+)\.(\w+)$/.exec(path);
  if (m) {
    const { row, column } = proactiveLabels(m[1] as ProactiveRowKey, m[2], version);
    const unit = column?.money ? '万元' : ITEM_COLUMNS.has(m[2]) ? '项' : '件';
    return { table: '二', rowKey: m[1], row, column: column?.label ?? m[2], unit };
  }
  m = /^applications\.(.+)\[(\d)\]$/.exec(path);
  if (m) {
    const row = APPLICATION_ROWS.find((r) => r.key === m![1])?.label ?? m[1];
    return { table: '三', rowKey: m[1], row, column: APPLICANT_COLUMNS[Number(m[2])], unit: '件' };
  }
  m = /^appeals\.(\w+)\[(\d)\]$/.exec(path);
  if (m) {
    const row = APPEAL_GROUPS.find((g) => g.key === m![1])?.label ?? m[1];
    return { table: '四', rowKey: m[1], row, column: APPEAL_COLUMNS[Number(m[2])], unit: '件' };
  }
  if (path === 'activity.publishedItems') return { table: '正文', rowKey: 'publishedItems', row: '主动公开信息', column: '条数', unit: '条' };
  m = /^activity\.(hotlines|mailboxes)\[(\d+)\]\.(\w+)$/.exec(path);
  if (m) {
    const channel = report.activity?.[m[1] as 'hotlines' | 'mailboxes']?.[Number(m[2])];
    const column = ACTIVITY_COLUMNS[m[3]] ?? { label: m[3], unit: '' };
    return { table: '正文', rowKey: `${m[1]}[${m[2]}]`, row: channel?.name ?? m[1], column: column.label, unit: column.unit };
  }
  m = /^activity\.applications\.(\w+)$/.exec(path);
  if (m) return { table: '正文', rowKey: 'applications', row: '依申请公开', column: m[1] === 'carriedOver' ? '上年结转' : '收到申请', unit: '件' };
  return undefined;
}

/**
 * One row per figure of the report (a figure the report prints blank has value null). A figure
 * staff corrected has its corrected value, with the printed value and the reason beside it.
 */
export function tidyRows(report: Report, source: { url?: string | null; corrections?: Readonly<Record<string, { printed: number | null; reason: string }>> } = {}): Row[] {
  const rows: Row[] = [];
  for (const { path, value } of reportFigures(report)) {
    const d = describeFigure(path, report);
    if (!d) continue;
    rows.push([
      report.region.name,
      report.region.city,
      report.region.province,
      report.year,
      SCOPE_LABELS[report.scope],
      d.table,
      d.rowKey,
      d.row,
      d.column,
      value,
      d.unit,
      path,
      report.sources[path] ?? null,
      source.url ?? null,
      source.corrections?.[path] ? (source.corrections[path].printed ?? '空') : null,
      source.corrections?.[path]?.reason ?? null,
    ]);
  }
  return rows;
}
