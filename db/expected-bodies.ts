// The bodies (departments, townships) a county or city expects an annual report from: listed,
// added, renamed and removed by staff, or imported from a CSV (replacing the list or merged
// into it, in one transaction); and, for a year, each with its report if one is stored, plus
// the bodies that reported without being listed and the region's own report.
//
// Names are compared by their key under the region (lib/expected/names.ts): 会同县财政局 and
// 财政局 are one body, so a list never holds both. Callers check the account's scope.

import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { bodyKey, bodyNameProblem, cleanBodyName, isOwnGovernment, namePrefixes, type BodyKind } from '../lib/expected/names';
import { matchExpected, type MatchResult, type OwnReport, type StoredBody } from '../lib/expected/missing';
import type { Db } from './client';
import { accounts, expectedBodies } from './schema';
import { selectRows, type Writer } from './sql';

/** At most this many bodies on one region's list. */
export const MAX_EXPECTED_BODIES = 2000;

/** Regions whose bodies are listed: a county's or a city's departments and townships. */
export const LISTABLE_LEVELS = ['county', 'city'] as const;
export const isListable = (level: string): boolean => (LISTABLE_LEVELS as readonly string[]).includes(level);

export interface ExpectedBody {
  id: number;
  name: string;
  kind: BodyKind;
  createdAt: Date;
  /** the account that added it (null: its account is gone) */
  createdBy: string | null;
}

export type ExpectedWrite<T> = { ok: true; value: T } | { ok: false; error: string };

/** Regions nest province → city → county → body; a longer chain is a loop in the data. */
const MAX_DEPTH = 8;

/**
 * The prefixes a body's name may carry under this region: its names and aliases and those of
 * its ancestors (湖南省, 怀化市, 会同县, 會同縣 …).
 */
export async function regionPrefixes(db: Writer, regionId: number): Promise<string[]> {
  const rows = await selectRows<{ name: string; own: boolean }>(
    db,
    sql`with recursive up(id, parent_id, depth) as (
          select id, parent_id, 0 from regions where id = ${regionId}
          union all
          select r.id, r.parent_id, up.depth + 1 from regions r join up on r.id = up.parent_id where up.depth < ${MAX_DEPTH})
        select g.name, up.depth = 0 as own from up join regions g on g.id = up.id
        union all
        select a.alias, up.depth = 0 from up join region_aliases a on a.region_id = up.id`,
  );
  return namePrefixes(
    rows.filter((r) => r.own).map((r) => r.name),
    rows.filter((r) => !r.own).map((r) => r.name),
  );
}

export async function listExpectedBodies(db: Writer, regionId: number): Promise<ExpectedBody[]> {
  return db
    .select({ id: expectedBodies.id, name: expectedBodies.name, kind: expectedBodies.kind, createdAt: expectedBodies.createdAt, createdBy: accounts.name })
    .from(expectedBodies)
    .leftJoin(accounts, eq(accounts.id, expectedBodies.createdBy))
    .where(eq(expectedBodies.regionId, regionId))
    .orderBy(sql`case ${expectedBodies.kind} when 'department' then 0 else 1 end`, asc(expectedBodies.id));
}

export interface BodyInput {
  name: string;
  kind: BodyKind;
}

/** The cleaned name, or why it will not do under this region. */
function checkName(raw: string, prefixes: readonly string[]): { name: string } | { error: string } {
  const name = cleanBodyName(raw);
  const problem = bodyNameProblem(name);
  if (problem) return { error: problem };
  if (isOwnGovernment(name, prefixes)) return { error: `“${name}”是本级政府，不必列入名单：本级政府的报告单独核对` };
  return { name };
}

const sameBody = (existing: readonly { id: number; name: string }[], name: string, prefixes: readonly string[], except?: number) => {
  const key = bodyKey(name, prefixes);
  return existing.find((e) => e.id !== except && bodyKey(e.name, prefixes) === key) ?? null;
};

