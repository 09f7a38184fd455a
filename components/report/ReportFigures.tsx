// A report's figures as the national tables 二, 三 and 四 with every failed check marked in its
// cell, the prose figures and the parser's warnings: on the report page and on an upload's
// preview, before anything is stored.
import type { StoredCheck, StoredWarning } from '../../db/queries/report';
import type { Report } from '../../lib/report/contract';
import { SECTION_TITLES } from '../../lib/report/labels';
import ActivityFigures from './ActivityFigures';
import AppealsTable from './AppealsTable';
import ApplicationsTable from './ApplicationsTable';
import ChecksList from './ChecksList';
import { activityLayout, appealsLayout, applicationsLayout, indexFailures, markCorrected, proactiveLayout, type CellCorrection } from './layout';
import ProactiveTable from './ProactiveTable';
import WarningsList from './WarningsList';
import styles from './report.module.css';

/** A parse's checks in the shape of stored ones (a preview has no stored rows yet). */
export const checksOf = (report: Report): StoredCheck[] =>
  report.checks.map((c) => ({ checkId: c.id, ok: c.ok, severity: c.severity, detail: c.detail ?? null, failures: c.failures ?? [], otherReportId: null }));

export default function ReportFigures({
  document,
  checks,
  warnings,
  corrections,
}: {
  document: Report;
  checks: StoredCheck[];
  warnings: StoredWarning[];
  /** figures staff corrected: `document` holds the corrected values */
  corrections?: ReadonlyMap<string, CellCorrection>;
}) {
  const failures = indexFailures(checks);
  const proactive = markCorrected(proactiveLayout(document, failures), corrections);
  const applications = markCorrected(applicationsLayout(document, failures), corrections);
  const appeals = markCorrected(appealsLayout(document, failures), corrections);
  const activity = markCorrected(activityLayout(document, failures), corrections);
  return (
    <>
      <section aria-labelledby="checks">
        <h2 id="checks">核对结果</h2>
        <ChecksList checks={checks} />
      </section>

      <section aria-labelledby="t2">
        <h2 id="t2">二、{SECTION_TITLES[1]}</h2>
        {proactive ? <ProactiveTable layout={proactive} /> : <p className={styles.muted}>报告中没有可提取的表二。</p>}
      </section>

      <section aria-labelledby="t3">
        <h2 id="t3">三、{SECTION_TITLES[2]}</h2>
        {applications ? <ApplicationsTable layout={applications} /> : <p className={styles.muted}>报告中没有可提取的表三。</p>}
      </section>

      <section aria-labelledby="t4">
        <h2 id="t4">四、{SECTION_TITLES[3]}</h2>
        {appeals ? <AppealsTable layout={appeals} /> : <p className={styles.muted}>报告中没有可提取的表四。</p>}
      </section>

      <section aria-labelledby="prose">
        <h2 id="prose">正文中的数字</h2>
        {activity ? <ActivityFigures layout={activity} /> : <p className={styles.muted}>正文中没有可提取的数字。</p>}
      </section>

      <section aria-labelledby="warnings">
        <h2 id="warnings">解析提示</h2>
        <WarningsList warnings={warnings} />
      </section>
    </>
  );
}
