// The bodies page (departments and townships of a county): its pure parts (URL state, year
// choice, names, order, table and presence rows, chart input and option) and its query on a
// small known dataset on both databases: 会同县 with a department (two years, one failing its
// checks) and a prose-only township, 芷江 with a department, 怀化市 with its own department.
// The county's own reports never show up among its bodies.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { ingestFile } from '../db/ingest';
import { childRegionsWithBodies, regionBodies, type Body, type BodyYearRow } from '../db/queries/bodies';
import { metricById } from '../db/queries/metrics';
import { selectRows } from '../db/sql';
import { bodiesChartInput, bodiesChartOption, CHART_LIMIT, defaultChartMetric } from '../lib/bodies/chart';
import { BODY_METRIC_IDS, BODY_METRICS, type BodyMetricId } from '../lib/bodies/metrics';
import { bodiesHref, bodiesPath, parseBodiesState } from '../lib/bodies/state';
import { kindCounts, pickYear, presenceRows, reportsPerYear, shortBodyName, silentIn, sortBodies, tableRows, wholeOf, withBodiesFirst } from '../lib/bodies/view';
import { departmentSubject, townshipSubject } from '../lib/synth/places';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from './support/databases';
import { HUAIHUA, HUITONG, ZHIJIANG, reportFile, type Spec } from './support/query-dataset';

const noValues = () => Object.fromEntries(BODY_METRIC_IDS.map((id) => [id, null])) as Record<BodyMetricId, number | null>;

function body(id: number, name: string, kind: Body['kind'], years: number[], failedIn: number[] = []): Body {
  return { id, code: null, name, kind, reports: years.map((year) => ({ year, reportId: id * 10_000 + year, scope: kind, failedHard: failedIn.includes(year) ? 2 : 0, failedSoft: 0 })) };
}

function yearRow(b: Body, year: number, values: Partial<Record<BodyMetricId, number | null>>): BodyYearRow {
  const mark = b.reports.find((r) => r.year === year)!;
  return { ...mark, bodyId: b.id, template: '2021', completeness: 'complete', values: { ...noValues(), ...values } };
}

describe('bodies page URL state', () => {
  it('reads year, kind and metric, and ignores what it cannot read', () => {
    expect(parseBodiesState({ year: '2020', kind: 'township', metric: 'applications.granted' })).toEqual({ year: 2020, kind: 'township', metric: 'applications.granted' });
    expect(parseBodiesState(new URLSearchParams('year=20x0&kind=city&metric=hotline.resolvedRate'))).toEqual({ year: null, kind: 'all', metric: null });
    expect(parseBodiesState({ year: ['2019', '2020'] })).toMatchObject({ year: 2019 });
  });

  it('writes only what differs from the defaults, and reads back what it wrote', () => {
    const path = bodiesPath('/regions/431222');
    expect(path).toBe('/regions/431222/bodies');
    expect(bodiesHref(path, { year: null, kind: 'all', metric: null })).toBe(path);
    const state = { year: 2021, kind: 'department', metric: 'appeals.review.total' } as const;
    const href = bodiesHref(path, state);
    expect(href).toBe('/regions/431222/bodies?year=2021&kind=department&metric=appeals.review.total');
    expect(parseBodiesState(new URLSearchParams(href.split('?')[1]))).toEqual(state);
  });
});

