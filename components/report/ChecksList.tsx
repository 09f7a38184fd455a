// Every check the report was held to: the failed ones first, each failure with the cell it
// points at, what the identity expects and what the report prints (never corrected).
import type { StoredCheck } from '../../db/queries/report';
import type { CheckFailure } from '../../lib/report/contract';
import { APPEAL_GROUPS, APPLICATION_ROWS, PROACTIVE_ROWS, applicationRowLabel, proactiveRowLabel, type ApplicationRowKey, type ProactiveRowKey } from '../../lib/report/labels';
import { reportHref } from '../../lib/region/href';
import { checkName, claimWord, SEVERITY_LABELS } from './check-names';
import { exact } from './format';
import styles from './report.module.css';

export function failureRowLabel(f: Pick<CheckFailure, 'table' | 'row'>): string {
  if (f.table === '三' && APPLICATION_ROWS.some((r) => r.key === f.row)) return applicationRowLabel(f.row as ApplicationRowKey);
  if (f.table === '四') return APPEAL_GROUPS.find((g) => g.key === f.row)?.label ?? f.row;
  if (f.table === '二' && PROACTIVE_ROWS.some((r) => r.key === f.row)) {
    const key = f.row as ProactiveRowKey;
    return proactiveRowLabel(key, '2021') ?? proactiveRowLabel(key, '2019') ?? f.row;
  }
  if (f.table === '正文' && f.row === 'applications.received') return '正文所述收到申请';
  return f.row;
}

function Failure({ f, word }: { f: CheckFailure; word: string }) {
  return (
    <li>
      表{f.table}「{failureRowLabel(f)}」{f.column}：印为 <strong className={styles.found}>{f.found === null ? '空' : exact(f.found)}</strong>，{word}{' '}
      <strong className={styles.expectedValue}>{exact(f.expected)}</strong>
      {f.line ? (
        <>
          {' '}
          <a href={`#L${f.line}`} data-line={f.line} className={styles.lineLink}>
            原文第 {f.line} 行
          </a>
        </>
      ) : null}
    </li>
  );
}

export default function ChecksList({ checks }: { checks: StoredCheck[] }) {
  if (checks.length === 0) return <p className={styles.muted}>报告缺少可核对的数字，没有进行核对。</p>;
  const failed = checks.filter((c) => !c.ok);
  const passed = checks.filter((c) => c.ok);
  return (
    <div className={styles.checks}>
      <p className={failed.length ? styles.checksBad : styles.checksGood}>
        {failed.length ? `${failed.length} 项核对未通过，${passed.length} 项通过。报告所印数字不作更正，下表中标红的格子即未通过之处。` : `全部 ${passed.length} 项核对通过。`}
      </p>
      {failed.length > 0 && (
        <ul className={styles.checkList} data-checks="failed">
          {failed.map((c, i) => (
            <li key={`${c.checkId}-${i}`} className={c.severity === 'hard' ? styles.checkHard : styles.checkSoft} data-check={c.checkId}>
              <span className={styles.severity}>{SEVERITY_LABELS[c.severity]}</span> {checkName(c.checkId)}
              {c.otherReportId !== null && (
                <>
                  {' '}
                  （对照 <a href={reportHref(c.otherReportId)}>相邻年度报告</a>）
                </>
              )}
              <ul>
                {c.failures.map((f, j) => (
                  <Failure key={j} f={f} word={claimWord([c.checkId])} />
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {passed.length > 0 && (
        <details className={styles.passed}>
          <summary>通过的核对（{passed.length}）</summary>
          <ul>
            {passed.map((c, i) => (
              <li key={`${c.checkId}-${i}`}>
                <span className={styles.okMark} aria-hidden="true">✓</span> {checkName(c.checkId)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
