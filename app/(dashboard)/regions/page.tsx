// Regions: every region with reports in the database, grouped province → city → region, with
// the years it has and what each report holds, each linking to its region and report pages.
// (Moved here from the home page, which now shows the overview.) Read on every request.

import type { ReactNode } from 'react';
import DatabaseNotice from '../../../components/ui/DatabaseNotice';
import {
  countByProvince,
  countReports,
  countUnplacedReports,
  groupByProvince,
  listRegionYears,
  type ProvinceCount,
  type ProvinceFilter,
  type RegionYears,
  type ReportMarker,
} from '../../../db/queries/overview';
import { cachedRead } from '../../../db/read-cache';
import { getDatabase } from '../../../db/server';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { regionHref, reportHref } from '../../../lib/region/href';
import { SCOPE_LABELS } from '../../../lib/region/scope';
import styles from './regions.module.css';

const cx = (...names: (string | false | null | undefined)[]) => names.filter((n): n is string => !!n).map((n) => styles[n] ?? n).join(' ');

// never prerendered: `next build` runs in other processes and must not open the database
export const dynamic = 'force-dynamic';

export const metadata = { title: '地区 · 年报通' };

const COMPLETENESS: Record<ReportMarker['completeness'], { label: string; hint: string }> = {
  complete: { label: '完整', hint: '三张统计表齐全' },
  tables: { label: '仅表格', hint: '只有部分统计表' },
  prose: { label: '仅正文', hint: '只有正文中的数字，没有统计表' },
};

function reportTitle(r: ReportMarker): string {
  const parts = [
    `${r.year}年度`,
    r.issuer,
    SCOPE_LABELS[r.scope],
    r.template ? `${r.template}年版表格` : null,
    COMPLETENESS[r.completeness].hint,
    r.failedChecks ? `${r.failedChecks} 项核对未通过` : '核对全部通过或无可核对项',
    r.hasText ? '附报告原文' : '未附原文，仅有数据',
  ];
  return parts.filter(Boolean).join(' · ');
}

function ReportChip({ report, showScope }: { report: ReportMarker; showScope: boolean }) {
  const c = COMPLETENESS[report.completeness];
  return (
    <li className={cx('report', `report-${report.completeness}`)} title={reportTitle(report)}>
      <Link prefetch={false} href={reportHref(report.reportId)} className={cx('report-year')}>
        {report.year}
      </Link>
      {showScope && <span className={cx('tag', 'tag-scope')}>{SCOPE_LABELS[report.scope]}</span>}
      <span className={cx('tag', `tag-${report.completeness}`)}>{c.label}</span>
      {report.failedChecks > 0 && <span className={cx('tag', 'tag-failed')}>核对未通过 {report.failedChecks}</span>}
      {report.hasText && <span className={cx('tag', 'tag-text')}>附原文</span>}
    </li>
  );
}

function RegionName({ row }: { row: RegionYears }) {
  let note: string | null = null;
  if (row.level === 'province' || row.level === 'city') note = '本级';
  else if (row.level === 'body') note = row.kind === 'township' ? '乡镇' : '部门';
  else if (row.code === null) note = '不在区划名录';
  return (
    <>
      <Link prefetch={false} href={regionHref({ id: row.regionId, code: row.code })} className={cx('region-name')}>
        {row.name}
      </Link>
      {note && <span className={cx('region-note')}>{note}</span>}
    </>
  );
}

function RegionReports({ row }: { row: RegionYears }) {
  const perYear = new Map<number, number>();
  for (const r of row.reports) perYear.set(r.year, (perYear.get(r.year) ?? 0) + 1);
  return (
    <ul className={cx('reports')}>
      {row.reports.map((r) => (
        <ReportChip key={r.reportId} report={r} showScope={(perYear.get(r.year) ?? 0) > 1} />
      ))}
    </ul>
  );
}

function Notice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className={cx('page')}>
      <Header />
      <section className={cx('notice')}>
        <h2>{title}</h2>
        {children}
      </section>
    </main>
  );
}

function Header() {
  return (
    <header className={cx('masthead')}>
      <h1>地区与年度报告</h1>
      <p className={cx('lede')}>政府信息公开工作年度报告中的数字：主动公开、依申请公开、行政复议与行政诉讼，以及正文中的热线、信箱等数据。每个数字都能追溯到报告原文的行，并经过勾稽核对。</p>
    </header>
  );
}

function Search() {
  return (
    <form action="/search" method="get" className={cx('search')} role="search">
      <label htmlFor="region-q">查找地区</label>
      <input id="region-q" name="q" type="search" placeholder="名称、拼音或区划代码，如 会同县、huitong、431225" />
      <button type="submit">查找</button>
    </form>
  );
}

/** The page's headline figures: each a number and what it counts. */
function Stats({ figures }: { figures: readonly (readonly [number | string, string])[] }) {
  return (
    <p className={cx('stats')}>
      {figures.map(([value, label]) => (
        <span key={label}>
          <strong>{value}</strong>
          {` ${label}`}
        </span>
      ))}
    </p>
  );
}

/** Above this many regions with reports, the list starts with the provinces and shows one at a time. */
const FULL_LIST_LIMIT = 300;
/** `?province=` for the regions that could not be placed in a province */
const UNPLACED = 'none';

