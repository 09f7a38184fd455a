// XLSX exports, written to bytes and read back with ExcelJS: sheet names, header, values and
// their types, the 说明 sheet, splitting at the row limit, and the streaming writer.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { DataTable, ExportMeta, Row } from '../lib/export/table';
import { displayWidth, exportTime } from '../lib/export/table';
import { EXCEL_MAX_DATA_ROWS, fitWidths, partName, splitRows, uniqueSheetName, workbookOf, writeXlsxStream, xlsxBuffer, xlsxStream } from '../lib/export/xlsx';

const META: ExportMeta = { title: '会同县2020年政府信息公开工作年度报告', source: 'http://www.huitong.gov.cn/', exportedAt: new Date('2024-12-31T16:30:00Z') };

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

const values = (sheet: ExcelJS.Worksheet) => Array.from(sheet.getSheetValues().slice(1), (row) => (Array.isArray(row) ? row.slice(1) : []));

describe('sheet names', () => {
  it('replaces forbidden characters, keeps 31 characters and makes names unique', () => {
    const taken = new Set<string>();
    expect(uniqueSheetName('a[b]:c*d?e/f\\g', taken)).toBe('a_b__c_d_e_f_g');
    expect(uniqueSheetName('三 依申请公开', taken)).toBe('三 依申请公开');
    expect(uniqueSheetName('三 依申请公开', taken)).toBe('三 依申请公开 (2)');
    expect(uniqueSheetName('A', taken)).toBe('A');
    expect(uniqueSheetName('a', taken)).toBe('a (2)');
    expect(uniqueSheetName('', taken)).toBe('Sheet');
    expect(uniqueSheetName("'quoted'", taken)).toBe('quoted');
    expect(uniqueSheetName('History', taken)).toBe('History (2)');
    const long = '湖南省怀化市会同县人民政府办公室2020年政府信息公开工作年度报告全部数字';
    const first = uniqueSheetName(long, taken);
    const second = uniqueSheetName(long, taken);
    expect(first.length).toBe(31);
    expect(second.length).toBeLessThanOrEqual(31);
    expect(second.endsWith(' (2)')).toBe(true);
    expect(partName('𠀀'.repeat(20), 1).length).toBe(30); // never half a surrogate pair
  });

  it('counts CJK characters double in column widths', () => {
    expect(displayWidth('会同县')).toBe(6);
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('（一）')).toBe(6);
    expect(fitWidths(['地区', 'n'], [['湖南省怀化市会同县', 183]])).toEqual([20, 8]);
  });
});

describe('splitRows', () => {
  it('cuts a table into sheets of at most maxRows data rows, named name, name (2), …', () => {
    const rows: Row[] = Array.from({ length: 12 }, (_, i) => [i]);
    const parts = splitRows({ name: '全部数字', columns: ['n'], rows }, 5);
    expect(parts.map((p) => p.name)).toEqual(['全部数字', '全部数字 (2)', '全部数字 (3)']);
    expect(parts.map((p) => p.rows.length)).toEqual([5, 5, 2]);
    expect(parts.flatMap((p) => p.rows)).toEqual(rows);
    expect(splitRows({ name: 'x', columns: ['n'], rows }).length).toBe(1);
    expect(EXCEL_MAX_DATA_ROWS).toBe(1_048_575);
  });
});

