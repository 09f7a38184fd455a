// The data-quality page's pure parts (lib/quality/): URL state and form submissions, pages,
// cell anchors of failures, how a coverage cell reads, the province/city grouping; and the
// paged coverage query (db/queries/coverage.ts coveragePage) on a real database, page by page
// against the whole matrix.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { ingestFile } from '../db/ingest';
import { coverage, coveragePage, coverageYears, withinOptions, type CoverageRow } from '../db/queries/coverage';
import { selectRows } from '../db/sql';
import { failureAnchor, failurePath, figureAnchor } from '../lib/quality/cell-anchor';
import { cellDescription, cellLabel, expectedOf } from '../lib/quality/coverage-view';
import { formSubmission } from '../lib/quality/form';
import { pageSummary, pageWindow } from '../lib/quality/paging';
import { groupPlaces } from '../lib/quality/places';
import { DEFAULT_QUALITY_STATE, MAX_QUALITY_REGIONS, parseQualityState, qualityHref, regionTokens, serializeQualityState, shownYears, withChange } from '../lib/quality/url-state';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from './support/databases';
import { reportFile, SPECS } from './support/query-dataset';

describe('quality URL state', () => {
  it('names several regions in one value, as the compare page links them or a clerk types them', () => {
    expect(regionTokens('431225~洪泽区~431225')).toEqual(['431225', '洪泽区']);
    expect(regionTokens(' 会同县、洪泽区，溆浦县, ')).toEqual(['会同县', '洪泽区', '溆浦县']);
    expect(regionTokens(null)).toEqual([]);
    expect(regionTokens(Array.from({ length: 20 }, (_, i) => `地区${i}`).join('~'))).toHaveLength(MAX_QUALITY_REGIONS);
    expect(parseQualityState(new URLSearchParams('region=431225~431202~431226')).region).toBe('431225~431202~431226');
  });

  it('reads every key and writes it back, defaults left out', () => {
    const query = 'scope=government&level=city&within=431200&region=会同县&years=2019..2024&page=3&check=applications.balance&severity=hard&fpage=2';
    const state = parseQualityState(new URLSearchParams(query));
    expect(state).toEqual({
      scope: 'government',
      level: 'city',
      within: '431200',
      region: '会同县',
      years: { from: 2019, to: 2024 },
      page: 3,
      check: 'applications.balance',
      severity: 'hard',
      fpage: 2,
    });
    expect(parseQualityState(new URLSearchParams(serializeQualityState(state)))).toEqual(state);
    expect(serializeQualityState(DEFAULT_QUALITY_STATE)).toBe('');
    expect(qualityHref(DEFAULT_QUALITY_STATE, 'failures')).toBe('/quality#failures');
  });

  it('ignores what it cannot read', () => {
    const state = parseQualityState({ scope: 'all', level: 'planet', within: '4312', years: '2024..2019', page: '-2', check: 'x; drop', severity: 'medium', fpage: 'abc' });
    expect(state).toEqual(DEFAULT_QUALITY_STATE);
  });

  it('starts both lists again at page one when the selection changes, only the failures when their filter does', () => {
    const paged = { ...DEFAULT_QUALITY_STATE, page: 4, fpage: 3 };
    expect(withChange(paged, { scope: 'government' })).toMatchObject({ page: 1, fpage: 1 });
    expect(withChange(paged, { check: 'prose.appeals' })).toMatchObject({ page: 4, fpage: 1 });
    expect(withChange(paged, { page: 5 })).toMatchObject({ page: 5, fpage: 3 });
  });

  it('shows the years asked for, else every year with reports, at most twelve', () => {
    expect(shownYears(null, [2021, 2019, 2023])).toEqual([2019, 2020, 2021, 2022, 2023]);
    expect(shownYears({ from: 2020, to: 2021 }, [2019, 2023])).toEqual([2020, 2021]);
    expect(shownYears(null, [])).toEqual([]);
    expect(shownYears({ from: 2000, to: 2030 }, [])).toHaveLength(12);
  });

  it('sends a submitted form to its canonical address', () => {
    expect(formSubmission({ scope: 'jurisdiction', level: 'county' })).toBeNull();
    const submitted = formSubmission({ scope: 'jurisdiction', level: 'city', within: '', region: '', yearsFrom: '2024', yearsTo: '2020' });
    expect(submitted).toMatchObject({ level: 'city', within: null, region: null, years: { from: 2020, to: 2024 } });
    expect(qualityHref(submitted!)).toBe('/quality?level=city&years=2020..2024');
  });
});