function ProvinceIndex({ counts, total, regions, unknown }: { counts: ProvinceCount[]; total: number; regions: number; unknown: string | null }) {
  return (
    <main className={cx('page')}>
      <Header />
      <Search />
      <section className={cx('summary')} aria-label="概况">
        <Stats
          figures={[
            [total, '份报告'],
            [regions, '个地区或机关'],
            [counts.filter((c) => c.provinceId !== null).length, '个省份'],
          ]}
        />
        {unknown && <p className={cx('unplaced')}>没有代码为 {unknown} 的省份，请从下表选择。</p>}
        <p>地区较多，请先选择省份；也可以在上方按名称、代码或拼音查找。</p>
      </section>
      <table className={cx('regions')}>
        <caption>各省份有年度报告的地区</caption>
        <thead>
          <tr>
            <th scope="col">省份</th>
            <th scope="col">地区或机关</th>
            <th scope="col">报告</th>
          </tr>
        </thead>
        <tbody>
          {counts.map((c) => (
            <tr key={c.provinceId ?? UNPLACED}>
              <th scope="row">
                <Link prefetch={false} href={`/regions?province=${c.code ?? UNPLACED}`} data-province={c.code ?? UNPLACED}>
                  {c.name ?? '未能归入省份'}
                </Link>
              </th>
              <td>{c.regions}</td>
              <td>{c.reports}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}

export default async function RegionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { q, province } = await searchParams;
  if (typeof q === 'string' && q.trim()) redirect(`/search?q=${encodeURIComponent(q.trim())}`);
  let database;
  try {
    database = await getDatabase();
  } catch (err) {
    return (
      <main className={cx('page')}>
        <Header />
        <DatabaseNotice error={err} />
      </main>
    );
  }

  const { db } = database;
  const asked = typeof province === 'string' ? province.trim() : '';
  const { counts, total, unplaced } = await cachedRead(db, 'regions:counts', async () => {
    const [counts, total, unplaced] = await Promise.all([countByProvince(db), countReports(db), countUnplacedReports(db)]);
    return { counts, total, unplaced };
  });
  const chosen = asked ? counts.find((c) => (asked === UNPLACED ? c.provinceId === null : c.code === asked)) : undefined;
  const regionCount = counts.reduce((n, c) => n + c.regions, 0);
  if (!chosen && regionCount > FULL_LIST_LIMIT) {
    return <ProvinceIndex counts={counts} total={total} regions={regionCount} unknown={asked || null} />;
  }
  const filter: ProvinceFilter = !chosen ? null : chosen.provinceId === null ? { unplaced: true } : { provinceId: chosen.provinceId };
  const rows = await cachedRead(db, `regions:list:${chosen?.code ?? (chosen ? UNPLACED : '')}`, () => listRegionYears(db, filter));

  const years = rows.flatMap((r) => r.years);
  const minYear = Math.min(...years);
  const maxYear = Math.max(...years);
  const groups = groupByProvince(rows);

  return (
    <main className={cx('page')}>
      <Header />
      <Search />
      {chosen && (
        <p className={cx('scope-line')}>
          {chosen.name ?? '未能归入省份的地区'}：{chosen.regions} 个地区或机关、{chosen.reports} 份报告。
          <Link prefetch={false} href="/regions">
            全部省份
          </Link>
        </p>
      )}

      <section className={cx('summary')} aria-label="概况">
        <Stats
          figures={[
            [total, '份报告'],
            [rows.length, '个地区或机关'],
            ...(years.length > 0 ? [[minYear === maxYear ? minYear : `${minYear}—${maxYear}`, '年度'] as const] : []),
          ]}
        />
        <ul className={cx('legend')} aria-label="标记说明">
          <li>
            <span className={cx('tag', 'tag-complete')}>完整</span> 三张统计表齐全
          </li>
          <li>
            <span className={cx('tag', 'tag-tables')}>仅表格</span> 只有部分统计表
          </li>
          <li>
            <span className={cx('tag', 'tag-prose')}>仅正文</span> 只有正文中的数字
          </li>
          <li>
            <span className={cx('tag', 'tag-failed')}>核对未通过 N</span> N 项勾稽关系不成立（报告所印数字不作更正）
          </li>
          <li>
            <span className={cx('tag', 'tag-text')}>附原文</span> 保存了报告原文；其余报告只随附了数字
          </li>
        </ul>
      </section>

      <table className={cx('regions')}>
        <colgroup>
          <col className={cx('col-city')} />
          <col className={cx('col-region')} />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">市（州）</th>
            <th scope="col">地区</th>
            <th scope="col">年度报告</th>
          </tr>
        </thead>
        {groups.map((group) => {
          const regionCount = group.cities.reduce((n, c) => n + c.rows.length, 0);
          return (
            <tbody key={group.province ?? '—'}>
              <tr className={cx('province')}>
                <th scope="rowgroup" colSpan={3}>
                  {group.province ?? '未能归入省份'}
                  <span className={cx('count')}>{regionCount} 个</span>
                </th>
              </tr>
              {group.cities.flatMap((city) =>
                city.rows.map((row, i) => (
                  <tr key={row.regionId}>
                    {i === 0 && (
                      <th scope="row" rowSpan={city.rows.length} className={cx('city')}>
                        {city.city ?? '—'}
                      </th>
                    )}
                    <td className={cx('region')}>
                      <RegionName row={row} />
                    </td>
                    <td>
                      <RegionReports row={row} />
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          );
        })}
      </table>

      {unplaced > 0 && <p className={cx('unplaced')}>另有 {unplaced} 份文件未能识别地区或年度，未列入上表。</p>}
    </main>
  );
}
