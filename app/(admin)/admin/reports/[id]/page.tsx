import Link from 'next/link';
import { notFound } from 'next/navigation';
import { regionInScope } from '../../../../../db/accounts';
import { inPrintedOrder } from '../../../../../db/queries/export';
import { reportDetail } from '../../../../../db/queries/report';
import { getDatabase } from '../../../../../db/server';
import { figureValues } from '../../../../../lib/corrections/apply';
import { figureName, liveByPath } from '../../../../../lib/corrections/describe';
import { reportHref } from '../../../../../lib/region/href';
import { requireAccount } from '../../../_lib/session';
import CorrectionsList from '../../../../../components/report/CorrectionsList';
import { CorrectionForm, ReparseForm, UndoForm } from '../../../../../components/admin/CorrectionForms';
import styles from '../../../../../components/admin/admin.module.css';

// A report's staff page: correct a figure (with a reason), undo a correction, re-parse the file.
// A report of a region outside the account's own is not found.
export default async function AdminReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,9}$/u.test(id)) notFound();
  const account = await requireAccount(`/admin/reports/${id}`);
  const { db } = await getDatabase();
  const report = await reportDetail(db, Number(id));
  if (!report || !(await regionInScope(db, account, report.region?.id ?? null))) notFound();

  const printed = figureValues(inPrintedOrder(report.printed));
  const current = figureValues(report.document);
  const live = liveByPath(report.corrections);
  const figures = [...printed.keys()].map((path) => ({ path, label: figureName(path, report.printed), value: current.get(path) ?? null, corrected: live.has(path) }));
  const title = `${report.region?.name ?? '未识别地区'}${report.year ? `${report.year}年` : ''}年度报告`;

  return (
    <>
      <h1>更正数字：{title}</h1>
      <p className={styles.muted}>
        第 {report.version} 版{report.isCurrent ? '（当前）' : '（旧版本）'} · <Link prefetch={false} href={reportHref(report.id)}>查看报告页</Link>
      </p>
      <section aria-labelledby="correct">
        <h2 id="correct">更正一个数字</h2>
        <p className={styles.muted}>原报告印的数字保留；更正后的数字用于数据看板、公开页面和导出，并注明“已更正”和原因。</p>
        <CorrectionForm reportId={report.id} figures={figures} />
      </section>
      <section aria-labelledby="history">
        <h2 id="history">更正记录</h2>
        <CorrectionsList corrections={report.corrections} printed={report.printed} />
        {report.corrections
          .filter((c) => !c.undoneAt && live.get(c.path)?.id === c.id)
          .map((c) => (
            <UndoForm key={c.id} correctionId={c.id} label={figureName(c.path, report.printed)} />
          ))}
      </section>
      <section aria-labelledby="reparse">
        <h2 id="reparse">重新解析</h2>
        <p className={styles.muted}>用当前的解析程序重新读取这份报告的原文件。更正会保留；如果更正所对应的原印数字变了，更正记录会标出。</p>
        <ReparseForm reportId={report.id} />
      </section>
    </>
  );
}