export async function addExpectedBody(db: Db, regionId: number, input: BodyInput, accountId: number | null): Promise<ExpectedWrite<ExpectedBody>> {
  return db.transaction(async (tx) => {
    const prefixes = await regionPrefixes(tx, regionId);
    const checked = checkName(input.name, prefixes);
    if ('error' in checked) return { ok: false, error: checked.error };
    const existing = await tx.select({ id: expectedBodies.id, name: expectedBodies.name }).from(expectedBodies).where(eq(expectedBodies.regionId, regionId));
    const twin = sameBody(existing, checked.name, prefixes);
    if (twin) return { ok: false, error: twin.name === checked.name ? `“${checked.name}”已在名单中` : `“${checked.name}”与名单中的“${twin.name}”是同一单位` };
    if (existing.length >= MAX_EXPECTED_BODIES) return { ok: false, error: `名单已有 ${existing.length} 个单位，不能再添加` };
    const [row] = await tx
      .insert(expectedBodies)
      .values({ regionId, name: checked.name, kind: input.kind, createdBy: accountId })
      .onConflictDoNothing()
      .returning({ id: expectedBodies.id, name: expectedBodies.name, kind: expectedBodies.kind, createdAt: expectedBodies.createdAt });
    if (!row) return { ok: false, error: `“${checked.name}”已在名单中` };
    const [by] = accountId === null ? [] : await tx.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, accountId));
    return { ok: true, value: { ...row, createdBy: by?.name ?? null } };
  });
}

/** Removes a body of this region's list; false when the region has no such body. */
export async function removeExpectedBody(db: Db, regionId: number, id: number): Promise<boolean> {
  const gone = await db
    .delete(expectedBodies)
    .where(and(eq(expectedBodies.id, id), eq(expectedBodies.regionId, regionId)))
    .returning({ id: expectedBodies.id });
  return gone.length > 0;
}

/** A new name or kind for a body of this region's list. */
export async function renameExpectedBody(db: Db, regionId: number, id: number, input: BodyInput): Promise<ExpectedWrite<{ id: number; name: string; kind: BodyKind }>> {
  return db.transaction(async (tx) => {
    const prefixes = await regionPrefixes(tx, regionId);
    const checked = checkName(input.name, prefixes);
    if ('error' in checked) return { ok: false, error: checked.error };
    const existing = await tx.select({ id: expectedBodies.id, name: expectedBodies.name }).from(expectedBodies).where(eq(expectedBodies.regionId, regionId));
    if (!existing.some((e) => e.id === id)) return { ok: false, error: '名单中没有这个单位：它可能已被删除' };
    const twin = sameBody(existing, checked.name, prefixes, id);
    if (twin) return { ok: false, error: `“${checked.name}”与名单中的“${twin.name}”是同一单位` };
    const [row] = await tx
      .update(expectedBodies)
      .set({ name: checked.name, kind: input.kind })
      .where(and(eq(expectedBodies.id, id), eq(expectedBodies.regionId, regionId)))
      .returning({ id: expectedBodies.id, name: expectedBodies.name, kind: expectedBodies.kind });
    return row ? { ok: true, value: row } : { ok: false, error: '名单中没有这个单位：它可能已被删除' };
  });
}

export type ImportMode = 'replace' | 'merge';

export interface ImportSummary {
  /** new on the list */
  added: number;
  /** already listed (under this or another spelling) with another kind: the kind is the file's now */
  changed: number;
  /** already listed as they are */
  unchanged: number;
  /** taken off the list (replace only): listed but not in the file */
  removed: number;
  /** the list's length afterwards */
  total: number;
}

/**
 * Imports bodies in one transaction. `merge` adds what the list lacks and takes the file's kind
 * for what it has; `replace` also removes what the file does not name. A body already listed
 * under another spelling (财政局 for 会同县财政局) keeps its listed name.
 */
