// The compare page's pure parts (URL state, the regions × years table, rankings, small multiples,
// the page model) and its read of report_facts on a real database loaded with the bundled
// reports, checked against the dashboard's own metricSeries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCompare, type ComparePageData } from '../app/(dashboard)/compare/load';
import { loadBundle } from '../db/bundle';
import type { Database } from '../db/client';
import { compareFacts } from '../db/queries/compare';
import type { RegionLookup, RegionSummary } from '../db/queries/region';
import { metricSeries } from '../db/queries/series';
import type { ReportFigures } from '../lib/compare/comparability';
import { COMPARE_METRICS, compareMetricIds, titleWithUnit, type CompareMetric } from '../lib/compare/metrics';
import { buildComparison, namedRegions } from '../lib/compare/model';
import { rankYear } from '../lib/compare/ranking';
import { chartSpec, hasFigures, LAYOUT, panelLayout, sharedMax, smallMultiplesOption } from '../lib/compare/small-multiples';
import { compareTable, shownReports, type CompareRegion, type RegionYearReport } from '../lib/compare/table';
import { comparedYears, compareHref, formTarget, parseCompareState, rankingYear, regionToken, splitRegionField } from '../lib/compare/url-state';
import { createTestDatabase, type TestDatabase } from './support/databases';

const metric = (key: string): CompareMetric => COMPARE_METRICS.find((m) => m.key === key)!;

describe('compare URL state', () => {
  it('reads regions, years, ranking year, scope and decals', () => {
    const s = parseCompareState(new URLSearchParams('regions=会同县~320813~r12&years=2020..2025&year=2024&scope=government&decals=1'));
    expect(s).toEqual({ regions: ['会同县', '320813', 'r12'], dropped: [], years: { from: 2020, to: 2025 }, year: 2024, scope: 'government', decals: true });
    expect(parseCompareState({})).toEqual({ regions: [], dropped: [], years: null, year: null, scope: null, decals: false });
    // unreadable values are left out, never guessed
    expect(parseCompareState({ years: '2025..2020', year: '20x4', scope: 'everything', decals: 'yes' })).toMatchObject({ years: null, year: null, scope: null, decals: false });
  });

  it('keeps the first twelve regions and names the rest', () => {
    const tokens = Array.from({ length: 15 }, (_, i) => `地区${i + 1}`);
    const s = parseCompareState({ regions: tokens.join('~') });
    expect(s.regions).toEqual(tokens.slice(0, 12));
    expect(s.dropped).toEqual(['地区13', '地区14', '地区15']);
    // repeated names count once
    expect(parseCompareState({ regions: '会同县~会同县~洪泽区' }).regions).toEqual(['会同县', '洪泽区']);
  });

  it('writes the address back, defaults left out, readable', () => {
    const href = compareHref({ regions: ['会同县', '320813'], years: { from: 2020, to: 2025 }, year: 2023, scope: 'government', decals: true });
    expect(decodeURIComponent(href)).toBe('/compare?regions=会同县~320813&years=2020..2025&year=2023&scope=government&decals=1');
    expect(compareHref({ regions: [], years: null, year: null, scope: null, decals: false })).toBe('/compare');
    expect(compareHref({ regions: ['a'], years: { from: 2021, to: 2021 }, year: null, scope: null, decals: false })).toBe('/compare?regions=a&years=2021');
    // round trip
    const back = parseCompareState(new URL(href, 'http://x').searchParams);
    expect(back).toMatchObject({ regions: ['会同县', '320813'], years: { from: 2020, to: 2025 }, year: 2023, scope: 'government', decals: true });
  });

  it('writes a region as its code, else r<id>', () => {
    expect(regionToken({ id: 3, code: '431225', name: '会同县' })).toBe('431225');
    expect(regionToken({ id: 3, code: null, name: '洪江区' })).toBe('r3');
    expect(regionToken({ id: null, code: null, name: '某地' })).toBe('某地');
  });

  it('turns the plain form into the page’s address', () => {
    expect(splitRegionField(' 会同县、洪泽区,溆浦县，  通道 ')).toEqual(['会同县', '洪泽区', '溆浦县', '通道']);
    const target = formTarget(new URLSearchParams('r=会同县&r=&r=洪泽区、溆浦县&from=2025&to=2020&scope=&decals=1'));
    expect(decodeURIComponent(target!)).toBe('/compare?regions=会同县~洪泽区~溆浦县&years=2020..2025&decals=1');
    expect(decodeURIComponent(formTarget({ r: ['会同县'], from: '', to: '2024', scope: 'unknown' })!)).toBe('/compare?regions=会同县&years=2024&scope=unknown');
    expect(formTarget(new URLSearchParams('regions=会同县~洪泽区&years=2020..2021'))).toBeNull();
  });

  it('compares the years asked for, else those with reports, at most the latest twelve', () => {
    expect(comparedYears({ from: 2020, to: 2025 }, [2019, 2021])).toEqual({ years: [2020, 2021, 2022, 2023, 2024, 2025], clipped: 0 });
    expect(comparedYears(null, [2023, 2019, 2021])).toEqual({ years: [2019, 2020, 2021, 2022, 2023], clipped: 0 });
    expect(comparedYears(null, [])).toEqual({ years: [], clipped: 0 });
    const long = comparedYears({ from: 2000, to: 2025 }, []);
    expect(long.years).toEqual(Array.from({ length: 12 }, (_, i) => 2014 + i));
    expect(long.clipped).toBe(14);
  });

  it('ranks the year asked for, else the latest with a report of the scope, else with any', () => {
    const years = [2020, 2021, 2022, 2023];
    expect(rankingYear(2021, years, { inScope: [2020], any: [2020] })).toBe(2021);
    expect(rankingYear(2019, years, { inScope: [2020, 2022], any: [2023] })).toBe(2022);
    expect(rankingYear(null, years, { inScope: [], any: [2021] })).toBe(2021);
    expect(rankingYear(null, years, { inScope: [], any: [] })).toBe(2023);
    expect(rankingYear(null, [], { inScope: [], any: [] })).toBeNull();
  });
});

