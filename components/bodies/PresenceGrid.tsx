// Which years each body reported: a row per body, a column per year; each report links to its
// page, and a report whose checks failed says so in words, not only in colour.
import Link from 'next/link';
import { bodiesHref, type BodiesState } from '../../lib/bodies/state';
import { reportsPerYear, type PresenceRow } from '../../lib/bodies/view';
import { regionHref, reportHref } from '../../lib/region/href';
import { SCOPE_LABELS } from '../../lib/region/scope';
import regionStyles from '../region/region.module.css';
import styles from './bodies.module.css';

interface Props {
  path: string;
  state: BodiesState;
  years: number[];
  year: number;
  rows: PresenceRow[];
  nameOf: (row: PresenceRow) => string;
}

export default function PresenceGrid({ path, state, years, year, rows, nameOf }: Props) {
  const perYear = reportsPerYear(rows, years);
  return (
    <>
      <div className={regionStyles.tableWrap}>
        <table className={`${regionStyles.table} ${styles.grid}`} data-table="presence">
          <caption className={styles.caption}>
            {rows.length} 个单位 × {years.length} 个年度
          </caption>
          <thead>
            <tr>
              <th scope="col" className={styles.nameCol}>
                单位（类别）
              </th>
              {years.map((y) => (
                <th key={y} scope="col" aria-current={y === year ? 'true' : undefined}>
                  <Link prefetch={false} href={bodiesHref(path, { ...state, year: y })} aria-label={`查看${y}年`}>
                    {y}
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.body.id} data-body={row.body.id}>
                <th scope="row" className={styles.nameCol}>
                  <Link prefetch={false} href={regionHref(row.body)} title={`${row.body.name}：历年报告`}>
                    {nameOf(row)}
                  </Link>
                  <span className={styles.meta} data-kind={row.body.kind}>
                    {SCOPE_LABELS[row.body.kind]}
                  </span>
                </th>
                {row.cells.map((cell, i) => (
                  <td key={years[i]} className={years[i] === year ? styles.currentYear : undefined} data-year={years[i]}>
                    {cell ? (
                      <a
                        href={reportHref(cell.reportId)}
                        className={cell.failedHard > 0 ? `${styles.present} ${styles.presentFailed}` : styles.present}
                        aria-label={`${years[i]}年报告${cell.failedHard > 0 ? `，核对未通过 ${cell.failedHard} 项` : ''}`}
                      >
                        {cell.failedHard > 0 ? '有 ⚠' : '有'}
                      </a>
                    ) : (
                      <>
                        <span className={styles.absent} aria-hidden="true">
                          —
                        </span>
                        <span className="sr-only">{years[i]}年未见报告</span>
                      </>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className={styles.gridFoot}>
              <th scope="row" className={styles.nameCol}>
                报告份数
              </th>
              {perYear.map((n, i) => (
                <td key={years[i]} data-year={years[i]}>
                  {n}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
      <ul className={styles.legend} aria-label="图例">
        <li>
          <span className={styles.present}>有</span> 该年有报告
        </li>
        <li>
          <span className={`${styles.present} ${styles.presentFailed}`}>有 ⚠</span> 有报告，核对未通过
        </li>
        <li>
          <span className={styles.absent}>—</span> 未见报告
        </li>
      </ul>
    </>
  );
}
