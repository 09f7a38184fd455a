// One figure as the tables print it: the value linked to its report, a ratio's counts, the
// definition read (for a metric with two), and its marks; a missing figure says why in words.
import Link from 'next/link';
import { MARKS, isComparable } from '../../lib/compare/comparability';
import type { CompareMetric } from '../../lib/compare/metrics';
import type { CompareCell } from '../../lib/compare/table';
import { formatNumber } from '../../lib/format/number';
import { reportHref } from '../../lib/region/href';
import { formatValue } from '../overview/format';
import { MarkBadges } from './MarkBadge';
import styles from './compare.module.css';

const VERSION_LABEL = { '2019': '2019年版', '2021': '2021年版' } as const;

export function FigureValue({ cell, metric }: { cell: CompareCell; metric: CompareMetric }) {
  if (cell.value === null) {
    // why there is no figure, in words; linked to the report when there is one
    const label = MARKS[cell.marks[0]].label;
    return cell.reportId !== null ? (
      <Link prefetch={false} href={reportHref(cell.reportId)} className={styles.gapLink}>
        {label}
      </Link>
    ) : (
      <>{label}</>
    );
  }
  const text = formatValue(cell.value, metric.kind);
  return (
    <>
      <span className={styles.cellValue}>{cell.reportId !== null ? <Link prefetch={false} href={reportHref(cell.reportId)}>{text}</Link> : text}</span>
      {metric.kind === 'ratio' && cell.numerator !== null && (
        <span className={styles.cellMeta}>
          {formatNumber(cell.numerator)} / {formatNumber(cell.denominator)}
        </span>
      )}
      {metric.variants.length > 1 && cell.variant?.version && <span className={styles.cellMeta}>{VERSION_LABEL[cell.variant.version]}</span>}
    </>
  );
}

/** The table cell of a figure; data-marks lists its marks (empty when comparable). */
export default function FigureCell({ cell, metric }: { cell: CompareCell; metric: CompareMetric }) {
  const marked = cell.value !== null && !isComparable(cell);
  return (
    <td data-year={cell.year} data-marks={cell.marks.join(' ')} className={marked ? styles.markedCell : cell.value === null ? styles.gapCell : undefined}>
      <FigureValue cell={cell} metric={metric} />
      {marked && (
        <span className={styles.cellMeta}>
          <MarkBadges marks={cell.marks} />
        </span>
      )}
    </td>
  );
}