// three counties and a city; reports of several scopes and both template versions
const REGIONS: CompareRegion[] = [
  { id: 1, code: '431225', name: '会同县', level: 'county', within: '怀化市' },
  { id: 2, code: '320813', name: '洪泽区', level: 'county', within: '淮安市' },
  { id: 3, code: '431230', name: '溆浦县', level: 'county', within: '怀化市' },
  { id: 4, code: '320800', name: '淮安市', level: 'city', within: '江苏省' },
];

function stored(regionId: number, year: number, over: Partial<ReportFigures> = {}, figures: Record<string, [number | null, (number | null)?]> = {}): RegionYearReport {
  const parts = Object.fromEntries(compareMetricIds().map((id) => [id, { numerator: figures[id]?.[0] ?? null, denominator: figures[id]?.[1] ?? null }]));
  return { regionId, year, reportId: regionId * 10_000 + year, scope: 'jurisdiction', template: '2021', failedChecks: [], parts, ...over };
}

const REPORTS: RegionYearReport[] = [
  stored(1, 2020, { template: '2019' }, { 'applications.newReceived': [183], 'applications.grantedRate': [4, 183], 'proactive.normativeDocuments.totalPublished': [126], 'activity.publishedItems': [1226] }),
  stored(1, 2021, { template: null }, { 'activity.publishedItems': [2954] }),
  stored(2, 2023, { failedChecks: ['appeals.review.total'] }, { 'applications.newReceived': [21], 'applications.grantedRate': [0, 0], 'appeals.review.total': [11], 'proactive.normativeDocuments.inForce': [35] }),
  stored(2, 2023, { scope: 'government', reportId: 99 }, { 'applications.newReceived': [5] }),
  stored(3, 2023, { scope: 'unknown', template: null }, { 'activity.publishedItems': [6900] }),
  stored(3, 2021, { scope: 'jurisdiction' }, { 'applications.newReceived': [21], 'appeals.review.total': [2] }),
  stored(4, 2023, {}, { 'applications.newReceived': [3119], 'appeals.review.total': [30] }),
];

