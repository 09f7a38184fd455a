import { notFound } from 'next/navigation';
import { getDatabase } from '../../../../../db/server';
import { stagedUpload } from '../../../../../db/uploads';
import { formatBytes } from '../../../../../lib/upload/limits';
import { FORMAT_LABELS, previewSummary } from '../../../../../lib/upload/preview';
import { describeUpload } from '../../../../../lib/upload/describe';
import { requireAccount } from '../../../_lib/session';
import AssignForm from '../../../../../components/admin/AssignForm';
import ReportFigures, { checksOf } from '../../../../../components/report/ReportFigures';
import { discardUpload } from './actions';
import styles from '../../../../../components/admin/admin.module.css';
import reportStyles from '../../../../../components/report/report.module.css';

// An upload's preview, before anything is stored: what the parser found, editable where the
// report does not say it; the figures as the national tables with failed checks marked; the
// warnings; and the start of the text as read. All report text is rendered as text.
export default async function UploadPreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,9}$/u.test(id)) notFound();
  const account = await requireAccount(`/admin/uploads/${id}`);
  const { db } = await getDatabase();
  const staged = await stagedUpload(db, account.id, Number(id));
  if (!staged) notFound();
  const parsed = staged.outcome.parsed;
  const summary = previewSummary({ ...staged, parsed, error: staged.outcome.error });
  const excerpt = parsed ? parsed.text.split('\n').slice(0, 40).join('\n') : '';

  return (
    <>
      <h1>预览：{staged.name}</h1>
      <p className={styles.muted}>
        {parsed ? FORMAT_LABELS[parsed.format] : '未知格式'}
        {parsed?.encoding ? `（${parsed.encoding}）` : ''} · {formatBytes(staged.size)} · {describeUpload(summary)}
      </p>
      {parsed ? (
        <AssignForm
          id={staged.id}
          found={{ region: parsed.report.region.name, city: parsed.report.region.city, year: parsed.report.year, scope: parsed.report.scope, issuer: parsed.report.issuer }}
          missing={summary.missing}
          limitedTo={account.regionName}
        />
      ) : (
        <p className={styles.error} role="alert">
          这份文件无法作为年度报告读取：{staged.outcome.error}
        </p>
      )}
      <form action={discardUpload} className={styles.inline}>
        <input type="hidden" name="id" value={staged.id} />
        <button type="submit" className={styles.secondary}>
          丢弃这份上传
        </button>
      </form>
      {parsed && (
        <div className={reportStyles.figures}>
          <ReportFigures document={parsed.report} checks={checksOf(parsed.report)} warnings={parsed.report.warnings} />
          <section aria-labelledby="text">
            <h2 id="text">解析读到的原文（前 40 行）</h2>
            <pre className={styles.excerpt}>{excerpt}</pre>
          </section>
        </div>
      )}
    </>
  );
}