export async function importExpectedBodies(db: Db, regionId: number, bodies: readonly BodyInput[], mode: ImportMode, accountId: number | null): Promise<ExpectedWrite<ImportSummary>> {
  return db.transaction(async (tx) => {
    const prefixes = await regionPrefixes(tx, regionId);
    const wanted = new Map<string, BodyInput>();
    for (const b of bodies) {
      const checked = checkName(b.name, prefixes);
      if ('error' in checked) return { ok: false, error: `“${cleanBodyName(b.name)}”：${checked.error}` };
      const key = bodyKey(checked.name, prefixes);
      if (!wanted.has(key)) wanted.set(key, { name: checked.name, kind: b.kind });
    }
    const existing = await tx.select({ id: expectedBodies.id, name: expectedBodies.name, kind: expectedBodies.kind }).from(expectedBodies).where(eq(expectedBodies.regionId, regionId));
    const listed = new Map(existing.map((e) => [bodyKey(e.name, prefixes), e]));
    const toInsert: (BodyInput & { regionId: number; createdBy: number | null })[] = [];
    const toChange: { id: number; kind: BodyKind }[] = [];
    let unchanged = 0;
    for (const [key, body] of wanted) {
      const have = listed.get(key);
      if (!have) toInsert.push({ regionId, name: body.name, kind: body.kind, createdBy: accountId });
      else if (have.kind !== body.kind) toChange.push({ id: have.id, kind: body.kind });
      else unchanged++;
    }
    const toRemove = mode === 'replace' ? existing.filter((e) => !wanted.has(bodyKey(e.name, prefixes))).map((e) => e.id) : [];
    // checked before anything is written: a refusal leaves the list as it was
    const total = existing.length - toRemove.length + toInsert.length;
    if (total > MAX_EXPECTED_BODIES) return { ok: false, error: `导入后名单将有 ${total} 个单位，超过上限 ${MAX_EXPECTED_BODIES}` };
    for (const change of toChange) await tx.update(expectedBodies).set({ kind: change.kind }).where(eq(expectedBodies.id, change.id));
    if (toRemove.length) await tx.delete(expectedBodies).where(inArray(expectedBodies.id, toRemove));
    let added = 0;
    for (let i = 0; i < toInsert.length; i += 500) {
      const inserted = await tx
        .insert(expectedBodies)
        .values(toInsert.slice(i, i + 500))
        .onConflictDoNothing()
        .returning({ id: expectedBodies.id });
      added += inserted.length;
    }
    const summary: ImportSummary = { added, changed: toChange.length, unchanged, removed: toRemove.length, total: existing.length - toRemove.length + added };
    return { ok: true, value: summary };
  });
}

/** What the 未报送 page shows of a region and year: the list matched against the stored reports. */
export interface ExpectedReports extends MatchResult {
  /** the region's own current reports of the year (government scope first, then jurisdiction, then unstated) */
  own: OwnReport[];
  /** how many expected bodies the list has (= expected.length) */
  listed: number;
}

/** Body regions under a region: a county has a few hundred at most. */
const MAX_STORED_BODIES = 5000;

export async function expectedReports(db: Db, regionId: number, year: number): Promise<ExpectedReports> {
  const [prefixes, expected, stored, aliases, own] = await Promise.all([
    regionPrefixes(db, regionId),
    db
      .select({ id: expectedBodies.id, name: expectedBodies.name, kind: expectedBodies.kind })
      .from(expectedBodies)
      .where(eq(expectedBodies.regionId, regionId))
      .orderBy(asc(expectedBodies.id)),
    selectRows<{ id: number; name: string; kind: BodyKind | null; report_id: number | null }>(
      db,
      sql`select g.id, g.name, g.kind,
            (select r.id from reports r where r.region_id = g.id and r.year = ${year} and r.is_current order by r.id desc limit 1) as report_id
          from regions g where g.parent_id = ${regionId} and g.level = 'body'
          order by g.id limit ${MAX_STORED_BODIES}`,
    ),
    selectRows<{ alias: string; region_id: number }>(
      db,
      sql`select a.alias, a.region_id from region_aliases a
          where a.region_id in (select g.id from regions g where g.parent_id = ${regionId} and g.level = 'body')`,
    ),
    selectRows<{ id: number; scope: string }>(
      db,
      sql`select r.id, r.scope from reports r
          where r.region_id = ${regionId} and r.year = ${year} and r.is_current and r.scope in ('government', 'jurisdiction', 'unknown')
          order by case r.scope when 'government' then 0 when 'jurisdiction' then 1 else 2 end, r.id desc`,
    ),
  ]);
  const aliasesOf = new Map<number, string[]>();
  for (const a of aliases) aliasesOf.set(Number(a.region_id), [...(aliasesOf.get(Number(a.region_id)) ?? []), a.alias]);
  const bodies: StoredBody[] = stored.map((s) => ({
    regionId: Number(s.id),
    name: s.name,
    kind: s.kind,
    aliases: aliasesOf.get(Number(s.id)) ?? [],
    reportId: s.report_id === null ? null : Number(s.report_id),
  }));
  const matched = matchExpected(expected, bodies, prefixes);
  return { ...matched, own: own.map((o) => ({ reportId: Number(o.id), scope: o.scope })), listed: expected.length };
}

/** Years with a current report of the region or of one of its bodies, latest first. */
export async function reportYears(db: Db, regionId: number): Promise<number[]> {
  const rows = await selectRows<{ year: number }>(
    db,
    sql`select distinct r.year from reports r
        where r.is_current and r.year is not null
          and (r.region_id = ${regionId} or r.region_id in (select g.id from regions g where g.parent_id = ${regionId} and g.level = 'body'))
        order by r.year desc`,
  );
  return rows.map((r) => Number(r.year));
}