describe('the regions × years table', () => {
  const shown = shownReports(REPORTS, 'jurisdiction');
  const base = { scope: 'jurisdiction' as const, level: 'county' as const };

  it('shows the compared scope’s report where there is one, else another scope’s', () => {
    expect(shown.get('2|2023')?.reportId).toBe(20_000 + 2023);
    expect(shown.get('3|2023')?.scope).toBe('unknown');
    expect(shownReports(REPORTS, 'government').get('2|2023')?.reportId).toBe(99);
  });

  it('marks each cell and links it to its report', () => {
    const years = [2020, 2021, 2022, 2023];
    const t = compareTable(metric('applications'), REGIONS, years, shown, base);
    const row = (id: number) => t.rows.find((r) => r.region.id === id)!.cells;
    expect(row(1).map((c) => [c.value, c.marks])).toEqual([
      [183, []],
      [null, ['unstated']],
      [null, ['noReport']],
      [null, ['noReport']],
    ]);
    expect(row(1)[0]).toMatchObject({ reportId: 12020, scope: 'jurisdiction', year: 2020 });
    expect(row(1)[1].reportId).toBe(12021);
    expect(row(2)[3]).toMatchObject({ value: 21, marks: [] });
    expect(row(3)[3]).toMatchObject({ value: null, marks: ['unstated'], scope: 'unknown' });
    expect(row(4)[3]).toMatchObject({ value: 3119, marks: ['level'] });
  });

  it('compares figures of two definitions against the newest in view', () => {
    const t = compareTable(metric('normative'), REGIONS, [2020, 2023], shown, base);
    expect(t.reference.version).toBe('2021');
    expect(t.rows[0].cells[0]).toMatchObject({ value: 126, marks: ['definition'] });
    expect(t.rows[1].cells[1]).toMatchObject({ value: 35, marks: [] });
    // with the 2019 report alone in view, it is the reference
    const old = compareTable(metric('normative'), REGIONS, [2020], shown, base);
    expect(old.reference.version).toBe('2019');
    expect(old.rows[0].cells[0].marks).toEqual([]);
  });

  it('gives a region unknown to the database no report', () => {
    const t = compareTable(metric('published'), [{ id: null, code: '320106', name: '鼓楼区', level: 'county', within: '南京市' }], [2023], shown, base);
    expect(t.rows[0].cells[0]).toMatchObject({ value: null, marks: ['noReport'], reportId: null });
  });
});

describe('rankings of one year', () => {
  const shown = shownReports(REPORTS, 'jurisdiction');
  const base = { scope: 'jurisdiction' as const, level: 'county' as const };

  it('ranks comparable figures only, then the marked ones, then the gaps', () => {
    const t = compareTable(metric('review'), REGIONS, [2021, 2023], shown, base);
    const r = rankYear(t, 2023);
    expect(r.year).toBe(2023);
    expect(r.ranked).toEqual([]);
    // 淮安市 30 (层级不同), 洪泽区 11 (检查未通过), then 会同县 (无报告) and 溆浦县 (未载明) in the order named
    expect(r.others.map((e) => [e.region.name, e.cell.value, e.cell.marks, e.rank, e.share])).toEqual([
      ['淮安市', 30, ['level'], null, null],
      ['洪泽区', 11, ['failed'], null, null],
      ['会同县', null, ['noReport'], null, null],
      ['溆浦县', null, ['unstated'], null, null],
    ]);
    const y2021 = rankYear(t, 2021);
    expect(y2021.ranked.map((e) => [e.region.name, e.rank, e.share])).toEqual([['溆浦县', 1, 1]]);
  });

  it('lets equal values share a rank', () => {
    const t = compareTable(
      metric('applications'),
      REGIONS,
      [2021, 2023],
      shownReports([...REPORTS, stored(1, 2023, {}, { 'applications.newReceived': [21] }), stored(3, 2023, {}, { 'applications.newReceived': [40] })], 'jurisdiction'),
      base,
    );
    const r = rankYear(t, 2023);
    expect(r.ranked.map((e) => [e.region.name, e.rank])).toEqual([
      ['溆浦县', 1],
      ['会同县', 2],
      ['洪泽区', 2],
    ]);
    expect(r.ranked.map((e) => e.share)).toEqual([1, 21 / 40, 21 / 40]);
    expect(r.others.map((e) => e.region.name)).toEqual(['淮安市']);
    expect(rankYear(t, 1999)).toEqual({ year: 1999, ranked: [], others: [] });
  });
});

