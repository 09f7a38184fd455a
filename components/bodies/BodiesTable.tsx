// One year's reports of the bodies, one row each: the key figures of each body's own report,
// 暂无数据 where it does not state one, and a mark where its checks failed. Nothing is added up.
// The name column stays in view (with the body's kind and what its report holds) while the
// figures scroll sideways on a phone.
import { BODY_METRIC_GROUPS, BODY_METRICS } from '../../lib/bodies/metrics';
import type { BodyTableRow } from '../../lib/bodies/view';
import { formatNumber, NO_DATA } from '../../lib/format/number';
import { reportHref } from '../../lib/region/href';
import { COMPLETENESS_LABELS, SCOPE_LABELS } from '../../lib/region/scope';
import regionStyles from '../region/region.module.css';
import styles from './bodies.module.css';

interface Props {
  year: number;
  rows: BodyTableRow[];
  nameOf: (row: BodyTableRow) => string;
}

export function FailureMarks({ reportId, hard, soft }: { reportId: number; hard: number; soft: number }) {
  return (
    <>
      {hard > 0 && (
        <a href={reportHref(reportId, 'checks')} className={styles.failMark} data-failed={hard}>
          ⚠ 核对未通过 {hard} 项
        </a>
      )}
      {soft > 0 && <span className={styles.softMark}>参考核对未通过 {soft} 项</span>}
    </>
  );
}

export default function BodiesTable({ year, rows, nameOf }: Props) {
  return (
    <>
      <p className={styles.scrollHint} aria-hidden="true">
        表格较宽，可左右滑动查看
      </p>
      <div className={regionStyles.tableWrap}>
        <table className={`${regionStyles.table} ${styles.bodiesTable}`} data-table="bodies">
          <caption className={styles.caption}>
            {year}年各单位报告所载数字（{rows.length} 份）
          </caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2} className={styles.nameCol}>
                单位（类别、报告情况）
              </th>
              {BODY_METRIC_GROUPS.map((g) => (
                <th key={g.label} scope="colgroup" colSpan={g.ids.length} className={styles.groupHead}>
                  {g.label}
                </th>
              ))}
            </tr>
            <tr>
              {BODY_METRICS.map((m) => (
                <th key={m.id} scope="col" data-metric={m.id}>
                  {m.label}
                  <span className={styles.unitLine}>（{m.unit}）</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const { body, report } = row;
              const completeness = COMPLETENESS_LABELS[report.completeness];
              return (
                <tr key={report.reportId} data-body={body.id} data-report={report.reportId}>
                  <th scope="row" className={styles.nameCol}>
                    <a href={reportHref(report.reportId)} title={`${body.name} ${year}年度报告`}>
                      {nameOf(row)}
                    </a>
                    <span className={styles.meta}>
                      <span data-kind={report.scope}>{SCOPE_LABELS[report.scope]}</span>
                      <span className={`${regionStyles.tag} ${regionStyles[`tag_${report.completeness}`]}`} title={completeness.hint}>
                        {completeness.label}
                      </span>
                      <FailureMarks reportId={report.reportId} hard={report.failedHard} soft={report.failedSoft} />
                    </span>
                  </th>
                  {BODY_METRICS.map((m) => {
                    const v = report.values[m.id];
                    return (
                      <td key={m.id} data-metric={m.id}>
                        {v === null ? <span className={regionStyles.none}>{NO_DATA}</span> : formatNumber(v)}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
