// Table 四 (行政复议、行政诉讼): 15 cells, 行政复议 then the two kinds of 行政诉讼, five
// results each, as the national format prints them.
import Figure from './Figure';
import type { AppealsLayout } from './layout';
import styles from './report.module.css';

export default function AppealsTable({ layout }: { layout: AppealsLayout }) {
  const [review, ...litigation] = layout.groups;
  return (
    <div className={styles.tableWrap}>
      <table className={`${styles.table} ${styles.appeals}`} data-table="四">
        <thead>
          <tr>
            <th colSpan={layout.columns.length} scope="colgroup">
              行政复议
            </th>
            <th colSpan={layout.columns.length * litigation.length} scope="colgroup">
              行政诉讼
            </th>
          </tr>
          <tr>
            <th colSpan={layout.columns.length} rowSpan={1} scope="colgroup" className={styles.muted}>
              &nbsp;
            </th>
            {litigation.map((g) => (
              <th key={g.key} colSpan={layout.columns.length} scope="colgroup">
                {g.label.replace(/^行政诉讼·/u, '')}
              </th>
            ))}
          </tr>
          <tr>
            {layout.groups.flatMap((g) =>
              layout.columns.map((c) => (
                <th key={`${g.key}-${c}`} scope="col" className={styles.narrow}>
                  {c}
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody>
          <tr>
            {[review, ...litigation].flatMap((g) =>
              g.cells.map((cell, i) => (
                <td key={cell.path} data-group={g.key} className={i === layout.columns.length - 1 ? styles.totalCol : undefined}>
                  <Figure cell={cell} />
                </td>
              )),
            )}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
