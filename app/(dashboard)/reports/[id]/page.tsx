// One report: its figures laid out as the national tables 二, 三 and 四 with every failed check
// marked in its cell, the prose figures, the warnings, the files and versions, and beside them
// the report's normalised text (click a figure to see its line).
import { notFound } from 'next/navigation';
import { reportDetail, type ReportDetail } from '../../../../db/queries/report';
import { getDatabase } from '../../../../db/server';
import FilesAndVersions from '../../../../components/report/FilesAndVersions';
import CorrectionsList from '../../../../components/report/CorrectionsList';
import ReportFigures from '../../../../components/report/ReportFigures';
import { liveByPath } from '../../../../lib/corrections/describe';
import SourceText from '../../../../components/report/SourceText';
import styles from '../../../../components/report/report.module.css';
import DatabaseNotice from '../../../../components/ui/DatabaseNotice';
import Shell, { type Crumb } from '../../../../components/region/Shell';
import { describeDominantCause, dominantCauses } from '../../../../lib/region/dominant-cause';
import { regionHref, reportHref } from '../../../../lib/region/href';
import { COMPLETENESS_LABELS, SCOPE_HINTS, SCOPE_LABELS } from '../../../../lib/region/scope';
import { normaliseText } from '../../../../lib/text/normalise';
import { PUBLISH_RESULT_LABELS, publishedKind } from '../../../../lib/upload/publish-labels';

export const dynamic = 'force-dynamic';

function crumbsOf(report: ReportDetail): Crumb[] {
  const crumbs: Crumb[] = [];
  const r = report.region;
  if (r) {
    if (r.parent) crumbs.push({ label: r.parent.name, href: regionHref(r.parent) });
    crumbs.push({ label: r.name, href: regionHref(r) });
  }
  crumbs.push({ label: report.year ? `${report.year}年度报告` : '年度报告' });
  return crumbs;
}

function titleOf(report: ReportDetail): string {
  const who = report.issuer ?? report.region?.name ?? report.document.region.name ?? '未识别地区';
  return `${who}${report.year ? `${report.year}年` : ''}政府信息公开工作年度报告`;
}

export default async function ReportPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const published = publishedKind((await searchParams).published);
  if (!/^\d{1,9}$/u.test(id)) notFound();
  let report: ReportDetail | null;
  try {
    const { db } = await getDatabase();
    report = await reportDetail(db, Number(id));
  } catch (err) {
    return (
      <Shell crumbs={[{ label: '报告' }]}>
        <DatabaseNotice error={err} />
      </Shell>
    );
  }
  if (!report) notFound();

  const doc = report.document;
  const causes = dominantCauses(doc.applications);
  const figureLines = new Set(Object.values(doc.sources));
  // the stored text is what the parser read; its lines are numbered as the normalised ones
  const lines = report.text ? normaliseText(report.text.content).lines : null;
  const url = report.files.find((f) => f.url)?.url ?? null;
  const current = report.versions.find((v) => v.isCurrent);
  const corrected = liveByPath(report.corrections).size;
  const failedHard = report.checks.filter((c) => !c.ok && c.severity === 'hard').length;
  const completeness = COMPLETENESS_LABELS[report.completeness];
  const region = report.region;

  return (
    <Shell crumbs={crumbsOf(report)} wide>
      <title>{`${titleOf(report)} · 年报通`}</title>
      <header className={styles.header}>
        {published && (
          <p className={styles.published} role="status">
            {PUBLISH_RESULT_LABELS[published]}。
          </p>
        )}
        <h1>{titleOf(report)}</h1>
        <p className={styles.meta}>
          {region && (
            <span>
              地区：<a href={regionHref(region)}>{[region.province, region.city, region.name].filter((x, i, a) => x && a.indexOf(x) === i).join(' · ')}</a>
            </span>
          )}
          <span title={SCOPE_HINTS[report.scope]}>统计范围：{SCOPE_LABELS[report.scope]}</span>
          <span>表格：{report.template === '2019' || report.template === '2021' ? `${report.template}年版` : report.template === 'pre2019' ? '2019年以前格式' : '无统计表'}</span>
          <span title={completeness.hint}>{completeness.label}</span>
          <span>
            第 {report.version} 版{report.isCurrent ? '（当前）' : ''}
          </span>
        </p>
        {!report.isCurrent && current && (
          <p className={styles.oldVersion} role="note">
            这是旧版本。当前版本为 <a href={reportHref(current.id)}>第 {current.version} 版</a>。
          </p>
        )}
        <div className={styles.summaryBox}>
          <p>
            {failedHard > 0 ? (
              <strong className={styles.bad}>{failedHard} 项勾稽关系不成立</strong>
            ) : report.checks.length > 0 ? (
              <strong className={styles.good}>勾稽关系全部成立</strong>
            ) : (
              <span>没有可核对的表格数字</span>
            )}
            ，{report.warnings.length} 条解析提示。点击任一数字，可在右侧原文中看到它所在的行。
            {corrected > 0 && (
              <>
                {' '}
                <a href="#corrections">{corrected} 处数字经工作人员更正</a>，表中显示更正后的数字，并注明原印数字。
              </>
            )}
          </p>
          <p className="chart-downloads">
            <span>下载：</span>
            <a href={`/api/reports/${report.id}/tables.xlsx`} data-download="national-tables" download>
              表二、表三、表四（Excel，国家格式）
            </a>
          </p>
          {causes.length > 0 && (
            <ul className={styles.findings}>
              {causes.map((c) => (
                <li key={c.row}>{describeDominantCause(c, report.year)}</li>
              ))}
            </ul>
          )}
        </div>
      </header>

      <div className={styles.layout}>
        <div className={styles.figures}>
          <ReportFigures document={doc} checks={report.checks} warnings={report.warnings} corrections={liveByPath(report.corrections)} />

          <section aria-labelledby="corrections">
            <h2 id="corrections">更正记录</h2>
            <CorrectionsList corrections={report.corrections} printed={report.printed} />
            {report.region && (
              <p className={styles.muted}>
                工作人员可在 <a href={`/admin/reports/${report.id}`}>管理页面</a> 更正数字（须填写原因，原印数字保留）。
              </p>
            )}
          </section>

          <section aria-labelledby="files">
            <h2 id="files">文件与版本</h2>
            <FilesAndVersions reportId={report.id} files={report.files} versions={report.versions} />
          </section>
        </div>

        <aside className={styles.source} aria-labelledby="source">
          <h2 id="source">报告原文</h2>
          <SourceText lines={lines} fileName={report.text?.name ?? null} url={url} figureLines={figureLines} />
        </aside>
      </div>
    </Shell>
  );
}
