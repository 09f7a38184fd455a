// Year over year: each metric per year with its change from the year before. A year whose
// report follows the other template version, where the metric is defined differently, says so
// instead of showing a figure.
import { formatNumber, formatPercent, formatPoints, formatSigned, NOT_STATED } from '../../lib/format/number';
import type { YoyCell, YoyRow, YoyTableSection } from '../../lib/region/yoy';
import styles from './region.module.css';

function value(row: YoyRow, cell: YoyCell): string {
  if (cell.value === null) return '';
  return row.kind === 'ratio' ? formatPercent(cell.value / 100) : formatNumber(cell.value);
}

function change(row: YoyRow, cell: YoyCell): string | null {
  if (cell.change === null) return null;
  if (row.kind === 'ratio') return formatPoints(cell.change / 100);
  const pct = cell.changePct === null ? '' : `（${cell.changePct > 0 ? '+' : cell.changePct < 0 ? '−' : ''}${Math.abs(Math.round(cell.changePct))}%）`;
  return `${formatSigned(cell.change)}${pct}`;
}

function Cell({ row, cell }: { row: YoyRow; cell: YoyCell }) {
  if (cell.status === 'excluded') {
    return (
      <td className={styles.none} data-status="excluded" title="这一年的报告使用另一版表格，此项口径不同，不列入比较">
        口径不同
      </td>
    );
  }
  if (cell.status !== 'value') {
    return (
      <td className={styles.none} data-status={cell.status}>
        {cell.status === 'unstated' ? NOT_STATED : '—'}
      </td>
    );
  }
  const delta = change(row, cell);
  const direction = cell.change === null || cell.change === 0 ? '' : cell.change > 0 ? styles.up : styles.down;
  return (
    <td data-status="value">
      <span className={styles.yoyValue}>{value(row, cell)}</span>
      {delta && <span className={`${styles.delta} ${direction}`}>{delta}</span>}
    </td>
  );
}

export default function YoyTable({ years, sections }: { years: number[]; sections: YoyTableSection[] }) {
  if (sections.length === 0) return <p className={styles.muted}>没有可逐年比较的数字。</p>;
  return (
    <div className={styles.tableWrap}>
      <table className={`${styles.table} ${styles.yoy}`} data-table="yoy">
        <thead>
          <tr>
            <th scope="col">项目</th>
            {years.map((y) => (
              <th key={y} scope="col">
                {y}
              </th>
            ))}
          </tr>
        </thead>
        {sections.map((s) => (
          <tbody key={s.title}>
            <tr className={styles.sectionRow}>
              <th colSpan={years.length + 1} scope="rowgroup">
                {s.title}
              </th>
            </tr>
            {s.rows.map((row) => (
              <tr key={row.id} data-metric={row.id}>
                <th scope="row">
                  {row.label}
                  <span className={styles.unit}>{row.unit === '%' ? '' : `（${row.unit}）`}</span>
                </th>
                {row.cells.map((cell) => (
                  <Cell key={cell.year} row={row} cell={cell} />
                ))}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
      <p className={styles.footnote}>
        括号内为与上一年相比的变化；比率的变化以百分点计。“口径不同”：这一年的报告使用另一版表格（2019年版或2021年版），此项定义不同，不作比较；“未载明”：报告没有写这一项。
      </p>
    </div>
  );
}