describe('small multiples', () => {
  it('rounds the shared axis up to a round number', () => {
    expect(sharedMax([183, 21, null], 'count')).toBe(200);
    expect(sharedMax([7352], 'count')).toBe(8000);
    expect(sharedMax([21], 'count')).toBe(30);
    expect(sharedMax([3], 'count')).toBe(4);
    expect(sharedMax([1], 'count')).toBe(2);
    expect(sharedMax([0, null], 'count')).toBe(2);
    expect(sharedMax([], 'count')).toBe(2);
    expect(sharedMax([0.9992, 0.5], 'ratio')).toBe(1);
    expect(sharedMax([0.0219], 'ratio')).toBe(0.03);
    expect(sharedMax([0], 'ratio')).toBe(1);
    expect(sharedMax([200], 'count')).toBe(200);
  });

  it('lays panels out in as many columns as fit, at most four', () => {
    const desktop = panelLayout(12, 780);
    expect(desktop.columns).toBe(4);
    expect(desktop.rows).toBe(3);
    const phone = panelLayout(12, 358);
    expect(phone.columns).toBe(2);
    expect(phone.rows).toBe(6);
    expect(panelLayout(3, 1200).columns).toBe(3);
    expect(panelLayout(5, 100).columns).toBe(1);
    // panels stay inside the width and do not overlap
    for (const layout of [desktop, phone]) {
      const width = layout === desktop ? 780 : 358;
      for (const b of layout.boxes) expect(b.left + b.width).toBeLessThanOrEqual(width - LAYOUT.right + 0.001);
      const first = layout.boxes[0];
      const second = layout.boxes[1];
      expect(second.left).toBeGreaterThanOrEqual(first.left + first.width);
      expect(layout.height).toBeGreaterThan(layout.boxes[layout.boxes.length - 1].top + LAYOUT.plotHeight);
    }
  });

  const shown = shownReports(REPORTS, 'jurisdiction');
  const table = compareTable(metric('review'), REGIONS, [2021, 2022, 2023], shown, { scope: 'jurisdiction', level: 'county' });

  it('describes one panel per region, marked figures apart, the level in the title', () => {
    const spec = chartSpec(table, true);
    expect(spec.label).toBe(`${titleWithUnit(metric('review'))}：各地区分年度小图，坐标相同`);
    expect(spec.panels.map((p) => p.title)).toEqual(['会同县', '洪泽区', '溆浦县', '淮安市（层级不同）']);
    expect(spec.panels[1]).toEqual({ title: '洪泽区', values: [null, null, 11], marks: [null, null, '检查未通过'] });
    expect(spec.panels[2]).toEqual({ title: '溆浦县', values: [2, null, null], marks: [null, null, null] });
    expect(spec.decals).toBe(true);
    expect(hasFigures(spec)).toBe(true);
    expect(hasFigures({ ...spec, panels: spec.panels.map((p) => ({ ...p, values: p.values.map(() => null) })) })).toBe(false);
  });

  it('draws every panel on the same axes, marked figures as hatched bars of their own series', () => {
    const option = smallMultiplesOption(chartSpec(table), 780);
    expect(option.grid).toHaveLength(4);
    expect(option.xAxis.every((x) => x.data.join() === '2021,2022,2023')).toBe(true);
    expect(new Set(option.yAxis.map((y) => `${y.min}-${y.max}-${y.interval}`))).toEqual(new Set(['0-30-15']));
    expect(option.yAxis.map((y) => y.axisLabel.show)).toEqual([true, false, false, false]);
    expect(option.yAxis.map((y) => y.name)).toEqual(['会同县', '洪泽区', '溆浦县', '淮安市（层级不同）']);
    expect(option.series).toHaveLength(8);
    const [solid, hatched] = [option.series[2], option.series[3]];
    expect(solid.data.map((d) => d.value)).toEqual([null, null, null]);
    expect(hatched.data.map((d) => d.value)).toEqual([null, null, 11]);
    expect(hatched.itemStyle).toMatchObject({ borderType: 'dashed' });
    expect(hatched.itemStyle.decal).toBeDefined();
    expect(option.series[4].data.map((d) => d.value)).toEqual([2, null, null]);
    expect(option.series.every((s, i) => s.xAxisIndex === Math.floor(i / 2) && s.yAxisIndex === Math.floor(i / 2))).toBe(true);
    const tip = option.tooltip.formatter({ name: '2023', data: hatched.data[2] });
    expect(tip).toBe('洪泽区 · 2023年<br/>11 件<br/>检查未通过');
    // on a phone the same panels come two to a row
    const phone = smallMultiplesOption(chartSpec(table), 358);
    expect(phone.yAxis.map((y) => y.axisLabel.show)).toEqual([true, false, true, false]);
  });

  it('formats ratios as percentages', () => {
    const t = compareTable(metric('granted'), REGIONS, [2020], shown, { scope: 'jurisdiction', level: 'county' });
    const option = smallMultiplesOption(chartSpec(t), 780);
    expect(option.yAxis[0].max).toBe(0.03);
    expect(option.yAxis[0].axisLabel.formatter(0.03)).toBe('3%');
    expect(option.tooltip.formatter({ name: '2020', data: option.series[0].data[0] })).toBe('会同县 · 2020年<br/>2.19%');
  });
});

