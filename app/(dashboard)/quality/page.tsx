// Data quality: which regions have a report for each year (complete, partial, failing its
// checks, missing), and every failed check with a link to its cell on the report page. All
// state is in the URL (lib/quality/url-state.ts); the forms are plain GET forms. Every list is
// bounded and paged, and read with bounded queries (app/(dashboard)/quality/load.ts).
import { redirect } from 'next/navigation';
import ByCheck from '../../../components/quality/ByCheck';
import CoverageLegend from '../../../components/quality/CoverageLegend';
import CoverageMatrix from '../../../components/quality/CoverageMatrix';
import CoverageNote from '../../../components/quality/CoverageNote';
import FailedChecksTable from '../../../components/quality/FailedChecksTable';
import FailureFilters from '../../../components/quality/FailureFilters';
import Filters from '../../../components/quality/Filters';
import Pagination from '../../../components/quality/Pagination';
import YearCounts from '../../../components/quality/YearCounts';
import DatabaseNotice from '../../../components/ui/DatabaseNotice';
import { cachedRead } from '../../../db/read-cache';
import { getDatabase } from '../../../db/server';
import { LEVEL_LABEL, SCOPE_LABEL } from '../../../lib/dashboard/labels';
import type { SearchParams } from '../../../lib/dashboard/url-state';
import { expectedOf } from '../../../lib/quality/coverage-view';
import { pageSummary } from '../../../lib/quality/paging';
import { formSubmission } from '../../../lib/quality/form';
import { parseQualityState, qualityHref, withChange, type QualityState } from '../../../lib/quality/url-state';
import { loadQualityPage, type QualityPageData } from './load';

// never prerendered: `next build` runs in other processes and must not open the database
export const dynamic = 'force-dynamic';

export const metadata = { title: '数据质量 · 年报通' };

function yearsText(years: number[]): string {
  if (years.length === 0) return '';
  return years.length === 1 ? `${years[0]}年` : `${years[0]}—${years[years.length - 1]}年`;
}

/** "湖南省 · 怀化市的县级地区" and the like. */
function selectionText(state: QualityState, data: QualityPageData): string {
  if (data.regions.length) return data.regions.map((r) => r.name).join('、');
  return `${data.within ? data.within.name : '全国'}的${LEVEL_LABEL[state.level]}地区`;
}

function matrixNote(state: QualityState, data: QualityPageData): string {
  const paged = pageSummary(data.matrixWindow, '个', '地区');
  const what = `${selectionText(state, data)}（${SCOPE_LABEL[state.scope]}报告，${yearsText(data.years)}）`;
  if (data.rows === 'selected') return `${what}各年度的报告。`;
  if (data.rows === 'expected') return `${what}，含区划名录中尚无报告的地区：${paged}。`;
  return `${what}中至少有一份报告的地区：${paged}。`;
}

function Header() {
  return (
    <header className="overview-head">
      <h1>数据质量</h1>
      <p className="lede">
        各地每年的政府信息公开工作年度报告是否收齐、数字能否对上。勾稽关系（如“一 + 二 = 总计 + 四”）不成立的报告记为“未通过”；正文与表格所述不一致等参考核对只列出供查看。报告所印数字一律不作更正。
      </p>
    </header>
  );
}

export default async function QualityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = (await searchParams) as SearchParams;
  // a submitted form (yearsFrom, yearsTo, empty fields) goes to its canonical address
  const submitted = formSubmission(params);
  if (submitted) redirect(qualityHref(submitted));
  const state = parseQualityState(params);

  let data: QualityPageData;
  try {
    const { db } = await getDatabase();
    data = await cachedRead(db, `quality:${JSON.stringify(state)}`, () => loadQualityPage(db, state));
  } catch (err) {
    return (
      <main className="page page-wide">
        <Header />
        <DatabaseNotice error={err} />
      </main>
    );
  }

  const { counts, matrix, failures } = data;
  const expected = counts[0] ? expectedOf(counts[0]) : 0;
  const unreported = data.rows === 'reported' ? Math.max(0, expected - data.matrixWindow.total) : 0;

  return (
    <main className="page page-wide">
      <Header />
      <Filters state={state} years={data.years} yearsAvailable={data.yearsAvailable} places={data.places} />
      {data.unknown.length > 0 && (
        <p className="warning">
          未找到这些地区：{data.unknown.join('、')}。下面显示的是{selectionText(state, data)}的数据。
        </p>
      )}

      <section className="section" id="coverage" aria-labelledby="coverage-title">
        <h2 id="coverage-title">报告覆盖情况</h2>
        {data.years.length === 0 ? (
          <p className="empty">暂无数据：数据库中还没有{SCOPE_LABEL[state.scope]}的报告。</p>
        ) : (
          <>
            {data.rows !== 'selected' && <CoverageNote selection={selectionText(state, data)} expected={expected} unreported={unreported} />}
            <CoverageLegend />
            <YearCounts counts={counts} />
            {matrix.rows.length === 0 ? (
              <p className="empty">暂无数据：所选范围内没有地区。</p>
            ) : (
              <CoverageMatrix rows={matrix.rows} years={data.years} note={matrixNote(state, data)} />
            )}
            <Pagination window={data.matrixWindow} href={(page) => qualityHref(withChange(state, { page }), 'coverage')} label="覆盖情况分页" />
          </>
        )}
      </section>

      <section className="section" id="failures" aria-labelledby="failures-title">
        <h2 id="failures-title">未通过的核对</h2>
        <p className="section-note">
          勾稽关系（硬性核对）是年报格式规定必须成立的等式；参考核对（软性）包括热线办结率、跨年度现行有效件数，以及正文所述数字与表格是否一致（正文所说的范围可能与表格不同，仅供查看）。
        </p>
        <FailureFilters state={state} byCheck={failures.byCheck} />
        {failures.total === 0 ? (
          <p className="empty">所选地区与年份没有未通过的核对。</p>
        ) : (
          <>
            <ByCheck state={state} byCheck={failures.byCheck} />
            <FailedChecksTable rows={failures.rows} note={`${selectionText(state, data)}（${SCOPE_LABEL[state.scope]}报告，${yearsText(data.years)}）未通过的核对：${pageSummary(data.failuresWindow, '条', '')}。`} />
            <Pagination window={data.failuresWindow} href={(fpage) => qualityHref({ ...state, fpage }, 'failures')} label="未通过的核对分页" />
          </>
        )}
      </section>
    </main>
  );
}
