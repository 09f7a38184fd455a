// The reports behind the year's figures, each linked to its page and its region's.
import Link from 'next/link';
import type { ReportList } from '../../db/queries/dashboard';
import { LEVEL_LABEL } from '../../lib/dashboard/labels';
import { regionHref, reportHref } from '../../lib/dashboard/links';

const COMPLETENESS = { complete: '完整', tables: '仅表格', prose: '仅正文' } as const;
const TEMPLATE: Record<string, string> = { '2019': '2019年版', '2021': '2021年版', pre2019: '2019年以前' };

export default function SourcesSection({ sources, year }: { sources: ReportList; year: number }) {
  return (
    <section className="section" id="sources" aria-labelledby="sources-title">
      <h2 id="sources-title">{year}年度的报告</h2>
      {sources.total === 0 ? (
        <p className="empty">暂无数据</p>
      ) : (
        <div className="table-wrap">
          <table className="data" data-table="sources">
            <thead>
              <tr>
                <th scope="col">地区</th>
                <th scope="col">层级</th>
                <th scope="col">表格版本</th>
                <th scope="col">内容</th>
                <th scope="col">报告</th>
              </tr>
            </thead>
            <tbody>
              {sources.rows.map((r) => (
                <tr key={r.reportId}>
                  <th scope="row">
                    <Link prefetch={false} href={regionHref(r.region)}>{r.region.name}</Link>
                  </th>
                  <td>{LEVEL_LABEL[r.region.level]}</td>
                  <td>{r.template ? (TEMPLATE[r.template] ?? r.template) : '—'}</td>
                  <td>
                    <span className={`tag tag-${r.completeness}`}>{COMPLETENESS[r.completeness]}</span>
                  </td>
                  <td>
                    <Link prefetch={false} href={reportHref(r.reportId)}>查看报告</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {sources.total > sources.rows.length && (
        <p className="section-note">
          共 {sources.total} 份，列出前 {sources.rows.length} 份；全部报告见<Link prefetch={false} href="/regions">地区</Link>页。
        </p>
      )}
    </section>
  );
}
