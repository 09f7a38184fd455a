// Regions are created on demand from a report's identity: the county (or city, or province)
// keyed by its GB/T 2260 code with its ancestors, and for a department's or township's report
// a body under it. Every printed form of a name is kept as an alias.

import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { contextFromNames, placeByCode, resolvePlace, shortName, type Place } from '../lib/geo/gazetteer';
import type { Report } from '../lib/report/contract';
import { toTraditional } from '../lib/text/opencc';
import type { Db } from './client';
import { regionAliases, regions } from './schema';
import { rawRows } from './raw';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Writer = Db | Tx;

const LEVEL: Record<Place['level'], 'province' | 'city' | 'county'> = { province: 'province', city: 'city', county: 'county' };

async function upsertPlace(db: Writer, place: Place, parentId: number | null): Promise<number> {
  const [row] = await db
    .insert(regions)
    .values({ code: place.code, name: place.name, level: LEVEL[place.level], parentId })
    .onConflictDoUpdate({ target: regions.code, set: { name: place.name } })
    .returning({ id: regions.id });
  return row.id;
}

/**
 * `$1, $2, …`: a list the planner can probe an index with, in the generic plan of a prepared
 * statement too (a set from a JSON parameter is planned as a scan).
 */
const valueList = (values: readonly (string | null)[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

interface StoredPlace {
  id: number;
  code: string;
  name: string;
  parent_id: number | null;
  /** for the place itself: which of the aliases asked about it has (null for its ancestors) */
  aliases: string[] | null;
}

/**
 * The place and its ancestors, top down, each stored once. Read first: after the first report of
 * a place every one is stored, and an upsert would write a new row version on every ingest. The
 * same read tells which of `aliases` the place has, for a caller about to add them (`known`,
 * null when the place's row was written here and must be read again).
 */
async function placeId(db: Writer, place: Place, aliases: readonly string[] = []): Promise<{ id: number; known: string[] | null }> {
  const chain: Place[] = [];
  const province = placeByCode(place.provinceCode);
  if (province && province.code !== place.code) chain.push(province);
  const city = place.cityCode ? placeByCode(place.cityCode) : null;
  if (city && city.code !== place.code) chain.push(city);
  chain.push(place);
  const stored = await rawRows<StoredPlace>(
    db,
    sql`select r.id, r.code, r.name, r.parent_id,
               case when r.code = ${place.code} then (select coalesce(json_agg(a.alias), '[]') from region_aliases a
                 where a.region_id = r.id and a.alias in (${valueList(aliases.length ? aliases : [null])})) end as aliases
        from regions r where r.code in (${valueList(chain.map((p) => p.code))})`,
  );
  const byCode = new Map(stored.map((r) => [r.code, r]));
  let parentId: number | null = null;
  let known: string[] | null = null;
  for (const p of chain) {
    const row = byCode.get(p.code);
    if (row && row.name === p.name && row.parent_id === parentId) {
      parentId = row.id;
      known = row.aliases;
    } else {
      parentId = await upsertPlace(db, p, parentId);
      known = null;
    }
  }
  return { id: parentId!, known };
}

/** The region row of a place of the national list (with its ancestors), stored when first needed. */
export async function storePlace(db: Writer, place: Place): Promise<number> {
  return (await placeId(db, place)).id;
}

/** A region the list does not hold (洪江区), under whatever parent the report names. */
async function unlistedId(db: Writer, name: string, parentId: number | null, level: 'county' | 'body', kind: 'department' | 'township' | null): Promise<number> {
  const parentMatch = parentId === null ? isNull(regions.parentId) : eq(regions.parentId, parentId);
  const find = () => db.select({ id: regions.id }).from(regions).where(and(parentMatch, eq(regions.name, name)));
  const [existing] = await find();
  if (existing) return existing.id;
  const [row] = await db.insert(regions).values({ name, level, kind, parentId }).onConflictDoNothing().returning({ id: regions.id });
  return row?.id ?? (await find())[0].id;
}

export function aliasesOf(name: string): string[] {
  const short = shortName(name);
  const forms = [name, short, `${name}人民政府`, toTraditional(name), short ? toTraditional(short) : null];
  return [...new Set(forms.filter((f): f is string => !!f))];
}

const allAliases = (names: (string | null)[]) => [...new Set(names.filter((n): n is string => !!n).flatMap(aliasesOf))];

/** Stores the aliases of `names` the region lacks (`known`: those it has, when already read). */
async function addAliases(db: Writer, regionId: number, names: (string | null)[], known: readonly string[] | null = null): Promise<void> {
  const all = allAliases(names);
  if (all.length === 0) return;
  const has = new Set(
    known ??
      (
        await db
          .select({ alias: regionAliases.alias })
          .from(regionAliases)
          .where(and(eq(regionAliases.regionId, regionId), inArray(regionAliases.alias, all)))
      ).map((k) => k.alias),
  );
  const missing = all.filter((a) => !has.has(a));
  if (missing.length === 0) return;
  await db
    .insert(regionAliases)
    .values(missing.map((alias) => ({ alias, regionId })))
    .onConflictDoNothing();
}

/** The region a report is about: a body for department and township reports. Null when unknown. */
export async function regionForReport(db: Writer, report: Pick<Report, 'region' | 'scope' | 'issuer'>): Promise<number | null> {
  const { name, city, province } = report.region;
  const context = contextFromNames([city, province].filter((n): n is string => !!n));
  let placeRegionId: number | null = null;
  const place = name ? resolvePlace(name, context) : null;
  if (place) {
    const names = [name, place.name];
    const { id, known } = await placeId(db, place, allAliases(names));
    placeRegionId = id;
    await addAliases(db, placeRegionId, names, known);
  } else {
    const parent = (city && resolvePlace(city, context)) || (province && resolvePlace(province, context)) || null;
    const parentId = parent ? await storePlace(db, parent) : null;
    if (name) {
      placeRegionId = await unlistedId(db, name, parentId, 'county', null);
      await addAliases(db, placeRegionId, [name]);
    } else {
      placeRegionId = parentId;
    }
  }
  const isBody = report.scope === 'department' || report.scope === 'township';
  if (!isBody || !report.issuer) return placeRegionId;
  const bodyId = await unlistedId(db, report.issuer, placeRegionId, 'body', report.scope as 'department' | 'township');
  await addAliases(db, bodyId, [report.issuer]);
  return bodyId;
}
