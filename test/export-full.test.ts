// The full export of every figure (db/queries/export.ts, app/api/export/figures.{csv,xlsx}) on
// a small database (PGlite, and PostgreSQL when NIANBAO_TEST_DATABASE_URL is set), opened as the
// app opens its own (db/server.ts) so that the route handlers read it: 会同县 over three years, a
// second version, another scope, one of its townships, a neighbouring county, a city and a
// district of Beijing. One row per figure of each
// current report and nothing else, in geographic then printed order, across batch boundaries;
// names from the regions table; only official URLs; filters; the CSV's bytes; the XLSX split at
// a small row limit and read back; the route handlers themselves, with their 400s; and a client
// that goes away stops the reading.
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getCsv } from '../app/api/export/figures.csv/route';
import { GET as getXlsx } from '../app/api/export/figures.xlsx/route';
import type { Db } from '../db/client';
import { ingestBundled } from '../db/ingest';
import { allFigureRows, exportReportIds, figureExportResponse, inPrintedOrder, type FigureFilter } from '../db/queries/export';
import { closeDatabase, getDatabase } from '../db/server';
import { selectRows } from '../db/sql';
import { contentDisposition } from '../lib/export/http';
import { TIDY_COLUMNS, tidyRows } from '../lib/export/tidy';
import type { Row } from '../lib/export/table';
import type { Report } from '../lib/report/contract';
import { APPEAL_GROUPS, APPLICATION_ROW_KEYS, PROACTIVE_ROWS } from '../lib/report/labels';