describe('bodies page view', () => {
  const education = body(1, '会同县教育局', 'department', [2020, 2021], [2021]);
  const health = body(2, '会同县卫生健康局', 'department', [2020]);
  const taiping = body(3, '会同县太平镇人民政府', 'township', [2021]);
  const bodies = [taiping, health, education];

  it('shows the year asked for when bodies reported then, else the latest', () => {
    expect(pickYear([2019, 2020, 2021], 2020)).toBe(2020);
    expect(pickYear([2019, 2020, 2021], 2018)).toBe(2021);
    expect(pickYear([2019, 2020, 2021], null)).toBe(2021);
    expect(pickYear([], 2020)).toBeNull();
  });

  it('names a body without its region, never leaving nothing', () => {
    expect(shortBodyName('沅陵县二酉苗族乡人民政府', '沅陵县')).toBe('二酉苗族乡人民政府');
    expect(shortBodyName('怀化市会同县教育局', '会同县')).toBe('教育局');
    expect(shortBodyName('教育局', '会同县')).toBe('教育局');
    expect(shortBodyName('会同县', '会同县')).toBe('会同县');
  });

  it('puts departments before townships, each in pinyin order, and filters by kind', () => {
    // 会同县教育局 (jiao) before 会同县卫生健康局 (wei)
    expect(sortBodies(bodies).map((b) => b.id)).toEqual([1, 2, 3]);
    expect(kindCounts(bodies)).toEqual({ all: 3, department: 2, township: 1 });
  });

  it('lists the year’s reports, and the bodies silent that year', () => {
    const rows = [yearRow(taiping, 2021, { 'activity.publishedItems': 130 }), yearRow(education, 2021, { 'applications.newReceived': 20 })];
    expect(tableRows(bodies, rows, 'all').map((r) => r.body.id)).toEqual([1, 3]);
    expect(tableRows(bodies, rows, 'township').map((r) => r.body.id)).toEqual([3]);
    expect(silentIn(bodies, 2021, 'all').map((b) => b.id)).toEqual([2]);
    expect(silentIn(bodies, 2021, 'township')).toEqual([]);
  });

  it('grids bodies by year, with each year’s reports counted', () => {
    const years = [2020, 2021];
    const grid = presenceRows(bodies, years, 'all');
    expect(grid.map((r) => [r.body.id, r.cells.map((c) => (c ? c.failedHard : null))])).toEqual([
      [1, [0, 2]],
      [2, [0, null]],
      [3, [null, 0]],
    ]);
    expect(reportsPerYear(grid, years)).toEqual([2, 2]);
    expect(reportsPerYear(presenceRows(bodies, years, 'department'), years)).toEqual([2, 1]);
  });

  it('lists a city’s counties with bodies first, in the order given', () => {
    const counties = [
      { name: '鹤城区', bodies: 0 },
      { name: '沅陵县', bodies: 1 },
      { name: '会同县', bodies: 0 },
      { name: '洪江市', bodies: 3 },
    ];
    expect(withBodiesFirst(counties).map((c) => c.name)).toEqual(['沅陵县', '洪江市', '鹤城区', '会同县']);
  });

  it('names the whole territory the way the region’s report does', () => {
    expect(['沅陵县', '洪江区', '洪江市', '科尔沁右翼前旗', '湖南省'].map(wholeOf)).toEqual(['全县', '全区', '全市', '全旗', '全省']);
  });
});

describe('bodies chart', () => {
  const bodies = Array.from({ length: CHART_LIMIT + 5 }, (_, i) => body(i + 1, `单位${String(i + 1).padStart(2, '0')}`, i % 2 ? 'township' : 'department', [2021]));
  // in the order given: 单位01 … 单位35, alternately department and township; 单位01–03 state no applications
  const rows = bodies.map((b, i) => ({ body: b, report: yearRow(b, 2021, { 'applications.newReceived': i < 3 ? null : i, 'applications.granted': 0 }) }));
  const nameOf = (r: { body: Body }) => r.body.name;

  it('compares the counts of both template versions only', () => {
    expect(BODY_METRICS.every((m) => m.kind === 'count' && m.definedBy !== 'prose' ? m.definedBy.length === 2 : m.kind === 'count')).toBe(true);
    expect(BODY_METRICS.find((m) => m.id === 'applications.granted')!.label).toBe(metricById('applications.granted').label);
  });

  it('chooses a metric some body states a figure other than 0 for', () => {
    expect(defaultChartMetric([{ values: { ...noValues(), 'proactive.penalties.decisions': 1, 'applications.granted': 0 } }])).toBe('proactive.penalties.decisions');
    expect(defaultChartMetric([{ values: { ...noValues(), 'applications.granted': 0 } }])).toBe('applications.granted');
    expect(defaultChartMetric([{ values: noValues() }])).toBe('applications.newReceived');
  });

  it('draws the largest first, at most CHART_LIMIT, and lists those that state nothing instead of drawing 0', () => {
    const input = bodiesChartInput(rows, 'applications.newReceived', 2021, nameOf);
    expect(input.label).toBe('2021年各部门、乡镇（街道）本年新收政府信息公开申请（件）');
    expect(input.stated).toBe(CHART_LIMIT + 2);
    expect(input.bars).toHaveLength(CHART_LIMIT);
    expect(input.bars[0]).toEqual({ name: `单位${CHART_LIMIT + 5}`, kind: 'department', value: CHART_LIMIT + 4 });
    expect(input.bars.at(-1)!.value).toBe(5);
    expect(input.bars.map((b) => b.value)).toEqual([...input.bars.map((b) => b.value)].sort((a, b) => b - a));
    expect(input.unstated).toEqual(['单位01', '单位02', '单位03']);
  });

  it('builds one series per kind on one band, a pattern on townships, gaps where the other kind is', () => {
    const input = bodiesChartInput(rows.slice(0, 6), 'applications.newReceived', 2021, nameOf);
    const option = bodiesChartOption(input);
    expect(option.yAxis.data).toEqual(['单位06', '单位05', '单位04']);
    expect(option.series.map((s) => [s.name, s.stack, s.data])).toEqual([
      ['部门', 'bodies', [null, 4, null]],
      ['乡镇（街道）', 'bodies', [5, null, 3]],
    ]);
    expect(option.series[1].itemStyle).toHaveProperty('decal');
    expect(option.series[0].itemStyle).not.toHaveProperty('decal');
    expect(option.series[0].label.formatter({ value: 1234 })).toBe('1,234 件');
    expect(option.series[0].label.formatter({ value: null })).toBe('');
    expect(option.tooltip.formatter({ name: '单位06', seriesName: '乡镇（街道）', value: 5 })).toBe('单位06 · 乡镇（街道）：5 件');
    // zeros are drawn (as 0), not left out
    expect(bodiesChartInput(rows.slice(0, 2), 'applications.granted', 2021, nameOf).bars.map((b) => b.value)).toEqual([0, 0]);
  });
});

