// The national tables 二, 三 and 四 laid out from a contract object (pure, no JSX): rows and
// cells in printed order with their labels from lib/report/labels.ts, each cell with its
// contract path, its source line and the failed checks that point at it.

import type { CheckFailure, Report } from '../../lib/report/contract';
import {
  APPEAL_COLUMNS,
  APPEAL_GROUPS,
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  ARTICLE_LABEL,
  PROACTIVE_COLUMNS,
  PROACTIVE_ROWS,
  applicationRowsFor,
  proactiveRowLabel,
  type ApplicationRowKey,
  type ProactiveColumnDef,
  type ProactiveRowDef,
} from '../../lib/report/labels';
import { OUTCOME_GROUPS, leafLabel } from '../../lib/region/outcomes';

/** A failed check's claim about one cell. */
export interface CellFailure {
  checkId: string;
  severity: 'hard' | 'soft';
  expected: number;
  found: number | null;
}

export interface LayoutCell {
  /** contract path, e.g. applications.total[6] */
  path: string;
  /** the printed value; null when printed blank or damaged; undefined when the report lacks the row */
  value: number | null | undefined;
  /** line of the normalised text, when known */
  line: number | null;
  failures: CellFailure[];
  money?: boolean;
  signed?: boolean;
  /** set when staff corrected the figure: `value` is then the corrected one */
  corrected?: CellCorrection;
}

/** A live correction of a figure, as its cell shows it. */
export interface CellCorrection {
  printed: number | null;
  reason: string;
}

/**
 * The layout with every cell whose path staff corrected marked (cells are the objects with a
 * `path` and a `failures` list, wherever the layout nests them).
 */
export function markCorrected<T>(layout: T, corrections: ReadonlyMap<string, CellCorrection> | undefined): T {
  if (!corrections || corrections.size === 0 || layout === null || typeof layout !== 'object') return layout;
  if (Array.isArray(layout)) return layout.map((item) => markCorrected(item, corrections)) as T;
  const record = layout as Record<string, unknown>;
  if (typeof record.path === 'string' && Array.isArray(record.failures)) {
    const corrected = corrections.get(record.path);
    return (corrected ? { ...record, corrected } : layout) as T;
  }
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, markCorrected(v, corrections)])) as T;
}

export interface LayoutRow {
  key: string;
  label: string;
  /** a heading row (三、本年度办理结果, （三）不予公开) has no cells */
  heading: boolean;
  /** indentation level: 0 for top rows, 1 inside 三, 2 for a group's leaves */
  depth: number;
  cells: LayoutCell[];
}

export interface CheckLike {
  checkId: string;
  ok: boolean;
  severity: 'hard' | 'soft';
  failures?: readonly CheckFailure[] | null;
}

/** The table-三 heading the outcome rows sit under (template.md §1, not a row of its own). */
export const OUTCOMES_HEADING = '三、本年度办理结果';

const failureKey = (table: string, row: string, column: string) => `${table}|${row}|${column}`;

/** Failures by the cell they point at (table|row|column). */
export function indexFailures(checks: readonly CheckLike[]): Map<string, CellFailure[]> {
  const index = new Map<string, CellFailure[]>();
  for (const check of checks) {
    if (check.ok) continue;
    for (const f of check.failures ?? []) {
      const key = failureKey(f.table, f.row, f.column);
      index.set(key, [...(index.get(key) ?? []), { checkId: check.checkId, severity: check.severity, expected: f.expected, found: f.found }]);
    }
  }
  return index;
}

function cell(report: Report, path: string, value: number | null | undefined, failures: CellFailure[], extra: Partial<LayoutCell> = {}): LayoutCell {
  return { path, value, line: report.sources[path] ?? null, failures, ...extra };
}

// ---- Table 三 ----------------------------------------------------------------------------

export interface ApplicationsLayout {
  shape: 'otherSingle' | 'otherSplit';
  columns: readonly string[];
  rows: LayoutRow[];
}

/**
 * （六）其他处理 as one row (2019) or three (2021): as the report prints it, else as its
 * template has it.
 */
export function applicationsShape(report: Pick<Report, 'applications' | 'template'>): 'otherSingle' | 'otherSplit' {
  const apps = report.applications ?? {};
  if ('other' in apps) return 'otherSingle';
  if (Object.keys(apps).some((k) => k.startsWith('other.'))) return 'otherSplit';
  return report.template === '2021' ? 'otherSplit' : 'otherSingle';
}

export function applicationsLayout(report: Report, failures: Map<string, CellFailure[]>): ApplicationsLayout | null {
  const apps = report.applications;
  if (!apps) return null;
  const shape = applicationsShape(report);
  const keys = applicationRowsFor(shape);
  const rows: LayoutRow[] = [];
  const headed = new Set<string>();
  for (const key of keys) {
    const def = APPLICATION_ROWS.find((r) => r.key === key)!;
    const group = def.outcome ? OUTCOME_GROUPS.find((g) => g.rows.includes(key)) : undefined;
    if (def.outcome && !headed.has(OUTCOMES_HEADING)) {
      headed.add(OUTCOMES_HEADING);
      rows.push({ key: 'group:outcomes', label: OUTCOMES_HEADING, heading: true, depth: 0, cells: [] });
    }
    const isLeaf = group !== undefined && group.rows.filter((k) => keys.includes(k)).length > 1;
    if (group && isLeaf && !headed.has(group.key)) {
      headed.add(group.key);
      rows.push({ key: `group:${group.key}`, label: `${group.number}${group.label}`, heading: true, depth: 1, cells: [] });
    }
    const values = apps[key as ApplicationRowKey];
    rows.push({
      key,
      label: isLeaf ? leafLabel(key) : def.label,
      heading: false,
      depth: isLeaf ? 2 : key === 'total' || def.outcome ? 1 : 0,
      cells: APPLICANT_COLUMNS.map((column, c) =>
        cell(report, `applications.${key}[${c}]`, values ? (values[c] ?? null) : undefined, failures.get(failureKey('三', key, column)) ?? []),
      ),
    });
  }
  return { shape, columns: APPLICANT_COLUMNS, rows };
}

