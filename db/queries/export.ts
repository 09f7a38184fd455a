// The full export: every figure of every current report in tidy form (lib/export/tidy.ts), one
// row per figure with its source line and the report's official URL, as CSV or XLSX streamed to
// the client (app/api/export/figures.{csv,xlsx}).
//
// Reading: one query lists the ids of the reports to export, already in export order (a few
// bytes per report: 20,000 reports are ~160 KB of ids); then their documents are read 200 at a
// time by id, the next batch fetched while the current one is written out. A plain keyset over
// report ids cannot give the geographic order, and a keyset over the sort key would sort every
// report again for each batch. Memory stays at two batches of documents (the live heap grows by
// ~7 MB, at 2,000 reports as at 20,000: scripts/bench-full-export.ts) whatever the size of the
// database, and between batches a PGlite database is free for other requests.
//
// Rows come from the documents (the contract JSON) through tidyRows rather than from the
// figures table: the labels need the document anyway (template version, channel names), and
// on the 20,000-report PostgreSQL dataset reading every document in batches of 200 took 6.5–9 s
// where the same reports' 4 million figure rows took 13–14 s.
//
// Order: province, city, region (a county, then its departments and townships), year, scope,
// then table 二, 三, 四, 正文 and their rows and columns as the national format prints them
// (lib/report/labels.ts). Places sort by GB/T 2260 code, places without one by name after them,
// as the dashboard lists regions (compareRegions); reports without a region come last.
//
// Names: 地区, 所属市 and 所属省 come from the regions table (the region the report was filed
// under, a body for a department's or township's report, and its nearest city and province
// above it), not from the parser's text; 来源网址 is the report's URL only on a government site
// (lib/public/sources.ts officialUrl): mirror copies are never linked.

import { Readable } from 'node:stream';
import { sql, type SQL } from 'drizzle-orm';
import { csvStream } from '../../lib/export/csv';
import { contentDisposition, dateStamp, safeFileName, textError, XLSX_TYPE } from '../../lib/export/http';
import type { Row } from '../../lib/export/table';
import { TIDY_COLUMNS, tidyRows } from '../../lib/export/tidy';
import { EXCEL_MAX_DATA_ROWS, xlsxStream } from '../../lib/export/xlsx';
import { parseYearRange, SCOPES, type YearRange } from '../../lib/dashboard/url-state';
import { officialUrl } from '../../lib/public/sources';
import { SCOPE_LABELS } from '../../lib/region/scope';
import type { Activity, Channel, Report } from '../../lib/report/contract';
import { APPEAL_GROUPS, APPLICATION_ROW_KEYS, PROACTIVE_COLUMNS, PROACTIVE_ROWS } from '../../lib/report/labels';
import type { Db } from '../client';
import { getDatabase } from '../server';
import { selectRows } from '../sql';
import { reportUrl } from './source-url';
import { lookupRegion, type RegionSummary } from './region';
import type { ReportScope } from './selection';

export { TIDY_COLUMNS } from '../../lib/export/tidy';

// ---- the rows ---------------------------------------------------------------------------

/** Which current reports to export; every field left out means "all". */
export interface FigureFilter {
  /** the reports filed under these regions (exactly these, as the dashboard selects); [] exports nothing */
  regionIds?: readonly number[];
  /** these years; [] exports nothing (a report of unknown year is exported only without this filter) */
  years?: readonly number[];
  scope?: ReportScope;
}

export interface FigureRowsOptions {
  /** reports per query (default 200) */
  batchReports?: number;
}

export const DEFAULT_BATCH_REPORTS = 200;

