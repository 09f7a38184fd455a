// Expected reports and deadlines (issue #11): the names of a county's bodies as staff type them
// and as reports print them, the CSV staff import (encodings, quotes, headers, every bad line by
// its number), the legal deadlines in China's time, the matching of the list against stored
// reports, and the database functions on a small known dataset: 会同县 with a department and a
// township that reported for 2021 and a department on nobody's list, its government's own
// report, and 芷江's department, which 会同县's list never sees.
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../db/accounts';
import type { Database } from '../db/client';
import { addExpectedBody, expectedReports, importExpectedBodies, listExpectedBodies, MAX_EXPECTED_BODIES, regionPrefixes, removeExpectedBody, renameExpectedBody, reportYears } from '../db/expected-bodies';
import { ingestFile } from '../db/ingest';
import { lookupRegion } from '../db/queries/region';
import { formatLineError, MAX_CSV_BODIES, parseBodiesCsv, splitCsv, sniffDelimiter, type CsvResult } from '../lib/expected/csv';
import { deadlineOf, deadlineStatus, defaultReportYear, describeDeadline, formatDate, reportStatusLabel, shanghaiDate } from '../lib/expected/deadlines';
import { matchExpected, missingView, type StoredBody } from '../lib/expected/missing';
import { bodyKey, bodyNameProblem, cleanBodyName, inferKind, isOwnGovernment, namePrefixes, parseKind } from '../lib/expected/names';
import { resolvePlace } from '../lib/geo/gazetteer';
import { departmentSubject, townshipSubject } from '../lib/synth/places';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from './support/databases';
import { HUITONG, HUITONG_EDUCATION, HUITONG_GOVERNMENT, ZHIJIANG, reportFile, type Spec } from './support/query-dataset';

const HUITONG_PREFIXES = namePrefixes(['会同县', '會同縣', '会同县人民政府'], ['怀化市', '懷化市', '湖南省']);
const key = (name: string) => bodyKey(name, HUITONG_PREFIXES);
const utf8 = (text: string) => new TextEncoder().encode(text);
const parsed = (result: CsvResult) => {
  if (!result.ok) throw new Error(result.error);
  return result;
};

