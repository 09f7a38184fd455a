// The region page's pure parts (dominant cause, scope choice, year-over-year rows, chart
// inputs and options) and its region lookup on a small PGlite database: code, name, alias,
// r<id>, names that several regions bear (in the database or in the national list).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { metricById } from '../db/queries/metrics';
import { lookupRegion, regionApplications, regionReports, subRegionsWithReports } from '../db/queries/region';
import type { SeriesPoint } from '../db/queries/series';
import { regionForReport } from '../db/regions';
import { barChartOption, hasValues } from '../lib/region-charts/bars';
import { appealsChart, outcomesChart } from '../lib/region-charts/region';
import { describeDominantCause, dominantCauses } from '../lib/region/dominant-cause';
import { decodeSegment, regionHref } from '../lib/region/href';
import { causeLabel, OUTCOME_GROUPS } from '../lib/region/outcomes';
import { chooseScope, countScopes } from '../lib/region/scope';
import { yoyTable } from '../lib/region/yoy';
import type { ApplicationsTable, Report } from '../lib/report/contract';
import { APPLICATION_ROW_KEYS } from '../lib/report/labels';
import { createTestDatabase, type TestDatabase } from './support/databases';
import { storeReport } from './support/store';

const huitong = JSON.parse(readFileSync(new URL('./fixtures/huitong-2020.report.json', import.meta.url), 'utf8')) as Report;

const row = (total: number): (number | null)[] => [total, 0, 0, 0, 0, 0, total];
function table(rows: Partial<Record<string, number>>): ApplicationsTable {
  return Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, row(v!)])) as ApplicationsTable;
}

describe('outcome groups', () => {
  it('has the six groups with their leaves and names', () => {
    expect(OUTCOME_GROUPS.map((g) => [g.key, g.label, g.number])).toEqual([
      ['granted', '予以公开', '（一）'],
      ['partiallyGranted', '部分公开', '（二）'],
      ['denied', '不予公开', '（三）'],
      ['unavailable', '无法提供', '（四）'],
      ['notProcessed', '不予处理', '（五）'],
      ['other', '其他处理', '（六）'],
    ]);
    expect(OUTCOME_GROUPS.find((g) => g.key === 'denied')!.rows).toHaveLength(8);
    // every outcome row of table 三 is in exactly one group
    const grouped = OUTCOME_GROUPS.flatMap((g) => g.rows);
    expect(new Set(grouped).size).toBe(grouped.length);
    expect(APPLICATION_ROW_KEYS.filter((k) => !grouped.includes(k))).toEqual(['newReceived', 'carriedOver', 'total', 'carriedForward']);
    expect(causeLabel('notProcessed.massRepeated')).toBe('无正当理由大量反复申请');
  });
});

describe('dominant cause', () => {
  it('会同县 2020: 172 of 183 applications were refused as 无正当理由大量反复申请', () => {
    const causes = dominantCauses(huitong.applications);
    expect(causes).toHaveLength(1);
    expect(causes[0]).toMatchObject({ row: 'notProcessed.massRepeated', group: 'notProcessed', of: 'all', count: 172, whole: 183 });
    expect(describeDominantCause(causes[0], 2020)).toBe('2020年，办理的183件申请中，172件（94%）因“无正当理由大量反复申请”不予处理。');
  });

  it('does not count granted applications as a cause', () => {
    expect(dominantCauses(table({ granted: 90, 'denied.stateSecret': 10, total: 100 }))).toEqual([]);
  });

  it('finds a cause that dominates its own group when it is not half of all', () => {
    const apps = table({ granted: 80, 'denied.processInformation': 9, 'denied.stateSecret': 1, 'unavailable.notHeld': 10, total: 100 });
    const causes = dominantCauses(apps);
    expect(causes.map((c) => [c.row, c.of, c.count, c.whole])).toEqual([['denied.processInformation', 'group', 9, 10]]);
    expect(describeDominantCause(causes[0])).toBe('不予公开的10件申请中，9件（90%）属于“属于四类过程性信息”。');
  });

  it('ignores small numbers, single-leaf groups and missing tables', () => {
    expect(dominantCauses(table({ 'notProcessed.duplicate': 3, granted: 0, total: 3 }))).toEqual([]);
    // a group of one printed row (（六）其他处理 as one row) dominating only itself is no finding
    expect(dominantCauses(table({ granted: 60, other: 40, total: 100 }))).toEqual([]);
    expect(dominantCauses(undefined)).toEqual([]);
    expect(dominantCauses({})).toEqual([]);
  });

  it('takes the whole from the outcome rows, not a misprinted total', () => {
    const causes = dominantCauses(table({ 'unavailable.notHeld': 30, granted: 10, total: 400 }));
    expect(causes[0]).toMatchObject({ of: 'all', whole: 40, count: 30 });
  });
});

