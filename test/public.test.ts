// The public pages' pure parts (official links, report titles, plain sentences, headline
// figures, charts and their tables) and the whole model of a region read from a small PGlite
// database: 会同县 with 2020 and 2022 reports, 2021 missing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AppealFigures } from '../db/queries/appeals';
import type { ChannelFigures } from '../db/queries/channels';
import { lookupRegion, regionUpdatedAt } from '../db/queries/region';
import { loadRegionPage } from '../db/queries/region-page';
import { renderSvg } from '../lib/charts/ssr';
import { publicCharts, type PublicChartInput } from '../lib/public/charts';
import { publicRegionHref } from '../lib/public/href';
import { keyFigures } from '../lib/public/key-figures';
import { publicRegionModel } from '../lib/public/model';
import { appealsSentence, applicationsSentence, countChange, hotlineSentence, proactiveSentence, rateChange } from '../lib/public/sentences';
import { officialUrl, reportSource, reportTitle } from '../lib/public/sources';
import { dominantCauses } from '../lib/region/dominant-cause';
import type { YoyTableSection } from '../lib/region/yoy';
import type { Report } from '../lib/report/contract';
import { pgliteWithReports } from './support/store';

const huitong = JSON.parse(readFileSync(new URL('./fixtures/huitong-2020.report.json', import.meta.url), 'utf8')) as Report;

describe('sources', () => {
  it('links only government sites', () => {
    expect(officialUrl('http://www.baokang.gov.cn/xxgk/a.shtml')).toBe('http://www.baokang.gov.cn/xxgk/a.shtml');
    expect(officialUrl('http://admin.yzcity.gov.cn:8888/jiangyong/gknb/a.shtml')).toBe('http://admin.yzcity.gov.cn:8888/jiangyong/gknb/a.shtml');
    expect(officialUrl('https://cliffordsjerseys.com/huaihua/c131565/a.html')).toBeNull();
    expect(officialUrl('https://github.com/x/y')).toBeNull();
    expect(officialUrl('http://gov.cn.example.com/a')).toBeNull();
    expect(officialUrl('http://example.com/?u=www.gov.cn')).toBeNull();
    expect(officialUrl('javascript:alert(1)//.gov.cn')).toBeNull();
    expect(officialUrl('not a url')).toBeNull();
    expect(officialUrl(null)).toBeNull();
  });

  it('names a report by its issuer, else its region, and says when only a mirror is known', () => {
    expect(reportTitle('会同县', '会同县人民政府', 2020)).toBe('会同县人民政府2020年政府信息公开工作年度报告');
    expect(reportTitle('会同县', null, 2021)).toBe('会同县2021年政府信息公开工作年度报告');
    expect(reportSource({ id: 1, year: 2021, issuer: null, url: 'http://edeking.cn/huaihua/a.shtml' }, '会同县')).toMatchObject({ href: null, mirrorOnly: true });
    expect(reportSource({ id: 2, year: 2020, issuer: null, url: null }, '会同县')).toMatchObject({ href: null, mirrorOnly: false });
  });

  it('addresses a region by code, else by r<id>', () => {
    expect(publicRegionHref({ id: 3, code: '431225', name: '会同县' })).toBe('/public/431225');
    expect(publicRegionHref({ id: 7, code: null, name: '县财政局' })).toBe('/public/r7');
  });
});

