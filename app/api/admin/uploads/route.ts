// One uploaded file per request (the page sends a batch one by one, and shows its progress): the
// raw bytes as the body, the file's name in X-File-Name. Checked by size and by content, parsed
// in a worker thread, and kept for its preview; nothing is published here.

import { assertRoomToStage, stageUpload, TooManyStagedError } from '../../../../db/uploads';
import { getDatabase } from '../../../../db/server';
import { ParserBusyError } from '../../../../lib/ingest/parse-pool';
import { parseUpload, serverParserConfig, serverParserLoad } from '../../../../lib/ingest/server-parser';
import { checkUploadContent } from '../../../../lib/upload/content';
import { safeFileName } from '../../../../lib/upload/file-name';
import { uploadMaxBytes } from '../../../../lib/upload/limits';
import { declaredTooLarge, EmptyUploadError, readLimited, UploadTooLargeError } from '../../../../lib/upload/read-body';
import { refusal, requireWriter } from '../../../(admin)/_lib/session';

export const dynamic = 'force-dynamic';

const tooLarge = (limit: number) => refusal(413, `文件超过 ${Math.round(limit / 1024 / 1024)} MB 的上限`);
const busy = () =>
  new Response(JSON.stringify({ error: '解析队列已满，请稍后重试' }), { status: 503, headers: { 'Content-Type': 'application/json', 'Retry-After': '5', 'Cache-Control': 'no-store' } });

export async function POST(request: Request) {
  const account = await requireWriter(request);
  if (account instanceof Response) return account;
  const limit = uploadMaxBytes();
  if (declaredTooLarge(request.headers, limit)) return tooLarge(limit);
  // refused before the body is read: a full queue, or an account with too much waiting
  const load = serverParserLoad();
  if (load && load.waiting >= serverParserConfig().maxQueue) return busy();
  const { db } = await getDatabase();
  try {
    await assertRoomToStage(db, account.id, Number(request.headers.get('content-length')) || 0);
  } catch (err) {
    if (err instanceof TooManyStagedError) return refusal(429, err.message);
    throw err;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readLimited(request.body, limit);
  } catch (err) {
    if (err instanceof UploadTooLargeError) return tooLarge(limit);
    if (err instanceof EmptyUploadError) return refusal(400, '文件是空的');
    throw err;
  }
  const name = safeFileName(request.headers.get('x-file-name'));
  const content = checkUploadContent(bytes, name);
  if ('error' in content) return refusal(415, content.error);
  let outcome;
  try {
    outcome = await parseUpload(bytes, name, { maxBytes: limit });
  } catch (err) {
    if (err instanceof ParserBusyError) return busy();
    throw err;
  }
  try {
    const summary = await stageUpload(db, account.id, { name, bytes }, outcome);
    return Response.json(summary, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  } catch (err) {
    if (err instanceof TooManyStagedError) return refusal(429, err.message);
    throw err;
  }
}