const summary = (over: Partial<RegionSummary>): RegionSummary => ({ id: 1, code: null, name: '', level: 'county', kind: null, province: null, city: null, parent: null, reports: 0, ...over });

describe('the page model', () => {
  it('sets aside names several regions bear and names it cannot find, and counts a region once', () => {
    const huitong = summary({ id: 1, code: '431225', name: '会同县', province: '湖南省', city: '怀化市', reports: 2 });
    const lookups: RegionLookup[] = [
      { kind: 'found', region: huitong },
      { kind: 'ambiguous', key: '鼓楼区', candidates: [summary({ id: 5, name: '鼓楼区' }), summary({ id: null, code: '320106', name: '鼓楼区' })] },
      { kind: 'not-found', key: '不存在' },
      { kind: 'found', region: huitong },
      { kind: 'found', region: summary({ id: null, code: '320106', name: '鼓楼区', province: '江苏省', city: '南京市' }) },
      { kind: 'found', region: summary({ id: 9, name: '农业农村局', level: 'body', parent: { id: 1, code: '431225', name: '会同县' } }) },
    ];
    const named = namedRegions(['会同县', '鼓楼区', '不存在', '431225', '320106', 'r9'], lookups);
    expect(named.regions.map((r) => [r.name, r.within])).toEqual([
      ['会同县', '怀化市'],
      ['鼓楼区', '南京市'],
      ['农业农村局', '会同县'],
    ]);
    expect(named.ambiguous.map((a) => [a.token, a.candidates.length])).toEqual([['鼓楼区', 2]]);
    expect(named.unknown).toEqual(['不存在']);
  });

  it('chooses the scope, level, years and ranking year, and builds every metric', () => {
    const regions = REGIONS.slice(0, 3);
    const c = buildComparison({ years: null, year: null, scope: null }, regions, REPORTS.filter((r) => r.regionId !== 4));
    expect(c.years).toEqual([2020, 2021, 2022, 2023]);
    expect(c).toMatchObject({ scope: 'jurisdiction', scopeUnavailable: null, level: 'county', rankYear: 2023, clippedYears: 0 });
    expect(c.scopes).toEqual([
      { scope: 'jurisdiction', reports: 4 },
      { scope: 'government', reports: 1 },
      { scope: 'unknown', reports: 1 },
    ]);
    expect(c.tables.map((t) => t.metric.key)).toEqual(COMPARE_METRICS.map((m) => m.key));

    const gov = buildComparison({ years: { from: 2022, to: 2023 }, year: 2022, scope: 'government' }, regions, REPORTS);
    expect(gov).toMatchObject({ scope: 'government', rankYear: 2022, years: [2022, 2023] });
    const apps = gov.tables.find((t) => t.metric.key === 'applications')!;
    expect(apps.rows[1].cells[1]).toMatchObject({ value: 5, reportId: 99, marks: [] });
    // 溆浦县's report does not say its scope: beside 政府本级 it is 范围不同
    expect(gov.tables.find((t) => t.metric.key === 'published')!.rows[2].cells[1]).toMatchObject({ value: 6900, marks: ['scope'] });

    // the rankings are for a year in which a region of the compared level has a report of the scope
    const withCity = buildComparison({ years: null, year: null, scope: null }, REGIONS, [...REPORTS, stored(4, 2024)]);
    expect(withCity).toMatchObject({ level: 'county', rankYear: 2023, years: [2020, 2021, 2022, 2023, 2024] });

    // a scope none of the regions has falls back, and says so
    const township = buildComparison({ years: null, year: null, scope: 'township' }, regions, REPORTS);
    expect(township).toMatchObject({ scope: 'jurisdiction', scopeUnavailable: 'township' });
  });
});

