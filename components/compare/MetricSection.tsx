// One metric: small multiples (shared axes), the ranking of the year, and the values table.
import { titleWithUnit } from '../../lib/compare/metrics';
import { rankYear } from '../../lib/compare/ranking';
import { chartSpec } from '../../lib/compare/small-multiples';
import type { CompareTable } from '../../lib/compare/table';
import CompareTableView from './CompareTableView';
import RankingTable from './RankingTable';
import SmallMultiples from './SmallMultiples';
import styles from './compare.module.css';

export const metricAnchor = (key: string) => `m-${key}`;

export default function MetricSection({ table, rankYear: year, decals }: { table: CompareTable; rankYear: number | null; decals: boolean }) {
  const { metric } = table;
  const id = metricAnchor(metric.key);
  return (
    <section id={id} className={styles.metric} aria-labelledby={`${id}-title`} data-metric={metric.key}>
      <h2 id={`${id}-title`}>{titleWithUnit(metric)}</h2>
      <p className={styles.description}>{metric.description}</p>
      <div className={styles.metricGrid}>
        <div className={styles.chartBox}>
          <h3>各地区历年（纵轴刻度相同）</h3>
          <SmallMultiples spec={chartSpec(table, decals)} />
        </div>
        {year !== null && (
          <div>
            <h3>排名</h3>
            <RankingTable ranking={rankYear(table, year)} metric={metric} />
          </div>
        )}
      </div>
      <h3>数值表</h3>
      <CompareTableView table={table} />
    </section>
  );
}
