// The chosen metric across years, as a chart and as a table (values readable without it).
import Link from 'next/link';
import { regionHref, reportHref } from '../../lib/dashboard/links';
import SpecChart from '../charts/SpecChart';
import ChangeBadge from '../ui/ChangeBadge';
import ChartDownloads, { type ChartParams } from '../export/ChartDownloads';
import { formatValue } from './format';
import type { OverviewData } from './load';

export default function TrendSection({ trend, metric, years, exported }: { trend: OverviewData['trend']; metric: OverviewData['metric']; years: number[]; exported: { params: ChartParams; names: string[]; sources: string[] } | null }) {
  const kind = metric.kind === 'ratio' ? 'ratio' : 'count';
  const unit = metric.kind === 'ratio' ? '' : metric.unit;
  return (
    <section className="section" aria-labelledby="trend-title">
      <h2 id="trend-title">历年趋势：{metric.label}</h2>
      <SpecChart spec={trend.spec} downloads={!(exported && years.length > 0)} />
      {exported && years.length > 0 && (
        <ChartDownloads chart="trend" params={exported.params} svgSelector={`[data-chart="${trend.spec.label}"]`} meta={{ title: metric.label, regions: exported.names, years, sources: exported.sources }} />
      )}
      {trend.rows.length > 0 && (
        <div className="table-wrap">
          <table className="data data-numeric data-compact" data-table="trend">
            <caption className="sr-only">{metric.label}：历年数值与较上年变化</caption>
            <thead>
              <tr>
                <th scope="col">年度</th>
                {trend.rows.map((r) => (
                  <th key={r.name} scope="col">
                    {r.region ? <Link prefetch={false} href={regionHref(r.region)}>{r.name}</Link> : r.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {years.map((y, i) => (
                <tr key={y} data-year={y}>
                  <th scope="row">{y}</th>
                  {trend.rows.map((r) => {
                    const c = r.cells[i];
                    const value = formatValue(c.value, kind);
                    return (
                      <td key={r.name} className={c.value === null ? 'missing' : undefined}>
                        <span className="num">{c.reportId !== null && c.value !== null ? <Link prefetch={false} href={reportHref(c.reportId)}>{value}</Link> : value}</span>
                        {c.value !== null && c.change !== null && (
                          <span className="cell-change">
                            <ChangeBadge {...c} kind={kind} unit={unit} />
                          </span>
                        )}
                        {!r.region && c.reports > 0 && <span className="cell-meta">{c.reports} 份报告</span>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {trend.note && <p className="section-note">{trend.note}</p>}
      {!trend.rows.some((r) => r.region) && trend.rows.length > 0 && <p className="section-note">各年载明此项的报告不尽相同，合计数的变化含报告数量的变化。</p>}
    </section>
  );
}
