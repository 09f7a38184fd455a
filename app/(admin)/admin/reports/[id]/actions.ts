'use server';
// Corrections and re-parsing from a report's staff page. Each action checks the session, the
// request's origin and the account's region itself (db/corrections.ts checks the region again
// inside its transaction).

import { getDatabase } from '../../../../../db/server';
import { addCorrection, undoCorrection } from '../../../../../db/corrections';
import { reparseVersion } from '../../../../../db/reparse';
import { regionInScope } from '../../../../../db/accounts';
import { reports } from '../../../../../db/schema';
import { eq } from 'drizzle-orm';
import { parseCorrectionValue } from '../../../../../lib/corrections/form';
import { revalidateReports } from '../../../_lib/revalidate';
import { requireActionAccount, WriteRefusedError } from '../../../_lib/session';

export interface ActionState {
  error: string | null;
  done: string | null;
}

const idOf = (form: FormData, name: string) => {
  const v = String(form.get(name) ?? '');
  return /^\d{1,9}$/u.test(v) ? Number(v) : null;
};

async function guarded(work: () => Promise<ActionState>): Promise<ActionState> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof WriteRefusedError) return { error: err.message, done: null };
    console.error('correction action:', err);
    return { error: '操作失败：服务器出错，请稍后重试', done: null };
  }
}

export async function correctFigure(_state: ActionState, form: FormData): Promise<ActionState> {
  return guarded(async () => {
    const account = await requireActionAccount();
    const reportId = idOf(form, 'report');
    if (reportId === null) return { error: '找不到这份报告', done: null };
    const path = String(form.get('path') ?? '');
    const value = parseCorrectionValue(String(form.get('value') ?? ''));
    if (typeof value === 'object' && value !== null) return { error: value.error, done: null };
    const { db } = await getDatabase();
    const outcome = await addCorrection(db, account, { reportId, path, value, reason: String(form.get('reason') ?? '') });
    if (!outcome.ok) return { error: outcome.error, done: null };
    await revalidateReports(db, [reportId]);
    return { error: null, done: '已更正。数据看板、公开页面和导出现在使用更正后的数字。' };
  });
}

export async function undoFigureCorrection(_state: ActionState, form: FormData): Promise<ActionState> {
  return guarded(async () => {
    const account = await requireActionAccount();
    const id = idOf(form, 'correction');
    if (id === null) return { error: '找不到这条更正', done: null };
    const { db } = await getDatabase();
    const outcome = await undoCorrection(db, account, id);
    if (!outcome.ok) return { error: outcome.error, done: null };
    await revalidateReports(db, [outcome.reportId]);
    return { error: null, done: '已撤销这条更正。' };
  });
}

export async function reparseReport(_state: ActionState, form: FormData): Promise<ActionState> {
  return guarded(async () => {
    const account = await requireActionAccount();
    const reportId = idOf(form, 'report');
    if (reportId === null) return { error: '找不到这份报告', done: null };
    const { db } = await getDatabase();
    const [report] = await db.select({ regionId: reports.regionId }).from(reports).where(eq(reports.id, reportId));
    if (!report) return { error: '找不到这份报告', done: null };
    if (!(await regionInScope(db, account, report.regionId))) return { error: '此报告不属于您可管理的地区', done: null };
    const outcome = await reparseVersion(db, reportId);
    await revalidateReports(db, [reportId, ...(outcome?.kind === 'changed' && outcome.moved ? [outcome.moved.reportId] : [])]);
    if (!outcome) return { error: '找不到这份报告', done: null };
    if (outcome.kind === 'no-text') return { error: '这份报告没有存储原文，无法重新解析', done: null };
    if (outcome.kind === 'now-failing') return { error: `重新解析失败：${outcome.error}`, done: null };
    if (outcome.kind === 'changed') return { error: null, done: `已重新解析：${outcome.changes.length} 个数字有变化，更正保留。` };
    return { error: null, done: '已重新解析：结果与存储的一致，更正保留。' };
  });
}