const list = (values: readonly (number | string)[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

// The region of a report and its ancestors: the hierarchy is province → city → county → body,
// so three parents reach the top from any region (a body's third parent is its province).
const PLACES = sql`left join regions g on g.id = r.region_id
  left join regions p1 on p1.id = g.parent_id
  left join regions p2 on p2.id = p1.parent_id
  left join regions p3 on p3.id = p2.parent_id`;

type Alias = 'g' | 'p1' | 'p2' | 'p3';
const ANCESTORS: Alias[] = ['p1', 'p2', 'p3'];
/** the dashboard's sort key of a region: its code, else ~name (after every code) */
const key = (a: Alias) => sql.raw(`coalesce(${a}.code, '~' || ${a}.name)`);
const levelIs = (a: Alias, level: string) => sql.raw(`${a}.level = '${level}'`);
/** `value(a)` of the nearest of `aliases` at `level`, else null */
function nearest(aliases: readonly Alias[], level: string, value: (a: Alias) => SQL): SQL {
  return sql`(case ${sql.join(
    aliases.map((a) => sql`when ${levelIs(a, level)} then ${value(a)}`),
    sql` `,
  )} end)`;
}
const name = (a: Alias) => sql.raw(`${a}.name`);
const SELF_AND_ANCESTORS: Alias[] = ['g', ...ANCESTORS];
const C = sql.raw('collate "C"');

/**
 * Export order: province, city, county (each the region itself when it is one: a city's own
 * report comes before its counties'), body, year, scope; reports without a region last.
 */
const ORDER = sql.join(
  [
    sql`(g.id is null)`,
    sql`${nearest(SELF_AND_ANCESTORS, 'province', key)} ${C} nulls last`,
    sql`coalesce(${nearest(SELF_AND_ANCESTORS, 'city', key)}, '') ${C}`,
    sql`coalesce(${nearest(SELF_AND_ANCESTORS, 'county', key)}, '') ${C}`,
    sql`coalesce(${nearest(['g'], 'body', name)}, '') ${C}`,
    sql`r.year nulls last`,
    sql`array_position(array[${list(SCOPES)}]::text[], r.scope::text)`,
    sql`r.id`,
  ],
  sql`, `,
);

function conditions(filter: FigureFilter): SQL {
  const parts: SQL[] = [sql`r.is_current`];
  if (filter.regionIds !== undefined) parts.push(filter.regionIds.length ? sql`r.region_id in (${list([...new Set(filter.regionIds)])})` : sql`false`);
  if (filter.years !== undefined) parts.push(filter.years.length ? sql`r.year in (${list([...new Set(filter.years)])})` : sql`false`);
  if (filter.scope !== undefined) parts.push(sql`r.scope = ${filter.scope}`);
  return sql.join(parts, sql` and `);
}

/** The ids of the reports to export, in export order. */
export async function exportReportIds(db: Db, filter: FigureFilter = {}): Promise<number[]> {
  const rows = await selectRows<{ id: number }>(db, sql`select r.id from reports r ${PLACES} where ${conditions(filter)} order by ${ORDER}`);
  return rows.map((r) => Number(r.id));
}

interface LoadedReport {
  id: number;
  document: Report;
  /** null: the report has no region (the parser's names are kept) */
  region: string | null;
  city: string | null;
  province: string | null;
  url: string | null;
  /** live corrections by path: the document holds the corrected figures */
  corrections: Record<string, { printed: number | null; reason: string }>;
}

/** The documents of these reports with their places and URL, in the order of `ids`. */
async function loadReports(db: Db, ids: readonly number[]): Promise<LoadedReport[]> {
  const rows = await selectRows<Record<string, unknown>>(
    db,
    sql`select r.id, coalesce(r.effective, r.document) as document, g.id as region_id, g.name as region,
          (select jsonb_object_agg(c.path, jsonb_build_object('printed', c.printed, 'reason', c.reason))
             from (select distinct on (path) path, printed, reason from corrections
                   where report_id = r.id and undone_at is null order by path, id desc) c) as corrections,
          ${nearest(ANCESTORS, 'city', name)} as city, ${nearest(ANCESTORS, 'province', name)} as province,
          ${reportUrl(sql`r.id`)} as url
        from reports r ${PLACES}
        where r.id in (${list(ids)})`,
  );
  const byId = new Map(
    rows.map((r): [number, LoadedReport] => {
      const document = (typeof r.document === 'string' ? JSON.parse(r.document) : r.document) as Report;
      const placed = r.region_id !== null && r.region_id !== undefined;
      return [
        Number(r.id),
        {
          id: Number(r.id),
          document,
          region: placed ? (r.region as string) : null,
          city: placed ? ((r.city as string | null) ?? null) : null,
          province: placed ? ((r.province as string | null) ?? null) : null,
          url: (r.url as string | null) ?? null,
          corrections: ((typeof r.corrections === 'string' ? JSON.parse(r.corrections) : r.corrections) ?? {}) as LoadedReport['corrections'],
        },
      ];
    }),
  );
  // a report deleted since the ids were listed is skipped
  return ids.map((id) => byId.get(id)).filter((r): r is LoadedReport => r !== undefined);
}

/** `object` with the keys of `order` first, in that order, then any others as they were. */
function ordered<T extends object>(object: T, order: readonly string[]): T {
  const source = object as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of order) if (Object.hasOwn(source, k)) out[k] = source[k];
  for (const k of Object.keys(source)) if (!Object.hasOwn(out, k)) out[k] = source[k];
  return out as T;
}

const CHANNEL_KEYS = ['name', 'received', 'resolved', 'resolutionRate', 'callbackRate', 'satisfactionRate'];
const ACTIVITY_APPLICATION_KEYS = ['received', 'carriedOver'];
const APPEAL_KEYS = APPEAL_GROUPS.map((g) => g.key);
const PROACTIVE_ROW_KEYS = PROACTIVE_ROWS.map((r) => r.key);

/** Table 二's columns of each row in printed order, the report's own version first. */
const PROACTIVE_COLUMN_KEYS = Object.fromEntries(
  (['2019', '2021'] as const).map((version) => {
    const versions = version === '2021' ? (['2021', '2019'] as const) : (['2019', '2021'] as const);
    const byRow = new Map(PROACTIVE_ROWS.map((def) => [def.key as string, [...new Set(versions.flatMap((v) => PROACTIVE_COLUMNS[v][def.article].map((c) => c.key)))]]));
    return [version, byRow];
  }),
) as Record<'2019' | '2021', Map<string, string[]>>;

/**
 * The report with its tables' rows and columns in the national format's printed order (a jsonb
 * document keeps its keys in its own order: shortest first), so tidyRows lists them that way.
 */
export function inPrintedOrder(report: Report): Report {
  const version = report.template === '2021' ? '2021' : '2019';
  const out: Report = { ...report };
  if (report.proactive) {
    const rows = ordered(report.proactive, PROACTIVE_ROW_KEYS) as Record<string, Record<string, number | null>>;
    out.proactive = Object.fromEntries(Object.entries(rows).map(([k, cols]) => [k, cols && ordered(cols, PROACTIVE_COLUMN_KEYS[version].get(k) ?? [])]));
  }
  if (report.applications) out.applications = ordered(report.applications, APPLICATION_ROW_KEYS);
  if (report.appeals) out.appeals = ordered(report.appeals, APPEAL_KEYS);
  if (report.activity) {
    const a: Activity = { ...report.activity };
    const channels = (all?: Channel[]) => all?.map((c) => ordered(c, CHANNEL_KEYS));
    if (a.hotlines) a.hotlines = channels(a.hotlines);
    if (a.mailboxes) a.mailboxes = channels(a.mailboxes);
    if (a.applications) a.applications = ordered(a.applications, ACTIVITY_APPLICATION_KEYS);
    out.activity = a;
  }
  return out;
}

/** The tidy rows of one loaded report: places from the database, official URL only. */
function rowsOf(loaded: LoadedReport): Row[] {
  const report = inPrintedOrder(loaded.document);
  if (loaded.region !== null) report.region = { name: loaded.region, city: loaded.city, province: loaded.province };
  return tidyRows(report, { url: officialUrl(loaded.url), corrections: loaded.corrections });
}

/**
 * Every figure of every current report matching `filter`, one tidy row each (TIDY_COLUMNS), in
 * export order. Reads `batchReports` documents per query, the next batch while the current one
 * is consumed; closing the generator (`return()`, as a cancelled stream does) stops the reading
 * once the query in flight has finished.
 */
export async function* allFigureRows(db: Db, filter: FigureFilter = {}, options: FigureRowsOptions = {}): AsyncGenerator<Row, void, undefined> {
  const batch = Math.max(1, Math.floor(options.batchReports ?? DEFAULT_BATCH_REPORTS));
  const ids = await exportReportIds(db, filter);
  const load = (start: number) => (start < ids.length ? loadReports(db, ids.slice(start, start + batch)) : null);
  let pending = load(0);
  try {
    for (let start = 0; pending; start += batch) {
      const reports = await pending;
      pending = load(start + batch);
      for (const report of reports) {
        for (const row of rowsOf(report)) yield row;
      }
    }
  } finally {
    // closed early: let the prefetch in flight finish (its rows are dropped) so nothing reads after
    await pending?.catch(() => undefined);
  }
}

// ---- the HTTP side: query parameters, file names, responses ------------------------------
// (here rather than in the route files, which may export only route fields, and are two)

export type ExportFormat = 'csv' | 'xlsx';

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: XLSX_TYPE,
};

