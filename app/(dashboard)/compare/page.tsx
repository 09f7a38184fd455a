// 地区对比: two to twelve regions side by side over years, in the URL (lib/compare/url-state.ts).
// For each key metric: small multiples on shared axes, the ranking of one year and the values
// table; a figure that may not be compared with the others is marked, never mixed in
// (lib/compare/comparability.ts). With fewer than two regions, a plain form.
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { loadCompare, type ComparePageData } from './load';
import Choices from '../../../components/compare/Choices';
import CompareForm from '../../../components/compare/CompareForm';
import MetricSection, { metricAnchor } from '../../../components/compare/MetricSection';
import Terms from '../../../components/compare/Terms';
import styles from '../../../components/compare/compare.module.css';
import DatabaseNotice from '../../../components/ui/DatabaseNotice';
import { cachedRead } from '../../../db/read-cache';
import { getDatabase } from '../../../db/server';
import { compareHref, formTarget, MAX_COMPARE_REGIONS, MAX_COMPARE_YEARS, parseCompareState, type CompareState } from '../../../lib/compare/url-state';
import type { Comparison } from '../../../lib/compare/model';
import { regionHref } from '../../../lib/region/href';
import { regionToken } from '../../../lib/dashboard/links';
import { DEFAULT_QUALITY_STATE, qualityHref } from '../../../lib/quality/url-state';
import type { SearchParams } from '../../../lib/dashboard/url-state';

// never prerendered: `next build` runs in other processes and must not open the database
export const dynamic = 'force-dynamic';

export const metadata = { title: '地区对比 · 年报通' };

const EXAMPLE: CompareState = { regions: ['会同县', '洪泽区', '溆浦县'], dropped: [], years: { from: 2020, to: 2025 }, year: null, scope: null, decals: false };

function Form({ state }: { state: CompareState }) {
  return <CompareForm regions={state.regions} from={state.years?.from ?? null} to={state.years?.to ?? null} scope={state.scope} decals={state.decals} />;
}

function Notes({ data, state }: { data: ComparePageData; state: CompareState }) {
  return (
    <>
      {state.dropped.length > 0 && (
        <p className="warning" data-note="dropped">
          一次最多对比 {MAX_COMPARE_REGIONS} 个地区：只取前 {MAX_COMPARE_REGIONS} 个，未列入 {state.dropped.join('、')}。
        </p>
      )}
      {data.unknown.length > 0 && (
        <p className="warning" data-note="unknown">
          未找到这些地区：{data.unknown.join('、')}。
        </p>
      )}
      <Choices ambiguous={data.ambiguous} state={state} />
    </>
  );
}

function Start({ data, state }: { data: ComparePageData; state: CompareState }) {
  return (
    <>
      <p className={styles.intro}>
        把 2 至 {MAX_COMPARE_REGIONS} 个地区历年的政府信息公开数字放在一起：每项数字一组小图（各地区坐标相同）、当年排名和数值表。统计范围、层级或表格版本不同、核对未通过的数字会标明，不混在一起比较。
      </p>
      <Notes data={data} state={state} />
      {data.regions.length === 1 && (
        <p className="warning" data-note="one-region">
          目前只有 <Link prefetch={false} href={regionHref(data.regions[0])}>{data.regions[0].name}</Link>，请再填写至少一个地区。
        </p>
      )}
      <Form state={state} />
      <p className={styles.example}>
        示例：
        <Link prefetch={false} href={compareHref(EXAMPLE)} data-example>
          会同县、洪泽区、溆浦县，2020—2025年
        </Link>
      </p>
    </>
  );
}

function Compared({ data, comparison, state }: { data: ComparePageData; comparison: Comparison; state: CompareState }) {
  const { years, rankYear } = comparison;
  return (
    <>
      <Notes data={data} state={state} />
      <details className={styles.edit}>
        <summary>修改地区、年度或统计范围</summary>
        <Form state={state} />
      </details>
      {comparison.clippedYears > 0 && (
        <p className="warning" data-note="years">
          一次最多对比 {MAX_COMPARE_YEARS} 个年度：只取最近的 {MAX_COMPARE_YEARS} 年（{years[0]}—{years[years.length - 1]}年）。
        </p>
      )}
      {years.length === 0 ? (
        <p className="empty">暂无数据：所选地区都还没有年度报告。</p>
      ) : (
        <>
          <Terms comparison={comparison} state={state} />
          <nav className={styles.yearLinks} aria-label="排名年度">
            <span>排名年度：</span>
            {years.map((y) =>
              y === rankYear ? (
                <span key={y} aria-current="true">
                  {y}
                </span>
              ) : (
                <Link key={y} prefetch={false} href={compareHref({ ...state, year: y })}>
                  {y}
                </Link>
              ),
            )}
          </nav>
          <nav aria-label="指标">
            <ul className={styles.toc}>
              {comparison.tables.map((t) => (
                <li key={t.metric.key}>
                  <a href={`#${metricAnchor(t.metric.key)}`}>{t.metric.title}</a>
                </li>
              ))}
            </ul>
          </nav>
          {comparison.tables.map((t) => (
            <MetricSection key={t.metric.key} table={t} rankYear={rankYear} decals={state.decals} scope={comparison.scope} />
          ))}
        </>
      )}
    </>
  );
}

export default async function ComparePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = (await searchParams) as SearchParams;
  const target = formTarget(params);
  if (target) redirect(target);
  const state = parseCompareState(params);
  let data: ComparePageData;
  try {
    const { db } = await getDatabase();
    data = await cachedRead(db, `compare:${JSON.stringify(state)}`, () => loadCompare(db, state));
  } catch (err) {
    return (
      <main className="page page-wide">
        <DatabaseNotice error={err} />
      </main>
    );
  }
  const { comparison } = data;
  const years = comparison?.years ?? [];
  return (
    <main className="page page-wide">
      <header className={styles.head}>
        <h1>地区对比</h1>
        {comparison && (
          <p className="lede" data-compared={data.regions.length}>
            {data.regions.map((r, i) => (
              <span key={r.id ?? r.code}>
                {i > 0 ? '、' : ''}
                <Link prefetch={false} href={regionHref(r)}>
                  {r.name}
                </Link>
              </span>
            ))}
            {years.length > 0 && ` · ${years[0]}—${years[years.length - 1]}年`}
          </p>
        )}
        {comparison && (
          <p className={styles.qualityLink}>
            <Link
              prefetch={false}
              data-quality-link
              href={qualityHref({
                ...DEFAULT_QUALITY_STATE,
                scope: comparison.scope,
                region: data.regions.map(regionToken).join('~'),
                years: years.length ? { from: years[0], to: years[years.length - 1] } : null,
              })}
            >
              这些地区的数据质量：缺报与核对未通过
            </Link>
          </p>
        )}
      </header>
      {comparison ? <Compared data={data} comparison={comparison} state={state} /> : <Start data={data} state={state} />}
    </main>
  );
}
