// Regions of each level ranked by the chosen metric in the chosen year: chart and table, each
// region linked to its page and each value to its report.
import Link from 'next/link';
import { LEVEL_LABEL } from '../../lib/dashboard/labels';
import { regionHref, reportHref } from '../../lib/dashboard/links';
import { formatNumber } from '../../lib/format/number';
import SpecChart from '../charts/SpecChart';
import { formatValue } from './format';
import type { OverviewData, RankingTable } from './load';

function Ranking({ table, metric, single }: { table: RankingTable; metric: OverviewData['metric']; single: boolean }) {
  const kind = metric.kind === 'ratio' ? 'ratio' : 'count';
  return (
    <div className="subsection" data-level={table.level}>
      {!single && <h3>{LEVEL_LABEL[table.level]}</h3>}
      {table.rows.length > 1 && <SpecChart spec={table.spec} />}
      {table.rows.length > 0 ? (
        <div className="table-wrap">
          <table className="data" data-table="ranking">
            <caption className="sr-only">{table.spec.label}</caption>
            <thead>
              <tr>
                <th scope="col">名次</th>
                <th scope="col">地区</th>
                <th scope="col">所在</th>
                <th scope="col">{metric.label}</th>
                {kind === 'ratio' && <th scope="col">分子 / 分母</th>}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r) => (
                <tr key={r.region.id}>
                  <td className="num">{r.rank}</td>
                  <th scope="row">
                    <Link prefetch={false} href={regionHref(r.region)}>{r.region.name}</Link>
                  </th>
                  <td>{[r.province, r.city].filter(Boolean).join(' ')}</td>
                  <td className="num">
                    {r.reportId !== null ? <Link prefetch={false} href={reportHref(r.reportId)}>{formatValue(r.value, kind)}</Link> : formatValue(r.value, kind)}
                    {kind === 'count' && <span className="unit"> {metric.unit}</span>}
                  </td>
                  {kind === 'ratio' && (
                    <td className="num">
                      {formatNumber(r.numerator)} / {formatNumber(r.denominator)}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty">暂无数据</p>
      )}
      <p className="section-note">
        {table.ranked > table.rows.length ? `共 ${table.ranked} 个地区，列出前 ${table.rows.length} 个。` : ''}
        {table.note}
      </p>
    </div>
  );
}

export default function RankingSection({ rankings, metric, year }: { rankings: RankingTable[]; metric: OverviewData['metric']; year: number }) {
  return (
    <section className="section" aria-labelledby="ranking-title">
      <h2 id="ranking-title">
        {year}年度排名：{metric.label}
      </h2>
      {rankings.length === 0 && <p className="empty">暂无数据：{year} 年所选地区的报告没有载明此项。</p>}
      {rankings.map((t) => (
        <Ranking key={t.level} table={t} metric={metric} single={rankings.length === 1} />
      ))}
    </section>
  );
}
