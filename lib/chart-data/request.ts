// What a chart or data URL asks for, read strictly: /api/charts/outcomes.png?regions=431225&
// years=2019..2024&width=1600. Anything malformed is refused with a message that names the
// parameter and what it accepts (the route answers 400 with it), never guessed at.

import { METRICS, type MetricId } from '../../db/queries/metrics';
import { MAX_YEAR, MIN_YEAR, parseYearRange, type YearRange } from '../dashboard/url-state';
import { isScope } from '../region/scope';
import type { Scope } from '../report/contract';

export const CHART_IDS = ['outcomes', 'applicants', 'hotline', 'appeals', 'proactive', 'trend', 'ranking'] as const;
export type ChartId = (typeof CHART_IDS)[number];

export const FORMATS = ['png', 'svg', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof FORMATS)[number];

/** charts that add their regions up (one level only); the others draw one series or bar per region */
export const SUMMED_CHARTS: readonly ChartId[] = ['outcomes', 'applicants', 'hotline', 'appeals', 'proactive'];

export const MAX_REGIONS = 12;
export const MAX_YEARS = 20;
const MAX_TOKEN_LENGTH = 60;

export interface ChartRequest {
  chart: ChartId;
  format: ExportFormat;
  /** codes, names or r<id>, as given */
  regions: string[];
  /** null: every year the regions have reports */
  years: YearRange | null;
  scope: Scope;
  /** trend and ranking */
  metric: MetricId | null;
  /** ranking: the year ranked (null: the latest) */
  year: number | null;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

const METRIC_IDS = new Set<string>(METRICS.map((m) => m.id));

/** `outcomes.png` → chart and format */
export function parseChartFile(file: string): Parsed<{ chart: ChartId; format: ExportFormat }> {
  const m = /^([a-z]+)\.([a-z]+)$/u.exec(file);
  if (!m) return fail(`图表地址应为 名称.格式，例如 outcomes.png（收到“${file}”）`);
  const [, chart, format] = m;
  if (!(CHART_IDS as readonly string[]).includes(chart)) return fail(`未知的图表“${chart}”；可用的图表：${CHART_IDS.join('、')}`);
  if (!(FORMATS as readonly string[]).includes(format)) return fail(`未知的格式“${format}”；可用的格式：${FORMATS.join('、')}`);
  return { ok: true, value: { chart: chart as ChartId, format: format as ExportFormat } };
}

/** `431225~会同县` (or 、 , ，): at least one, at most MAX_REGIONS, no empty entry */
export function parseRegionList(text: string | null): Parsed<string[]> {
  if (text === null || text.trim() === '') return fail('缺少 regions 参数：一个或多个地区（区划代码或名称，用 ~ 分隔），例如 regions=431225 或 regions=会同县~洪江市');
  const tokens = text.split(/[~、,，]/u).map((t) => t.trim());
  if (tokens.some((t) => t === '')) return fail(`regions 列表格式不对：有空的地区（收到“${text}”）；用 ~ 分隔，例如 431225~431202`);
  const long = tokens.find((t) => t.length > MAX_TOKEN_LENGTH);
  if (long) return fail(`regions 中的地区名过长（${long.length} 个字符，最多 ${MAX_TOKEN_LENGTH}）`);
  const unique = [...new Set(tokens)];
  if (unique.length > MAX_REGIONS) return fail(`regions 最多 ${MAX_REGIONS} 个地区（收到 ${unique.length} 个）`);
  return { ok: true, value: unique };
}

/** `2019..2024` or `2020`; absent: every year with reports */
export function parseYearsParam(text: string | null): Parsed<YearRange | null> {
  if (text === null || text.trim() === '') return { ok: true, value: null };
  const range = parseYearRange(text);
  if (!range) return fail(`years 应为 ${MIN_YEAR} 到 ${MAX_YEAR} 之间的一年或一段，例如 years=2019..2024 或 years=2020（收到“${text}”）`);
  if (range.to - range.from + 1 > MAX_YEARS) return fail(`years 最多跨 ${MAX_YEARS} 年（收到 ${range.from}..${range.to}）`);
  return { ok: true, value: range };
}

export function parseChartRequest(file: string, params: URLSearchParams): Parsed<ChartRequest> {
  const target = parseChartFile(file);
  if (!target.ok) return target;
  const { chart, format } = target.value;
  const regions = parseRegionList(params.get('regions'));
  if (!regions.ok) return regions;
  const years = parseYearsParam(params.get('years'));
  if (!years.ok) return years;
  const scopeText = params.get('scope');
  if (scopeText !== null && !isScope(scopeText)) return fail(`未知的 scope“${scopeText}”；可用：jurisdiction、government、department、township、unknown`);
  const metricText = params.get('metric');
  const needsMetric = chart === 'trend' || chart === 'ranking';
  if (needsMetric && !metricText) return fail(`图表 ${chart} 需要 metric 参数，例如 metric=applications.newReceived`);
  if (metricText !== null && !METRIC_IDS.has(metricText)) return fail(`未知的 metric“${metricText}”`);
  const yearText = params.get('year');
  let year: number | null = null;
  if (yearText !== null) {
    const y = parseYearsParam(yearText);
    if (!y.ok || !y.value || y.value.from !== y.value.to) return fail(`year 应为 ${MIN_YEAR} 到 ${MAX_YEAR} 之间的一个年份（收到“${yearText}”）`);
    year = y.value.from;
  }
  return {
    ok: true,
    value: {
      chart,
      format,
      regions: regions.value,
      years: years.value,
      scope: (scopeText as Scope | null) ?? 'jurisdiction',
      metric: needsMetric ? (metricText as MetricId) : null,
      year,
    },
  };
}

/** The years a chart of `years` can be asked for: the latest MAX_YEARS of them, null when none. */
export function chartYears(years: readonly number[]): { from: number; to: number } | null {
  if (years.length === 0) return null;
  const to = Math.max(...years);
  return { from: Math.max(Math.min(...years), to - MAX_YEARS + 1), to };
}

/** The query string of a request (the page's links and the image's own address). */
export function chartQuery(request: Pick<ChartRequest, 'regions' | 'years' | 'scope' | 'metric' | 'year'>, extra: Record<string, string | number> = {}): string {
  const q = new URLSearchParams();
  q.set('regions', request.regions.join('~'));
  if (request.years) q.set('years', request.years.from === request.years.to ? String(request.years.from) : `${request.years.from}..${request.years.to}`);
  if (request.scope !== 'jurisdiction') q.set('scope', request.scope);
  if (request.metric) q.set('metric', request.metric);
  if (request.year !== null) q.set('year', String(request.year));
  for (const [k, v] of Object.entries(extra)) q.set(k, String(v));
  return q.toString();
}

export function chartHref(chart: ChartId, format: ExportFormat, request: Parameters<typeof chartQuery>[0], extra?: Record<string, string | number>): string {
  return `/api/charts/${chart}.${format}?${chartQuery(request, extra)}`;
}
