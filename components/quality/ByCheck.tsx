// How many checks fail, per check, for the page's selection: each count links to the list
// filtered to that check.
import type { FailedChecks } from '../../db/queries/checks';
import { formatNumber } from '../../lib/format/number';
import { qualityHref, withChange, type QualityState } from '../../lib/quality/url-state';
import { checkName, SEVERITY_LABELS } from '../report/check-names';
import styles from './quality.module.css';

export default function ByCheck({ state, byCheck }: { state: QualityState; byCheck: FailedChecks['byCheck'] }) {
  if (byCheck.length === 0) return null;
  return (
    <div className={`table-wrap ${styles.byCheck}`}>
      <table className="data data-compact" data-table="by-check">
        <caption className={styles.caption}>各核对项目未通过的报告数</caption>
        <thead>
          <tr>
            <th scope="col">核对项目</th>
            <th scope="col">类别</th>
            <th scope="col">未通过</th>
          </tr>
        </thead>
        <tbody>
          {byCheck.map((c) => (
            <tr key={`${c.checkId}-${c.severity}`} data-check={c.checkId}>
              <th scope="row">{checkName(c.checkId)}</th>
              <td>
                <span className={c.severity === 'hard' ? styles.severityHard : styles.severitySoft}>{SEVERITY_LABELS[c.severity]}</span>
              </td>
              <td className="num">
                <a href={qualityHref(withChange(state, { check: c.checkId, severity: c.severity }), 'failures')} aria-label={`只看“${checkName(c.checkId)}”：${c.failed} 份报告`}>
                  {formatNumber(c.failed)} 份报告
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