/** The database, counting the statements run through it (to see that reading stops). */
function countingQueries(db: Db): { counting: Db; queries: () => number } {
  let count = 0;
  const counting = new Proxy(db, {
    get(target, prop) {
      if (prop === 'execute') return (...args: Parameters<Db['execute']>) => (count++, target.execute(...args));
      const value = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { counting, queries: () => count };
}
import { createTestDatabase, describeEachDatabase, type TestDatabase } from './support/databases';

const huitong = JSON.parse(readFileSync(new URL('./fixtures/huitong-2020.report.json', import.meta.url), 'utf8')) as Report;

const MIRROR = 'https://cliffordsjerseys.com/huaihua/c131565/a.html';
const GOV = 'http://www.huitong.gov.cn/xxgk/2021/nb.html';
const GOV_ZHIJIANG = 'https://www.zhijiang.gov.cn/zwgk/nb2020.html';

/** The report with another count of items published (so that it is not a copy of another). */
function variant(base: Report, over: Partial<Report>, published: number): Report {
  return { ...base, ...over, activity: { ...base.activity, publishedItems: published } };
}

interface Stored {
  label: string;
  report: Report;
  url: string | null;
  /** the places the export must print: from the regions table */
  region: { name: string | null; city: string | null; province: string | null };
  /** the URL the export must print */
  exportedUrl: string | null;
}

const HUAIHUA = { city: '怀化市', province: '湖南省' };
const first2020 = variant(huitong, {}, 1000);
// the same identity with other figures: a new version, which replaces the first
const huitong2020 = variant(huitong, {}, 1226);
const STORED: Stored[] = [
  { label: 'huitong-2020', report: huitong2020, url: MIRROR, region: { name: '会同县', ...HUAIHUA }, exportedUrl: null },
  { label: 'huitong-2020-gov', report: variant(huitong, { scope: 'government' }, 500), url: null, region: { name: '会同县', ...HUAIHUA }, exportedUrl: null },
  { label: 'huitong-2021', report: variant(huitong, { year: 2021 }, 2954), url: GOV, region: { name: '会同县', ...HUAIHUA }, exportedUrl: GOV },
  // the parser's names are short or missing: the export prints the stored region's
  { label: 'huitong-2022', report: variant(huitong, { year: 2022, region: { name: '会同', city: null, province: null } }, 3100), url: null, region: { name: '会同县', ...HUAIHUA }, exportedUrl: null },
  {
    label: 'lincheng-2021',
    report: variant(huitong, { year: 2021, scope: 'township', issuer: '会同县林城镇人民政府' }, 12),
    url: null,
    region: { name: '会同县林城镇人民政府', ...HUAIHUA },
    exportedUrl: null,
  },
  {
    label: 'zhijiang-2020',
    report: variant(huitong, { region: { name: '芷江侗族自治县', city: '怀化市', province: '湖南省' }, issuer: '芷江侗族自治县人民政府' }, 800),
    url: GOV_ZHIJIANG,
    region: { name: '芷江侗族自治县', ...HUAIHUA },
    exportedUrl: GOV_ZHIJIANG,
  },
  {
    label: 'changsha-2020',
    report: variant(huitong, { region: { name: '长沙市', city: null, province: '湖南省' }, issuer: '长沙市人民政府' }, 9000),
    url: null,
    region: { name: '长沙市', city: null, province: '湖南省' },
    exportedUrl: null,
  },
  {
    label: 'dongcheng-2020',
    report: variant(huitong, { region: { name: '东城区', city: null, province: '北京市' }, issuer: '北京市东城区人民政府' }, 7000),
    url: 'http://www.bjdch.gov.cn/nb2020.html',
    region: { name: '东城区', city: null, province: '北京市' },
    exportedUrl: 'http://www.bjdch.gov.cn/nb2020.html',
  },
  // a report whose place could not be told: no region, exported last with the parser's (empty) names
  {
    label: 'nowhere-2020',
    report: variant(huitong, { region: { name: null, city: null, province: null }, issuer: null }, 42),
    url: null,
    region: { name: null, city: null, province: null },
    exportedUrl: null,
  },
];

/**
 * Export order: Beijing (11…) before Hunan (43…); 长沙市 (430100) before 怀化市 (431200); 会同县's
 * years and scopes, then its township, then 芷江 (431228); the report without a region last.
 */
const EXPECTED_ORDER = ['dongcheng-2020', 'changsha-2020', 'huitong-2020', 'huitong-2020-gov', 'huitong-2021', 'huitong-2022', 'lincheng-2021', 'zhijiang-2020', 'nowhere-2020'];

const expectedRows = (s: Stored): Row[] => tidyRows({ ...s.report, region: s.region }, { url: s.exportedUrl });
const byLabel = new Map(STORED.map((s) => [s.label, s]));

async function collect(rows: AsyncIterable<Row>): Promise<Row[]> {
  const out: Row[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

const sortedJson = (rows: readonly Row[]) => rows.map((r) => JSON.stringify(r)).sort();
/** (地区, 年度, 范围) of each report, in the order the rows give them */
function reportSequence(rows: readonly Row[]): string[] {
  const seq: string[] = [];
  for (const r of rows) {
    const key = `${r[0]}|${r[3]}|${r[4]}`;
    if (seq[seq.length - 1] !== key) seq.push(key);
  }
  return seq;
}
const reportKey = (s: Stored) => {
  const [row] = expectedRows(s);
  return `${row[0]}|${row[3]}|${row[4]}`;
};

// printed order within a report: table, then row, then column
const TABLES = ['二', '三', '四', '正文'];
function printedPosition(row: Row): number[] {
  const table = TABLES.indexOf(row[5] as string);
  const path = row[11] as string;
  const rowKey = row[6] as string;
  const index = Number(/\[(\d+)\]$/.exec(path)?.[1] ?? -1);
  if (table === 0) return [table, PROACTIVE_ROWS.findIndex((r) => r.key === rowKey)];
  if (table === 1) return [table, APPLICATION_ROW_KEYS.indexOf(rowKey as never), index];
  if (table === 2) return [table, APPEAL_GROUPS.findIndex((g) => g.key === rowKey), index];
  return [table];
}
const lexLess = (a: number[], b: number[]) => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
};

const request = (query = '', format: 'csv' | 'xlsx' = 'csv') => new Request(`http://localhost/api/export/figures.${format}${query}`);
const NOW = new Date('2026-11-29T03:00:00Z');

const savedEnv = { dir: process.env.NIANBAO_DATA_DIR, url: process.env.DATABASE_URL };
function restoreEnv(): void {
  if (savedEnv.dir === undefined) delete process.env.NIANBAO_DATA_DIR;
  else process.env.NIANBAO_DATA_DIR = savedEnv.dir;
  if (savedEnv.url === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = savedEnv.url;
}

describeEachDatabase('full export of figures', (kind) => {
  let testDb: TestDatabase;
  let db: Db;
  const regionIds: Record<string, number> = {};

  beforeAll(async () => {
    testDb = await createTestDatabase(kind);
    // the routes read the app's database (db/server.ts): make it this test's
    if (kind === 'pglite') {
      process.env.NIANBAO_DATA_DIR = testDb.dataDir;
      delete process.env.DATABASE_URL;
    } else {
      process.env.DATABASE_URL = testDb.options.url;
    }
    db = (await getDatabase()).db;
    const store = async (label: string, report: Report, url: string | null) =>
      ingestBundled(db, { name: label, sha256: label.padEnd(64, '0').slice(0, 64), size: 1, format: 'text', url, report });
    expect((await store('huitong-2020-v1', first2020, GOV)).kind).toBe('stored');
    for (const s of STORED) {
      const result = await store(s.label, s.report, s.url);
      expect(result.kind, s.label).toBe(s.label === 'huitong-2020' ? 'version' : 'stored');
    }
    for (const r of await selectRows<{ id: number; name: string }>(db, sql`select id, name from regions`)) regionIds[r.name] = Number(r.id);
  }, 120_000);

  afterAll(async () => {
    await closeDatabase();
    await testDb?.drop();
    restoreEnv();
  });

  describe('allFigureRows', () => {
    it('yields exactly one row per figure of each current report, places from the regions table', async () => {
      const rows = await collect(allFigureRows(db));
      const expected = STORED.flatMap(expectedRows);
      expect(rows.length).toBe(expected.length);
      expect(sortedJson(rows)).toEqual(sortedJson(expected));
      expect(rows.every((r) => r.length === TIDY_COLUMNS.length)).toBe(true);
      // the superseded version's figures (published 1000, its gov.cn URL) are nowhere
      expect(rows.some((r) => r[11] === 'activity.publishedItems' && r[9] === 1000)).toBe(false);
      // a figure has its source line
      const received = rows.find((r) => r[0] === '会同县' && r[3] === 2020 && r[4] === '全域' && r[11] === 'applications.newReceived[6]')!;
      expect(received.slice(5, 13)).toEqual(['三', 'newReceived', '一、本年新收政府信息公开申请数量', '总计', 183, '件', 'applications.newReceived[6]', huitong.sources['applications.newReceived[6]']]);
    });

    it('orders by province, city, region, year and scope, then table, row and column as printed', async () => {
      const rows = await collect(allFigureRows(db));
      expect(reportSequence(rows)).toEqual(EXPECTED_ORDER.map((l) => reportKey(byLabel.get(l)!)));
      // within each report, the national format's order
      let previous: { key: string; pos: number[] } | null = null;
      for (const row of rows) {
        const key = `${row[0]}|${row[3]}|${row[4]}`;
        const pos = printedPosition(row);
        if (previous && previous.key === key) expect(lexLess(pos, previous.pos), `${row[11]} after ${JSON.stringify(previous.pos)}`).toBe(false);
        previous = { key, pos };
      }
      // and exactly the rows tidyRows gives for the report laid out in printed order
      const huitongRows = rows.filter((r) => r[0] === '会同县' && r[3] === 2021);
      expect(huitongRows).toEqual(tidyRows(inPrintedOrder({ ...byLabel.get('huitong-2021')!.report, region: { name: '会同县', ...HUAIHUA } }), { url: GOV }));
      expect(huitongRows.slice(0, 3).map((r) => r[11])).toEqual(['proactive.regulations.newlyMade', 'proactive.regulations.newlyPublished', 'proactive.regulations.totalPublished']);
    });

    it('gives the same rows whatever the batch size (batch boundaries inside the data)', async () => {
      const whole = await collect(allFigureRows(db));
      for (const batchReports of [1, 2, 3, 7, 500]) expect(await collect(allFigureRows(db, {}, { batchReports }))).toEqual(whole);
    });

    it('prints a government URL and never a mirror’s', async () => {
      const rows = await collect(allFigureRows(db, {}, { batchReports: 2 }));
      const urlOf = (label: string) => {
        const key = reportKey(byLabel.get(label)!);
        return new Set(rows.filter((r) => `${r[0]}|${r[3]}|${r[4]}` === key).map((r) => r[13]));
      };
      expect(urlOf('huitong-2020')).toEqual(new Set([null])); // its file is on a mirror
      expect(urlOf('huitong-2021')).toEqual(new Set([GOV]));
      expect(urlOf('zhijiang-2020')).toEqual(new Set([GOV_ZHIJIANG]));
      expect(urlOf('huitong-2022')).toEqual(new Set([null])); // no URL known
      expect(rows.some((r) => typeof r[13] === 'string' && !/\.gov\.cn\//.test(r[13]))).toBe(false);
    });

    it('filters by regions, years and scope', async () => {
      const labelsOf = async (filter: FigureFilter) => reportSequence(await collect(allFigureRows(db, filter, { batchReports: 1 })));
      const keys = (...labels: string[]) => labels.map((l) => reportKey(byLabel.get(l)!));
      expect(await labelsOf({ regionIds: [regionIds['会同县']] })).toEqual(keys('huitong-2020', 'huitong-2020-gov', 'huitong-2021', 'huitong-2022'));
      expect(await labelsOf({ regionIds: [regionIds['会同县林城镇人民政府'], regionIds['东城区']] })).toEqual(keys('dongcheng-2020', 'lincheng-2021'));
      expect(await labelsOf({ years: [2021] })).toEqual(keys('huitong-2021', 'lincheng-2021'));
      expect(await labelsOf({ years: [2021, 2022], scope: 'jurisdiction' })).toEqual(keys('huitong-2021', 'huitong-2022'));
      expect(await labelsOf({ scope: 'government' })).toEqual(keys('huitong-2020-gov'));
      expect(await labelsOf({ regionIds: [regionIds['会同县']], years: [2020], scope: 'jurisdiction' })).toEqual(keys('huitong-2020'));
      expect(await labelsOf({ regionIds: [] })).toEqual([]);
      expect(await labelsOf({ years: [2019] })).toEqual([]);
      expect(await exportReportIds(db, { years: [] })).toEqual([]);
    });

    it('stops reading the database when closed early', async () => {
      const { counting, queries } = countingQueries(db);
      const rows = allFigureRows(counting, {}, { batchReports: 1 });
      for (let i = 0; i < 5; i++) await rows.next();
      await rows.return(undefined);
      const after = queries();
      expect(after).toBeLessThanOrEqual(3); // the id list, the first batch, the batch read ahead
      expect(await rows.next()).toEqual({ done: true, value: undefined });
      await new Promise((r) => setTimeout(r, 50));
      expect(queries()).toBe(after);
    });
  });


  describe('the CSV', () => {
    it('is UTF-8 with a BOM, one line per figure, Chinese intact, named in Chinese with an ASCII fallback', async () => {
      const response = await figureExportResponse(request(), 'csv', { db, now: NOW, batchReports: 3 });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const disposition = response.headers.get('content-disposition')!;
      expect(disposition).toBe(contentDisposition('政府信息公开年报数据-全部-20261129.csv', 'nianbao-figures-all-20261129.csv'));
      expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('政府信息公开年报数据-全部-20261129.csv')}`);
      expect(disposition).toContain('filename="nianbao-figures-all-20261129.csv"');
      expect(disposition).toMatch(/^[\x20-\x7e]+$/);

      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes).slice(1);
      const lines = text.split('\r\n');
      expect(lines.pop()).toBe('');
      expect(lines[0]).toBe(TIDY_COLUMNS.join(','));
      expect(lines.length - 1).toBe(STORED.flatMap(expectedRows).length);
      expect(text).toContain('会同县林城镇人民政府,怀化市,湖南省,2021,乡镇（街道）,');
      expect(text).toContain('（三）4.保护第三方合法权益');
      expect(lines[1].startsWith('东城区,,北京市,2020,全域,二,regulations,规章,')).toBe(true);
      expect(text).toContain(`,${GOV},,\r\n`);
      expect(text).not.toContain('cliffordsjerseys');
    });

    it('names a filtered export by what it holds', async () => {
      const response = await figureExportResponse(request('?regions=431225~芷江侗族自治县&years=2020..2021&scope=jurisdiction'), 'csv', { db, now: NOW });
      expect(response.status).toBe(200);
      expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(response.headers.get('content-disposition')!)![1])).toBe(
        '政府信息公开年报数据-会同县、芷江侗族自治县-2020-2021-全域-20261129.csv',
      );
      const lines = (await response.text()).split('\r\n').filter(Boolean);
      const expected = ['huitong-2020', 'huitong-2021', 'zhijiang-2020'].flatMap((l) => expectedRows(byLabel.get(l)!));
      expect(lines.length - 1).toBe(expected.length);
    });

    it('stops reading the database when the client goes away', async () => {
      const { counting, queries } = countingQueries(db);
      const response = await figureExportResponse(request(), 'csv', { db: counting, batchReports: 1 });
      const reader = response.body!.getReader();
      await reader.read(); // BOM and header
      await reader.read(); // the first 1,000 rows: five or six reports of the eight
      await reader.cancel();
      const after = queries();
      expect(after).toBeLessThan(1 + STORED.length); // the id list and one query per report read
      await new Promise((r) => setTimeout(r, 50));
      expect(queries()).toBe(after);
    });
  });

  describe('the XLSX', () => {
    async function workbookOf(response: Response): Promise<ExcelJS.Workbook> {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await response.arrayBuffer()) as never);
      return workbook;
    }

    it('splits at the row limit and reads back with every row', async () => {
      const expected = await collect(allFigureRows(db));
      const response = await figureExportResponse(request('', 'xlsx'), 'xlsx', { db, now: NOW, maxRows: 500, batchReports: 2 });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(response.headers.get('content-disposition')).toContain('filename="nianbao-figures-all-20261129.xlsx"');
      const workbook = await workbookOf(response);
      const parts = Math.ceil(expected.length / 500);
      expect(workbook.worksheets.map((s) => s.name)).toEqual([...Array.from({ length: parts }, (_, i) => (i === 0 ? '数据' : `数据 (${i + 1})`)), '说明']);
      const read: Row[] = [];
      for (const sheet of workbook.worksheets.slice(0, -1)) {
        expect(sheet.rowCount).toBeLessThanOrEqual(501);
        const values = sheet.getSheetValues().slice(1) as unknown[][];
        expect(values[0].slice(1)).toEqual([...TIDY_COLUMNS]);
        for (const v of values.slice(1)) read.push(Array.from({ length: TIDY_COLUMNS.length }, (_, i) => (v[i + 1] ?? null) as Row[number]));
      }
      expect(read).toEqual(expected);
      expect(read.some((r) => r[0] === '会同县林城镇人民政府' && r[4] === '乡镇（街道）')).toBe(true);
    });

    it('cancelled, it stops without an error', async () => {
      const response = await figureExportResponse(request('', 'xlsx'), 'xlsx', { db, batchReports: 1 });
      const reader = response.body!.getReader();
      await reader.read();
      await reader.cancel();
      // the database is still usable
      expect((await collect(allFigureRows(db, { years: [2022] }))).length).toBe(expectedRows(byLabel.get('huitong-2022')!).length);
    });
  });

  describe('the route handlers (the app database, db/server.ts)', () => {
    it('GET figures.csv and figures.xlsx stream the export', async () => {
      const csv = await getCsv(request('?years=2022'));
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect((await csv.text()).split('\r\n').filter(Boolean).length - 1).toBe(expectedRows(byLabel.get('huitong-2022')!).length);
      const xlsx = await getXlsx(request('?regions=东城区', 'xlsx'));
      expect(xlsx.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await xlsx.arrayBuffer()) as never);
      expect(workbook.getWorksheet('数据')!.rowCount).toBe(expectedRows(byLabel.get('dongcheng-2020')!).length + 1);
    });

    it('a region of the national list without reports gives the header only', async () => {
      const response = await getCsv(request('?regions=431202'));
      expect(response.status).toBe(200);
      expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer())).toBe(`\uFEFF${TIDY_COLUMNS.join(',')}\r\n`);
    });

    it('answers 400 with a Chinese message for what it cannot read, never 500', async () => {
      const cases: [string, RegExp][] = [
        ['?regions=不存在的地方', /找不到地区“不存在的地方”/],
        ['?regions=会同县~火星县', /找不到地区“火星县”/],
        ['?regions=鼓楼区', /“鼓楼区”对应多个地区，请改用代码指明：.*350102（福建省福州市鼓楼区）/],
        [`?regions=${'县'.repeat(200)}`, /找不到地区/],
        [`?regions=${Array.from({ length: 51 }, (_, i) => `地${i}`).join('~')}`, /最多导出50个地区/],
        ['?years=2024..2019', /年份无法识别：“2024..2019”/],
        ['?years=abc', /年份无法识别/],
        ['?years=1900', /年份无法识别/],
        ['?scope=county', /统计范围无法识别：“county”。可选：jurisdiction（全域）/],
      ];
      for (const [query, message] of cases) {
        for (const get of [getCsv, getXlsx]) {
          const response = await get(request(query));
          expect(response.status, query).toBe(400);
          expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
          expect(await response.text(), query).toMatch(message);
        }
      }
      // empty parameters mean "all"
      const all = await getCsv(request('?regions=&years=&scope='));
      expect(all.status).toBe(200);
      await all.body!.cancel();
    });
  });
});