describe('body names', () => {
  it('cleans a name: NFKC, no spaces', () => {
    expect(cleanBodyName(' 会同县　财政局 ')).toBe('会同县财政局');
    expect(cleanBodyName('会同县（林城镇）')).toBe('会同县(林城镇)');
    expect(cleanBodyName('ＡＢＣ局')).toBe('ABC局');
  });

  it('says why a name will not do', () => {
    expect(bodyNameProblem('')).toBe('名称为空');
    expect(bodyNameProblem('财政\u200b局')).toContain('不可见');
    expect(bodyNameProblem('局'.repeat(61))).toContain('过长');
    expect(bodyNameProblem('123')).toContain('没有文字');
    expect(bodyNameProblem('财政局')).toBeNull();
  });

  it('takes the region, its ancestors and its level as prefixes, but not the government', () => {
    expect(HUITONG_PREFIXES).toEqual(expect.arrayContaining(['会同县', '會同縣', '怀化市', '湖南省', '县']));
    expect(HUITONG_PREFIXES).not.toContain('会同县人民政府');
    expect(HUITONG_PREFIXES).not.toContain('市');
    // longest first, so that 怀化市会同县 goes before 县
    expect(HUITONG_PREFIXES.at(-1)).toBe('县');
  });

  it('gives one key to the spellings of one department', () => {
    for (const name of ['会同县财政局', '财政局', '县财政局', '怀化市会同县财政局', ' 会同县 财政局', '會同縣财政局', '湖南省怀化市会同县财政局']) expect(key(name), name).toBe('财政局');
    expect(key('会同县人民政府办公室')).toBe('人民政府办公室');
    expect(key('人民政府办公室')).toBe('人民政府办公室');
    expect(key('会同县教育局')).not.toBe(key('会同县财政局'));
  });

  it('gives one key to a township with or without the county and its 人民政府, and to a street with or without 办事处', () => {
    for (const name of ['林城镇', '林城镇人民政府', '会同县林城镇人民政府', '会同县林城镇', '县林城镇']) expect(key(name), name).toBe('林城镇');
    for (const name of ['新华街道', '新华街道办事处', '会同县新华街道办事处', '新华街道办']) expect(key(name), name).toBe('新华街道');
    expect(key('宝田侗族苗族乡人民政府')).toBe('宝田侗族苗族乡');
    // a department's 人民政府 is part of its name
    expect(key('人民政府办公室')).not.toBe(key('办公室'));
  });

  it('keeps at least two characters of the body’s own name: a short alias is no prefix of 新晃镇', () => {
    const xinhuang = namePrefixes(['新晃侗族自治县', '新晃'], ['怀化市']);
    expect(bodyKey('新晃镇', xinhuang)).toBe('新晃镇');
    expect(bodyKey('新晃镇人民政府', xinhuang)).toBe('新晃镇');
    expect(bodyKey('新晃侗族自治县教育局', xinhuang)).toBe('教育局');
    expect(bodyKey('新晃教育局', xinhuang)).toBe('教育局');
  });

  it('reads a city’s departments the same way (市场监督管理局 keeps its 市 on both sides)', () => {
    const huaihua = namePrefixes(['怀化市', '懷化市'], ['湖南省']);
    expect(bodyKey('怀化市市场监督管理局', huaihua)).toBe(bodyKey('市场监督管理局', huaihua));
    expect(bodyKey('市教育局', huaihua)).toBe(bodyKey('怀化市教育局', huaihua));
  });

  it('infers the kind from the name', () => {
    expect(inferKind('林城镇', HUITONG_PREFIXES)).toBe('township');
    expect(inferKind('会同县宝田侗族苗族乡人民政府', HUITONG_PREFIXES)).toBe('township');
    expect(inferKind('新华街道办事处', HUITONG_PREFIXES)).toBe('township');
    expect(inferKind('财政局')).toBe('department');
    expect(inferKind('会同县人民政府办公室', HUITONG_PREFIXES)).toBe('department');
  });

  it('knows the region’s own government, which is no body of it', () => {
    for (const name of ['会同县人民政府', '会同县', '县人民政府', '会同县政府', '怀化市会同县人民政府']) expect(isOwnGovernment(name, HUITONG_PREFIXES), name).toBe(true);
    for (const name of ['会同县人民政府办公室', '财政局', '林城镇人民政府']) expect(isOwnGovernment(name, HUITONG_PREFIXES), name).toBe(false);
  });

  it('reads the kind in Chinese and English', () => {
    expect(parseKind('部门')).toBe('department');
    expect(parseKind(' Department ')).toBe('department');
    expect(parseKind('乡镇')).toBe('township');
    expect(parseKind('街道')).toBe('township');
    expect(parseKind('乡镇（街道）')).toBe('township');
    expect(parseKind('township')).toBe('township');
    expect(parseKind('局')).toBeNull();
    expect(parseKind('')).toBeNull();
  });
});