export const MAX_EXPORT_REGIONS = 50;
const MAX_TOKEN_LENGTH = 60;

/** What the query string asks for, resolved. */
export interface FigureExportQuery {
  filter: FigureFilter;
  /** the regions asked for, as found (for the file name); empty: all regions */
  regions: RegionSummary[];
  years: YearRange | null;
  scope: ReportScope | null;
}

export type ParsedExportQuery = { ok: true; query: FigureExportQuery } | { ok: false; error: string };

/** 350102（福建省福州市鼓楼区）: a candidate with the key that names it alone and where it lies. */
function candidateText(r: RegionSummary): string {
  const where = [r.province, r.city, r.parent?.name].filter((p, i, all): p is string => !!p && p !== r.name && all.indexOf(p) === i).join('');
  const keyText = r.code ?? (r.id !== null ? `r${r.id}` : r.name);
  return `${keyText}（${where ? `${where}${r.name}` : r.name}）`;
}

const SCOPE_CHOICES = SCOPES.map((s) => `${s}（${SCOPE_LABELS[s]}）`).join('、');

/**
 * `regions` (GB/T 2260 codes, names, aliases or r<id>, separated by ~), `years` (2019..2024 or
 * 2020) and `scope`, as the dashboard reads them, except that a value that cannot be read is an
 * error (with a Chinese message for a 400) rather than ignored: an export must not quietly hold
 * something else than was asked. Empty parameters mean "all".
 */
