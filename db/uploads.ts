// Files uploaded in the app wait here, parsed, until their uploader publishes or discards them.
// Publishing stores them through ingestFile, the CLI's own path: copies, versions and duplicates
// behave the same, and an account limited to a region cannot store a report of another one.

import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { ParseOutcome } from '../lib/ingest/outcome';
import { assignIdentity, assignsNothing, type IdentityAssignment } from '../lib/upload/assign';
import { missingIdentity, uploadDigest, type UploadSummary } from '../lib/upload/preview';
import { regionInScope, type Account } from './accounts';
import type { Db } from './client';
import { ingestFile, sha256, type IngestResult } from './ingest';
import { sourceFiles, stagedUploads } from './schema';

/** Uploads nobody published or discarded are dropped after this long. */
export const STAGED_UPLOAD_DAYS = 7;

/** The report belongs to a region outside the account's own: nothing was stored. */
export class OutOfScopeError extends Error {
  constructor(readonly account: Pick<Account, 'regionName'>) {
    super(`此报告不属于您可管理的地区（${account.regionName ?? '—'}及其下级）`);
    this.name = 'OutOfScopeError';
  }
}

/** At most this many uploads, and this many bytes, wait per account. */
export const MAX_STAGED_FILES = 500;
export const MAX_STAGED_BYTES = 1024 * 1024 * 1024;

/** Too much waits already: the account must publish or discard first. */
export class TooManyStagedError extends Error {
  constructor() {
    super(`待发布的上传已达上限（${MAX_STAGED_FILES} 个文件或 1 GB）：请先发布或丢弃一些`);
    this.name = 'TooManyStagedError';
  }
}

/** Whether the account may stage `size` more bytes now (uploads past their days are dropped first). */
export async function assertRoomToStage(db: Db, accountId: number, size: number): Promise<void> {
  await db.delete(stagedUploads).where(lt(stagedUploads.createdAt, sql`now() - make_interval(days => ${STAGED_UPLOAD_DAYS})`));
  const [used] = await db
    .select({ files: sql<number>`count(*)::int`, bytes: sql<number>`coalesce(sum(${stagedUploads.size}), 0)::bigint` })
    .from(stagedUploads)
    .where(eq(stagedUploads.accountId, accountId));
  if (Number(used.files) >= MAX_STAGED_FILES || Number(used.bytes) + size > MAX_STAGED_BYTES) throw new TooManyStagedError();
}

export async function stageUpload(db: Db, accountId: number, file: { name: string; bytes: Uint8Array }, outcome: ParseOutcome): Promise<UploadSummary> {
  await assertRoomToStage(db, accountId, file.bytes.length);
  const digest = uploadDigest({ name: file.name, size: file.bytes.length, parsed: outcome.parsed, error: outcome.error });
  const [row] = await db
    .insert(stagedUploads)
    .values({ accountId, name: file.name, sha256: sha256(file.bytes), size: file.bytes.length, bytes: file.bytes, parsed: outcome.parsed, error: outcome.error, digest })
    .returning({ id: stagedUploads.id, createdAt: stagedUploads.createdAt });
  return { ...digest, id: row.id, createdAt: row.createdAt.toISOString() };
}

/** The account's waiting uploads, newest first, from their digests (no bytes, no parse). */
export async function stagedUploadsOf(db: Db, accountId: number): Promise<UploadSummary[]> {
  const rows = await db
    .select({ id: stagedUploads.id, createdAt: stagedUploads.createdAt, digest: stagedUploads.digest })
    .from(stagedUploads)
    .where(eq(stagedUploads.accountId, accountId))
    .orderBy(desc(stagedUploads.id))
    .limit(MAX_STAGED_FILES);
  return rows.map((r) => ({ ...r.digest, id: r.id, createdAt: r.createdAt.toISOString() }));
}

export async function stagedCount(db: Db, accountId: number): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(stagedUploads).where(eq(stagedUploads.accountId, accountId));
  return Number(row.n);
}

export interface StagedUpload {
  id: number;
  name: string;
  size: number;
  createdAt: Date;
  outcome: ParseOutcome;
}