describe('compare on the bundled reports [pglite]', () => {
  let testDb: TestDatabase;
  let database: Database;
  let page: ComparePageData;

  beforeAll(async () => {
    testDb = await createTestDatabase('pglite');
    database = await testDb.open();
    await loadBundle(database.db);
    page = await loadCompare(database.db, parseCompareState({ regions: '会同县~洪泽区~溆浦县~鼓楼区~不存在的地方', years: '2020..2025' }));
  }, 120_000);

  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  it('reads each report of the regions with its parts and failed hard checks', async () => {
    const hongze = page.regions.find((r) => r.name === '洪泽区')!;
    const huitong = page.regions.find((r) => r.name === '会同县')!;
    const facts = await compareFacts(database.db, [huitong.id!, hongze.id!], compareMetricIds());
    const name = (id: number) => (id === huitong.id ? '会同县' : '洪泽区');
    expect(facts.map((f) => [name(f.regionId), f.year, f.scope, f.template]).sort((a, b) => Number(a[1]) - Number(b[1]))).toEqual([
      ['会同县', 2020, 'jurisdiction', '2019'],
      ['会同县', 2021, 'jurisdiction', null],
      ['洪泽区', 2023, 'jurisdiction', '2021'],
    ]);
    const h2020 = facts.find((f) => f.regionId === huitong.id && f.year === 2020)!;
    expect(h2020.parts['applications.newReceived']).toEqual({ numerator: 183, denominator: null });
    expect(h2020.parts['applications.grantedRate']).toEqual({ numerator: 4, denominator: 183 });
    expect(h2020.parts['activity.publishedItems'].numerator).toBe(1226);
    expect(h2020.parts['proactive.normativeDocuments.totalPublished'].numerator).toBe(126);
    expect(h2020.failedChecks).toEqual([]);
    const z2023 = facts.find((f) => f.regionId === hongze.id)!;
    expect(z2023.failedChecks).toEqual(['appeals.litigationAfterReview.total', 'appeals.review.total']);
    expect(await compareFacts(database.db, [], compareMetricIds())).toEqual([]);
  });

  it('resolves the names, offers the choice for 鼓楼区 and names what it cannot find', () => {
    expect(page.regions.map((r) => r.name)).toEqual(['会同县', '洪泽区', '溆浦县']);
    expect(page.ambiguous.map((a) => [a.token, a.candidates.length])).toEqual([['鼓楼区', 4]]);
    expect(page.unknown).toEqual(['不存在的地方']);
  });

  it('agrees with the dashboard’s own series for every comparable figure', async () => {
    const c = page.comparison!;
    expect(c.years).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    expect(c).toMatchObject({ scope: 'jurisdiction', level: 'county', rankYear: 2023 });
    let compared = 0;
    for (const table of c.tables) {
      for (const variant of table.metric.variants) {
        const series = await metricSeries(database.db, { metric: variant.metric, regionIds: page.regions.map((r) => r.id!), years: c.years, scope: c.scope, perRegion: true });
        for (const row of table.rows) {
          const points = series.regions.find((s) => s.region.id === row.region.id)?.points ?? [];
          row.cells.forEach((cell) => {
            if (cell.scope !== c.scope || cell.variant?.metric !== variant.metric || cell.value === null) return;
            const expected = points.find((p) => p.year === cell.year)!.value!;
            expect(cell.value, `${table.metric.key} ${row.region.name} ${cell.year}`).toBeCloseTo(table.metric.kind === 'ratio' ? expected / 100 : expected, 10);
            compared++;
          });
        }
      }
    }
    expect(compared).toBeGreaterThan(8);
  });

  it('marks what cannot be compared', () => {
    const cell = (key: string, region: string, year: number) => {
      const t = page.comparison!.tables.find((x) => x.metric.key === key)!;
      return t.rows.find((r) => r.region.name === region)!.cells[t.years.indexOf(year)];
    };
    expect(cell('applications', '会同县', 2020)).toMatchObject({ value: 183, marks: [] });
    expect(cell('applications', '会同县', 2021)).toMatchObject({ value: null, marks: ['unstated'] });
    expect(cell('applications', '会同县', 2022).marks).toEqual(['noReport']);
    expect(cell('granted', '会同县', 2020).value).toBeCloseTo(4 / 183, 10);
    expect(cell('published', '会同县', 2021)).toMatchObject({ value: 2954, marks: [] });
    expect(cell('review', '洪泽区', 2023)).toMatchObject({ marks: ['failed'] });
    expect(cell('litigation', '洪泽区', 2023).marks).toEqual(['failed']);
    expect(cell('applications', '洪泽区', 2023)).toMatchObject({ value: 21, marks: [] });
    expect(cell('published', '溆浦县', 2023)).toMatchObject({ value: 6900, marks: ['scope'], scope: 'unknown' });
    expect(cell('published', '溆浦县', 2025)).toMatchObject({ value: 3614, marks: ['scope'] });
    // 2019 对外公开总数量 beside 2021 现行有效件数
    expect(cell('normative', '会同县', 2020)).toMatchObject({ value: 126, marks: ['definition'] });
    expect(cell('normative', '洪泽区', 2023).marks).toEqual([]);
  });
});
