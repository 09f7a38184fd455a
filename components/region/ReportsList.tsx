// The region's reports of the scope shown, one line a year: what each holds and a link to it.
import type { RegionReport } from '../../db/queries/region';
import { reportHref } from '../../lib/region/href';
import { COMPLETENESS_LABELS } from '../../lib/region/scope';
import styles from './region.module.css';

export default function ReportsList({ reports }: { reports: RegionReport[] }) {
  return (
    <ul className={styles.reportList} data-reports={reports.length}>
      {reports.map((r) => {
        const c = COMPLETENESS_LABELS[r.completeness];
        return (
          <li key={r.id}>
            <a href={reportHref(r.id)} className={styles.reportLink} data-report={r.id}>
              {r.year}年度报告
            </a>
            <span className={styles.issuer}>{r.issuer ?? '发布机关未注明'}</span>
            <span className={`${styles.tag} ${styles[`tag_${r.completeness}`]}`} title={c.hint}>
              {c.label}
            </span>
            {r.template && r.template !== 'pre2019' && <span className={styles.tagPlain}>{r.template}年版表格</span>}
            {r.failedHard > 0 && <span className={`${styles.tag} ${styles.tag_failed}`}>核对未通过 {r.failedHard}</span>}
            {r.failedSoft > 0 && <span className={`${styles.tag} ${styles.tag_soft}`}>参考核对未通过 {r.failedSoft}</span>}
            {r.hasText ? <span className={`${styles.tag} ${styles.tag_text}`}>附原文</span> : null}
            {r.url && (
              <a href={r.url} rel="noreferrer" className={styles.sourceLink}>
                原文来源
              </a>
            )}
          </li>
        );
      })}
    </ul>
  );
}
