// The overview: a year and a set of regions (both in the URL), the year's headline figures
// against the year before, trends across years and a ranking of regions, every number linked
// to the report it comes from. Read from the database, or from the read cache while the data
// has not changed (db/read-cache.ts).

import Link from 'next/link';
import type { ReactNode } from 'react';
import DatabaseNotice from '../../components/ui/DatabaseNotice';
import { cachedRead } from '../../db/read-cache';
import { getDatabase } from '../../db/server';
import Controls from '../../components/overview/Controls';
import KpiSection from '../../components/overview/KpiSection';
import { loadOverview } from '../../components/overview/load';
import OutcomesSection from '../../components/overview/OutcomesSection';
import RankingSection from '../../components/overview/RankingSection';
import SourcesSection from '../../components/overview/SourcesSection';
import TrendSection from '../../components/overview/TrendSection';
import type { MetricId } from '../../db/queries/metrics';
import { chartYears, MAX_REGIONS as MAX_CHART_REGIONS } from '../../lib/chart-data/request';
import { LEVEL_LABEL, SCOPE_LABEL, metricGroups } from '../../lib/dashboard/labels';
import { regionHref, regionToken } from '../../lib/dashboard/links';
import { SCOPES, parseState, stateHref, type SearchParams } from '../../lib/dashboard/url-state';

// never prerendered: `next build` runs in other processes and must not open the database
export const dynamic = 'force-dynamic';

export const metadata = { title: '概览 · 年报通' };

/** regions listed in the picker before anything is typed */
const PICKER_LIST = 60;

function Notice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="page">
      <section className="notice">
        <h2>{title}</h2>
        {children}
      </section>
    </main>
  );
}

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const state = parseState((await searchParams) as SearchParams);
  let database;
  try {
    database = await getDatabase();
  } catch (err) {
    return (
      <main className="page">
        <DatabaseNotice error={err} />
      </main>
    );
  }

  const db = database.db;
  const data = await cachedRead(db, `overview:${JSON.stringify(state)}`, () => loadOverview(db, state));
  if (data.empty) {
    return (
      <Notice title="还没有报告">
        <p>
          运行 <code>npm run -s prepare-db</code> 载入随附的数据，或用 <code>npm run -s ingest -- 报告文件或文件夹</code> 导入报告。
        </p>
      </Notice>
    );
  }

  const picker = (r: { code: string | null; name: string; level: keyof typeof LEVEL_LABEL; within?: string | null; scopes?: Partial<Record<string, number>> }) => ({
    token: regionToken(r),
    name: r.name,
    code: r.code,
    within: r.within ?? null,
    level: LEVEL_LABEL[r.level],
    reports: r.scopes?.[state.scope] ?? 0,
  });
  // a bounded list for the picker (it searches the server for the rest)
  const chosenIds = new Set(data.selected.map((r) => r.id));
  const selectedOptions = data.options.filter((o) => chosenIds.has(o.id));
  const pickerRegions = [...selectedOptions, ...data.options.filter((o) => !chosenIds.has(o.id)).slice(0, PICKER_LIST)].map(picker);
  const selectedNames = data.selected.map((r) => r.name).join('、');
  const otherScopes = SCOPES.filter((s) => s !== state.scope && selectedOptions.some((o) => (o.scopes[s] ?? 0) > 0));

  return (
    <main className="page page-wide">
      <header className="overview-head">
        <h1>政府信息公开年度报告概览</h1>
        <p className="lede">
          {data.selected.length ? (
            <>
              {data.selected.map((r, i) => (
                <span key={r.id}>
                  {i > 0 ? '、' : ''}
                  <Link prefetch={false} href={regionHref(r)}>{r.name}</Link>
                </span>
              ))}
              {data.year !== null ? ` · ${data.year}年度` : ''}
            </>
          ) : (
            <>全部 {data.options.length} 个地区或机关{data.year !== null ? ` · ${data.year}年度` : ''}。依申请公开、主动公开、热线与复议诉讼的数字，均取自各地的年度报告。</>
          )}
        </p>
      </header>

      <Controls
        state={{ ...state, regions: data.selected.map(regionToken) }}
        year={data.year}
        defaultYear={data.defaultYear}
        yearsAvailable={data.yearsAvailable}
        trendYears={data.trendYears}
        regions={pickerRegions}
        regionTotal={data.options.length}
        metricGroups={metricGroups()}
      />

      {data.unknown.length > 0 && <p className="warning">未找到这些地区：{data.unknown.join('、')}。</p>}

      {data.year === null ? (
        <p className="empty">
          暂无数据：{selectedNames || '所选地区'}没有{SCOPE_LABEL[state.scope]}的报告。
          {otherScopes.map((s) => (
            <Link key={s} prefetch={false} href={stateHref({ ...state, scope: s })} className="scope-link">
              查看{SCOPE_LABEL[s]}的报告
            </Link>
          ))}
        </p>
      ) : (
        <>
          <KpiSection groups={data.kpiGroups} year={data.year} state={state} otherScopes={data.otherScopes} reports={data.sources.rows} />
          <TrendSection
            trend={data.trend}
            metric={data.metric}
            years={data.trendYears}
            exported={
              // the downloads draw one series per region: offered for regions named in the URL, not for all of them
              data.selected.length > 0 && data.selected.length <= MAX_CHART_REGIONS
                ? {
                    params: { regions: data.selected.map((r) => r.code ?? `r${r.id}`), years: chartYears(data.trendYears), scope: state.scope, metric: data.metric.id as MetricId, year: null },
                    names: data.selected.map((r) => r.name),
                    sources: [`年报通 · ${data.selected.map((r) => r.name).join('、')}的政府信息公开工作年度报告`],
                  }
                : null
            }
          />
          <OutcomesSection tables={data.outcomes} />
          <RankingSection rankings={data.rankings} metric={data.metric} year={data.year} />
          <SourcesSection sources={data.sources} year={data.year} />
        </>
      )}
    </main>
  );
}