const six = (a: number): [number, number, number, number, number, number] => [a, 0, 0, 0, 0, 0];
const HUITONG_EDUCATION = departmentSubject(HUITONG.place, '教育局');
const HUITONG_TAIPING = townshipSubject(HUITONG.place, '太平镇人民政府');
const ZHIJIANG_EDUCATION = departmentSubject(ZHIJIANG.place, '教育局');
const HUAIHUA_EDUCATION = departmentSubject(HUAIHUA.place, '教育局');

const BODY_SPECS: Spec[] = [
  { subject: HUITONG, year: 2020, template: '2019', newReceived: six(100), outcomes: { granted: six(60) }, items: 900 },
  { subject: HUITONG, year: 2021, template: '2021', newReceived: six(200), outcomes: { granted: six(150) }, items: 1000 },
  {
    subject: HUITONG_EDUCATION,
    year: 2020,
    template: '2019',
    newReceived: six(12),
    outcomes: { granted: six(7), partiallyGranted: six(1), 'denied.stateSecret': six(1), 'notProcessed.duplicate': six(2) },
    appeals: { review: [1, 0, 0, 0, 1], litigationDirect: [0, 0, 0, 1, 1], litigationAfterReview: [0, 1, 0, 0, 1] },
  },
  { subject: HUITONG_EDUCATION, year: 2021, template: '2021', newReceived: six(20), outcomes: { granted: six(18) }, wrongTotal: true },
  { subject: HUITONG_TAIPING, year: 2021, template: '2021', items: 130, proseApplications: 4 },
  { subject: ZHIJIANG_EDUCATION, year: 2021, template: '2021', newReceived: six(5), outcomes: { granted: six(5) } },
  { subject: HUAIHUA, year: 2021, template: '2021', newReceived: six(500), outcomes: { granted: six(300) } },
  { subject: HUAIHUA_EDUCATION, year: 2021, template: '2021', newReceived: six(9), outcomes: { granted: six(9) } },
];