// ---- Table 二 ----------------------------------------------------------------------------

export interface ProactiveBlock {
  article: ProactiveRowDef['article'];
  /** 第二十条第（一）项 */
  title: string;
  columns: ProactiveColumnDef[];
  rows: LayoutRow[];
}

export interface ProactiveLayout {
  version: '2019' | '2021';
  blocks: ProactiveBlock[];
}

/** The version of table 二's labels: the report's template, else told by the column keys it holds. */
export function proactiveVersion(report: Pick<Report, 'proactive' | 'template'>): '2019' | '2021' {
  if (report.template === '2019' || report.template === '2021') return report.template;
  const keys = new Set(Object.values(report.proactive ?? {}).flatMap((r) => Object.keys(r ?? {})));
  return ['issued', 'repealed', 'inForce', 'amountWan'].some((k) => keys.has(k)) && !keys.has('priorItems') ? '2021' : '2019';
}

export function proactiveLayout(report: Report, failures: Map<string, CellFailure[]>): ProactiveLayout | null {
  const table = report.proactive;
  if (!table) return null;
  const version = proactiveVersion(report);
  const blocks: ProactiveBlock[] = [];
  for (const def of PROACTIVE_ROWS) {
    const label = proactiveRowLabel(def.key, version);
    const columns = PROACTIVE_COLUMNS[version][def.article];
    if (!label || columns.length === 0) continue;
    let block = blocks.find((b) => b.article === def.article);
    if (!block) blocks.push((block = { article: def.article, title: ARTICLE_LABEL[def.article], columns, rows: [] }));
    const values = table[def.key];
    block.rows.push({
      key: def.key,
      label,
      heading: false,
      depth: 0,
      cells: columns.map((c) =>
        cell(report, `proactive.${def.key}.${c.key}`, values ? (values[c.key] ?? null) : undefined, failures.get(failureKey('二', def.key, c.label)) ?? [], {
          money: c.money,
          signed: c.signed,
        }),
      ),
    });
  }
  return { version, blocks };
}

// ---- Table 四 ----------------------------------------------------------------------------

export interface AppealsLayout {
  columns: readonly string[];
  groups: { key: string; label: string; cells: LayoutCell[] }[];
}

export function appealsLayout(report: Report, failures: Map<string, CellFailure[]>): AppealsLayout | null {
  const appeals = report.appeals;
  if (!appeals) return null;
  return {
    columns: APPEAL_COLUMNS,
    groups: APPEAL_GROUPS.map((g) => ({
      key: g.key,
      label: g.label,
      cells: APPEAL_COLUMNS.map((column, c) =>
        cell(report, `appeals.${g.key}[${c}]`, appeals[g.key]?.[c] ?? null, failures.get(failureKey('四', g.key, column)) ?? []),
      ),
    })),
  };
}

// ---- Prose figures -----------------------------------------------------------------------

export interface ChannelLayout {
  kind: 'hotlines' | 'mailboxes';
  name: string;
  cells: Record<'received' | 'resolved' | 'resolutionRate' | 'callbackRate' | 'satisfactionRate', LayoutCell>;
}

export interface ActivityLayout {
  publishedItems: LayoutCell | null;
  channels: ChannelLayout[];
  applications: { received: LayoutCell | null; carriedOver: LayoutCell | null };
}

const CHANNEL_FIELDS = ['received', 'resolved', 'resolutionRate', 'callbackRate', 'satisfactionRate'] as const;

export function activityLayout(report: Report, failures: Map<string, CellFailure[]>): ActivityLayout | null {
  const a = report.activity;
  if (!a) return null;
  const single = (path: string, value: number | undefined, fails: CellFailure[] = []) => (value === undefined ? null : cell(report, path, value, fails));
  const channels: ChannelLayout[] = (['hotlines', 'mailboxes'] as const).flatMap((kind) =>
    (a[kind] ?? []).map((ch, i) => ({
      kind,
      name: ch.name,
      cells: Object.fromEntries(
        CHANNEL_FIELDS.map((f) => [
          f,
          cell(report, `activity.${kind}[${i}].${f}`, ch[f], f === 'resolutionRate' ? (failures.get(failureKey('正文', ch.name, '办结率')) ?? []) : []),
        ]),
      ) as ChannelLayout['cells'],
    })),
  );
  return {
    publishedItems: single('activity.publishedItems', a.publishedItems),
    channels,
    applications: {
      received: single('activity.applications.received', a.applications?.received, failures.get(failureKey('正文', 'applications.received', APPLICANT_COLUMNS[6])) ?? []),
      carriedOver: single('activity.applications.carriedOver', a.applications?.carriedOver),
    },
  };
}
