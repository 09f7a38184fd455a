// The search index of the server: built from the regions and aliases of the database, kept per
// process (on globalThis: Next may load this module once per bundle) and built again only when
// the regions may have changed. Regions, aliases and report counts only change as files are
// ingested or re-placed, each of which adds a source file or a report: their highest ids and
// the count of regions are the fingerprint, read by primary key in well under a millisecond.
import { sql } from 'drizzle-orm';
import type { Db } from './client';
import { selectRows } from './sql';
import { buildSearchIndex, type AliasRecord, type RegionRecord, type SearchIndex } from '../lib/search/entries';
import { memoisedSyllables } from '../lib/search/pinyin';
import { refreshing, type Refreshing } from '../lib/search/refreshing';

interface SearchIndexState {
  byDb: WeakMap<Db, Refreshing<SearchIndex>>;
  /** pinyin of names already seen, kept across rebuilds */
  syllables: (name: string) => string[];
}

const KEY = Symbol.for('nianbao.regionSearchIndex');
const holder = globalThis as typeof globalThis & { [KEY]?: SearchIndexState };
const state: SearchIndexState = (holder[KEY] ??= { byDb: new WeakMap(), syllables: memoisedSyllables() });

export async function regionsFingerprint(db: Db): Promise<string> {
  const [row] = await selectRows<Record<string, unknown>>(
    db,
    sql`select (select count(*) from regions)::int as regions,
          (select coalesce(max(id), 0) from regions)::int as last_region,
          (select coalesce(max(id), 0) from reports)::int as last_report,
          (select coalesce(max(id), 0) from source_files)::int as last_file`,
  );
  return [row.regions, row.last_region, row.last_report, row.last_file].map(Number).join('/');
}

/** Every region with its current reports, and every alias. */
export async function loadSearchRecords(db: Db): Promise<{ regions: RegionRecord[]; aliases: AliasRecord[] }> {
  const [regionRows, aliasRows] = await Promise.all([
    selectRows<Record<string, unknown>>(
      db,
      sql`select g.id, g.code, g.name, g.level, g.kind, g.parent_id, coalesce(n.reports, 0)::int as reports
          from regions g
          left join (select region_id, count(*)::int as reports from reports where is_current group by region_id) n on n.region_id = g.id`,
    ),
    selectRows<{ region_id: number; alias: string }>(db, sql`select region_id, alias from region_aliases`),
  ]);
  return {
    regions: regionRows.map((r) => ({
      id: Number(r.id),
      code: (r.code as string | null) ?? null,
      name: r.name as string,
      level: r.level as RegionRecord['level'],
      kind: (r.kind as RegionRecord['kind']) ?? null,
      parentId: r.parent_id === null ? null : Number(r.parent_id),
      reports: Number(r.reports),
    })),
    aliases: aliasRows.map((a) => ({ regionId: Number(a.region_id), alias: a.alias })),
  };
}

function indexOf(db: Db): Refreshing<SearchIndex> {
  let index = state.byDb.get(db);
  if (!index) {
    index = refreshing(
      () => regionsFingerprint(db),
      async () => {
        const { regions, aliases } = await loadSearchRecords(db);
        return buildSearchIndex(regions, aliases, state.syllables);
      },
    );
    state.byDb.set(db, index);
  }
  return index;
}

/** The search index of this database, current as of this call. */
export function regionSearchIndex(db: Db): Promise<SearchIndex> {
  return indexOf(db).get();
}

/** How many times this database's index was built (tests check that searching does not rebuild it). */
export function searchIndexBuilds(db: Db): number {
  return state.byDb.get(db)?.builds() ?? 0;
}