/** One of the account's own waiting uploads; null for anyone else's. */
export async function stagedUpload(db: Db, accountId: number, id: number): Promise<StagedUpload | null> {
  const [row] = await db
    .select({ id: stagedUploads.id, name: stagedUploads.name, size: stagedUploads.size, createdAt: stagedUploads.createdAt, parsed: stagedUploads.parsed, error: stagedUploads.error })
    .from(stagedUploads)
    .where(and(eq(stagedUploads.id, id), eq(stagedUploads.accountId, accountId)));
  if (!row) return null;
  const outcome: ParseOutcome = row.parsed ? { parsed: row.parsed, error: null } : { parsed: null, error: row.error ?? '无法解析' };
  return { id: row.id, name: row.name, size: row.size, createdAt: row.createdAt, outcome };
}

export async function discardStaged(db: Db, accountId: number, id: number): Promise<boolean> {
  const deleted = await db.delete(stagedUploads).where(and(eq(stagedUploads.id, id), eq(stagedUploads.accountId, accountId))).returning({ id: stagedUploads.id });
  return deleted.length > 0;
}

/** Whether publishing changed what the public pages show (attaching a file's text, or a file stored before, does not). */
export const changesPublicPages = (kind: IngestResult['kind']) => kind === 'stored' || kind === 'version' || kind === 'copy';

export type PublishOutcome = { ok: true; result: IngestResult } | { ok: false; status: 404 | 403 | 409 | 422; error: string };

/**
 * Stores one of the account's uploads as the CLI would, with what staff set applied. A report
 * outside the account's region is refused inside the transaction, so nothing of it is stored.
 */
export async function publishStaged(db: Db, account: Account, id: number, assign?: IdentityAssignment): Promise<PublishOutcome> {
  const [row] = await db
    .select({ name: stagedUploads.name, sha256: stagedUploads.sha256, bytes: stagedUploads.bytes, parsed: stagedUploads.parsed, error: stagedUploads.error })
    .from(stagedUploads)
    .where(and(eq(stagedUploads.id, id), eq(stagedUploads.accountId, account.id)));
  if (!row) return { ok: false, status: 404, error: '找不到这份上传：它可能已发布或已丢弃' };
  if (!row.parsed) return { ok: false, status: 422, error: `这份文件未能解析，不能发布：${row.error ?? ''}` };
  const parsed = row.parsed;
  // the same bytes stored before are left as they are: say so rather than drop what was asked
  const [known] = await db.select({ status: sourceFiles.status, reportId: sourceFiles.reportId, hasBytes: sql<boolean>`${sourceFiles.bytes} is not null` }).from(sourceFiles).where(eq(sourceFiles.sha256, row.sha256));
  if (known?.hasBytes && known.status === 'failed') return { ok: false, status: 409, error: '这个文件以前已存储过，当时未能解析：请系统管理员运行 npm run -s reparse 重新解析它' };
  if (known?.hasBytes && !assignsNothing(assign)) return { ok: false, status: 409, error: `这个文件以前已存储过${known.reportId ? `（报告 ${known.reportId}）` : ''}，此处填写的地区、年度或范围不会改动它` };
  if (!known?.hasBytes) {
    const missing = missingIdentity(assignIdentity(parsed.report, assign));
    if (missing.length) return { ok: false, status: 422, error: `报告未载明${missing.join('和')}：请先在预览中填写` };
  }
  try {
    const result = await ingestFile(
      db,
      { bytes: row.bytes, name: row.name },
      {
        parsing: Promise.resolve({ parsed, error: null }),
        assign,
        uploadedBy: account.id,
        authorize: async (tx, regionId) => {
          if (!(await regionInScope(tx, account, regionId))) throw new OutOfScopeError(account);
        },
      },
    );
    await db.delete(stagedUploads).where(eq(stagedUploads.id, id));
    return { ok: true, result };
  } catch (err) {
    if (err instanceof OutOfScopeError) return { ok: false, status: 403, error: err.message };
    throw err;
  }
}
