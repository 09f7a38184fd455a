// Publishes one waiting upload as parsed (the upload page's 发布所选). An upload whose region or
// year must be set is published from its preview page instead.

import { getDatabase } from '../../../../../../db/server';
import { changesPublicPages, publishStaged } from '../../../../../../db/uploads';
import { refusal, requireWriter } from '../../../../../(admin)/_lib/session';
import { revalidateReports } from '../../../../../(admin)/_lib/revalidate';

export const dynamic = 'force-dynamic';

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const account = await requireWriter(request);
  if (account instanceof Response) return account;
  const { id } = await params;
  if (!/^\d{1,9}$/u.test(id)) return refusal(404, '找不到这份上传');
  const { db } = await getDatabase();
  const outcome = await publishStaged(db, account, Number(id));
  if (!outcome.ok) return refusal(outcome.status, outcome.error);
  if (changesPublicPages(outcome.result.kind) && outcome.result.reportId) await revalidateReports(db, [outcome.result.reportId]);
  return Response.json(outcome.result, { headers: { 'Cache-Control': 'no-store' } });
}
