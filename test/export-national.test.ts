// A report's tables 二, 三 and 四 as an XLSX in the national layout, read back with ExcelJS:
// figures at the right row and column, merged headers, the rows of each template version.
// Then the same report as tidy rows, one per figure.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { NATIONAL_SHEETS, nationalTablesWorkbook } from '../lib/export/national-tables';
import type { ExportMeta } from '../lib/export/table';
import { TIDY_COLUMNS, tidyRows } from '../lib/export/tidy';
import { xlsxBuffer } from '../lib/export/xlsx';
import { SCHEMA, type ApplicantRow, type Report } from '../lib/report/contract';
import { APPEAL_COLUMNS, APPLICANT_COLUMNS, applicationRowLabel, applicationRowsFor } from '../lib/report/labels';
import { parseReportText } from '../lib/parse/report';

const SEED = parseReportText(readFileSync(new URL('./fixtures/huitong-2020.txt', import.meta.url), 'utf8'), { file: 'huitong-2020.txt' });
const META: ExportMeta = { title: '会同县2020年政府信息公开工作年度报告', source: 'http://www.huitong.gov.cn/', exportedAt: new Date('2021-03-01T02:00:00Z') };

async function roundTrip(report: Report, meta = META): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await xlsxBuffer(nationalTablesWorkbook(report, meta))) as unknown as ArrayBuffer);
  return book;
}

/** The sheet's rows as plain values, merged cells holding their master's value. */
function grid(sheet: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row: unknown[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) row.push(sheet.getCell(r, c).value);
    out.push(row);
  }
  return out;
}

const rowOf = (sheet: ExcelJS.Worksheet, text: string) => grid(sheet).findIndex((cells) => cells.includes(text)) + 1;
const merges = (sheet: ExcelJS.Worksheet): string[] => (sheet.model as unknown as { merges: string[] }).merges;

