// Keeps report_facts (db/schema.ts) equal to the current reports: one row per identity that
// has a current version with a region and a year, derived from that version's document.
//
// syncReportFacts is the hook for every write path (reparse, corrections): call it, inside the
// transaction, with the identity keys whose current version may have changed. Ingest writes a
// new version's row in the same statement as the version (placedFactsStatement).
// refreshReportFacts catches up with whatever changed without the hook (a database migrated
// from before report_facts, or written by an older ingest): it compares every row with its
// report and re-derives the ones that differ.

import { and, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Report } from '../lib/report/contract';
import { FACT_COLUMNS, reportFacts as factsOf } from '../lib/report/facts';
import type { Db } from './client';
import { reportFacts, reports } from './schema';
import { selectRows, type Writer } from './sql';

const BATCH = 500;

/** The parts of a document the facts are computed from (not its sources, checks or warnings). */
// the corrected document when staff corrected a figure (db/corrections.ts), else the printed one
const effectiveDocument = sql`coalesce(${reports.effective}, ${reports.document})`;
const factInput = sql<Pick<Report, 'template' | 'proactive' | 'applications' | 'appeals' | 'activity'>>`jsonb_build_object(
  'template', ${effectiveDocument}->'template', 'proactive', ${effectiveDocument}->'proactive',
  'applications', ${effectiveDocument}->'applications', 'appeals', ${effectiveDocument}->'appeals',
  'activity', ${effectiveDocument}->'activity')`;

const recordType = sql.raw(['report_id integer', ...FACT_COLUMNS.map((c) => `${c} double precision`)].join(', '));
const factList = sql.raw(FACT_COLUMNS.map((c) => `v.${c}`).join(', '));
const factTargets = sql.raw(FACT_COLUMNS.join(', '));
const factUpdates = sql.raw(
  ['report_id', 'figures_hash', 'region_id', 'level', 'kind', 'parent_id', 'city_id', 'province_id', 'year', 'scope', 'template', 'completeness', ...FACT_COLUMNS]
    .map((c) => `${c} = excluded.${c}`)
    .join(', '),
);

const keyList = (keys: readonly string[]) =>
  sql.join(
    keys.map((k) => sql`${k}`),
    sql`, `,
  );

/**
 * One statement: the rows of these reports (when current), with their place in the hierarchy
 * (nearest city and province above), replacing the row of their identity; and, for `keys`,
 * the removal of rows whose identity has no current version left. Every lookup is an index
 * probe: `offset 0` keeps each lateral subquery from being pulled up into a hash join, which
 * PGlite (no statistics) planned as a scan of all reports per ingest.
 */
async function upsertFacts(db: Writer, docs: readonly { id: number; doc: Report }[], keys: readonly string[] = []): Promise<void> {
  const statement = upsertFactsStatement(docs, keys);
  if (statement) await db.execute(statement);
}

function upsertFactsStatement(docs: readonly { id: number; doc: Report }[], keys: readonly string[] = []): SQL | null {
  if (docs.length === 0 && keys.length === 0) return null;
  const values = JSON.stringify(docs.map(({ id, doc }) => ({ report_id: id, ...factsOf(doc) })));
  const orphans = keys.length
    ? sql`with orphans as (
        delete from report_facts f where f.identity_key in (${keyList(keys)})
          and not exists (select 1 from reports r where r.identity_key = f.identity_key and r.is_current
                          and r.region_id is not null and r.year is not null))`
    : sql``;
  return factsUpsert(sql`${values}::jsonb`, orphans);
}

/**
 * The upsert of upsertFactsStatement: `values` is a JSON array of objects, a report_id and the
 * fact columns each; `before` a WITH clause, or nothing. `reportsFrom` is where the reports rows
 * are read: the table, or for a writer that inserts the report in the same statement, the CTE
 * that does (returning *).
 */
function factsUpsert(values: SQL, before: SQL, reportsFrom: SQL = sql`reports`): SQL {
  return sql`${before}
    insert into report_facts (report_id, identity_key, figures_hash, region_id, level, kind, parent_id, city_id, province_id,
                              year, scope, template, completeness, ${factTargets})
    select r.id, r.identity_key, r.figures_hash, r.region_id, g.level, g.kind, g.parent_id,
           case when p1.level = 'city' then p1.id when p2.level = 'city' then p2.id when p3.level = 'city' then p3.id end,
           case when p1.level = 'province' then p1.id when p2.level = 'province' then p2.id when p3.level = 'province' then p3.id end,
           r.year, r.scope, r.template, r.completeness, ${factList}
    from jsonb_to_recordset(${values}) as v(${recordType})
    cross join lateral (select * from ${reportsFrom} r where r.id = v.report_id and r.is_current and r.year is not null offset 0) r
    cross join lateral (select * from regions g where g.id = r.region_id offset 0) g
    left join lateral (select * from regions p where p.id = g.parent_id offset 0) p1 on true
    left join lateral (select * from regions p where p.id = p1.parent_id offset 0) p2 on true
    left join lateral (select * from regions p where p.id = p2.parent_id offset 0) p3 on true
    on conflict (identity_key) do update set ${factUpdates}`;
}

