// Regions × years: each cell says, in symbol, word and colour, whether that year's report is
// complete, partial, failing its checks or missing, and links to the report (a missing one to
// the region's page). One page of regions at a time.
import type { CoverageCell, CoverageRow } from '../../db/queries/coverage';
import { LEVEL_LABEL } from '../../lib/dashboard/labels';
import { cellDescription, cellLabel } from '../../lib/quality/coverage-view';
import { regionHref, reportHref } from '../../lib/region/href';
import styles from './quality.module.css';

/** A status in words; its symbol comes from the stylesheet (::before), so that 700 cells stay light. */
function Cell({ row, cell }: { row: CoverageRow; cell: CoverageCell }) {
  const className = `${styles.cell} ${styles[cell.status]}`;
  const label = cellDescription(row.name, cell);
  if (cell.reportId !== undefined) {
    return (
      <a className={className} href={reportHref(cell.reportId, cell.status === 'failed' ? 'checks' : undefined)} aria-label={label}>
        {cellLabel(cell)}
      </a>
    );
  }
  if (row.regionId !== null || row.code !== null) {
    return (
      <a className={className} href={regionHref({ id: row.regionId, code: row.code })} aria-label={label}>
        {cellLabel(cell)}
      </a>
    );
  }
  return <span className={className}>{cellLabel(cell)}</span>;
}

function regionNote(row: CoverageRow): string | null {
  if (row.level === 'body') return LEVEL_LABEL.body;
  if (row.code === null) return '不在区划名录';
  if (row.regionId === null) return '尚无任何报告';
  return null;
}

/** `note` says which regions are listed and which page this is (outside the table, which may scroll sideways on a phone). */
export default function CoverageMatrix({ rows, years, note }: { rows: CoverageRow[]; years: number[]; note: string }) {
  return (
    <>
      <p className="section-note" data-note="coverage">{note}</p>
      <div className="table-wrap">
        <table className={`data ${styles.matrix}`} data-table="coverage">
          <caption className={styles.caption}>各地区各年度的报告</caption>
          <thead>
            <tr>
              <th scope="col">地区</th>
              {years.map((y) => (
                <th key={y} scope="col">
                  {y}年
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const remark = regionNote(row);
              return (
                <tr key={row.regionId ?? `code-${row.code}`} data-region={row.code ?? row.name}>
                  <th scope="row">
                    {row.regionId !== null || row.code !== null ? <a href={regionHref({ id: row.regionId, code: row.code })}>{row.name}</a> : row.name}
                    {remark && <span className={styles.regionNote}>{remark}</span>}
                  </th>
                  {row.cells.map((cell) => (
                    <td key={cell.year} data-year={cell.year} data-status={cell.status}>
                      <Cell row={row} cell={cell} />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
