// The regions ranked by a metric in one year: comparable figures only, equal values sharing a
// rank; the others listed after, unranked, with their marks or why they have no figure.
import Link from 'next/link';
import { titleWithUnit } from '../../lib/compare/metrics';
import type { YearRanking } from '../../lib/compare/ranking';
import type { CompareMetric } from '../../lib/compare/metrics';
import { regionHref } from '../../lib/region/href';
import { FigureValue } from './FigureCell';
import { MarkBadges } from './MarkBadge';
import styles from './compare.module.css';

export default function RankingTable({ ranking, metric }: { ranking: YearRanking; metric: CompareMetric }) {
  const rows = [...ranking.ranked, ...ranking.others];
  return (
    <div>
      <table className={styles.rank} data-table={`rank-${metric.key}`}>
        <caption>
          {ranking.year}年度排名：{titleWithUnit(metric)}
        </caption>
        <thead>
          <tr>
            <th scope="col" className={styles.rankNo}>
              名次
            </th>
            <th scope="col">地区</th>
            <td className={styles.barCol} aria-hidden="true" />
            <th scope="col" className={styles.num}>
              数值
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => {
            const marked = e.rank === null && e.cell.value !== null;
            return (
              <tr key={e.region.id ?? e.region.code} data-rank={e.rank ?? ''} data-marks={e.cell.marks.join(' ')} className={e.rank === null ? styles.unranked : undefined}>
                <td className={styles.rankNo}>{e.rank ?? <span title="不参与排名">—</span>}</td>
                <th scope="row">
                  <Link prefetch={false} href={regionHref(e.region)}>
                    {e.region.name}
                  </Link>
                  {marked && (
                    <span className={styles.cellMeta}>
                      <MarkBadges marks={e.cell.marks} />
                    </span>
                  )}
                </th>
                <td className={styles.barCol} aria-hidden="true">
                  {e.share !== null && <span className={styles.bar} style={{ width: `${Math.max(e.share * 100, 1)}%` }} />}
                </td>
                <td className={styles.num}>
                  <FigureValue cell={e.cell} metric={metric} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {ranking.ranked.length === 0 ? (
        <p className={styles.note}>{ranking.year}年没有可以相互比较的数字，不排名。</p>
      ) : (
        ranking.others.length > 0 && <p className={styles.note}>灰底的 {ranking.others.length} 个地区不参与排名：数字不可直接比较，或没有数字。</p>
      )}
    </div>
  );
}
