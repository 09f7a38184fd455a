// Table 三 (收到和处理政府信息公开申请情况) as the national format prints it: seven applicant
// columns, 23 rows (2019: one （六）其他处理 row) or 25 (2021: three).
import { APPLICANT_COLUMNS } from '../../lib/report/labels';
import Figure from './Figure';
import type { ApplicationsLayout } from './layout';
import styles from './report.module.css';

/** The printed header: 申请人情况 spans 自然人 … 其他 (法人或其他组织 spans five of them), then 总计. */
export default function ApplicationsTable({ layout }: { layout: ApplicationsLayout }) {
  const valueRows = layout.rows.filter((r) => !r.heading).length;
  return (
    <div className={styles.tableWrap}>
      <table className={`${styles.table} ${styles.applications}`} data-table="三" data-rows={valueRows}>
        <caption className={styles.caption}>
          {valueRows} 行 × {APPLICANT_COLUMNS.length} 列（{layout.shape === 'otherSplit' ? '（六）其他处理分三行，2021年版' : '（六）其他处理为一行，2019年版'}）
        </caption>
        <thead>
          <tr>
            <th rowSpan={3} colSpan={1} scope="col" className={styles.corner}>
              项目
            </th>
            <th colSpan={7} scope="colgroup">申请人情况</th>
          </tr>
          <tr>
            <th rowSpan={2} scope="col">{APPLICANT_COLUMNS[0]}</th>
            <th colSpan={5} scope="colgroup">法人或其他组织</th>
            <th rowSpan={2} scope="col">{APPLICANT_COLUMNS[6]}</th>
          </tr>
          <tr>
            {APPLICANT_COLUMNS.slice(1, 6).map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {layout.rows.map((row) =>
            row.heading ? (
              <tr key={row.key} className={styles.headingRow}>
                <th scope="rowgroup" colSpan={8} className={styles[`depth${row.depth}`]}>
                  {row.label}
                </th>
              </tr>
            ) : (
              <tr key={row.key} data-row={row.key} className={row.key === 'total' ? styles.totalRow : undefined}>
                <th scope="row" className={styles[`depth${row.depth}`]}>
                  {row.label}
                </th>
                {row.cells.map((cell, i) => (
                  <td key={cell.path} className={i === 6 ? styles.totalCol : undefined}>
                    <Figure cell={cell} />
                  </td>
                ))}
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