describe('workbookOf', () => {
  const tables: DataTable[] = [
    {
      name: '三 依申请公开',
      columns: ['地区', '年度', '本年新收', '说明'],
      rows: [
        ['会同县', 2020, 183, null],
        ['洪江区', 2021, 0, '=HYPERLINK("http://x")'],
        ['淮安市', 2024, 3119, '-181'],
      ],
    },
    { name: 'bad/name?', columns: ['金额（万元）'], rows: [[26966.28], [-181], [null]] },
  ];

  it('writes one sheet per table and 说明 last, with a bold frozen header', async () => {
    const book = await load(await xlsxBuffer(workbookOf(tables, META)));
    expect(book.worksheets.map((s) => s.name)).toEqual(['三 依申请公开', 'bad_name_', '说明']);
    const sheet = book.getWorksheet('三 依申请公开')!;
    expect(values(sheet)[0]).toEqual(['地区', '年度', '本年新收', '说明']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:D1');
    expect(sheet.getColumn(1).width).toBe(8);
    expect(sheet.getColumn(4).width).toBe(24);
  });

  it('stores numbers as numbers, text as text, null as an empty cell', async () => {
    const book = await load(await xlsxBuffer(workbookOf(tables, META)));
    const sheet = book.getWorksheet('三 依申请公开')!;
    expect(sheet.getCell('C2').value).toBe(183);
    expect(sheet.getCell('C2').type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell('A2').value).toBe('会同县');
    expect(sheet.getCell('D2').type).toBe(ExcelJS.ValueType.Null);
    expect(sheet.getCell('D3').value).toBe('=HYPERLINK("http://x")');
    expect(sheet.getCell('D3').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('D4').value).toBe('-181');
    expect(sheet.rowCount).toBe(4);
    const money = book.getWorksheet('bad_name_')!;
    expect([money.getCell('A2').value, money.getCell('A3').value, money.getCell('A4').value]).toEqual([26966.28, -181, null]);
  });

  it('says title, source and export date in the properties and in 说明', async () => {
    const book = await load(await xlsxBuffer(workbookOf(tables, META)));
    expect(book.title).toBe(META.title);
    expect(book.description).toBe('来源：http://www.huitong.gov.cn/；导出时间：2025-01-01 00:30（北京时间）');
    expect(book.created.toISOString()).toBe(META.exportedAt.toISOString());
    expect(values(book.getWorksheet('说明')!)).toEqual([
      ['标题', META.title],
      ['来源', META.source],
      ['导出时间', exportTime(META.exportedAt)],
      [],
      ['工作表', '数据行数'],
      ['三 依申请公开', 3],
      ['bad_name_', 3],
    ]);
  });

  it('splits a table past the row limit into numbered sheets', async () => {
    const rows: Row[] = Array.from({ length: EXCEL_MAX_DATA_ROWS + 2 }, (_, i) => [i]);
    const book = workbookOf([{ name: '全部数字', columns: ['n'], rows }], META);
    expect(book.worksheets.map((s) => [s.name, s.rowCount])).toEqual([
      ['全部数字', EXCEL_MAX_DATA_ROWS + 1],
      ['全部数字 (2)', 3],
      ['说明', 7],
    ]);
    expect(book.getWorksheet('全部数字 (2)')!.getCell('A3').value).toBe(EXCEL_MAX_DATA_ROWS + 1);
  }, 120_000);
});

describe('xlsx streaming', () => {
  async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  async function* numbered(count: number): AsyncGenerator<Row> {
    for (let i = 1; i <= count; i++) yield [i, `第${i}件`, i % 4 === 0 ? null : i * 1.5];
  }

  it('splits sheets at the row limit as it goes and reads back like workbookOf', async () => {
    const stream = xlsxStream(
      [
        { name: '全部数字', columns: ['序号', '名称', '值'], rows: numbered(12) },
        { name: '空表', columns: ['a'], rows: [] },
        { name: '全部数字', columns: ['x'], rows: [['同名']] },
      ],
      META,
      { maxRows: 5, batchRows: 2 },
    );
    const book = await load(await collect(stream));
    expect(book.worksheets.map((s) => s.name)).toEqual(['全部数字', '全部数字 (2)', '全部数字 (3)', '空表', '全部数字 (4)', '说明']);
    const [a, b, c] = book.worksheets;
    expect(values(a)).toEqual([['序号', '名称', '值'], [1, '第1件', 1.5], [2, '第2件', 3], [3, '第3件', 4.5], [4, '第4件'], [5, '第5件', 7.5]]);
    expect(values(b)[0]).toEqual(['序号', '名称', '值']);
    expect(values(b)[1]).toEqual([6, '第6件', 9]);
    expect(values(c)).toEqual([['序号', '名称', '值'], [11, '第11件', 16.5], [12, '第12件']]);
    expect(c.getCell('A2').type).toBe(ExcelJS.ValueType.Number);
    expect(c.getRow(1).font?.bold).toBe(true);
    expect(c.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(values(book.getWorksheet('空表')!)).toEqual([['a']]);
    expect(values(book.getWorksheet('说明')!).slice(5)).toEqual([
      ['全部数字', 5],
      ['全部数字 (2)', 5],
      ['全部数字 (3)', 2],
      ['空表', 0],
      ['全部数字 (4)', 1],
    ]);
    expect(book.title).toBe(META.title);
  });

  it('stops reading rows while the consumer does not read, and closes the source when it leaves', async () => {
    let requested = 0;
    let closed = false;
    async function* rows(): AsyncGenerator<Row> {
      try {
        for (let i = 0; i < 2_000_000; i++) {
          requested++;
          yield [i, `第${i}行：${Math.sin(i)}`, Math.cos(i)];
        }
      } finally {
        closed = true;
      }
    }
    const out = new PassThrough();
    const done = writeXlsxStream([{ name: '大表', columns: ['序号', '名称', '值'], rows: rows() }], META, out, { batchRows: 500 });
    // wait until the writer stops asking for rows (two looks 200 ms apart see the same count)
    let previous = -1;
    for (let i = 0; i < 50 && requested !== previous; i++) {
      previous = requested;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(requested).toBe(previous);
    expect(requested).toBeGreaterThan(0);
    expect(requested).toBeLessThan(100_000); // of 2,000,000: a few batches ahead of the consumer

    out.destroy();
    await expect(done).rejects.toThrow(/closed before the end/);
    expect(closed).toBe(true);
  });
});