describe('scope', () => {
  const reports = (...scopes: Report['scope'][]) => scopes.map((scope) => ({ scope }));
  it('shows jurisdiction by default, the scope asked for when the region has it, else the most common', () => {
    expect(chooseScope(reports('government', 'jurisdiction', 'government'))).toBe('jurisdiction');
    expect(chooseScope(reports('government', 'jurisdiction'), 'government')).toBe('government');
    expect(chooseScope(reports('government', 'jurisdiction'), 'township')).toBe('jurisdiction');
    expect(chooseScope(reports('unknown', 'government', 'unknown'), 'nonsense')).toBe('unknown');
    expect(chooseScope([])).toBeNull();
    expect(countScopes(reports('unknown', 'jurisdiction', 'unknown'))).toEqual([
      { scope: 'jurisdiction', reports: 1 },
      { scope: 'unknown', reports: 2 },
    ]);
  });
});

describe('addresses', () => {
  it('uses the code, else r<id>', () => {
    expect(regionHref({ id: 3, code: '431225' })).toBe('/regions/431225');
    expect(regionHref({ id: 30, code: null })).toBe('/regions/r30');
    expect(decodeSegment('%E9%BC%93%E6%A5%BC%E5%8C%BA')).toBe('鼓楼区');
    expect(decodeSegment('鼓楼区')).toBe('鼓楼区');
    expect(decodeSegment('%E9%BC')).toBe('%E9%BC');
  });
});

describe('year-over-year rows', () => {
  const point = (year: number, p: Partial<SeriesPoint>): SeriesPoint => ({ year, value: null, reports: 0, excluded: 0, unstated: 0, change: null, changePct: null, ...p });
  it('marks years of the other template as defined differently and leaves out metrics nobody states', () => {
    const series = new Map([
      ['applications.newReceived', { metric: metricById('applications.newReceived'), points: [point(2020, { value: 183, reports: 1 }), point(2021, { value: 150, reports: 1, change: -33, changePct: -18.03 })] }],
      ['proactive.normativeDocuments.newlyMade', { metric: metricById('proactive.normativeDocuments.newlyMade'), points: [point(2020, { value: 15, reports: 1 }), point(2021, { excluded: 1 })] }],
      ['hotline.received', { metric: metricById('hotline.received'), points: [point(2020, { unstated: 1 }), point(2021, { unstated: 1 })] }],
    ]);
    const sections = yoyTable(series, [2020, 2021]);
    expect(sections.map((s) => s.title)).toEqual(['主动公开', '依申请公开']);
    const [proactive, applications] = sections;
    expect(proactive.rows[0].cells.map((c) => c.status)).toEqual(['value', 'excluded']);
    expect(applications.rows[0].cells[1]).toMatchObject({ status: 'value', value: 150, change: -33 });
  });
});

describe('region chart inputs and options', () => {
  it('stacks the six outcomes per year and keeps unstated years as gaps', () => {
    const outcome = (counts: Record<string, number | null>) => ({ reports: 1, counts, total: null, shares: {}, printedTotal: null }) as never;
    const input = outcomesChart(
      [2020, 2021],
      new Map([[2020, outcome({ granted: 4, partiallyGranted: 0, denied: 3, unavailable: 4, notProcessed: 172, other: 0 })]]),
    );
    expect(input.categories).toEqual(['2020', '2021']);
    expect(input.series.map((s) => s.name)).toEqual(['予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理']);
    expect(input.series.find((s) => s.name === '不予处理')!.values).toEqual([172, null]);
    const option = barChartOption(input);
    // series of zeros and gaps only are left out of the chart
    expect(option.series.map((s) => s.name)).toEqual(['予以公开', '不予公开', '无法提供', '不予处理']);
    expect(option.series.every((s) => s.type === 'bar' && s.stack === 'outcomes')).toBe(true);
    expect(option.xAxis.data).toEqual(['2020', '2021']);
    expect(option.tooltip.valueFormatter(7352)).toBe('7,352 件');
  });

  it('puts review and litigation side by side each year, and tells an all-zero chart', () => {
    const zero = { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0, correctedRate: null };
    const input = appealsChart([2023], new Map([[2023, { reports: 1, review: { ...zero, upheld: 10, corrected: 1 }, litigationDirect: zero, litigationAfterReview: zero, litigation: { ...zero, upheld: 5 } }]]));
    expect(input.categories).toEqual(['2023 复议', '2023 诉讼']);
    expect(input.series.map((s) => [s.name, s.values])).toEqual([
      ['结果维持', [10, 5]],
      ['结果纠正', [1, 0]],
      ['其他结果', [0, 0]],
      ['尚未审结', [0, 0]],
    ]);
    expect(hasValues(input)).toBe(true);
    expect(hasValues(appealsChart([2020], new Map([[2020, { reports: 1, review: zero, litigationDirect: zero, litigationAfterReview: zero, litigation: zero }]])))).toBe(false);
  });
});

