// A metric for every compared region and year: regions in rows, years in columns, the unit in
// the caption, each region linked to its page and each figure to its report.
import Link from 'next/link';
import { titleWithUnit } from '../../lib/compare/metrics';
import type { CompareTable } from '../../lib/compare/table';
import { regionHref } from '../../lib/region/href';
import FigureCell from './FigureCell';
import MarkBadge from './MarkBadge';
import styles from './compare.module.css';

export default function CompareTableView({ table }: { table: CompareTable }) {
  const { metric, reference } = table;
  return (
    <div className="table-wrap">
      <table className={`data data-numeric ${styles.values}`} data-table={`values-${metric.key}`}>
        <caption className="sr-only">{titleWithUnit(metric)}：各地区分年度数值</caption>
        <thead>
          <tr>
            <th scope="col">地区</th>
            {table.years.map((y) => (
              <th key={y} scope="col">
                {y}年
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.region.id ?? row.region.code} data-region={row.region.code ?? `r${row.region.id}`}>
              <th scope="row">
                <Link prefetch={false} href={regionHref(row.region)}>
                  {row.region.name}
                </Link>
                {reference.level !== null && row.region.level !== reference.level && (
                  <>
                    {' '}
                    <MarkBadge mark="level" />
                  </>
                )}
                {row.region.within && <span className={styles.within}>{row.region.within}</span>}
              </th>
              {row.cells.map((cell) => (
                <FigureCell key={cell.year} cell={cell} metric={metric} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
