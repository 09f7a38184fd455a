// Table 二 (主动公开政府信息情况): one block per item of article 20, with the columns of the
// report's template version.
import Figure from './Figure';
import type { ProactiveLayout } from './layout';
import styles from './report.module.css';

export default function ProactiveTable({ layout }: { layout: ProactiveLayout }) {
  const width = Math.max(...layout.blocks.map((b) => b.columns.length)) + 1;
  return (
    <div className={styles.tableWrap}>
      <table className={`${styles.table} ${styles.proactive}`} data-table="二">
        <caption className={styles.caption}>{layout.version}年版表格</caption>
        {layout.blocks.map((block) => (
          <tbody key={block.article}>
            <tr className={styles.blockTitle}>
              <th colSpan={width} scope="colgroup">
                {block.title}
              </th>
            </tr>
            <tr className={styles.blockHead}>
              <th scope="col">信息内容</th>
              {block.columns.map((c, i) => (
                <th key={c.key} scope="col" colSpan={i === block.columns.length - 1 ? width - block.columns.length : 1}>
                  {c.label}
                  {c.money && !c.label.includes('万元') ? '（万元）' : ''}
                </th>
              ))}
            </tr>
            {block.rows.map((row) => (
              <tr key={row.key} data-row={row.key}>
                <th scope="row">{row.label}</th>
                {row.cells.map((cell, i) => (
                  <td key={cell.path} colSpan={i === row.cells.length - 1 ? width - row.cells.length : 1}>
                    <Figure cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
