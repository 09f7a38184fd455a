// The overview's pure parts: URL state, default year, year-over-year and ratio arithmetic,
// exclusions by template version.
import { describe, expect, it } from 'vitest';
import { metricById } from '../db/queries/metrics';
import { defaultYear } from '../lib/dashboard/default-year';
import { exclusionText, explainExclusions } from '../lib/dashboard/exclusions';
import { compareYears, fraction, fromQueryChange, kpi, percentToFraction, sumStated } from '../lib/dashboard/kpi';
import { metricGroups } from '../lib/dashboard/labels';
import { regionHref, reportHref, regionToken } from '../lib/dashboard/links';
import { DEFAULT_STATE, parseState, serializeState, stateHref, trendYears, type DashboardState } from '../lib/dashboard/url-state';

describe('URL state', () => {
  it('round-trips every field', () => {
    const state: DashboardState = { year: 2020, years: { from: 2019, to: 2024 }, regions: ['431225', '会同县', '沅陵县二酉苗族乡人民政府'], metric: 'hotline.resolvedRate', scope: 'government', decals: true };
    const query = serializeState(state);
    expect(query).toBe('year=2020&years=2019..2024&regions=431225~' + encodeURIComponent('会同县') + '~' + encodeURIComponent('沅陵县二酉苗族乡人民政府') + '&metric=hotline.resolvedRate&scope=government&decals=1');
    expect(parseState(new URLSearchParams(query))).toEqual(state);
  });

  it('leaves defaults out of the URL', () => {
    expect(serializeState(DEFAULT_STATE)).toBe('');
    expect(stateHref(DEFAULT_STATE)).toBe('/');
    expect(stateHref({ ...DEFAULT_STATE, year: 2021 })).toBe('/?year=2021');
    expect(parseState(new URLSearchParams(''))).toEqual(DEFAULT_STATE);
  });

  it('reads the object Next gives a page (arrays take the first value)', () => {
    expect(parseState({ year: ['2020', '2021'], regions: '431225~431226', metric: undefined })).toMatchObject({ year: 2020, regions: ['431225', '431226'], metric: DEFAULT_STATE.metric });
  });

  it('ignores bad values and keeps the defaults', () => {
    const bad = parseState(new URLSearchParams('year=20x0&years=2024..2019&regions=~~%20~&metric=drop table&scope=everything&decals=yes'));
    expect(bad).toEqual(DEFAULT_STATE);
    expect(parseState(new URLSearchParams('year=1899')).year).toBeNull();
    expect(parseState(new URLSearchParams('year=2101')).year).toBeNull();
    expect(parseState(new URLSearchParams('years=2019..')).years).toBeNull();
    expect(parseState(new URLSearchParams('years=2020')).years).toEqual({ from: 2020, to: 2020 });
  });

  it('trims, de-duplicates and bounds the regions', () => {
    expect(parseState(new URLSearchParams('regions= 会同县 ~会同县~431225~')).regions).toEqual(['会同县', '431225']);
    const many = Array.from({ length: 80 }, (_, i) => String(430000 + i)).join('~');
    expect(parseState(new URLSearchParams(`regions=${many}`)).regions).toHaveLength(50);
    expect(parseState(new URLSearchParams(`regions=${'长'.repeat(61)}~431225`)).regions).toEqual(['431225']);
  });

  it('spans the trend years', () => {
    expect(trendYears(null, [2024, 2019, 2020])).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
    expect(trendYears({ from: 2020, to: 2022 }, [2019, 2024])).toEqual([2020, 2021, 2022]);
    expect(trendYears(null, [])).toEqual([]);
  });
});

describe('default year', () => {
  it('is the latest year in which most regions with tables have them', () => {
    const counts = [
      { year: 2022, regions: 100, withTables: 95 },
      { year: 2023, regions: 100, withTables: 90 },
      { year: 2024, regions: 60, withTables: 55 },
      { year: 2025, regions: 10, withTables: 8 },
    ];
    expect(defaultYear(counts, 100)).toBe(2024);
  });

  it('falls back to the year with most tables (latest of equals), then to the latest year', () => {
    expect(defaultYear([{ year: 2020, regions: 7, withTables: 1 }, { year: 2023, regions: 8, withTables: 1 }, { year: 2025, regions: 9, withTables: 0 }], 3)).toBe(2023);
    expect(defaultYear([{ year: 2020, regions: 3, withTables: 2 }, { year: 2023, regions: 8, withTables: 1 }], 5)).toBe(2020);
    expect(defaultYear([{ year: 2021, regions: 2, withTables: 0 }, { year: 2022, regions: 1, withTables: 0 }], 0)).toBe(2022);
    expect(defaultYear([], 0)).toBeNull();
  });

  it('for one region, is its latest year with tables', () => {
    expect(defaultYear([{ year: 2020, regions: 1, withTables: 1 }, { year: 2021, regions: 1, withTables: 0 }], 1)).toBe(2020);
  });
});