describe('region lookup on PGlite', () => {
  let testDb: TestDatabase;
  let database: Database;
  const ids: Record<string, number> = {};

  const report = (name: string, city: string | null, province: string | null, extra: Partial<Report> = {}): Report => ({
    ...huitong,
    region: { name, city, province },
    issuer: `${name}人民政府`,
    ...extra,
  });

  beforeAll(async () => {
    testDb = await createTestDatabase('pglite');
    database = await testDb.open();
    const { db } = database;
    const store = (name: string, r: Report) => storeReport(db, name, r, `https://example.org/${name}`);
    await store('huitong-2020', huitong);
    await store('huitong-2020-gov', { ...huitong, scope: 'government', activity: { ...huitong.activity, publishedItems: 500 } });
    await store('gulou-fz', report('鼓楼区', '福州市', '福建省', { year: 2024 }));
    await store('town', report('会同县', '怀化市', '湖南省', { scope: 'township', issuer: '会同县林城镇人民政府', year: 2021, activity: { publishedItems: 12 } }));
    // two unlisted places of one name under different cities
    ids.a = (await regionForReport(db, { region: { name: '测试新区', city: '怀化市', province: '湖南省' }, scope: 'jurisdiction', issuer: null }))!;
    ids.b = (await regionForReport(db, { region: { name: '测试新区', city: '衡阳市', province: '湖南省' }, scope: 'jurisdiction', issuer: null }))!;
  }, 120_000);

  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  it('finds a region by code, name, alias and r<id>', async () => {
    const { db } = database;
    for (const key of ['431225', '会同县', '会同', '會同縣', '会同县人民政府', ' 会同县 ']) {
      const found = await lookupRegion(db, key);
      expect(found.kind, key).toBe('found');
      if (found.kind !== 'found') continue;
      expect(found.region).toMatchObject({ code: '431225', name: '会同县', level: 'county', city: '怀化市', province: '湖南省', reports: 2 });
    }
    const byCode = await lookupRegion(db, '431225');
    const id = byCode.kind === 'found' ? byCode.region.id! : -1;
    expect(await lookupRegion(db, `r${id}`)).toEqual(byCode);
  });

  it('lists every region a name may mean, stored ones with reports first', async () => {
    const gulou = await lookupRegion(database.db, '鼓楼区');
    expect(gulou.kind).toBe('ambiguous');
    if (gulou.kind !== 'ambiguous') return;
    expect(gulou.candidates[0]).toMatchObject({ name: '鼓楼区', city: '福州市', province: '福建省', code: '350102', reports: 1 });
    expect(gulou.candidates.map((c) => c.city).sort()).toEqual(['南京市', '开封市', '徐州市', '福州市']);
    expect(gulou.candidates.slice(1).every((c) => c.id === null && c.reports === 0)).toBe(true);

    const unlisted = await lookupRegion(database.db, '测试新区');
    expect(unlisted.kind).toBe('ambiguous');
    if (unlisted.kind !== 'ambiguous') return;
    expect(unlisted.candidates.map((c) => [c.id, c.code, c.city])).toEqual(
      expect.arrayContaining([
        [ids.a, null, '怀化市'],
        [ids.b, null, '衡阳市'],
      ]),
    );
    expect(await lookupRegion(database.db, `r${ids.b}`)).toMatchObject({ kind: 'found', region: { id: ids.b, city: '衡阳市' } });
  });

  it('knows places of the national list without reports, and nothing else', async () => {
    expect(await lookupRegion(database.db, '320106')).toMatchObject({ kind: 'found', region: { id: null, name: '鼓楼区', city: '南京市', province: '江苏省' } });
    expect(await lookupRegion(database.db, '999999')).toMatchObject({ kind: 'not-found' });
    expect(await lookupRegion(database.db, '不存在的地方')).toMatchObject({ kind: 'not-found' });
    expect(await lookupRegion(database.db, 'r99999')).toMatchObject({ kind: 'not-found' });
    expect(await lookupRegion(database.db, '')).toMatchObject({ kind: 'not-found' });
  });

  it("lists a region's reports of every scope, its bodies, and their tables 三", async () => {
    const found = await lookupRegion(database.db, '431225');
    if (found.kind !== 'found') throw new Error('会同县 not found');
    const reports = await regionReports(database.db, found.region.id!);
    expect(reports.map((r) => [r.year, r.scope, r.completeness, r.template, r.failedHard, r.hasText, r.url])).toEqual([
      [2020, 'government', 'complete', '2019', 0, false, 'https://example.org/huitong-2020-gov'],
      [2020, 'jurisdiction', 'complete', '2019', 0, false, 'https://example.org/huitong-2020'],
    ]);
    const bodies = await subRegionsWithReports(database.db, found.region.id!);
    expect(bodies).toEqual([expect.objectContaining({ name: '会同县林城镇人民政府', level: 'body', kind: 'township', reports: 1, years: [2021] })]);
    const town = await lookupRegion(database.db, '会同县林城镇人民政府');
    expect(town).toMatchObject({ kind: 'found', region: { level: 'body', parent: { name: '会同县', code: '431225' }, city: '怀化市' } });
    const tables = await regionApplications(
      database.db,
      reports.map((r) => r.id),
    );
    expect(tables.get(reports[1].id)!['notProcessed.massRepeated']).toEqual([172, 0, 0, 0, 0, 0, 172]);
  });
});