describe('seed report (2019 format)', () => {
  it('has the three sheets', async () => {
    const book = await roundTrip(SEED);
    expect(book.worksheets.map((s) => s.name)).toEqual(Object.values(NATIONAL_SHEETS));
    expect(book.worksheets.every((s) => s.name.length <= 31)).toBe(true);
    expect(book.title).toBe(META.title);
  });

  it('table 三: figures at their row and column, e.g. （五）4 无正当理由大量反复申请 × 总计 = 172', async () => {
    const sheet = (await roundTrip(SEED)).getWorksheet(NATIONAL_SHEETS.applications)!;
    const massRepeated = rowOf(sheet, '4.无正当理由大量反复申请');
    expect(sheet.getCell(massRepeated, 10).value).toBe(172); // J: 总计
    expect(sheet.getCell(massRepeated, 4).value).toBe(172); // D: 自然人
    expect(sheet.getCell(massRepeated, 5).value).toBe(0); // E: 商业企业
    expect(sheet.getCell(massRepeated, 10).type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell(rowOf(sheet, applicationRowLabel('newReceived')), 10).value).toBe(183);
    expect(sheet.getCell(rowOf(sheet, applicationRowLabel('total')), 10).value).toBe(183);
    expect(sheet.getCell(rowOf(sheet, '5.属于三类内部事务信息'), 4).value).toBe(2);
    expect(sheet.getCell(rowOf(sheet, '1.本机关不掌握相关政府信息'), 10).value).toBe(4);
  });

  it('table 三: merged headers and group labels, rows in the 2019 order', async () => {
    const sheet = (await roundTrip(SEED)).getWorksheet(NATIONAL_SHEETS.applications)!;
    const m = merges(sheet);
    // row 1 is the title, the header takes rows 2–4
    expect(m).toEqual(expect.arrayContaining(['A1:J1', 'A2:C4', 'D2:J2', 'D3:D4', 'E3:I3', 'J3:J4']));
    expect(sheet.getCell('D2').value).toBe('申请人情况');
    expect(sheet.getCell('D3').value).toBe(APPLICANT_COLUMNS[0]);
    expect(sheet.getCell('E3').value).toBe('法人或其他组织');
    expect(sheet.getCell('J3').value).toBe('总计');
    expect(['E4', 'F4', 'G4', 'H4', 'I4'].map((a) => sheet.getCell(a).value)).toEqual(APPLICANT_COLUMNS.slice(1, 6));
    expect(sheet.getCell('D2').alignment).toMatchObject({ horizontal: 'center' });
    expect(sheet.getCell('D2').font?.bold).toBe(true);

    // 一、二 span the three label columns; 三、本年度办理结果 spans every result row down column A
    expect(sheet.getCell('A5').value).toBe(applicationRowLabel('newReceived'));
    expect(m).toContain('A5:C5');
    expect(sheet.getCell('A7').value).toBe('三、本年度办理结果');
    const total = rowOf(sheet, applicationRowLabel('total'));
    expect(m).toContain(`A7:A${total}`);
    // （三）不予公开 spans its eight leaves in column B
    const denied = rowOf(sheet, '1.属于国家秘密');
    expect(sheet.getCell(denied, 2).value).toBe('（三）不予公开');
    expect(m).toContain(`B${denied}:B${denied + 7}`);
    const notProcessed = rowOf(sheet, '1.信访举报投诉类申请');
    expect(sheet.getCell(notProcessed, 2).value).toBe('（五）不予处理');
    expect(m).toContain(`B${notProcessed}:B${notProcessed + 4}`);
    // the 2019 （六）其他处理 is one data row spanning B:C
    const other = rowOf(sheet, '（六）其他处理');
    expect(m).toContain(`B${other}:C${other}`);
    expect(sheet.getCell(other, 10).value).toBe(0);
    expect(rowOf(sheet, '3.其他')).toBe(0);

    // 23 data rows, then the source row
    const carriedForward = rowOf(sheet, applicationRowLabel('carriedForward'));
    expect(carriedForward).toBe(4 + 23);
    expect(String(sheet.getCell(carriedForward + 1, 1).value)).toMatch(/^来源：http:\/\/www\.huitong\.gov\.cn\/；导出时间：2021-03-01 10:00（北京时间）；表格格式：2019年版；/);
    expect(sheet.getCell('A1').value).toBe('会同县2020年政府信息公开工作年度报告 · 三、收到和处理政府信息公开申请情况');
  });

  it('borders every cell of the table, merged or not', async () => {
    const sheet = (await roundTrip(SEED)).getWorksheet(NATIONAL_SHEETS.applications)!;
    for (const address of ['A2', 'C4', 'J2', 'B8', 'J27']) expect(sheet.getCell(address).border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' } });
    expect(sheet.getCell('A1').border ?? {}).not.toHaveProperty('top');
  });

  it('table 四: 行政复议 and the two 行政诉讼 groups, 15 figures', async () => {
    const report: Report = { ...SEED, appeals: { review: [1, 2, 3, 4, 10], litigationDirect: [0, 1, null, 0, 1], litigationAfterReview: [5, 0, 0, 1, 6] } };
    const sheet = (await roundTrip(report)).getWorksheet(NATIONAL_SHEETS.appeals)!;
    expect(merges(sheet)).toEqual(expect.arrayContaining(['A1:O1', 'A2:E2', 'F2:O2', 'A3:A4', 'E3:E4', 'F3:J3', 'K3:O3']));
    expect([sheet.getCell('A2').value, sheet.getCell('F2').value, sheet.getCell('F3').value, sheet.getCell('K3').value]).toEqual(['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉']);
    expect(grid(sheet)[2].slice(0, 5)).toEqual([...APPEAL_COLUMNS]);
    expect(grid(sheet)[3].slice(5)).toEqual([...APPEAL_COLUMNS, ...APPEAL_COLUMNS]);
    expect(grid(sheet)[4]).toEqual([1, 2, 3, 4, 10, 0, 1, null, 0, 1, 5, 0, 0, 1, 6]);
    expect(sheet.getCell('H5').border).toMatchObject({ top: { style: 'thin' } });
  });

  it('table 二: the 2019 blocks, columns and figures', async () => {
    const sheet = (await roundTrip(SEED)).getWorksheet(NATIONAL_SHEETS.proactive)!;
    const rows = grid(sheet);
    expect(rows[1]).toEqual(Array(4).fill('第二十条第（一）项'));
    expect(rows[2]).toEqual(['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量']);
    expect(rows[4]).toEqual(['规范性文件', 15, 15, 126]);
    expect(rows[rowOf(sheet, '其他对外管理服务事项') - 1]).toEqual(['其他对外管理服务事项', 424, 2818, 56104]);
    expect(rows[rowOf(sheet, '行政处罚') - 1]).toEqual(['行政处罚', 1815, -181, 1023]);
    // (八) has two columns: the last fills the width
    const fees = rowOf(sheet, '行政事业性收费');
    expect(rows[fees - 1]).toEqual(['行政事业性收费', 22, 2, 2]);
    expect(merges(sheet)).toContain(`C${fees}:D${fees}`);
    const procurement = rowOf(sheet, '政府集中采购');
    expect(rows[procurement - 2]).toEqual(['信息内容', '采购项目数量', '采购总金额', '采购总金额']);
    expect(sheet.getCell(procurement, 3).value).toBe(26966.28);
    expect(sheet.getCell(procurement, 3).numFmt).toBe('General"万元"');
    expect(procurement).toBe(1 + 5 * 2 + 8); // title, five blocks of caption and header, eight rows
  });
});

describe('a 2021-format report', () => {
  const row = (n: number): ApplicantRow => [n, 0, 0, 0, 0, null, n];
  const report: Report = {
    schema: SCHEMA,
    region: { name: '洪泽区', city: '淮安市', province: '江苏省' },
    issuer: '淮安市洪泽区人民政府',
    scope: 'jurisdiction',
    year: 2024,
    template: '2021',
    proactive: {
      regulations: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: { issued: 3, repealed: 0, inForce: 8 },
      licensing: { decisions: 9487 },
      penalties: { decisions: 2776 },
      enforcement: { decisions: 84 },
      fees: { amountWan: 7545 },
    },
    applications: Object.fromEntries(applicationRowsFor('otherSplit').map((k, i) => [k, row(i)])),
    appeals: { review: [0, 0, 0, 0, 0], litigationDirect: [0, 0, 0, 0, 0], litigationAfterReview: [0, 0, 0, 0, 0] },
    checks: [],
    tables: ['proactive', 'applications', 'appeals'],
    warnings: [],
    sources: {},
  };
  const meta: ExportMeta = { title: '淮安市洪泽区2024年政府信息公开工作年度报告', exportedAt: new Date('2025-01-20T00:00:00Z') };

  it('table 三 has the three （六） rows under a merged （六）其他处理, 25 data rows', async () => {
    const sheet = (await roundTrip(report, meta)).getWorksheet(NATIONAL_SHEETS.applications)!;
    const first = rowOf(sheet, '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请');
    expect(first).toBeGreaterThan(0);
    expect(sheet.getCell(first, 2).value).toBe('（六）其他处理');
    expect(merges(sheet)).toContain(`B${first}:B${first + 2}`);
    expect(sheet.getCell(first + 2, 3).value).toBe('3.其他');
    const keys = applicationRowsFor('otherSplit');
    expect(sheet.getCell(first + 1, 10).value).toBe(keys.indexOf('other.overdueFee'));
    expect(sheet.getCell(first + 1, 9).value).toBeNull(); // 其他: not stated
    expect(rowOf(sheet, applicationRowLabel('carriedForward'))).toBe(4 + 25);
    expect(String(sheet.getCell(4 + 26, 1).value)).toMatch(/^导出时间：2025-01-20 08:00（北京时间）；表格格式：2021年版；/);
  });

  it('table 二 has the 2021 columns, one value spanning three, and no （九）', async () => {
    const sheet = (await roundTrip(report, meta)).getWorksheet(NATIONAL_SHEETS.proactive)!;
    const rows = grid(sheet);
    expect(rows[2]).toEqual(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']);
    expect(rows[4]).toEqual(['行政规范性文件', 3, 0, 8]);
    const licensing = rowOf(sheet, '行政许可');
    expect(rows[licensing - 1]).toEqual(['行政许可', 9487, 9487, 9487]);
    expect(merges(sheet)).toContain(`B${licensing}:D${licensing}`);
    expect(rowOf(sheet, '其他对外管理服务事项')).toBe(0);
    expect(rowOf(sheet, '政府集中采购')).toBe(0);
    expect(rowOf(sheet, '第二十条第（九）项')).toBe(0);
    const fees = rowOf(sheet, '行政事业性收费');
    expect(rows[fees - 2][1]).toBe('本年收费金额（单位：万元）');
    expect(sheet.getCell(fees, 2).value).toBe(7545);
    expect(fees).toBe(sheet.rowCount - 1);
  });

  it('keeps a single （六）其他处理 row when the report printed one (洪泽区 2023)', async () => {
    const single = { ...report, applications: Object.fromEntries(applicationRowsFor('otherSingle').map((k) => [k, row(1)])) };
    const sheet = (await roundTrip(single, meta)).getWorksheet(NATIONAL_SHEETS.applications)!;
    expect(rowOf(sheet, '（六）其他处理')).toBeGreaterThan(0);
    expect(rowOf(sheet, '3.其他')).toBe(0);
    expect(rowOf(sheet, applicationRowLabel('carriedForward'))).toBe(4 + 23);
  });

  it('says so when the report has no such table', async () => {
    const book = await roundTrip({ ...report, appeals: undefined, tables: ['proactive', 'applications'] }, meta);
    const sheet = book.getWorksheet(NATIONAL_SHEETS.appeals)!;
    expect(grid(sheet).map((r) => r[0])).toEqual([`${meta.title} · 四、政府信息公开行政复议、行政诉讼情况`, '本报告未载明此表。', expect.stringMatching(/^导出时间/)]);
  });
});

describe('tidyRows', () => {
  const rows = tidyRows(SEED, { url: 'http://www.huitong.gov.cn/art/2021/1/1.html' });
  const at = (path: string) => rows.find((r) => r[TIDY_COLUMNS.indexOf('字段路径')] === path);

  it('gives one row per figure with place, table, labels, value, unit and source', () => {
    expect(rows).toHaveLength(Object.keys(SEED.sources).length);
    expect(rows.every((r) => r.length === TIDY_COLUMNS.length)).toBe(true);
    expect(at('applications.notProcessed.massRepeated[6]')).toEqual([
      '会同县', '怀化市', '湖南省', 2020, '全域', '三', 'notProcessed.massRepeated', '（五）4.无正当理由大量反复申请', '总计', 172, '件',
      'applications.notProcessed.massRepeated[6]', SEED.sources['applications.notProcessed.massRepeated[6]'], 'http://www.huitong.gov.cn/art/2021/1/1.html',
      null, null,
    ]);
    expect(at('proactive.procurement.amountWan')?.slice(5, 11)).toEqual(['二', 'procurement', '政府集中采购', '采购总金额', 26966.28, '万元']);
    expect(at('proactive.penalties.itemChange')?.slice(7, 11)).toEqual(['行政处罚', '本年增/减', -181, '项']);
    expect(at('appeals.litigationDirect[4]')?.slice(5, 11)).toEqual(['四', 'litigationDirect', '行政诉讼·未经复议直接起诉', '总计', 0, '件']);
    expect(at('activity.hotlines[0].resolutionRate')?.slice(5, 11)).toEqual(['正文', 'hotlines[0]', '县长热线', '办结率', 99.92, '%']);
  });
});