describeEachDatabase('bodies query', (kind) => {
  let target: TestDatabase;
  let database: Database;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    target = await createTestDatabase(kind);
    database = await target.open();
    for (const spec of BODY_SPECS) {
      const file = reportFile(spec);
      const result = await ingestFile(database.db, { name: file.name, bytes: file.bytes, url: null });
      expect(result.kind, spec.subject.issuer).toBe('stored');
    }
    const rows = await selectRows<{ id: number; code: string | null; name: string }>(database.db, sql`select id, code, name from regions`);
    const id = (test: (r: { code: string | null; name: string }) => boolean) => Number(rows.find(test)!.id);
    Object.assign(ids, {
      hunan: id((r) => r.code === '430000'),
      huaihua: id((r) => r.code === '431200'),
      huitong: id((r) => r.code === '431225'),
      zhijiang: id((r) => r.code === '431228'),
      education: id((r) => r.name === HUITONG_EDUCATION.issuer),
      taiping: id((r) => r.name === HUITONG_TAIPING.issuer),
      cityEducation: id((r) => r.name === HUAIHUA_EDUCATION.issuer),
    });
  }, 180_000);

  afterAll(async () => {
    await database?.close();
    await target?.drop();
  });

  it('lists a county’s department and township with the years they reported, its own reports left out', async () => {
    const r = await regionBodies(database.db, ids.huitong, null);
    expect(r.truncated).toBe(false);
    expect(r.years).toEqual([2020, 2021]);
    expect(r.year).toBe(2021);
    expect(sortBodies(r.bodies).map((b) => [b.id, b.name, b.kind, b.reports.map((m) => m.year)])).toEqual([
      [ids.education, '会同县教育局', 'department', [2020, 2021]],
      [ids.taiping, '会同县太平镇人民政府', 'township', [2021]],
    ]);
    // 2021: the department's printed total is one too many; the township states prose only
    const education = r.rows.find((x) => x.bodyId === ids.education)!;
    expect(education.failedHard).toBeGreaterThan(0);
    expect(education.values).toMatchObject({ 'applications.newReceived': 20, 'applications.granted': 18, 'activity.publishedItems': null });
    const taiping = r.rows.find((x) => x.bodyId === ids.taiping)!;
    expect(taiping).toMatchObject({ scope: 'township', completeness: 'prose', failedHard: 0 });
    expect(taiping.values).toEqual({ ...noValues(), 'activity.publishedItems': 130 });
    expect(r.rows).toHaveLength(2);
    // the county's 200 applications are nowhere among its bodies
    expect(r.rows.some((x) => x.values['applications.newReceived'] === 200)).toBe(false);
  });

  it('reads every key figure of the year asked for', async () => {
    const r = await regionBodies(database.db, ids.huitong, 2020);
    expect(r.year).toBe(2020);
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({ bodyId: ids.education, year: 2020, scope: 'department', template: '2019', completeness: 'complete', failedHard: 0 });
    expect(r.rows[0].values).toEqual({
      'applications.newReceived': 12,
      'applications.granted': 7,
      'applications.partiallyGranted': 1,
      'applications.denied': 1,
      'applications.unavailable': 1,
      'applications.notProcessed': 2,
      'activity.publishedItems': null,
      'proactive.licensing.decisions': 0,
      'proactive.penalties.decisions': 0,
      'appeals.review.total': 1,
      'appeals.litigation.total': 2,
    });
    // a year no body reported falls back to the latest
    expect((await regionBodies(database.db, ids.huitong, 2019)).year).toBe(2021);
  });

  it('bounds the bodies listed and says so', async () => {
    const r = await regionBodies(database.db, ids.huitong, null, { limit: 1 });
    expect(r.truncated).toBe(true);
    expect(r.bodies).toHaveLength(1);
    expect(new Set(r.rows.map((x) => x.bodyId))).toEqual(new Set([r.bodies[0].id]));
  });

  it('finds a city’s own department, not its counties’ bodies, and nothing under a body or an empty county', async () => {
    const city = await regionBodies(database.db, ids.huaihua, null);
    expect(city.bodies.map((b) => b.id)).toEqual([ids.cityEducation]);
    expect(city.rows.map((x) => x.values['applications.newReceived'])).toEqual([9]);
    for (const id of [ids.education, ids.hunan]) expect(await regionBodies(database.db, id, null)).toEqual({ bodies: [], truncated: false, years: [], year: null, rows: [] });
  });

  it('counts the bodies inside each county of a city and each city of a province', async () => {
    const counties = await childRegionsWithBodies(database.db, ids.huaihua);
    expect(counties.map((c) => [c.name, c.level, c.bodies])).toEqual([
      ['会同县', 'county', 2],
      ['芷江侗族自治县', 'county', 1],
    ]);
    const cities = await childRegionsWithBodies(database.db, ids.hunan);
    expect(cities.map((c) => [c.name, c.bodies])).toEqual([['怀化市', 4]]);
    expect(await childRegionsWithBodies(database.db, ids.huitong)).toEqual([]);
  });
});
