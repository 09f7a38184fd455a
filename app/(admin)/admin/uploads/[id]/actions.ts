'use server';
// The preview's two writes. Each checks the session and the request's origin itself: a server
// action is a public endpoint whatever page it was rendered on.

import { redirect } from 'next/navigation';
import { getDatabase } from '../../../../../db/server';
import { changesPublicPages, discardStaged, publishStaged, stagedUpload } from '../../../../../db/uploads';
import { assignmentFromForm } from '../../../../../lib/upload/assign-form';
import { revalidateReports } from '../../../_lib/revalidate';
import { requireActionAccount, WriteRefusedError } from '../../../_lib/session';

export interface PublishState {
  error: string | null;
}

const uploadId = (form: FormData) => {
  const id = String(form.get('id') ?? '');
  return /^\d{1,9}$/u.test(id) ? Number(id) : null;
};

export async function publishUpload(_state: PublishState, form: FormData): Promise<PublishState> {
  let published: { reportId?: number; kind: string } | undefined;
  try {
    const account = await requireActionAccount();
    const id = uploadId(form);
    const { db } = await getDatabase();
    const staged = id === null ? null : await stagedUpload(db, account.id, id);
    if (!staged || id === null) return { error: '找不到这份上传：它可能已发布或已丢弃' };
    const assignment = assignmentFromForm(form, staged.outcome.parsed?.report ?? null, account.name, new Date());
    if ('error' in assignment) return { error: assignment.error };
    const outcome = await publishStaged(db, account, id, assignment.assignment);
    if (!outcome.ok) return { error: outcome.error };
    published = outcome.result;
    if (changesPublicPages(outcome.result.kind) && outcome.result.reportId) await revalidateReports(db, [outcome.result.reportId]);
  } catch (err) {
    if (err instanceof WriteRefusedError) return { error: err.message };
    console.error('publishing an upload:', err);
    return { error: '发布失败：服务器出错，请稍后重试' };
  }
  redirect(published?.reportId ? `/reports/${published.reportId}?published=${published.kind}` : '/admin');
}

export async function discardUpload(form: FormData): Promise<void> {
  let account;
  try {
    account = await requireActionAccount();
  } catch (err) {
    if (err instanceof WriteRefusedError) redirect(`/admin/sign-in?next=/admin/upload`);
    throw err;
  }
  const id = uploadId(form);
  if (id !== null) {
    const { db } = await getDatabase();
    await discardStaged(db, account.id, id);
  }
  redirect('/admin/upload');
}