describe('plain sentences', () => {
  it('says what dominated 会同县 2020 (the issue’s example)', () => {
    const [cause] = dominantCauses(huitong.applications);
    const outcomes = { reports: 1, counts: { granted: 4, partiallyGranted: 0, denied: 3, unavailable: 4, notProcessed: 172, other: 0 }, total: 183, printedTotal: 183, shares: {} as never };
    expect(applicationsSentence(2020, 183, outcomes, cause)).toBe('2020年共收到申请183件，其中172件因“无正当理由大量反复申请”不予处理。');
    // handled more than received (some carried over): the cause is told against what was handled
    expect(applicationsSentence(2020, 150, outcomes, cause)).toBe('2020年共收到申请150件；办理的183件申请中，172件因“无正当理由大量反复申请”不予处理。');
  });

  it('without a dominant cause, gives what was disclosed and its share', () => {
    const outcomes = { reports: 1, counts: { granted: 30, partiallyGranted: 10, denied: 5, unavailable: 5, notProcessed: 0, other: 0 }, total: 50, printedTotal: 50, shares: {} as never };
    expect(applicationsSentence(2023, 52, outcomes)).toBe('2023年共收到申请52件；办理结果中予以公开30件、部分公开10件，占办理总数的80%。');
    expect(applicationsSentence(2023, null, undefined)).toBe('2023年的报告没有可提取的申请办理统计。');
    // a blank 予以公开 cell: no share is given rather than one counted from 0
    expect(applicationsSentence(2023, 52, { ...outcomes, counts: { ...outcomes.counts, granted: null } })).toBe('2023年共收到申请52件。');
  });

  it('gives changes from the year before in plain words', () => {
    expect(countChange(120, 100, '条')).toBe('，比上年增加20条（+20%）');
    expect(countChange(80, 100, '条')).toBe('，比上年减少20条（−20%）');
    expect(countChange(80, 80, '条')).toBe('，与上年持平');
    expect(countChange(80, null, '条')).toBe('');
    expect(rateChange(99.5, 98.25)).toBe('，比上年提高1.3个百分点');
    expect(rateChange(97, 98)).toBe('，比上年降低1个百分点');
    expect(proactiveSentence(2021, 2954, 1226)).toBe('2021年主动公开政府信息2,954条，比上年增加1,728条（+140.9%）。');
    expect(proactiveSentence(2021, null)).toBe('2021年的报告没有载明主动公开信息的条数。');
  });

  it('describes the hotline, saying what the report leaves out', () => {
    const hotline = (over: Partial<ChannelFigures>): ChannelFigures => ({ reports: 1, channels: 1, received: 7352, resolved: 7346, receivedWithResolved: 7352, resolvedRate: 99.92, receivedWithSatisfaction: null, satisfactionRate: null, ...over });
    expect(hotlineSentence(2020, hotline({}), 99.5)).toBe('2020年政务热线受理7,352件，办结率99.9%，比上年提高0.4个百分点。');
    expect(hotlineSentence(2020, hotline({ resolvedRate: null }))).toBe('2020年政务热线受理7,352件，报告没有载明办结率。');
    expect(hotlineSentence(2020, undefined)).toBe('2020年的报告没有载明政务热线的数字。');
  });

  it('describes reviews and lawsuits, zero included', () => {
    const outcome = (total: number, corrected: number) => ({ upheld: total - corrected, corrected, other: 0, pending: 0, total, correctedRate: null });
    const appeals = (review: number, lit: number, corrected = 0): AppealFigures => ({ reports: 1, review: outcome(review, corrected), litigationDirect: outcome(lit, 0), litigationAfterReview: outcome(0, 0), litigation: outcome(lit, 0) });
    expect(appealsSentence(2023, appeals(0, 0))).toBe('2023年没有因政府信息公开引起的行政复议和行政诉讼。');
    expect(appealsSentence(2023, appeals(11, 2, 1))).toBe('2023年因政府信息公开被申请行政复议11件、被提起行政诉讼2件，其中结果被纠正1件。');
    expect(appealsSentence(2023, appeals(3, 0))).toBe('2023年因政府信息公开被申请行政复议3件、被提起行政诉讼0件，没有结果被纠正的。');
    expect(appealsSentence(2023, undefined)).toBe('2023年的报告没有载明行政复议、行政诉讼的数字。');
    // a total not stated is said to be missing, never taken for 0
    const partial = { ...appeals(0, 2), review: { ...outcome(0, 0), total: null, corrected: null } } as unknown as AppealFigures;
    expect(appealsSentence(2023, partial)).toBe('2023年因政府信息公开行政复议数未载明、被提起行政诉讼2件，没有结果被纠正的。');
    const unknownCorrected = { ...appeals(3, 0), review: { ...outcome(3, 0), corrected: null } } as unknown as AppealFigures;
    expect(appealsSentence(2023, unknownCorrected)).toBe('2023年因政府信息公开被申请行政复议3件、被提起行政诉讼0件。');
  });
});

describe('headline figures', () => {
  const cell = (year: number, value: number | null, change: number | null = null) => ({ year, status: value === null ? ('unstated' as const) : ('value' as const), value, change, changePct: change === null ? null : 10 });
  const sections: YoyTableSection[] = [
    { title: '主动公开', rows: [{ id: 'activity.publishedItems', label: '主动公开信息', kind: 'count', unit: '条', definedBy: 'prose', cells: [cell(2020, 100), cell(2021, 110, 10)] }] },
    { title: '依申请公开', rows: [{ id: 'applications.newReceived', label: '本年新收', kind: 'count', unit: '件', definedBy: ['2019', '2021'], cells: [cell(2020, 183), cell(2021, null)] }] },
  ];

  it('gives the latest year with its change, and the last year that stated a figure the latest leaves out', () => {
    const figures = keyFigures(sections, [2020, 2021], 2021);
    expect(figures.map((f) => f.metric)).toEqual(['activity.publishedItems', 'applications.newReceived', 'applications.disclosedRate', 'hotline.resolvedRate', 'appeals.review.total', 'appeals.litigation.total']);
    expect(figures[0]).toMatchObject({ value: 110, change: 10, direction: 'up', previousYear: 2020, lastStated: null });
    expect(figures[1]).toMatchObject({ value: null, change: null, lastStated: { year: 2020, value: 183 } });
    expect(figures[3]).toMatchObject({ value: null, status: 'absent', lastStated: null, kind: 'ratio' });
  });

  it('gives no change across a missing year', () => {
    const gap: YoyTableSection[] = [{ title: '主动公开', rows: [{ ...sections[0].rows[0], cells: [cell(2019, 100), cell(2021, 110, 10)] }] }];
    expect(keyFigures(gap, [2019, 2021], 2021)[0]).toMatchObject({ value: 110, change: null, previousYear: null });
  });
});

