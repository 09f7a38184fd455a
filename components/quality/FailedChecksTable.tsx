// One page of failed checks: the year, the region, the check and every cell it fails at, each
// cell linking to itself on the report page (where it is marked). Printed figures are shown
// as printed; a prose check shows what the prose states beside what the table prints.
import type { FailedCheck } from '../../db/queries/checks';
import { formatNumber } from '../../lib/format/number';
import { failureAnchor } from '../../lib/quality/cell-anchor';
import { regionHref, reportHref } from '../../lib/region/href';
import { SCOPE_LABELS } from '../../lib/region/scope';
import { failureRowLabel } from '../report/ChecksList';
import { checkName, claimWord, SEVERITY_LABELS } from '../report/check-names';
import styles from './quality.module.css';

function Severity({ severity }: { severity: FailedCheck['severity'] }) {
  return <span className={severity === 'hard' ? styles.severityHard : styles.severitySoft}>{SEVERITY_LABELS[severity]}</span>;
}

/** `note` says how many there are and which page this is. */
export default function FailedChecksTable({ rows, note }: { rows: FailedCheck[]; note: string }) {
  return (
    <>
      <p className="section-note" data-note="failures">{note}</p>
      <div className="table-wrap">
        <table className={`data ${styles.failures}`} data-table="failures">
          <caption className={styles.caption}>未通过的核对（新年度在前）</caption>
          <thead>
            <tr>
              <th scope="col">年度</th>
              <th scope="col">地区</th>
              <th scope="col">核对项目</th>
              <th scope="col">未通过之处（点击查看报告中的格子）</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const word = claimWord([r.checkId]);
              return (
                <tr key={`${r.reportId}-${r.checkId}-${i}`} data-check={r.checkId} data-report={r.reportId}>
                  <td data-label="年度">{r.year}</td>
                  <th scope="row">
                    <a href={regionHref(r.region)}>{r.region.name}</a>
                    {r.scope !== 'jurisdiction' && <span className={styles.regionNote}>{SCOPE_LABELS[r.scope]}</span>}
                  </th>
                  <td data-label="核对项目">
                    <Severity severity={r.severity} /> {checkName(r.checkId)}
                    {r.otherReportId !== null && (
                      <span className={styles.detail}>
                        对照 <a href={reportHref(r.otherReportId)}>相邻年度报告</a>
                      </span>
                    )}
                  </td>
                  <td data-label="未通过之处">
                    <ul>
                      {r.failures.map((f, j) => (
                        <li key={j}>
                          <a href={reportHref(r.reportId, failureAnchor(f))} data-anchor={failureAnchor(f)}>
                            {`表${f.table}「${failureRowLabel(f)}」${f.column}`}
                          </a>
                          {'：印为 '}
                          <span className={styles.found}>{f.found === null ? '空' : formatNumber(f.found)}</span>
                          {`，${word} ${formatNumber(f.expected)}`}
                        </li>
                      ))}
                    </ul>
                    {r.checkId.startsWith('prose.') && r.detail && <span className={styles.detail}>{r.detail}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
