// One metric: small multiples (shared axes), the ranking of the year, and the values table.
import { titleWithUnit } from '../../lib/compare/metrics';
import { rankYear } from '../../lib/compare/ranking';
import { chartSpec } from '../../lib/compare/small-multiples';
import type { CompareTable } from '../../lib/compare/table';
import CompareTableView from './CompareTableView';
import RankingTable from './RankingTable';
import SmallMultiples from './SmallMultiples';
import ChartDownloads from '../export/ChartDownloads';
import { chartYears } from '../../lib/chart-data/request';
import type { MetricId } from '../../db/queries/metrics';
import type { ReportScope } from '../../db/queries/selection';
import styles from './compare.module.css';

export const metricAnchor = (key: string) => `m-${key}`;

export default function MetricSection({ table, rankYear: year, decals, scope }: { table: CompareTable; rankYear: number | null; decals: boolean; scope: ReportScope }) {
  const { metric } = table;
  const id = metricAnchor(metric.key);
  const regions = table.rows.map((r) => r.region).filter((r) => r.id !== null || r.code !== null);
  const years = table.years;
  return (
    <section id={id} className={styles.metric} aria-labelledby={`${id}-title`} data-metric={metric.key}>
      <h2 id={`${id}-title`}>{titleWithUnit(metric)}</h2>
      <p className={styles.description}>{metric.description}</p>
      <div className={styles.metricGrid}>
        <div className={styles.chartBox}>
          <h3>各地区历年（纵轴刻度相同）</h3>
          <SmallMultiples spec={chartSpec(table, decals)} downloads={!(regions.length > 0 && years.length > 0)} />
          {regions.length > 0 && years.length > 0 && (
            <ChartDownloads
              chart="trend"
              params={{ regions: regions.map((r) => r.code ?? `r${r.id}`), years: chartYears(years), scope, metric: metric.variants[0].metric as MetricId, year: null }}
              svgSelector={`#${id} .chart`}
              meta={{ title: metric.variants[0].label, regions: regions.map((r) => r.name), years, sources: [`年报通 · ${regions.map((r) => r.name).join('、')}的政府信息公开工作年度报告`] }}
            />
          )}
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
