// Discards one waiting upload of the signed-in account.

import { getDatabase } from '../../../../../db/server';
import { discardStaged } from '../../../../../db/uploads';
import { refusal, requireWriter } from '../../../../(admin)/_lib/session';

export const dynamic = 'force-dynamic';

export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const account = await requireWriter(request);
  if (account instanceof Response) return account;
  const { id } = await params;
  if (!/^\d{1,9}$/u.test(id)) return refusal(404, '找不到这份上传');
  const { db } = await getDatabase();
  if (!(await discardStaged(db, account.id, Number(id)))) return refusal(404, '找不到这份上传');
  return new Response(null, { status: 204 });
}
