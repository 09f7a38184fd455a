'use server';
// The writes of a region's list of expected bodies: add, rename, remove, import a CSV. Each
// checks the session and the request's origin first (a server action is a public endpoint
// whatever page rendered it), then that the region is the account's and that its bodies may be
// listed (a county or a city).

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { regionInScope, type Account } from '../../../../../../db/accounts';
import type { Db } from '../../../../../../db/client';
import { addExpectedBody, importExpectedBodies, isListable, regionPrefixes, removeExpectedBody, renameExpectedBody } from '../../../../../../db/expected-bodies';
import { regionById, type RegionSummary } from '../../../../../../db/queries/region';
import { getDatabase } from '../../../../../../db/server';
import { formatLineError, MAX_CSV_BYTES, MAX_CSV_LABEL, parseBodiesCsv } from '../../../../../../lib/expected/csv';
import { cleanBodyName, inferKind, isBodyKind, type BodyKind } from '../../../../../../lib/expected/names';
import { formatBytes } from '../../../../../../lib/upload/limits';
import { requireActionAccount, WriteRefusedError } from '../../../../_lib/session';

export interface BodyFormState {
  error: string | null;
  /** what was done, when it worked */
  message: string | null;
  /** the bad lines of a CSV, each with its line number */
  lines: string[];
}

const ok = (message: string): BodyFormState => ({ error: null, message, lines: [] });
const fail = (error: string, lines: string[] = []): BodyFormState => ({ error, message: null, lines });

/** At most this many bad lines are sent back; the rest are counted. */
const MAX_LINES_SHOWN = 200;

const formId = (form: FormData, field: string) => {
  const value = String(form.get(field) ?? '');
  return /^\d{1,9}$/u.test(value) ? Number(value) : null;
};

const NOT_YOURS = '找不到这个地区，或它不属于您可管理的地区';

/** The region named by the form, when the account may write it and its bodies may be listed. */
async function writableRegion(account: Account, form: FormData): Promise<{ db: Db; region: RegionSummary & { id: number } } | { error: string }> {
  const id = formId(form, 'region');
  if (id === null) return { error: NOT_YOURS };
  const { db } = await getDatabase();
  const region = await regionById(db, id);
  if (!region || region.id === null || !(await regionInScope(db, account, region.id))) return { error: NOT_YOURS };
  if (!isListable(region.level)) return { error: '只有县（市、区）和地级市可以列出应报送单位' };
  return { db, region: { ...region, id: region.id } };
}

function revalidateLists(): void {
  revalidatePath('/admin/regions/[region]/bodies', 'page');
  revalidatePath('/admin/regions/[region]/missing', 'page');
}

function kindOf(form: FormData, name: string): BodyKind {
  const kind = String(form.get('kind') ?? '');
  return isBodyKind(kind) ? kind : inferKind(name);
}

/** Runs a write that answers with a state; a refused session or origin, and any failure, become its error. */
async function guarded(what: string, write: (account: Account) => Promise<BodyFormState>): Promise<BodyFormState> {
  try {
    const account = await requireActionAccount();
    return await write(account);
  } catch (err) {
    if (err instanceof WriteRefusedError) return fail(err.message);
    console.error(`${what}:`, err);
    return fail('保存失败：服务器出错，请稍后重试');
  }
}

export async function addBody(_state: BodyFormState, form: FormData): Promise<BodyFormState> {
  return guarded('adding an expected body', async (account) => {
    const target = await writableRegion(account, form);
    if ('error' in target) return fail(target.error);
    const name = String(form.get('name') ?? '');
    const added = await addExpectedBody(target.db, target.region.id, { name, kind: kindOf(form, cleanBodyName(name)) }, account.id);
    if (!added.ok) return fail(added.error);
    revalidateLists();
    return ok(`已添加“${added.value.name}”`);
  });
}

export async function renameBody(_state: BodyFormState, form: FormData): Promise<BodyFormState> {
  return guarded('renaming an expected body', async (account) => {
    const target = await writableRegion(account, form);
    if ('error' in target) return fail(target.error);
    const id = formId(form, 'id');
    if (id === null) return fail('名单中没有这个单位：它可能已被删除');
    const name = String(form.get('name') ?? '');
    const renamed = await renameExpectedBody(target.db, target.region.id, id, { name, kind: kindOf(form, cleanBodyName(name)) });
    if (!renamed.ok) return fail(renamed.error);
    revalidateLists();
    return ok(`已保存“${renamed.value.name}”`);
  });
}

export async function removeBody(form: FormData): Promise<void> {
  let account: Account;
  try {
    account = await requireActionAccount();
  } catch (err) {
    if (err instanceof WriteRefusedError) redirect('/admin/sign-in');
    throw err;
  }
  const target = await writableRegion(account, form);
  const id = formId(form, 'id');
  if ('error' in target || id === null) return;
  await removeExpectedBody(target.db, target.region.id, id);
  revalidateLists();
}

export async function importBodies(_state: BodyFormState, form: FormData): Promise<BodyFormState> {
  return guarded('importing expected bodies', async (account) => {
    const target = await writableRegion(account, form);
    if ('error' in target) return fail(target.error);
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) return fail('请选择一个 CSV 文件');
    // the size first: nothing over the limit is read
    if (file.size > MAX_CSV_BYTES) return fail(`文件过大（${formatBytes(file.size)}）：CSV 最大 ${MAX_CSV_LABEL}`);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const prefixes = await regionPrefixes(target.db, target.region.id);
    const parsed = parseBodiesCsv(bytes, { prefixes });
    if (!parsed.ok) return fail(`无法导入：${parsed.error}`);
    if (parsed.errors.length) {
      const shown = parsed.errors.slice(0, MAX_LINES_SHOWN).map(formatLineError);
      if (parsed.errors.length > MAX_LINES_SHOWN) shown.push(`……还有 ${parsed.errors.length - MAX_LINES_SHOWN} 行有问题`);
      return fail(`有 ${parsed.errors.length} 行无法读取，名单没有改动。请修改这些行后重新导入：`, shown);
    }
    if (parsed.bodies.length === 0) return fail('文件中没有任何单位');
    const mode = form.get('mode') === 'replace' ? 'replace' : 'merge';
    const imported = await importExpectedBodies(target.db, target.region.id, parsed.bodies, mode, account.id);
    if (!imported.ok) return fail(`无法导入：${imported.error}`);
    revalidateLists();
    const s = imported.value;
    const parts = [`新增 ${s.added} 个`, s.changed ? `更新类型 ${s.changed} 个` : null, s.unchanged ? `已在名单中 ${s.unchanged} 个` : null, mode === 'replace' ? `移出名单 ${s.removed} 个` : null];
    const notes = [
      parsed.duplicates.length ? `文件中有 ${parsed.duplicates.length} 行与前面的行是同一单位，已合并（第 ${parsed.duplicates.map((d) => d.line).slice(0, 10).join('、')} 行${parsed.duplicates.length > 10 ? '等' : ''}）` : null,
      parsed.bodies.some((b) => b.inferred) ? `${parsed.bodies.filter((b) => b.inferred).length} 个单位没有填写类型，已按名称判断（以乡、镇、街道结尾的为乡镇（街道），其余为部门）` : null,
    ];
    return ok([`已导入 ${parsed.bodies.length} 个单位：${parts.filter(Boolean).join('，')}；名单现有 ${s.total} 个单位。`, ...notes.filter(Boolean)].join('\n'));
  });
}