describe('pages', () => {
  it('holds the rows of a page, clamped to the last page', () => {
    expect(pageWindow(250, 2, 100)).toEqual({ page: 2, pages: 3, offset: 100, limit: 100, total: 250, from: 101, to: 200 });
    expect(pageWindow(250, 9, 100)).toMatchObject({ page: 3, offset: 200, from: 201, to: 250 });
    expect(pageWindow(0, 1, 100)).toMatchObject({ page: 1, pages: 1, from: 0, to: 0 });
  });

  it('says how many there are and which are shown', () => {
    expect(pageSummary(pageWindow(2834, 2, 100), '个', '地区')).toBe('共 2,834 个地区，列出第 101–200 个（第 2 / 29 页）');
    expect(pageSummary(pageWindow(12, 1, 100), '个', '地区')).toBe('共 12 个地区，全部列出');
  });
});

describe('cell anchors', () => {
  it('turn a contract path into an id', () => {
    expect(figureAnchor('applications.total[6]')).toBe('f-applications-total-6');
    expect(figureAnchor('applications.denied.stateSecret[0]')).toBe('f-applications-denied-stateSecret-0');
    expect(figureAnchor('proactive.regulations.issued')).toBe('f-proactive-regulations-issued');
  });

  it('find the cell a failure names in each table, or fall back to its table', () => {
    expect(failurePath({ table: '三', row: 'total', column: '总计' })).toBe('applications.total[6]');
    expect(failurePath({ table: '三', row: 'carriedOver', column: '自然人' })).toBe('applications.carriedOver[0]');
    expect(failurePath({ table: '四', row: 'review', column: '总计' })).toBe('appeals.review[4]');
    expect(failurePath({ table: '二', row: 'normativeDocuments', column: '现行有效件数' })).toBe('proactive.normativeDocuments.inForce');
    expect(failurePath({ table: '二', row: 'regulations', column: '本年新制作数量' })).toBe('proactive.regulations.newlyMade');
    expect(failurePath({ table: '正文', row: 'applications.received', column: '总计' })).toBe('activity.applications.received');
    expect(failureAnchor({ table: '四', row: 'review', column: '总计' })).toBe('f-appeals-review-4');
    expect(failureAnchor({ table: '四', row: '行政诉讼（两类合计）', column: '总计' })).toBe('t4');
    expect(failureAnchor({ table: '正文', row: '12345热线', column: '办结率' })).toBe('prose');
    expect(failureAnchor({ table: '三', row: 'total', column: '不存在' })).toBe('t3');
  });
});

describe('coverage cells', () => {
  it('read as words beside their symbol, never as colour alone', () => {
    expect(cellLabel({ status: 'complete' })).toBe('完整');
    expect(cellLabel({ status: 'partial', completeness: 'prose' })).toBe('仅正文');
    expect(cellLabel({ status: 'partial', completeness: 'tables' })).toBe('仅表格');
    expect(cellLabel({ status: 'failed', failedChecks: 2 })).toBe('未通过 2');
    expect(cellLabel({ status: 'missing' })).toBe('缺失');
    expect(cellDescription('洪泽区', { year: 2023, status: 'failed', failedChecks: 2 })).toBe('洪泽区2023年：2项勾稽关系不成立');
    expect(cellDescription('会同县', { year: 2021, status: 'partial', completeness: 'prose' })).toBe('会同县2021年：仅正文');
    expect(cellDescription('沅陵县', { year: 2020, status: 'missing' })).toBe('沅陵县2020年：缺失，没有报告');
    expect(expectedOf({ year: 2020, complete: 1, partial: 2, failed: 3, missing: 4, tablesOnly: 2, proseOnly: 0 })).toBe(10);
  });

  it('group cities under their province, by code', () => {
    const groups = groupPlaces([
      { code: '431200', name: '怀化市', level: 'city' },
      { code: '320000', name: '江苏省', level: 'province' },
      { code: '430000', name: '湖南省', level: 'province' },
      { code: '320800', name: '淮安市', level: 'city' },
      { code: '350100', name: '福州市', level: 'city' },
    ]);
    expect(groups.map((g) => [g.label, g.cities.map((c) => c.name)])).toEqual([
      ['江苏省', ['淮安市']],
      ['35', ['福州市']],
      ['湖南省', ['怀化市']],
    ]);
  });
});

