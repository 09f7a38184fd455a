// The bundled data loaded into a fresh database, and the home page's overview read from it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle, readBundle } from '../db/bundle';
import type { Database } from '../db/client';
import { sql } from 'drizzle-orm';
import { ingestFile } from '../db/ingest';
import { selectRows } from '../db/sql';
import { countByProvince, countReports, countUnplacedReports, groupByProvince, listRegionYears, type RegionYears, type ReportMarker } from '../db/queries/overview';
import { CORPUS_DIR, HAS_CORPUS } from './support/corpus';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from './support/databases';

const entries = readBundle();
const placed = entries.filter((e) => e.report.region.name !== null && e.report.year !== null);

describeEachDatabase('the bundle loaded and listed', (kind) => {
  let testDb: TestDatabase;
  let database: Database;
  let rows: RegionYears[];
  const row = (name: string) => rows.find((r) => r.name === name)!;

  beforeAll(async () => {
    testDb = await createTestDatabase(kind);
    database = await testDb.open();
  }, 120_000);
  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  it('loads every bundled report, the seed with its text', { timeout: 120_000 }, async () => {
    const summary = await loadBundle(database.db);
    expect(summary.results).toHaveLength(entries.length);
    expect(summary.results.filter((r) => r.kind === 'failed')).toEqual([]);
    expect(summary.created).toBe(entries.length);
    expect(summary.reports).toBe(entries.length);
    expect(await countReports(database.db)).toBe(entries.length);
    rows = await listRegionYears(database.db);
  });

  it('lists each region once, with its province, city and years', () => {
    expect(new Set(rows.map((r) => r.regionId)).size).toBe(rows.length);
    expect(rows.reduce((n, r) => n + r.reports.length, 0)).toBe(placed.length);
    const huitong = row('会同县');
    expect(huitong).toMatchObject({ province: '湖南省', city: '怀化市', level: 'county', code: '431225', years: [2020, 2021] });
    expect(huitong.reports.map((r) => [r.year, r.completeness, r.failedChecks, r.hasText])).toEqual([
      [2020, 'complete', 0, true],
      [2021, 'prose', 0, false],
    ]);
    expect(row('淮安市')).toMatchObject({ level: 'city', province: '江苏省', city: '淮安市' });
    expect(row('上海市')).toMatchObject({ level: 'province', province: '上海市', city: null });
    expect(row('城口县')).toMatchObject({ province: '重庆市', city: null });
    expect(row('沅陵县二酉苗族乡人民政府')).toMatchObject({ level: 'body', kind: 'township', parent: '沅陵县', city: '怀化市' });
    expect(row('沅陵县二酉苗族乡人民政府').reports[0].completeness).toBe('tables');
  });

  it('counts the hard checks that failed', () => {
    const markers = new Map<string, ReportMarker>(rows.flatMap((x) => x.reports.map((m) => [`${x.name}|${m.year}`, m] as const)));
    const failing = entries.filter((e) => e.report.checks.some((c) => !c.ok && c.severity === 'hard'));
    expect(failing.length).toBeGreaterThan(0);
    for (const e of failing) {
      const hard = e.report.checks.filter((c) => !c.ok && c.severity === 'hard').length;
      expect(markers.get(`${e.report.region.name}|${e.report.year}`)?.failedChecks, e.name).toBe(hard);
    }
  });

  it('orders rows so that provinces and cities come together, unplaced provinces last', () => {
    const groups = groupByProvince(rows);
    const provinces = groups.map((g) => g.province);
    expect(new Set(provinces).size).toBe(provinces.length);
    for (const g of groups) {
      const cities = g.cities.map((c) => c.city);
      expect(new Set(cities).size, String(g.province)).toBe(cities.length);
    }
    expect(provinces.indexOf('湖南省')).toBeGreaterThan(provinces.indexOf('江苏省')); // by GB/T 2260 code: 32 before 43
    if (provinces.includes(null)) expect(provinces.at(-1)).toBeNull();
  });

  it('counts regions and reports per province, and lists one province alone', async () => {
    const counts = await countByProvince(database.db);
    expect(counts.reduce((n, c) => n + c.reports, 0)).toBe(rows.reduce((n, r) => n + r.reports.length, 0));
    expect(counts.reduce((n, c) => n + c.regions, 0)).toBe(rows.length);
    const hunan = counts.find((c) => c.name === '湖南省')!;
    expect(hunan.code).toBe('430000');
    expect(hunan.regions).toBe(rows.filter((r) => r.province === '湖南省').length);
    const inHunan = await listRegionYears(database.db, { provinceId: hunan.provinceId! });
    expect(inHunan).toEqual(rows.filter((r) => r.province === '湖南省'));
    expect(await listRegionYears(database.db, { unplaced: true })).toEqual(rows.filter((r) => r.province === null));
  });

  it('counts the reports without region or year apart', async () => {
    expect(await countUnplacedReports(database.db)).toBe(entries.length - placed.length);
  });

  it('loads nothing new a second time', { timeout: 60_000 }, async () => {
    const again = await loadBundle(database.db);
    expect(again.created).toBe(0);
    expect(new Set(again.results.map((r) => r.kind))).toEqual(new Set(['unchanged']));
    expect(await listRegionYears(database.db)).toEqual(rows);
  });

  it('takes the figures of a newer bundle for a report stored from the bundle', { timeout: 60_000 }, async () => {
    const entry = entries.find((e) => !e.text && e.report.appeals && e.report.region.name !== null && e.report.year !== null)!;
    const newer = structuredClone(entry);
    newer.report.appeals!.review[0] = (newer.report.appeals!.review[0] ?? 0) + 7;
    const summary = await loadBundle(database.db, undefined, entries.map((e) => (e === entry ? newer : e)));
    expect(summary.created).toBe(0);
    expect(summary.updated).toBe(1);
    const [stored] = await selectRows<{ value: number; facts: number }>(
      database.db,
      sql`select g.value, f.review_upheld as facts from figures g join source_files s on s.report_id = g.report_id
          join report_facts f on f.report_id = g.report_id where s.sha256 = ${entry.sha256} and g.path = 'appeals.review[0]'`,
    );
    expect(stored).toEqual({ value: newer.report.appeals!.review[0], facts: newer.report.appeals!.review[0] });
    const back = await loadBundle(database.db);
    expect(back.updated).toBe(1);
    expect((await loadBundle(database.db)).updated).toBe(0);
  });

  it.skipIf(!HAS_CORPUS)('shows a bundled report as having its text once its file is ingested', { timeout: 60_000 }, async () => {
    const bytes = new Uint8Array(readFileSync(join(CORPUS_DIR, 'huitong-2021.txt')));
    expect((await ingestFile(database.db, { bytes, name: 'huitong-2021.txt' })).kind).toBe('text-attached');
    const huitong = (await listRegionYears(database.db)).find((r) => r.name === '会同县')!;
    expect(huitong.reports.map((r) => r.hasText)).toEqual([true, true]);
  });
});

describe('groupByProvince', () => {
  const r = (regionId: number, province: string | null, city: string | null): RegionYears => ({
    regionId,
    code: null,
    name: `r${regionId}`,
    level: 'county',
    kind: null,
    province,
    city,
    parent: null,
    years: [],
    reports: [],
  });

  it('groups consecutive rows by province, then city', () => {
    const groups = groupByProvince([r(1, 'A', null), r(2, 'A', 'x'), r(3, 'A', 'x'), r(4, 'B', 'y'), r(5, null, null)]);
    expect(groups.map((g) => [g.province, g.cities.map((c) => [c.city, c.rows.map((x) => x.regionId)])])).toEqual([
      ['A', [[null, [1]], ['x', [2, 3]]]],
      ['B', [['y', [4]]]],
      [null, [[null, [5]]]],
    ]);
  });
});
