// The year and the kind of body, as plain links (they work without JavaScript and from the
// keyboard); the chosen one is marked aria-current.
import Link from 'next/link';
import { SCOPE_LABELS } from '../../lib/region/scope';
import { bodiesHref, type BodiesState, type BodyKindFilter } from '../../lib/bodies/state';
import type { KindCounts } from '../../lib/bodies/view';
import styles from './bodies.module.css';

const KIND_FILTERS: { kind: BodyKindFilter; label: string }[] = [
  { kind: 'all', label: '全部' },
  { kind: 'department', label: SCOPE_LABELS.department },
  { kind: 'township', label: SCOPE_LABELS.township },
];

interface Props {
  path: string;
  state: BodiesState;
  years: number[];
  year: number;
  /** reports per year among the bodies of the kind shown */
  perYear: number[];
  counts: KindCounts;
}

export default function Filters({ path, state, years, year, perYear, counts }: Props) {
  return (
    <nav className={styles.filters} aria-label="选择年度和类别" data-filters>
      <div className={styles.filterRow} role="group" aria-labelledby="filter-year">
        <span id="filter-year" className={styles.filterLabel}>
          年度
        </span>
        <ul className={styles.pills}>
          {years.map((y, i) => (
            <li key={y}>
              <Link
                prefetch={false}
                className={styles.pill}
                href={bodiesHref(path, { ...state, year: y })}
                aria-current={y === year ? 'page' : undefined}
                aria-label={`${y}年，${perYear[i]} 份报告`}
                data-year={y}
              >
                {y}
                <span className={styles.pillCount} aria-hidden="true">
                  {perYear[i]}份
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </div>
      <div className={styles.filterRow} role="group" aria-labelledby="filter-kind">
        <span id="filter-kind" className={styles.filterLabel}>
          类别
        </span>
        <ul className={styles.pills}>
          {KIND_FILTERS.map((k) => (
            <li key={k.kind}>
              <Link
                prefetch={false}
                className={styles.pill}
                href={bodiesHref(path, { ...state, year, kind: k.kind })}
                aria-current={k.kind === state.kind ? 'page' : undefined}
                aria-label={`${k.label}，${counts[k.kind]} 个`}
                data-kind={k.kind}
              >
                {k.label}
                <span className={styles.pillCount} aria-hidden="true">
                  {counts[k.kind]}个
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}
