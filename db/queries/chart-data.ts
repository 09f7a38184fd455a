// Reads what an exported chart shows (lib/chart-data/request.ts says what is asked): regions
// looked up by code or name, the years they have reports, the figures added up the dashboard's
// way (one level, one scope), and the reports they come from. A request that cannot be met
// (an unknown or ambiguous region, levels mixed in one sum) is a ChartRequestError: the route's 400.
import { sql } from 'drizzle-orm';
import { rankingChart, summedChart, trendChart, type ChartModel, type RankedRegion, type ReportRef, type YearFigures } from '../../lib/chart-data/model';
import { SUMMED_CHARTS, type ChartRequest } from '../../lib/chart-data/request';
import { officialUrl, reportTitle } from '../../lib/public/sources';
import type { Db } from '../client';
import { selectRows } from '../sql';
import { reportUrl } from './source-url';
import { appealOutcomes } from './appeals';
import { applicantMix, applicationOutcomes } from './applications';
import { channelSeries } from './channels';
import { metricById } from './metrics';
import { lookupRegion, type RegionSummary } from './region';
import { metricSeries, rankRegions } from './series';

export class ChartRequestError extends Error {}

const LEVEL_NAMES: Record<RegionSummary['level'], string> = { province: '省级', city: '市级', county: '县级', body: '部门或乡镇' };

export interface ChartData {
  model: ChartModel;
  regions: RegionSummary[];
  years: number[];
  reports: ReportRef[];
}

async function resolveRegions(db: Db, tokens: readonly string[]): Promise<RegionSummary[]> {
  const found: RegionSummary[] = [];
  for (const token of tokens) {
    const lookup = await lookupRegion(db, token);
    if (lookup.kind === 'not-found') throw new ChartRequestError(`找不到地区“${token}”：请用六位区划代码或地区全称`);
    if (lookup.kind === 'ambiguous') {
      const options = lookup.candidates.slice(0, 6).map((c) => `${c.code ?? `r${c.id}`}（${[c.province, c.city].filter((x) => x && x !== c.name).join('')}${c.name}）`);
      throw new ChartRequestError(`“${token}”有 ${lookup.candidates.length} 个同名地区，请改用区划代码：${options.join('、')}`);
    }
    if (!found.some((r) => r.id === lookup.region.id && r.code === lookup.region.code)) found.push(lookup.region);
  }
  return found;
}