describeEachDatabase('coverage, page by page', (kind) => {
  let target: TestDatabase;
  let database: Database;
  const ids: Record<string, number> = {};
  const YEARS = [2020, 2021, 2022];
  const statuses = (rows: CoverageRow[]) => rows.map((r) => [r.name, r.cells.map((c) => c.status)]);

  beforeAll(async () => {
    target = await createTestDatabase(kind);
    database = await target.open();
    for (const spec of SPECS) {
      const file = reportFile(spec);
      await ingestFile(database.db, { name: file.name, bytes: file.bytes, url: null });
    }
    const rows = await selectRows<{ id: number; code: string }>(database.db, sql`select id, code from regions where code is not null`);
    const byCode = new Map(rows.map((r) => [r.code, Number(r.id)]));
    Object.assign(ids, { huitong: byCode.get('431225'), huaihua: byCode.get('431200'), hunan: byCode.get('430000') });
  }, 120_000);

  afterAll(async () => {
    await database?.close();
    await target?.drop();
  });

  it('pages through every county of a city, listed ones without reports included, as the whole matrix has them', async () => {
    const db = database.db;
    const whole = await coverage(db, { within: { regionId: ids.huaihua, level: 'county' }, years: YEARS });
    const pages: CoverageRow[] = [];
    for (let offset = 0; offset < 20; offset += 5) {
      const page = await coveragePage(db, { within: { regionId: ids.huaihua, level: 'county' }, years: YEARS, rows: 'expected', limit: 5, offset });
      expect(page.total).toBe(13);
      pages.push(...page.rows);
    }
    expect(statuses(pages)).toEqual(statuses(whole.rows));
    expect(pages.find((r) => r.name === '会同县')!.cells[1]).toMatchObject({ status: 'failed', failedChecks: 1, reportId: expect.any(Number) });
    expect(pages.find((r) => r.name === '沅陵县')).toMatchObject({ regionId: null, code: '431222' });
  });

  it('lists only the regions with reports when asked, nationwide', async () => {
    const page = await coveragePage(database.db, { within: { level: 'county' }, years: YEARS, rows: 'reported', limit: 2, offset: 0 });
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => r.name)).toEqual(['岳麓区', '会同县']);
    const rest = await coveragePage(database.db, { within: { level: 'county' }, years: YEARS, rows: 'reported', limit: 2, offset: 2 });
    expect(statuses(rest.rows)).toEqual([['芷江侗族自治县', ['complete', 'complete', 'failed']]]);
  });

  it('covers one region asked for, and reads the years and places to choose from', async () => {
    const page = await coveragePage(database.db, { regionIds: [ids.huitong], years: YEARS, rows: 'reported', limit: 100, offset: 0 });
    expect(statuses(page.rows)).toEqual([['会同县', ['complete', 'failed', 'partial']]]);
    expect(await coverageYears(database.db, 'jurisdiction')).toEqual(YEARS);
    const places = await withinOptions(database.db);
    expect(places.map((p) => p.name)).toEqual(expect.arrayContaining(['湖南省', '怀化市', '长沙市']));
    expect(places.every((p) => p.level === 'province' || p.level === 'city')).toBe(true);
  });
});