describe('public charts', () => {
  const source = (year: number) => reportSource({ id: year, year, issuer: null, url: `http://www.example.gov.cn/${year}.html` }, '某县');
  const input = (over: Partial<PublicChartInput> = {}): PublicChartInput => ({
    years: [2020, 2021, 2022],
    sources: new Map([2020, 2022].map((y) => [y, source(y)])),
    publishedItems: new Map([[2020, 100], [2022, 150]]),
    received: new Map(),
    outcomes: new Map(),
    hotline: new Map(),
    appeals: new Map(),
    causes: new Map(),
    ...over,
  });

  it('shows a year without a report as 无报告, never as 0, and names each year’s report', () => {
    const proactive = publicCharts(input()).find((c) => c.id === 'proactive')!;
    expect(proactive.table.years).toEqual([2020, 2021, 2022]);
    expect(proactive.table.rows).toEqual([{ label: '主动公开信息（条）', cells: ['100', '无报告', '150'] }]);
    expect(proactive.table.sources.map((s) => s?.href ?? null)).toEqual(['http://www.example.gov.cn/2020.html', null, 'http://www.example.gov.cn/2022.html']);
    expect(proactive.points!.series[0].values).toEqual([100, null, 150]);
    expect(proactive.sentence).toBe('2022年主动公开政府信息150条。');
  });

  it('draws nothing where nothing is stated, and says so', () => {
    const charts = publicCharts(input());
    const hotline = charts.find((c) => c.id === 'hotline')!;
    expect(hotline.option).toBeNull();
    expect(hotline.emptyText).toContain('没有载明');
    expect(hotline.table.rows[0].cells).toEqual(['未载明', '无报告', '未载明']);
    expect(charts.map((c) => c.id)).toEqual(['applications', 'hotline', 'appeals', 'proactive']);
  });

  it('draws the hotline rate with labelled points, as an SVG with decal patterns', () => {
    const hotline = new Map([[2020, { reports: 1, channels: 1, received: 100, resolved: 99, receivedWithResolved: 100, resolvedRate: 99, receivedWithSatisfaction: null, satisfactionRate: null }]]);
    const chart = publicCharts(input({ hotline })).find((c) => c.id === 'hotline')!;
    expect(chart.points).toEqual({ categories: ['2020', '2021', '2022'], series: [{ name: '办结率', unit: '%', values: [99, null, null] }] });
    const svg = renderSvg(chart.option!, { width: 420, height: chart.height });
    expect(svg).toMatch(/^<svg[^>]* viewBox="0 0 420 260"/);
    expect(svg).not.toMatch(/^<svg[^>]* width=/);
    expect(svg).toContain('99%');
    const proactive = publicCharts(input()).find((c) => c.id === 'proactive')!;
    expect(renderSvg(proactive.option!, { width: 420, height: 260 })).toContain('<pattern');
  });
});

describe('public region model (PGlite)', () => {
  const database = pgliteWithReports([
    { name: 'huitong-2020', report: huitong, url: null },
    { name: 'huitong-2022', report: { ...huitong, year: 2022, activity: { ...huitong.activity, publishedItems: 2000 } }, url: 'http://www.huitong.gov.cn/2022.html' },
  ]);

  it('reads 会同县: headline figures of 2022, the missing 2021, both reports as sources', async () => {
    const { db } = database();
    const found = await lookupRegion(db, '会同县');
    expect(found.kind).toBe('found');
    if (found.kind !== 'found') return;
    const data = await loadRegionPage(db, found.region, null);
    const updatedAt = await regionUpdatedAt(db, found.region.id!);
    expect(updatedAt).toBeInstanceOf(Date);
    const model = publicRegionModel(data, updatedAt);
    expect(model).toMatchObject({ name: '会同县', place: '湖南省 · 怀化市', code: '431225', latestYear: 2022, years: [2020, 2021, 2022], missingYears: [2021] });
    expect(model.sources.map((s) => [s.year, s.href])).toEqual([
      [2022, 'http://www.huitong.gov.cn/2022.html'],
      [2020, null],
    ]);
    const published = model.keyFigures.find((f) => f.metric === 'activity.publishedItems')!;
    expect(published).toMatchObject({ year: 2022, value: 2000, change: null });
    const applications = model.charts.find((c) => c.id === 'applications')!;
    expect(applications.sentence).toBe('2022年共收到申请183件，其中172件因“无正当理由大量反复申请”不予处理。');
    expect(applications.table.rows.find((r) => r.label === '不予处理')!.cells).toEqual(['172', '无报告', '172']);
    expect(model.updatedAt).toBe(updatedAt!.toISOString());
  });
});