/** The current reports of these regions in these years (all years when null), in one scope. */
async function reportsOf(db: Db, regionIds: readonly number[], years: readonly number[] | null, scope: string): Promise<ReportRef[]> {
  if (regionIds.length === 0) return [];
  const ids = sql.join(
    regionIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const inYears = years
    ? sql`and r.year in (${sql.join(
        years.map((y) => sql`${y}`),
        sql`, `,
      )})`
    : sql``;
  const rows = await selectRows<{ name: string; code: string | null; year: number; issuer: string | null; url: string | null; corrected: number }>(
    db,
    sql`select g.name, g.code, r.year, r.issuer,
          (select count(distinct c.path)::int from corrections c where c.report_id = r.id and c.undone_at is null) as corrected,
          ${reportUrl(sql`r.id`)} as url
        from reports r join regions g on g.id = r.region_id
        where r.region_id in (${ids}) and r.is_current and r.year is not null and r.scope = ${scope} ${inYears}
        order by g.code nulls last, g.name, r.year`,
  );
  // a report with figures staff corrected says so wherever its title is printed as a source
  const titleOf = (r: (typeof rows)[number]) => reportTitle(r.name, r.issuer, Number(r.year)) + (Number(r.corrected) > 0 ? `（${r.corrected} 处数字经更正）` : '');
  return rows.map((r) => ({ region: r.name, code: r.code, year: Number(r.year), title: titleOf(r), url: officialUrl(r.url) }));
}

const span = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

export async function loadChart(db: Db, request: ChartRequest): Promise<ChartData> {
  const regions = await resolveRegions(db, request.regions);
  const stored = regions.filter((r) => r.id !== null);
  const regionIds = stored.map((r) => r.id!);
  const summed = SUMMED_CHARTS.includes(request.chart);
  if (summed && new Set(regions.map((r) => r.level)).size > 1) {
    throw new ChartRequestError(`图表 ${request.chart} 把所选地区相加，只能相加同一层级的地区（收到：${regions.map((r) => `${r.name}（${LEVEL_NAMES[r.level]}）`).join('、')}）；请分层级分别导出`);
  }
  const scope = request.scope;
  let years: number[];
  if (request.years) years = span(request.years.from, request.years.to);
  else {
    const all = await reportsOf(db, regionIds, null, scope);
    const found = [...new Set(all.map((r) => r.year))].sort((a, b) => a - b);
    years = found.length ? span(found[0], found.at(-1)!) : [];
  }
  if (request.chart === 'ranking') {
    const metric = metricById(request.metric!);
    const rank = (year: number) => rankRegions(db, { metric: metric.id, year, scope, regionIds, limit: 100 });
    // unless a year is asked for: the latest year in which any of the regions states the figure
    let year = request.year ?? years.at(-1) ?? null;
    if (year === null) throw new ChartRequestError('所选地区还没有报告，无法排名');
    let ranking = regionIds.length ? await rank(year) : null;
    for (const earlier of request.year === null ? [...years].reverse().slice(1) : []) {
      if (!ranking || ranking.rows.length > 0) break;
      year = earlier;
      ranking = await rank(year);
    }
    const rows: RankedRegion[] = (ranking?.rows ?? []).map((r) => ({ rank: r.rank, name: r.region.name, code: r.region.code, city: r.city, province: r.province, value: r.value }));
    const reports = await reportsOf(db, regionIds, [year], scope);
    return { model: rankingChart(metric, year, rows, reports), regions, years: [year], reports };
  }
  const reports = await reportsOf(db, regionIds, years, scope);
  if (request.chart === 'trend') {
    const metric = metricById(request.metric!);
    const series = regionIds.length && years.length ? await metricSeries(db, { metric: metric.id, regionIds, years, scope, perRegion: true }) : null;
    const byId = new Map((series?.regions ?? []).map((s) => [s.region.id, s.points]));
    const lines = regions.map((r) => ({ name: r.name, code: r.code, points: (r.id !== null ? byId.get(r.id) : undefined) ?? [] }));
    return { model: trendChart(metric, years, lines, reports), regions, years, reports };
  }
  const figures = await summedFigures(db, regionIds, years, scope, regions[0]?.level ?? 'county');
  return { model: summedChart(request.chart, figures, reports), regions, years, reports };
}

async function summedFigures(db: Db, regionIds: number[], years: number[], scope: ChartRequest['scope'], level: RegionSummary['level']): Promise<YearFigures[]> {
  if (regionIds.length === 0 || years.length === 0) return years.map((year) => ({ year, reports: 0, received: null, publishedItems: null }));
  const selection = { regionIds, years, scope, perRegion: false };
  const [outcomes, applicants, hotline, appeals, received, published, counts] = await Promise.all([
    applicationOutcomes(db, selection),
    applicantMix(db, selection),
    channelSeries(db, { ...selection, channel: 'hotline' }),
    appealOutcomes(db, selection),
    metricSeries(db, { ...selection, metric: 'applications.newReceived' }),
    metricSeries(db, { ...selection, metric: 'activity.publishedItems' }),
    reportsOf(db, regionIds, years, scope),
  ]);
  const at = <T extends { level: string; year: number }>(rows: readonly T[], year: number) => rows.find((r) => r.level === level && r.year === year);
  const point = (s: typeof received, year: number) => s.totals.find((t) => t.level === level)?.points.find((p) => p.year === year)?.value ?? null;
  return years.map((year) => ({
    year,
    reports: counts.filter((r) => r.year === year).length,
    received: point(received, year),
    outcomes: at(outcomes.totals, year),
    applicants: at(applicants.totals, year),
    hotline: at(hotline.totals, year),
    appeals: at(appeals.totals, year),
    publishedItems: point(published, year),
  }));
}