describe('CSV of bodies', () => {
  it('reads UTF-8 with a BOM, a header, CRLF, quotes, blank lines, and merges the same body', () => {
    const text = '\ufeff名称,类型\r\n会同县财政局,部门\r\n\r\n"会同县教育局",部门\r\n"林城镇人民政府","乡镇"\r\n财政局,部门\r\n"新华街道办事处, 会同县",街道\r\n,\r\n"宝田""侗族苗族""乡",乡镇\r\n';
    const r = parsed(parseBodiesCsv(utf8(text), { prefixes: HUITONG_PREFIXES }));
    expect(r.encoding).toBe('utf-8');
    expect(r.header).toBe(true);
    expect(r.errors).toEqual([]);
    expect(r.bodies.map((b) => [b.name, b.kind, b.line])).toEqual([
      ['会同县财政局', 'department', 2],
      ['会同县教育局', 'department', 4],
      ['林城镇人民政府', 'township', 5],
      ['新华街道办事处,会同县', 'township', 7],
      ['宝田"侗族苗族"乡', 'township', 9],
    ]);
    expect(r.duplicates).toEqual([{ line: 6, firstLine: 2, name: '财政局' }]);
  });

  it('reads GBK (what Excel saves in China) without a header', () => {
    const bytes = new Uint8Array(iconv.encode('会同县财政局,部门\n林城镇,乡镇\n坪村镇,\n', 'gbk'));
    const r = parsed(parseBodiesCsv(bytes, { prefixes: HUITONG_PREFIXES }));
    expect(r.encoding).toBe('gb18030');
    expect(r.header).toBe(false);
    expect(r.bodies.map((b) => [b.name, b.kind, b.inferred])).toEqual([
      ['会同县财政局', 'department', false],
      ['林城镇', 'township', false],
      ['坪村镇', 'township', true],
    ]);
  });

  it('reads a column of names alone, a 序号 column, a header in another order, tabs and Chinese commas', () => {
    expect(parsed(parseBodiesCsv(utf8('财政局\n林城镇\n'))).bodies.map((b) => b.kind)).toEqual(['department', 'township']);
    expect(parsed(parseBodiesCsv(utf8('1,财政局,部门\n2,林城镇,乡镇\n'))).bodies.map((b) => b.name)).toEqual(['财政局', '林城镇']);
    expect(parsed(parseBodiesCsv(utf8('序号,类型,单位名称\n1,部门,财政局\n2,乡镇,林城镇\n'))).bodies.map((b) => [b.name, b.kind])).toEqual([
      ['财政局', 'department'],
      ['林城镇', 'township'],
    ]);
    expect(parsed(parseBodiesCsv(utf8('名称\t类型\n财政局\t部门\n'))).bodies).toHaveLength(1);
    expect(parsed(parseBodiesCsv(utf8('财政局，部门\n林城镇，乡镇\n'))).bodies.map((b) => b.kind)).toEqual(['department', 'township']);
    expect(sniffDelimiter('a;b;c\n')).toBe(';');
    expect(sniffDelimiter('"a,b"\tc\n')).toBe('\t');
  });

  it('names every bad line by its number, and counts lines inside quoted fields', () => {
    const text = [
      '名称,类型', // 1
      '会同县财政局,部门', // 2
      '会同县教育局,局', // 3
      ',部门', // 4
      '会同县人民政府,部门', // 5
      '"备注', // 6: a quoted field over two lines
      '第二行",部门', // 7
      '财政局,乡镇', // 8: 财政局 again, with another kind
      '林城镇,乡镇', // 9
      '123,部门', // 10
    ].join('\n');
    const r = parsed(parseBodiesCsv(utf8(text), { prefixes: HUITONG_PREFIXES }));
    expect(r.errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 8, 10]);
    expect(r.errors.map(formatLineError)).toEqual([
      '第 3 行：类型“局”无法识别，应为“部门”或“乡镇”“街道”',
      '第 4 行：名称为空（这一行只有类型）',
      '第 5 行：“会同县人民政府”是本级政府，不必列入名单：本级政府的报告在“未报送”页面单独核对',
      '第 6 行：名称中有换行',
      '第 8 行：“财政局”与第 2 行的“会同县财政局”是同一单位，但类型不同（乡镇（街道） / 部门）',
      '第 10 行：名称中没有文字',
    ]);
    expect(r.bodies.map((b) => b.line)).toEqual([2, 9]);
  });

  it('refuses what is no CSV: empty, Excel, PDF, binary, undecodable bytes, an open quote, too many lines', () => {
    const error = (bytes: Uint8Array) => {
      const r = parseBodiesCsv(bytes);
      return r.ok ? null : r.error;
    };
    expect(error(new Uint8Array())).toBe('文件是空的');
    expect(error(utf8('\ufeff \n\n'))).toBe('文件是空的');
    expect(error(utf8(',,\n,\n'))).toBe('文件中没有任何名称');
    expect(error(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toContain('Excel');
    expect(error(utf8('%PDF-1.7\n'))).toContain('PDF');
    expect(error(new Uint8Array([1, 2, 0, 0, 3, 4, 0, 5, 6, 0, 0, 0]))).toContain('不是文本文件');
    expect(error(new Uint8Array(Array.from({ length: 200 }, (_, i) => (i % 2 ? 0x80 : 0xff))))).toContain('编码');
    expect(error(utf8('名称,类型\n财政局,部门\n"林城镇,乡镇\n'))).toBe('第 3 行：引号没有闭合（一个字段以 " 开始，但到文件末尾也没有结束的 "）');
    expect(error(utf8('名称\n单位\n'.replace('单位\n', '财政局\n')))).toBeNull();
    expect(error(utf8('类型,备注\n部门,x\n'))).toBe('第 1 行：表头中没有“名称”列（表头应为：名称,类型）');
    expect(error(utf8(Array.from({ length: MAX_CSV_BODIES + 1 }, (_, i) => `单位${i},部门`).join('\n')))).toContain('行数过多');
  });

  it('splits records by RFC 4180', () => {
    const split = splitCsv('a,"b,c"\r\n"d""e",f\n\n"g\nh",i', ',');
    expect(split).toEqual({
      records: [
        { line: 1, cells: ['a', 'b,c'] },
        { line: 2, cells: ['d"e', 'f'] },
        { line: 3, cells: [''] },
        { line: 4, cells: ['g\nh', 'i'] },
      ],
    });
  });
});

describe('deadlines', () => {
  it('sets departments’ reports due 31 January and governments’ and townships’ 31 March of the next year', () => {
    expect(deadlineOf('department', 2021)).toEqual({ year: 2022, month: 1, day: 31 });
    expect(deadlineOf('township', 2021)).toEqual({ year: 2022, month: 3, day: 31 });
    expect(deadlineOf('government', 2021)).toEqual({ year: 2022, month: 3, day: 31 });
    expect(formatDate(deadlineOf('department', 2021))).toBe('2022年1月31日');
  });

  it('reads the date in China’s time', () => {
    expect(shanghaiDate(new Date('2022-01-31T15:59:59Z'))).toEqual({ year: 2022, month: 1, day: 31 });
    expect(shanghaiDate(new Date('2022-01-31T16:00:00Z'))).toEqual({ year: 2022, month: 2, day: 1 });
    expect(defaultReportYear(new Date('2026-11-29T04:00:00Z'))).toBe(2025);
    expect(defaultReportYear(new Date('2026-12-31T16:30:00Z'))).toBe(2026);
  });

  it('passes a deadline at the end of its day in Beijing', () => {
    const due = deadlineOf('department', 2021);
    expect(deadlineStatus(due, new Date('2022-01-30T12:00:00+08:00'))).toEqual({ passed: false, daysLeft: 1 });
    expect(deadlineStatus(due, new Date('2022-01-31T23:59:00+08:00'))).toEqual({ passed: false, daysLeft: 0 });
    expect(deadlineStatus(due, new Date('2022-02-01T00:00:00+08:00'))).toEqual({ passed: true, daysOverdue: 1 });
    // 2026-11-29: 2022-01-31 was 1763 days before
    expect(deadlineStatus(due, new Date('2026-11-29T10:00:00+08:00'))).toEqual({ passed: true, daysOverdue: 1763 });
    expect(deadlineStatus(deadlineOf('township', 2021), new Date('2026-11-29T10:00:00+08:00'))).toEqual({ passed: true, daysOverdue: 1704 });
  });

  it('says it in a few words', () => {
    expect(reportStatusLabel(true, { passed: true, daysOverdue: 3 })).toBe('已报送');
    expect(reportStatusLabel(false, { passed: true, daysOverdue: 3 })).toBe('未报送·已逾期3天');
    expect(reportStatusLabel(false, { passed: false, daysLeft: 12 })).toBe('未报送·还有12天');
    expect(reportStatusLabel(false, { passed: false, daysLeft: 0 })).toBe('未报送·今天截止');
    expect(describeDeadline({ passed: true, daysOverdue: 3 })).toBe('已过 3 天');
    expect(describeDeadline({ passed: false, daysLeft: 0 })).toBe('今天截止');
    expect(describeDeadline({ passed: false, daysLeft: 12 })).toBe('未到，还有 12 天');
  });
});

describe('matching the list against the stored bodies', () => {
  const stored: StoredBody[] = [
    { regionId: 10, name: '会同县财政局', kind: 'department', aliases: ['会同县财政局', '會同縣財政局'], reportId: 100 },
    { regionId: 11, name: '会同县林城镇人民政府', kind: 'township', aliases: [], reportId: null },
    // a second spelling of 林城镇 stored under its own region: the one with a report wins
    { regionId: 12, name: '林城镇', kind: 'township', aliases: [], reportId: 120 },
    { regionId: 13, name: '会同县卫生健康局', kind: 'department', aliases: [], reportId: 130 },
    { regionId: 14, name: '会同县审计局', kind: 'department', aliases: [], reportId: null },
  ];
  const expected = [
    { id: 1, name: '财政局', kind: 'department' as const },
    { id: 2, name: '林城镇人民政府', kind: 'township' as const },
    { id: 3, name: '会同县教育局', kind: 'department' as const },
    { id: 4, name: '坪村镇', kind: 'township' as const },
  ];

  it('finds each expected body’s report by name or alias, and the bodies that reported off the list', () => {
    const result = matchExpected(expected, stored, HUITONG_PREFIXES);
    expect(result.expected.map((e) => [e.name, e.body?.name ?? null, e.reportId])).toEqual([
      ['财政局', '会同县财政局', 100],
      ['林城镇人民政府', '林城镇', 120],
      ['会同县教育局', null, null],
      ['坪村镇', null, null],
    ]);
    // 审计局 has no report of the year: not listed as reporting
    expect(result.unlisted.map((b) => b.name)).toEqual(['会同县卫生健康局']);
    // an alias alone is enough
    expect(matchExpected([{ id: 9, name: '會同縣財政局', kind: 'department' }], stored, HUITONG_PREFIXES).expected[0].reportId).toBe(100);
  });

  it('lays out the rows: missing first, with deadlines and counts, and the government against 31 March', () => {
    const matched = matchExpected(expected, stored, HUITONG_PREFIXES).expected;
    // 2022-02-15: the departments' deadline has passed, the townships' has not
    const view = missingView(2021, matched, [{ reportId: 7, scope: 'jurisdiction' }], new Date('2022-02-15T09:00:00+08:00'));
    expect(view.rows.map((r) => [r.name, r.state, r.label])).toEqual([
      ['会同县教育局', 'overdue', '未报送·已逾期15天'],
      ['坪村镇', 'open', '未报送·还有44天'],
      ['财政局', 'reported', '已报送'],
      ['林城镇人民政府', 'reported', '已报送'],
    ]);
    expect(view.counts).toEqual({
      expected: 4,
      reported: 2,
      missing: 2,
      overdue: 1,
      byKind: { department: { expected: 2, reported: 1, missing: 1 }, township: { expected: 2, reported: 1, missing: 1 } },
    });
    expect(view.government).toMatchObject({ state: 'reported', label: '已报送', report: { reportId: 7 }, deadline: { year: 2022, month: 3, day: 31 } });
    expect(view.deadlines.department.status).toEqual({ passed: true, daysOverdue: 15 });
    expect(view.deadlines.government.status).toEqual({ passed: false, daysLeft: 44 });

    const none = missingView(2021, [], [], new Date('2022-04-01T09:00:00+08:00'));
    expect(none.government).toMatchObject({ state: 'overdue', label: '未报送·已逾期1天', report: null });
    expect(none.counts.expected).toBe(0);
  });
});

describeEachDatabase('expected bodies in the database', (kind) => {
  let testDb: TestDatabase;
  let database: Database;
  let huitong: number;
  let zhijiang: number;
  let accountId: number;
  const reportIds: Record<string, number> = {};

  const place = (name: string) => resolvePlace(name)!;
  const specs: [string, Spec][] = [
    ['huitong-2021', { subject: HUITONG, year: 2021, template: '2021' }],
    ['government-2021', { subject: HUITONG_GOVERNMENT, year: 2021, template: '2021', newReceived: [3, 0, 0, 0, 0, 0], outcomes: { granted: [3, 0, 0, 0, 0, 0] } }],
    ['education-2021', { subject: HUITONG_EDUCATION, year: 2021, template: '2021' }],
    ['education-2020', { subject: HUITONG_EDUCATION, year: 2020, template: '2019' }],
    ['lincheng-2021', { subject: townshipSubject(place('会同县'), '林城镇人民政府'), year: 2021, template: '2021' }],
    ['health-2021', { subject: departmentSubject(place('会同县'), '卫生健康局'), year: 2021, template: '2021' }],
    ['zhijiang-finance-2021', { subject: departmentSubject(place('芷江侗族自治县'), '财政局'), year: 2021, template: '2021' }],
    ['zhijiang-2021', { subject: ZHIJIANG, year: 2021, template: '2021' }],
  ];

  beforeAll(async () => {
    testDb = await createTestDatabase(kind);
    database = await testDb.open();
    for (const [name, spec] of specs) {
      const file = reportFile(spec);
      const result = await ingestFile(database.db, { name: file.name, bytes: file.bytes });
      expect(result.reportId, name).toBeTypeOf('number');
      reportIds[name] = result.reportId!;
    }
    const id = async (code: string) => {
      const found = await lookupRegion(database.db, code);
      if (found.kind !== 'found' || found.region.id === null) throw new Error(code);
      return found.region.id;
    };
    huitong = await id('431225');
    zhijiang = await id('431228');
    accountId = (await createAccount(database.db, { name: 'lister', password: 'correct horse battery staple' })).id;
  }, 120_000);

  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  it('knows the prefixes of 会同县', async () => {
    expect(await regionPrefixes(database.db, huitong)).toEqual(expect.arrayContaining(['会同县', '會同縣', '怀化市', '湖南省', '县']));
  });

  it('adds, refuses the same body twice under another spelling, renames and removes, only in its region', async () => {
    const db = database.db;
    const added = await addExpectedBody(db, huitong, { name: ' 会同县财政局 ', kind: 'department' }, accountId);
    expect(added).toMatchObject({ ok: true, value: { name: '会同县财政局', kind: 'department', createdBy: 'lister' } });
    expect(await addExpectedBody(db, huitong, { name: '会同县财政局', kind: 'department' }, accountId)).toEqual({ ok: false, error: '“会同县财政局”已在名单中' });
    expect(await addExpectedBody(db, huitong, { name: '县财政局', kind: 'department' }, accountId)).toEqual({ ok: false, error: '“县财政局”与名单中的“会同县财政局”是同一单位' });
    expect(await addExpectedBody(db, huitong, { name: '会同县人民政府', kind: 'department' }, accountId)).toMatchObject({ ok: false, error: expect.stringContaining('本级政府') });
    expect(await addExpectedBody(db, huitong, { name: '  ', kind: 'department' }, accountId)).toEqual({ ok: false, error: '名称为空' });
    // 芷江's list is its own: the same name is fine there
    expect(await addExpectedBody(db, zhijiang, { name: '财政局', kind: 'department' }, accountId)).toMatchObject({ ok: true });

    const audit = await addExpectedBody(db, huitong, { name: '审计局', kind: 'township' }, null);
    if (!audit.ok) throw new Error(audit.error);
    expect(await renameExpectedBody(db, huitong, audit.value.id, { name: '会同县审计局', kind: 'department' })).toEqual({ ok: true, value: { id: audit.value.id, name: '会同县审计局', kind: 'department' } });
    expect(await renameExpectedBody(db, huitong, audit.value.id, { name: '财政局', kind: 'department' })).toEqual({ ok: false, error: '“财政局”与名单中的“会同县财政局”是同一单位' });
    // not through another region
    expect(await renameExpectedBody(db, zhijiang, audit.value.id, { name: '审计局', kind: 'department' })).toMatchObject({ ok: false });
    expect(await removeExpectedBody(db, zhijiang, audit.value.id)).toBe(false);
    expect(await removeExpectedBody(db, huitong, audit.value.id)).toBe(true);
    expect(await removeExpectedBody(db, huitong, audit.value.id)).toBe(false);
    expect((await listExpectedBodies(db, huitong)).map((b) => b.name)).toEqual(['会同县财政局']);
  });

  it('imports by merging and by replacing, in one transaction', async () => {
    const db = database.db;
    const csv = parsed(parseBodiesCsv(utf8('名称,类型\n财政局,部门\n教育局,部门\n林城镇,乡镇\n坪村镇,乡镇\n会同县发展和改革局,部门\n'), { prefixes: await regionPrefixes(db, huitong) }));
    const merged = await importExpectedBodies(db, huitong, csv.bodies, 'merge', accountId);
    expect(merged).toEqual({ ok: true, value: { added: 4, changed: 0, unchanged: 1, removed: 0, total: 5 } });
    // the listed spelling stays
    expect((await listExpectedBodies(db, huitong)).map((b) => b.name)).toEqual(['会同县财政局', '教育局', '会同县发展和改革局', '林城镇', '坪村镇']);

    const replaced = await importExpectedBodies(
      db,
      huitong,
      [
        { name: '会同县教育局', kind: 'department' },
        { name: '林城镇人民政府', kind: 'township' },
        { name: '坪村镇', kind: 'department' },
        { name: '会同县卫生健康局', kind: 'department' },
      ],
      'replace',
      accountId,
    );
    expect(replaced).toEqual({ ok: true, value: { added: 1, changed: 1, unchanged: 2, removed: 2, total: 4 } });
    const list = await listExpectedBodies(db, huitong);
    expect(list.map((b) => [b.name, b.kind])).toEqual([
      ['教育局', 'department'],
      ['坪村镇', 'department'],
      ['会同县卫生健康局', 'department'],
      ['林城镇', 'township'],
    ]);

    // a refusal changes nothing: a bad name, or more than the limit
    expect(await importExpectedBodies(db, huitong, [{ name: '审计局', kind: 'department' }, { name: '会同县人民政府', kind: 'department' }], 'replace', accountId)).toMatchObject({ ok: false });
    const many = Array.from({ length: MAX_EXPECTED_BODIES }, (_, i) => ({ name: `测试单位${i}`, kind: 'department' as const }));
    expect(await importExpectedBodies(db, huitong, many, 'merge', accountId)).toMatchObject({ ok: false, error: expect.stringContaining('超过上限') });
    expect(await listExpectedBodies(db, huitong)).toEqual(list);

    // back to 坪村镇 as a township, for the next test
    const pingcun = list.find((b) => b.name === '坪村镇')!;
    expect(await renameExpectedBody(db, huitong, pingcun.id, { name: '坪村镇', kind: 'township' })).toMatchObject({ ok: true });
  });

  it('names, for a year, each expected body’s report, the bodies that reported off the list, and the county’s own report', async () => {
    const db = database.db;
    const r2021 = await expectedReports(db, huitong, 2021);
    expect(r2021.listed).toBe(4);
    expect(Object.fromEntries(r2021.expected.map((e) => [e.name, e.reportId]))).toEqual({
      教育局: reportIds['education-2021'],
      林城镇: reportIds['lincheng-2021'],
      坪村镇: null,
      会同县卫生健康局: reportIds['health-2021'],
    });
    expect(r2021.expected.find((e) => e.name === '林城镇')?.body?.name).toBe('会同县林城镇人民政府');
    expect(r2021.unlisted).toEqual([]);
    // the government's own report first, then the jurisdiction's
    expect(r2021.own.map((o) => [o.reportId, o.scope])).toEqual([
      [reportIds['government-2021'], 'government'],
      [reportIds['huitong-2021'], 'jurisdiction'],
    ]);

    const r2020 = await expectedReports(db, huitong, 2020);
    expect(r2020.expected.filter((e) => e.reportId !== null).map((e) => e.name)).toEqual(['教育局']);
    expect(r2020.own).toEqual([]);

    // a body taken off the list shows up as reporting off it; 芷江's 财政局 never does
    const health = (await listExpectedBodies(db, huitong)).find((b) => b.name === '会同县卫生健康局')!;
    await removeExpectedBody(db, huitong, health.id);
    const after = await expectedReports(db, huitong, 2021);
    expect(after.unlisted.map((b) => [b.name, b.kind, b.reportId])).toEqual([['会同县卫生健康局', 'department', reportIds['health-2021']]]);

    const view = missingView(2021, after.expected, after.own, new Date('2026-11-29T10:00:00+08:00'));
    expect(view.rows.map((r) => [r.name, r.label])).toEqual([
      ['坪村镇', '未报送·已逾期1704天'],
      ['教育局', '已报送'],
      ['林城镇', '已报送'],
    ]);
    expect(view.government.label).toBe('已报送');

    expect(await reportYears(db, huitong)).toEqual([2021, 2020]);
    expect((await expectedReports(db, zhijiang, 2021)).expected.map((e) => [e.name, e.reportId])).toEqual([['财政局', reportIds['zhijiang-finance-2021']]]);
  });
});
