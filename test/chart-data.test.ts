// Chart and data exports: the strict reading of their URLs (every bad parameter named in a 400
// message), the tables behind each chart, and the loader on a small PGlite database: regions by
// code or name, namesakes and unknown places refused, levels never added together, images that
// carry their title, regions, years, sources and date.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ChartRequestError, loadChart } from '../db/queries/chart-data';
import { chartModelSvg } from '../lib/chart-data/image';
import { chartHref, parseChartRequest, type ChartRequest } from '../lib/chart-data/request';
import { toCsv } from '../lib/export/csv';
import type { Report } from '../lib/report/contract';
import { pgliteWithReports } from './support/store';

const huitong = JSON.parse(readFileSync(new URL('./fixtures/huitong-2020.report.json', import.meta.url), 'utf8')) as Report;

const parse = (file: string, query: string) => parseChartRequest(file, new URLSearchParams(query));
const errorOf = (file: string, query: string) => {
  const r = parse(file, query);
  return r.ok ? null : r.error;
};

describe('chart request', () => {
  it('reads a chart, its format and its parameters', () => {
    expect(parse('outcomes.png', 'regions=431225~会同县、洪江市&years=2019..2024&scope=government')).toEqual({
      ok: true,
      value: { chart: 'outcomes', format: 'png', regions: ['431225', '会同县', '洪江市'], years: { from: 2019, to: 2024 }, scope: 'government', metric: null, year: null },
    });
    expect(parse('ranking.csv', 'regions=431225&metric=applications.newReceived&year=2023')).toMatchObject({ ok: true, value: { metric: 'applications.newReceived', year: 2023, years: null } });
  });

  it('names what is wrong, never guesses', () => {
    expect(errorOf('nope.png', 'regions=1')).toMatch(/^未知的图表“nope”/u);
    expect(errorOf('outcomes.gif', 'regions=1')).toMatch(/^未知的格式“gif”/u);
    expect(errorOf('outcomes', 'regions=1')).toMatch(/名称\.格式/u);
    expect(errorOf('outcomes.png', '')).toMatch(/^缺少 regions 参数/u);
    expect(errorOf('outcomes.png', 'regions=a~~b')).toMatch(/有空的地区/u);
    expect(errorOf('outcomes.png', `regions=${Array.from({ length: 13 }, (_, i) => 430000 + i).join('~')}`)).toMatch(/最多 12 个地区/u);
    expect(errorOf('outcomes.png', 'regions=1&years=1800..2020')).toMatch(/^years 应为 2000 到 2100/u);
    expect(errorOf('outcomes.png', 'regions=1&years=2024..2019')).toMatch(/^years/u);
    expect(errorOf('outcomes.png', 'regions=1&years=2000..2030')).toMatch(/最多跨 20 年/u);
    expect(errorOf('outcomes.png', 'regions=1&scope=everything')).toMatch(/未知的 scope/u);
    expect(errorOf('trend.png', 'regions=1')).toMatch(/需要 metric 参数/u);
    expect(errorOf('trend.png', 'regions=1&metric=drop.table')).toMatch(/未知的 metric/u);
    expect(errorOf('ranking.png', 'regions=1&metric=applications.total&year=20x')).toMatch(/^year 应为/u);
  });

  it('writes the address of the same view back', () => {
    const r = parse('trend.svg', 'regions=431225~320813&years=2020..2023&metric=hotline.resolvedRate');
    expect(r.ok).toBe(true);
    const href = chartHref('trend', 'csv', (r as { value: ChartRequest }).value);
    expect(href).toBe('/api/charts/trend.csv?regions=431225%7E320813&years=2020..2023&metric=hotline.resolvedRate');
    const again = parseChartRequest('trend.csv', new URL(href, 'http://x').searchParams);
    expect(again).toMatchObject({ ok: true, value: { regions: ['431225', '320813'], years: { from: 2020, to: 2023 } } });
  });
});

