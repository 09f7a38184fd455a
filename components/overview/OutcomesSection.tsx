// What became of the applications, per year and level: stacked chart and table.
import { formatNumber, formatPercent } from '../../lib/format/number';
import { LEVEL_LABEL } from '../../lib/dashboard/labels';
import type { OutcomeKey } from '../../db/queries/applications';
import SpecChart from '../charts/SpecChart';
import { OUTCOME_LABEL, type OutcomeTable } from './load';

const KEYS = Object.keys(OUTCOME_LABEL) as OutcomeKey[];

export default function OutcomesSection({ tables }: { tables: OutcomeTable[] }) {
  return (
    <section className="section" aria-labelledby="outcomes-title">
      <h2 id="outcomes-title">历年依申请公开办理结果</h2>
      {tables.length === 0 && <p className="empty">暂无数据：所选地区和年份的报告没有载明办理结果（表三）。</p>}
      {tables.map((t) => (
        <div key={t.level} className="subsection">
          {tables.length > 1 && <h3>{LEVEL_LABEL[t.level]}</h3>}
          <SpecChart spec={t.spec} />
          <div className="table-wrap">
            <table className="data data-numeric" data-table="outcomes">
              <caption className="sr-only">{t.spec.label}</caption>
              <thead>
                <tr>
                  <th scope="col">年度</th>
                  {KEYS.map((k) => (
                    <th key={k} scope="col">
                      {OUTCOME_LABEL[k]}
                    </th>
                  ))}
                  <th scope="col">合计</th>
                </tr>
              </thead>
              <tbody>
                {t.rows
                  .filter((r) => r.reports > 0)
                  .map((r) => (
                    <tr key={r.year} data-year={r.year}>
                      <th scope="row">
                        {r.year}
                        <span className="cell-meta">{r.reports} 份报告</span>
                      </th>
                      {KEYS.map((k) => (
                        <td key={k}>
                          <span className="num">{formatNumber(r.counts[k])}</span>
                          {r.counts[k] !== null && r.total ? <span className="cell-meta">{formatPercent(r.counts[k]! / r.total, 1)}</span> : null}
                        </td>
                      ))}
                      <td>
                        <span className="num">{formatNumber(r.total)}</span>
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </div>
      ))}
    </section>
  );
}
