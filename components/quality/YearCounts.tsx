// Per year: how many regions have a complete report, a partial one, one whose checks fail, or
// none, out of the regions expected (the national list's divisions plus unlisted regions).
import type { CoverageCounts } from '../../db/queries/coverage';
import { formatNumber } from '../../lib/format/number';
import { STATUS_ORDER, STATUS_VIEW, expectedOf } from '../../lib/quality/coverage-view';
import styles from './quality.module.css';

export default function YearCounts({ counts }: { counts: CoverageCounts[] }) {
  return (
    <div className="table-wrap">
      <table className={`data data-numeric ${styles.counts}`} data-table="coverage-counts">
        <caption className={styles.caption}>各年度报告数（单位：个地区）</caption>
        <thead>
          <tr>
            <th scope="col">状态</th>
            {counts.map((c) => (
              <th key={c.year} scope="col">
                {c.year}年
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {STATUS_ORDER.map((s) => (
            <tr key={s} data-status={s}>
              <th scope="row">
                <span className={`${styles.cell} ${styles[s]}`}>{STATUS_VIEW[s].label}</span>
              </th>
              {counts.map((c) => (
                <td key={c.year} data-year={c.year}>
                  {formatNumber(c[s])}
                  {s === 'partial' && c.partial > 0 && (
                    <span className={styles.sub}>
                      仅表格 {formatNumber(c.tablesOnly)} · 仅正文 {formatNumber(c.proseOnly)}
                    </span>
                  )}
                </td>
              ))}
            </tr>
          ))}
          <tr className={styles.countsTotal}>
            <th scope="row">应有报告的地区</th>
            {counts.map((c) => (
              <td key={c.year}>{formatNumber(expectedOf(c))}</td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