describe('chart data (PGlite)', () => {
  const database = pgliteWithReports([
    { name: 'huitong-2020', report: huitong, url: 'http://www.huitong.gov.cn/2020.html' },
    { name: 'huitong-2021', report: { ...huitong, year: 2021, activity: { ...huitong.activity, publishedItems: 2000 } }, url: 'http://mirror.example.com/2021.html' },
    { name: 'hongjiang-2020', report: { ...huitong, region: { ...huitong.region, name: '洪江市' }, issuer: '洪江市人民政府' }, url: null },
    { name: 'huaihua-2020', report: { ...huitong, region: { ...huitong.region, name: '怀化市' }, issuer: '怀化市人民政府' }, url: null },
  ]);

  const load = (file: string, query: string) => {
    const r = parse(file, query);
    if (!r.ok) throw new Error(r.error);
    return loadChart(database().db, r.value);
  };

  it('adds two counties up, year by year, with the reports they come from', async () => {
    const data = await load('outcomes.csv', 'regions=431225~洪江市');
    expect(data.years).toEqual([2020, 2021]);
    expect(data.regions.map((r) => r.name)).toEqual(['会同县', '洪江市']);
    const [table, sources] = data.model.tables;
    expect(table.columns).toEqual(['年度', '报告数', '本年新收申请', '予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理', '办理结果合计']);
    expect(table.rows[0]).toEqual([2020, 2, 366, 8, 0, 6, 8, 344, 0, 366]);
    expect(table.rows[1][0]).toBe(2021);
    expect(table.rows[1][1]).toBe(1);
    // the mirror is never given as the source's address; the government's own page is
    expect(sources.rows).toEqual([
      ['会同县', '431225', 2020, '会同县人民政府2020年政府信息公开工作年度报告', 'http://www.huitong.gov.cn/2020.html'],
      ['会同县', '431225', 2021, '会同县人民政府2021年政府信息公开工作年度报告', null],
      ['洪江市', '431281', 2020, '洪江市人民政府2020年政府信息公开工作年度报告', null],
    ]);
    const csv = toCsv(table);
    expect(csv.startsWith('\uFEFF年度,报告数,本年新收申请')).toBe(true);
  });

  it('never adds a city to counties, and refuses unknown and ambiguous places', async () => {
    await expect(load('outcomes.png', 'regions=431225~431200')).rejects.toThrow(/只能相加同一层级的地区.*怀化市（市级）/u);
    await expect(load('outcomes.png', 'regions=不存在的县')).rejects.toBeInstanceOf(ChartRequestError);
    await expect(load('outcomes.png', 'regions=鼓楼区')).rejects.toThrow(/有 4 个同名地区，请改用区划代码：.*350102（福建省福州市鼓楼区）/u);
    // a trend draws one line per region, so levels may be mixed there
    const trend = await load('trend.csv', 'regions=431225~431200&metric=activity.publishedItems&years=2020..2021');
    expect(trend.model.tables[0].rows).toEqual([
      ['会同县', '431225', 2020, 1226, '条', 1],
      ['会同县', '431225', 2021, 2000, '条', 1],
      ['怀化市', '431200', 2020, 1226, '条', 1],
      ['怀化市', '431200', 2021, null, '条', 0],
    ]);
  });

  it('ranks the regions in a year: the latest by default, or the one asked for', async () => {
    const latest = await load('ranking.csv', 'regions=431225~431281&metric=applications.newReceived');
    expect(latest.years).toEqual([2021]);
    expect(latest.model.title).toBe('2021年本年新收政府信息公开申请排名');
    expect(latest.model.tables[0].rows.map((r) => r.slice(0, 2))).toEqual([[1, '会同县']]);
    const asked = await load('ranking.csv', 'regions=431225~431281&metric=applications.newReceived&year=2020');
    expect(asked.model.tables[0].rows.map((r) => r.slice(0, 2))).toEqual([
      [1, '会同县'],
      [1, '洪江市'],
    ]);
  });

  it('draws an image that says what it shows, where from and when', async () => {
    const data = await load('outcomes.svg', 'regions=431225&years=2020..2021');
    const svg = chartModelSvg(
      data.model,
      { title: data.model.title, regions: ['会同县'], years: data.years, sources: data.reports.map((r) => r.title), exportedAt: new Date('2026-11-29T17:00:00Z') },
      { width: 1600, height: 900 },
    );
    expect(svg).toMatch(/^<svg [^>]*width="1600" height="900"/u);
    expect(svg).toContain('依申请公开：收到的申请和办理结果');
    expect(svg).toContain('会同县 · 2020—2021年');
    expect(svg).toContain('来源：会同县人民政府2020年政府信息公开工作年度报告；会同县人民政府2021年政府信息公开工作年度报告');
    expect(svg).toContain('导出于 2026年11月30日');
    expect(svg).toContain('ecmeta_ssr_type="chart"');
  });
});