/** An identity without region or year (`file:…`) has no row. */
const isFactsKey = (identityKey: string) => !identityKey.startsWith('file:');

async function currentDocs(db: Writer, where: SQL): Promise<{ id: number; doc: Report }[]> {
  const rows = await db.select({ id: reports.id, doc: factInput }).from(reports).where(where);
  return rows as { id: number; doc: Report }[];
}

/** The current version of an identity, as its writer already holds it. */
export interface PlacedVersion {
  id: number;
  report: Report;
}

/**
 * Re-derives the rows of these identities from their current versions, and removes the row of
 * an identity left without one. The hook of every write path, inside its transaction. A writer
 * that has just stored the current version passes it in `placed` (by identity key): its row is
 * then written in one statement, without reading the document back.
 */
export async function syncReportFacts(db: Writer, identityKeys: readonly string[], placed: Readonly<Record<string, PlacedVersion>> = {}): Promise<void> {
  const keys = [...new Set(identityKeys)].filter(isFactsKey);
  for (let i = 0; i < keys.length; i += BATCH) {
    const batch = keys.slice(i, i + BATCH);
    const known = batch.filter((k) => placed[k]).map((k) => ({ id: placed[k].id, doc: placed[k].report }));
    const unknown = batch.filter((k) => !placed[k]);
    const read = unknown.length
      ? await currentDocs(db, and(inArray(reports.identityKey, unknown), eq(reports.isCurrent, true), isNotNull(reports.regionId), isNotNull(reports.year))!)
      : [];
    // an identity whose current version is in hand cannot have lost it: no orphans to look for
    await upsertFacts(db, [...known, ...read], unknown);
  }
}

/**
 * syncReportFacts(db, [key], { [key]: placed }) as a statement, for a writer that has just stored
 * report `reportId` as the current version of `key` to send with its other writes (null: nothing
 * to do). `facts` is lib/report/facts.ts reportFacts of the report, as JSON (lib/report/encoding.ts).
 */
export function placedFactsStatement(identityKey: string, reportId: number, facts: string, reportsFrom?: SQL): SQL | null {
  return isFactsKey(identityKey) ? factsUpsert(sql`jsonb_build_array(${facts}::jsonb || jsonb_build_object('report_id', ${reportId}::integer))`, sql``, reportsFrom) : null;
}

export interface FactsRefresh {
  /** rows re-derived */
  derived: number;
  /** rows removed: their report is no longer current, or was deleted */
  removed: number;
}

/** Makes report_facts equal to the current reports, touching only the rows that differ. */
export async function refreshReportFacts(db: Db): Promise<FactsRefresh> {
  const stale = await selectRows<{ report_id: number }>(
    db,
    sql`select f.report_id from report_facts f
        left join reports r on r.id = f.report_id
        where r.id is null or not r.is_current or r.figures_hash <> f.figures_hash or r.identity_key <> f.identity_key
           or r.region_id is distinct from f.region_id or r.year is distinct from f.year or r.scope <> f.scope
           or r.template is distinct from f.template or r.completeness <> f.completeness`,
  );
  const staleIds = stale.map((r) => Number(r.report_id));
  for (let i = 0; i < staleIds.length; i += BATCH) await db.delete(reportFacts).where(inArray(reportFacts.reportId, staleIds.slice(i, i + BATCH)));

  let derived = 0;
  for (let after = 0; ; ) {
    const missing = await selectRows<{ id: number }>(
      db,
      sql`select r.id from reports r
          where r.id > ${after} and r.is_current and r.region_id is not null and r.year is not null
            and not exists (select 1 from report_facts f where f.report_id = r.id)
          order by r.id limit ${BATCH}`,
    );
    if (missing.length === 0) break;
    const ids = missing.map((m) => Number(m.id));
    after = ids[ids.length - 1];
    const docs = await currentDocs(db, inArray(reports.id, ids));
    await upsertFacts(db, docs);
    derived += docs.length;
  }
  return { derived, removed: staleIds.length };
}

/** Empties report_facts and derives every row again (after a change to lib/report/facts.ts). */
export async function rebuildReportFacts(db: Db): Promise<FactsRefresh> {
  const [{ n }] = await selectRows<{ n: number }>(db, sql`select count(*)::int as n from report_facts`);
  await db.delete(reportFacts);
  const { derived } = await refreshReportFacts(db);
  return { derived, removed: Number(n) };
}