describe('year-over-year arithmetic', () => {
  it('gives absolute and relative change for counts', () => {
    expect(compareYears(2954, 1226, 'count')).toEqual({ change: 1728, changePct: 1728 / 1226, direction: 'up' });
    expect(compareYears(90, 100, 'count')).toEqual({ change: -10, changePct: -0.1, direction: 'down' });
    expect(compareYears(5, 5, 'count')).toEqual({ change: 0, changePct: 0, direction: 'flat' });
  });

  it('is unknown when either year is missing, never a change from 0', () => {
    expect(compareYears(183, null, 'count')).toEqual({ change: null, changePct: null, direction: null });
    expect(compareYears(null, 183, 'count')).toEqual({ change: null, changePct: null, direction: null });
  });

  it('has no relative change from a zero year', () => {
    expect(compareYears(3, 0, 'count')).toEqual({ change: 3, changePct: null, direction: 'up' });
  });

  it('gives percentage points for ratios', () => {
    const c = compareYears(0.5, 0.45, 'ratio');
    expect(c.change).toBeCloseTo(0.05);
    expect(c.changePct).toBeNull();
    expect(c.direction).toBe('up');
  });

  it('converts the shared queries’ changes (percent) into fractions', () => {
    expect(fromQueryChange({ change: 1728, changePct: 140.946 }, 'count')).toEqual({ change: 1728, changePct: 1.40946, direction: 'up' });
    const r = fromQueryChange({ change: -2.5, changePct: -3 }, 'ratio');
    expect(r.change).toBeCloseTo(-0.025);
    expect(r).toMatchObject({ changePct: null, direction: 'down' });
    expect(fromQueryChange(null, 'count').direction).toBeNull();
    expect(fromQueryChange({ change: null, changePct: null }, 'count').change).toBeNull();
  });

  it('flags a change between years that add up different numbers of reports', () => {
    const k = kpi('applications', '本年新收申请', 'count', '件', { value: 300, reports: 3 }, { value: 183, reports: 1 });
    expect(k).toMatchObject({ value: 300, previous: 183, change: 117, basisChanged: true, reports: 3, previousReports: 1 });
    expect(kpi('a', 'a', 'count', '件', { value: 300, reports: 2 }, { value: 200, reports: 2 }).basisChanged).toBe(false);
    // a partial report: the figure is missing this year, so nothing is compared
    expect(kpi('a', 'a', 'count', '件', { value: null, reports: 0 }, { value: 200, reports: 2 })).toMatchObject({ value: null, change: null, basisChanged: false });
    expect(kpi('a', 'a', 'count', '件', undefined, undefined)).toMatchObject({ value: null, previous: null, reports: 0 });
  });
});

describe('ratio arithmetic', () => {
  it('divides summed counts, and refuses zero or missing denominators', () => {
    expect(fraction(7346, 7352)).toBeCloseTo(0.99918, 5);
    expect(fraction(4, 0)).toBeNull();
    expect(fraction(0, 0)).toBeNull();
    expect(fraction(null, 5)).toBeNull();
    expect(fraction(5, null)).toBeNull();
    expect(fraction(0, 5)).toBe(0);
  });

  it('adds only stated values', () => {
    expect(sumStated([1, null, 2])).toBe(3);
    expect(sumStated([null, undefined])).toBeNull();
    expect(sumStated([0, null])).toBe(0);
    expect(percentToFraction(99.92)).toBeCloseTo(0.9992);
    expect(percentToFraction(null)).toBeNull();
  });
});

describe('exclusions by template version', () => {
  it('tells reports without tables from tables of the other version', () => {
    const metric = metricById('proactive.normativeDocuments.issued'); // 2021 only
    const e = explainExclusions(metric, [{ template: '2021' }, { template: '2019', reports: 3 }, { template: null, reports: 2 }, { template: 'pre2019' }]);
    expect(e).toEqual({ noTables: 2, otherVersion: { '2019': 3, pre2019: 1 } });
    expect(exclusionText(e)).toBe('未计入：2 份报告只有正文、没有统计表；3 份报告使用2019年版表格，此项定义不同；1 份报告使用2019年以前表格，此项定义不同。');
  });

  it('leaves nothing out for prose metrics, and only prose reports for metrics of both versions', () => {
    expect(explainExclusions(metricById('activity.publishedItems'), [{ template: null }, { template: '2019' }])).toEqual({ noTables: 0, otherVersion: {} });
    const both = explainExclusions(metricById('applications.newReceived'), [{ template: null }, { template: '2019' }, { template: '2021' }]);
    expect(both).toEqual({ noTables: 1, otherVersion: {} });
    expect(exclusionText({ noTables: 0, otherVersion: {} })).toBeNull();
  });
});

describe('labels and links', () => {
  it('groups every metric once', () => {
    const ids = metricGroups().flatMap((g) => g.metrics.map((m) => m.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('activity.publishedItems');
  });

  it('links regions by code, else by name, and reports by id', () => {
    expect(regionHref({ code: '431225', name: '会同县' })).toBe('/regions/431225');
    expect(regionHref({ code: null, name: '洪江区' })).toBe(`/regions/${encodeURIComponent('洪江区')}`);
    expect(regionToken({ code: null, name: '洪江区' })).toBe('洪江区');
    expect(reportHref(7)).toBe('/reports/7');
  });
});
