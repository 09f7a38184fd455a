// Each year's failed checks for the region, with the cell, what was expected and what the
// report prints, linking to the report page where the cell is marked.
import type { FailedCheck } from '../../db/queries/checks';
import { reportHref } from '../../lib/region/href';
import { checkName, claimWord } from '../report/check-names';
import { failureRowLabel } from '../report/ChecksList';
import { formatNumber } from '../../lib/format/number';
import styles from './region.module.css';

export default function FailedChecks({ failures }: { failures: FailedCheck[] }) {
  if (failures.length === 0) return <p className={styles.good}>各年报告的核对全部通过（或没有可核对的数字）。</p>;
  const years = [...new Set(failures.map((f) => f.year))].sort((a, b) => a - b);
  return (
    <div className={styles.failedChecks}>
      {years.map((y) => (
        <div key={y} data-year={y}>
          <h3>{y}年</h3>
          <ul>
            {failures
              .filter((f) => f.year === y)
              .map((f, i) => (
                <li key={i} className={f.severity === 'hard' ? styles.hard : styles.soft}>
                  <a href={reportHref(f.reportId, 'checks')}>{checkName(f.checkId)}</a>
                  <ul>
                    {f.failures.map((x, j) => (
                      <li key={j}>
                        表{x.table}「{failureRowLabel(x)}」{x.column}：印为 {x.found === null ? '空' : formatNumber(x.found)}，{claimWord([f.checkId])} {formatNumber(x.expected)}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