export async function parseFigureExportQuery(db: Db, params: URLSearchParams): Promise<ParsedExportQuery> {
  const filter: FigureFilter = {};
  let years: YearRange | null = null;
  let scope: ReportScope | null = null;

  const yearsText = params.get('years')?.trim();
  if (yearsText) {
    years = parseYearRange(yearsText);
    if (!years) return { ok: false, error: `年份无法识别：“${yearsText}”。请写作 2019..2024（起止年份）或 2020（单一年份），年份在2000至2100之间，起年不晚于止年。` };
    filter.years = Array.from({ length: years.to - years.from + 1 }, (_, i) => years!.from + i);
  }

  const scopeText = params.get('scope')?.trim();
  if (scopeText) {
    if (!(SCOPES as readonly string[]).includes(scopeText)) return { ok: false, error: `统计范围无法识别：“${scopeText}”。可选：${SCOPE_CHOICES}。` };
    scope = scopeText as ReportScope;
    filter.scope = scope;
  }

  const tokens = [
    ...new Set(
      (params.get('regions') ?? '')
        .split('~')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
  const regions: RegionSummary[] = [];
  if (tokens.length > MAX_EXPORT_REGIONS) return { ok: false, error: `一次最多导出${MAX_EXPORT_REGIONS}个地区，这里有${tokens.length}个。` };
  if (tokens.length > 0) {
    const problems: string[] = [];
    const unknown: string[] = [];
    for (const token of tokens) {
      const found = token.length > MAX_TOKEN_LENGTH ? ({ kind: 'not-found', key: token } as const) : await lookupRegion(db, token);
      if (found.kind === 'found') regions.push(found.region);
      else if (found.kind === 'ambiguous') problems.push(`“${token}”对应多个地区，请改用代码指明：${found.candidates.map(candidateText).join('、')}。`);
      else unknown.push(`“${token.length > MAX_TOKEN_LENGTH ? `${token.slice(0, MAX_TOKEN_LENGTH)}…` : token}”`);
    }
    if (unknown.length) problems.unshift(`找不到地区${unknown.join('、')}。请使用地区代码（如431225）、名称（如会同县）或别名，多个地区用 ~ 分隔。`);
    if (problems.length) return { ok: false, error: problems.join('') };
    // a place of the national list with no report has no id: it adds nothing to the export
    filter.regionIds = [...new Set(regions.map((r) => r.id).filter((id): id is number => id !== null))];
  }
  return { ok: true, query: { filter, regions, years, scope } };
}

/** What the export holds, in words: 全部, or 会同县、芷江侗族自治县-2019-2024-政府本级 … */
export function exportLabel(query: FigureExportQuery): string {
  const parts: string[] = [];
  const names = query.regions.map((r) => r.name);
  if (names.length === 0) parts.push('全部');
  else parts.push(names.length <= 3 ? names.join('、') : `${names[0]}等${names.length}个地区`);
  if (query.years) parts.push(query.years.from === query.years.to ? `${query.years.from}` : `${query.years.from}-${query.years.to}`);
  if (query.scope) parts.push(SCOPE_LABELS[query.scope]);
  return safeFileName(parts.join('-'));
}

/** 政府信息公开年报数据-全部-20261129.csv, and an ASCII name for clients that cannot read the other. */
export function exportFileNames(query: FigureExportQuery, format: ExportFormat, now: Date): { name: string; ascii: string } {
  const date = dateStamp(now);
  const filtered = query.regions.length > 0 || query.years !== null || query.scope !== null;
  return {
    name: `政府信息公开年报数据-${exportLabel(query)}-${date}.${format}`,
    ascii: `nianbao-figures-${filtered ? 'selection' : 'all'}-${date}.${format}`,
  };
}

export interface ExportResponseOptions {
  /** the database to read (default: the app's, db/server.ts) */
  db?: Db;
  /** XLSX: data rows per sheet (default Excel's limit, 1,048,575) */
  maxRows?: number;
  /** reports per query */
  batchReports?: number;
  now?: Date;
}

const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * GET /api/export/figures.{csv,xlsx}: every figure matching the query, streamed. 400 with a
 * Chinese message (plain text, as every download answers: lib/export/http.ts) for a parameter
 * that cannot be read or a region that cannot be found; 503 when the database cannot be opened.
 * The body is read from the database only as the client takes it; a client that goes away
 * cancels the stream, which closes the row generator.
 */
export async function figureExportResponse(request: Request, format: ExportFormat, options: ExportResponseOptions = {}): Promise<Response> {
  let db: Db;
  let parsed: ParsedExportQuery;
  try {
    db = options.db ?? (await getDatabase()).db;
  } catch (err) {
    console.error(err);
    return textError(503, '暂时无法读取数据库，请稍后再试');
  }
  try {
    parsed = await parseFigureExportQuery(db, new URL(request.url).searchParams);
  } catch (err) {
    console.error(err);
    return textError(500, '服务器暂时无法生成这个文件，请稍后再试');
  }
  if (!parsed.ok) return textError(400, parsed.error);
  const { query } = parsed;
  const now = options.now ?? new Date();
  const files = exportFileNames(query, format, now);
  const headers = {
    ...NO_STORE,
    'Content-Type': EXPORT_CONTENT_TYPES[format],
    'Content-Disposition': contentDisposition(files.name, files.ascii),
  };
  const rows = allFigureRows(db, query.filter, { batchReports: options.batchReports });
  if (format === 'csv') return new Response(csvStream(TIDY_COLUMNS, rows), { headers });

  const label = exportLabel(query);
  const meta = { title: `政府信息公开工作年度报告数据（${label}）`, source: '年报通数据库（每个数字的来源行号和官方网址见各行）', exportedAt: now };
  const stream = xlsxStream([{ name: '数据', columns: TIDY_COLUMNS, rows }], meta, { maxRows: options.maxRows ?? EXCEL_MAX_DATA_ROWS });
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { headers });
}
