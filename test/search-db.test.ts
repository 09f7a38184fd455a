// The server's search index over a real database (the bundled data): regions with their
// ancestors, aliases and report counts read from it, the index kept while nothing changes and
// built again when a region is added.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { regionSearchIndex, regionsFingerprint, loadSearchRecords, searchIndexBuilds } from '../db/region-index';
import { loadBundle } from '../db/bundle';
import type { Database } from '../db/client';
import { regionForReport } from '../db/regions';
import { searchRegions } from '../lib/search/match';
import { presentHit } from '../lib/search/present';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from './support/databases';

describeEachDatabase('region search on the bundled data', (kind) => {
  let testDb: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    testDb = await createTestDatabase(kind);
    database = await testDb.open();
    await loadBundle(database.db);
  }, 300_000);

  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  it('reads every region with its aliases and current reports', async () => {
    const { regions, aliases } = await loadSearchRecords(database.db);
    const huitong = regions.find((r) => r.code === '431225')!;
    expect(huitong).toMatchObject({ name: '会同县', level: 'county', reports: 2 });
    expect(regions.find((r) => r.id === huitong.parentId)).toMatchObject({ name: '怀化市', level: 'city', reports: 0 });
    expect(aliases.filter((a) => a.regionId === huitong.id).map((a) => a.alias).sort()).toEqual(['会同县', '会同县人民政府', '會同縣'].sort());
  });

  it('finds regions by name, alias, pinyin and code, linking to their pages', async () => {
    const index = await regionSearchIndex(database.db);
    for (const q of ['会同', 'huitong', 'hui tong', 'htx', '會同縣', '431225']) {
      const [first] = searchRegions(index, q, 10).hits.map(presentHit);
      expect(first, q).toMatchObject({ name: '会同县', href: '/regions/431225', within: '湖南省 · 怀化市', reports: 2 });
    }
    const [township] = searchRegions(index, '二酉', 10).hits.map(presentHit);
    expect(township).toMatchObject({ name: '沅陵县二酉苗族乡人民政府', level: '乡镇（街道）', within: '湖南省 · 怀化市 · 沅陵县' });
    expect(township.href).toMatch(/^\/regions\/r\d+$/u);
  });

  it('keeps the index while the regions stay the same, and builds it again when one is added', async () => {
    const first = await regionSearchIndex(database.db);
    const builds = searchIndexBuilds(database.db);
    const fingerprint = await regionsFingerprint(database.db);
    expect(await regionSearchIndex(database.db)).toBe(first);
    expect(searchIndexBuilds(database.db)).toBe(builds);
    expect(searchRegions(first, '鼓楼区', 10).hits.map((h) => h.entry.city)).toEqual(['福州市']);

    await regionForReport(database.db, { region: { name: '鼓楼区', city: '南京市', province: '江苏省' }, scope: 'jurisdiction', issuer: null });
    expect(await regionsFingerprint(database.db)).not.toBe(fingerprint);
    const second = await regionSearchIndex(database.db);
    expect(second).not.toBe(first);
    expect(searchIndexBuilds(database.db)).toBe(builds + 1);
    // the one with a report first
    expect(searchRegions(second, '鼓楼区', 10).hits.map(presentHit).map((s) => [s.within, s.reports])).toEqual([
      ['福建省 · 福州市', 1],
      ['江苏省 · 南京市', 0],
    ]);
  });
});
