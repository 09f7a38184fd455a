// The canonical report JSON (`nianbao.report/1`), see ../shared/spec/report-json.md.
// Types only: the labels and row keys live in ./labels.ts.

import type { ApplicationRowKey, ProactiveRowKey } from './labels';

export const SCHEMA = 'nianbao.report/1' as const;

export type Scope = 'jurisdiction' | 'government' | 'department' | 'township' | 'unknown';
export type TemplateVersion = '2019' | '2021' | 'pre2019';
export type Cell = number | null;
/** [自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计] */
export type ApplicantRow = Cell[];
/** [维持, 纠正, 其他结果, 尚未审结, 总计] */
export type AppealRow = Cell[];

export interface Region {
  name: string | null;
  city: string | null;
  province: string | null;
}

export type ProactiveTable = Partial<Record<ProactiveRowKey, Record<string, Cell>>>;
export type ApplicationsTable = Partial<Record<ApplicationRowKey, ApplicantRow>>;

export interface AppealsTable {
  review: AppealRow;
  litigationDirect: AppealRow;
  litigationAfterReview: AppealRow;
}

export interface Channel {
  name: string;
  received?: number;
  resolved?: number;
  resolutionRate?: number;
  callbackRate?: number;
  satisfactionRate?: number;
}

export interface Activity {
  publishedItems?: number;
  hotlines?: Channel[];
  mailboxes?: Channel[];
  applications?: { received?: number; carriedOver?: number };
}

export interface CheckFailure {
  table: '二' | '三' | '四' | '正文';
  row: string;
  column: string;
  expected: number;
  found: number | null;
  line?: number;
}

export interface CheckResult {
  id: string;
  ok: boolean;
  severity: 'hard' | 'soft';
  detail?: string;
  failures?: CheckFailure[];
}

export interface Warning {
  code: string;
  message: string;
  line: number | null;
}

export type TableName = 'proactive' | 'applications' | 'appeals';

export interface Report {
  schema: typeof SCHEMA;
  region: Region;
  issuer: string | null;
  scope: Scope;
  year: number | null;
  template: TemplateVersion | null;
  proactive?: ProactiveTable;
  applications?: ApplicationsTable;
  appeals?: AppealsTable;
  activity?: Activity;
  checks: CheckResult[];
  tables: TableName[];
  warnings: Warning[];
  /** path of every figure -> line of the normalised text */
  sources: Record<string, number>;
}
