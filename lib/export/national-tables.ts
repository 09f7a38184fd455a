// A report's tables 二, 三 and 四 as an XLSX laid out like the national format of its template
// version (../shared/spec/template.md §2–4): merged header cells, the row labels with their
// group numbers, borders on every cell, the printed figures as numbers, a figure the report does
// not state (null) as an empty cell. A title row above each table, a source row below.
// Labels come from lib/report/labels.ts; FORMAT_WORDS holds the few that file does not have.

import ExcelJS from 'exceljs';
import type { AppealsTable, ApplicationsTable, Cell, ProactiveTable, Report } from '../report/contract';
import {
  APPEAL_COLUMNS,
  APPEAL_GROUPS,
  APPLICANT_COLUMNS,
  APPLICANT_TOTAL_INDEX,
  APPLICATION_ROWS,
  ARTICLE_LABEL,
  PROACTIVE_COLUMNS,
  PROACTIVE_ROWS,
  SECTION_TITLES,
  applicationRowLabel,
  applicationRowsFor,
  proactiveRowLabel,
} from '../report/labels';
import { displayWidth, exportTime, type ExportMeta } from './table';
import { describeWorkbook } from './xlsx';

export type NationalVersion = '2019' | '2021';

export const NATIONAL_SHEETS = { proactive: '二 主动公开', applications: '三 依申请公开', appeals: '四 复议诉讼' } as const;

// Header and group words of the national format that lib/report/labels.ts does not hold.
const FORMAT_WORDS = {
  content: '信息内容',
  balanceNote: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  applicants: '申请人情况',
  legalPersons: '法人或其他组织',
  results: '三、本年度办理结果',
  groups: ['（三）不予公开', '（四）无法提供', '（五）不予处理'],
};

// ---- grids: the printed table as rows of cells with spans ------------------------------

type Kind = 'header' | 'label' | 'group' | 'value';

interface GridCell {
  value: string | number | null;
  kind: Kind;
  colspan?: number;
  rowspan?: number;
  numFmt?: string;
}
type Grid = GridCell[][];

const header = (value: string, colspan?: number, rowspan?: number): GridCell => ({ value, kind: 'header', colspan, rowspan });
const label = (value: string, colspan?: number): GridCell => ({ value, kind: 'label', colspan });
/** A label down a merged column: 三、本年度办理结果, （三）不予公开 … */
const group = (value: string, rowspan: number): GridCell => ({ value, kind: 'group', rowspan });
const figure = (value: Cell | undefined, colspan?: number, numFmt?: string): GridCell => ({ value: value ?? null, kind: 'value', colspan, numFmt });

const PROACTIVE_WIDTH = 4;
// 采购总金额 carries its unit in the cell in the 2019 format (2021 puts it in the header).
const WAN_YUAN = 'General"万元"';

function proactiveGrid(table: ProactiveTable, version: NationalVersion): Grid {
  const grid: Grid = [];
  for (const article of [...new Set(PROACTIVE_ROWS.map((r) => r.article))]) {
    const columns = PROACTIVE_COLUMNS[version][article];
    if (columns.length === 0) continue;
    // the last column fills the table's width (the 2021 format's one column spans three)
    const span = (i: number) => (i === columns.length - 1 ? PROACTIVE_WIDTH - columns.length : undefined);
    grid.push([header(ARTICLE_LABEL[article], PROACTIVE_WIDTH)]);
    grid.push([header(FORMAT_WORDS.content), ...columns.map((c, i) => header(c.label, span(i)))]);
    for (const row of PROACTIVE_ROWS) {
      const rowLabel = row.article === article ? proactiveRowLabel(row.key, version) : undefined;
      if (rowLabel === undefined) continue;
      const figures = table[row.key] ?? {};
      grid.push([label(rowLabel), ...columns.map((c, i) => figure(figures[c.key], span(i), c.money && version === '2019' ? WAN_YUAN : undefined))]);
    }
  }
  return grid;
}

const GROUP_NUMBER = /^（[一二三四五六七]）/u;
const LEAF = /^(（[一二三四五六七]）)(\d+[.、．].*)$/u;
const SPLIT_KEYS = APPLICATION_ROWS.filter((r) => 'shape' in r && r.shape === 'otherSplit').map((r) => r.key);

/** （六）其他处理 as one row or three: as the report printed it, else as its version prints it. */
function otherShape(table: ApplicationsTable, version: NationalVersion): 'otherSingle' | 'otherSplit' {
  if (SPLIT_KEYS.some((k) => table[k] !== undefined)) return 'otherSplit';
  if (table.other !== undefined) return 'otherSingle';
  return version === '2021' ? 'otherSplit' : 'otherSingle';
}

/** （三） → （三）不予公开; （六）'s title is the label of its one-row form. */
function groupTitle(number: string): string {
  const titles = [...FORMAT_WORDS.groups, applicationRowLabel('other')];
  return titles.find((t) => GROUP_NUMBER.exec(t)?.[0] === number) ?? number;
}

function applicationsGrid(table: ApplicationsTable, version: NationalVersion): Grid {
  const legal = APPLICANT_COLUMNS.slice(1, APPLICANT_TOTAL_INDEX);
  const grid: Grid = [
    [header(FORMAT_WORDS.balanceNote, 3, 3), header(FORMAT_WORDS.applicants, APPLICANT_COLUMNS.length)],
    [header(APPLICANT_COLUMNS[0], undefined, 2), header(FORMAT_WORDS.legalPersons, legal.length), header(APPLICANT_COLUMNS[APPLICANT_TOTAL_INDEX], undefined, 2)],
    legal.map((c) => header(c)),
  ];
  const keys = applicationRowsFor(otherShape(table, version));
  const inResults = (key: string) => key === 'total' || APPLICATION_ROWS.some((r) => r.key === key && r.outcome);
  const results = keys.filter(inResults);
  const leavesOf = (number: string) => keys.filter((k) => applicationRowLabel(k).startsWith(number)).length;
  let current = '';
  for (const key of keys) {
    const text = applicationRowLabel(key);
    const row: GridCell[] = [];
    if (!inResults(key)) row.push(label(text, 3));
    else {
      if (key === results[0]) row.push(group(FORMAT_WORDS.results, results.length));
      const leaf = LEAF.exec(text);
      if (!leaf) row.push(label(text, 2));
      else {
        if (leaf[1] !== current) row.push(group(groupTitle(leaf[1]), leavesOf(leaf[1])));
        row.push(label(leaf[2]));
      }
      current = leaf?.[1] ?? '';
    }
    grid.push([...row, ...APPLICANT_COLUMNS.map((_, i) => figure(table[key]?.[i]))]);
  }
  return grid;
}

function appealsGrid(table: AppealsTable): Grid {
  const width = APPEAL_COLUMNS.length;
  // 行政复议 / 行政诉讼·未经复议直接起诉: the top header, then the sub-header if any
  const groups = APPEAL_GROUPS.map((g) => {
    const [top, sub] = g.label.split('·');
    return { key: g.key, top, sub };
  });
  const tops = [...new Set(groups.map((g) => g.top))];
  return [
    tops.map((top) => header(top, width * groups.filter((g) => g.top === top).length)),
    groups.flatMap((g) => (g.sub ? [header(g.sub, width)] : APPEAL_COLUMNS.map((c) => header(c, undefined, 2)))),
    groups.filter((g) => g.sub).flatMap(() => APPEAL_COLUMNS.map((c) => header(c))),
    groups.flatMap((g) => APPEAL_COLUMNS.map((_, i) => figure(table[g.key]?.[i]))),
  ];
}

// ---- laying a grid out on a sheet ------------------------------------------------------

interface Placed {
  cell: GridCell;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Positions of the cells, as a browser lays out a table: a spanned cell covers the cells after and below it. */
function place(grid: Grid): { placed: Placed[]; width: number } {
  const taken = new Set<string>();
  const placed: Placed[] = [];
  let width = 0;
  grid.forEach((cells, row) => {
    let col = 0;
    for (const cell of cells) {
      while (taken.has(`${row},${col}`)) col++;
      const rows = cell.rowspan ?? 1;
      const cols = cell.colspan ?? 1;
      for (let r = row; r < row + rows; r++) for (let c = col; c < col + cols; c++) taken.add(`${r},${c}`);
      placed.push({ cell, row, col, rows, cols });
      col += cols;
      width = Math.max(width, col);
    }
  });
  return { placed, width };
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin' };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const LINE_HEIGHT = 15;

const ALIGN: Record<Kind, Partial<ExcelJS.Alignment>> = {
  header: { horizontal: 'center', vertical: 'middle', wrapText: true },
  group: { horizontal: 'center', vertical: 'middle', wrapText: true },
  label: { horizontal: 'left', vertical: 'middle', wrapText: true },
  value: { horizontal: 'center', vertical: 'middle' },
};

/** Lines a text needs in a column `width` units wide. */
const linesFor = (text: string, width: number) => Math.max(1, Math.ceil(displayWidth(text) / Math.max(1, width - 1)));

/** A merged line across the table's width (title, source, notes). */
function noteRow(sheet: ExcelJS.Worksheet, row: number, text: string, width: number, font: Partial<ExcelJS.Font>, totalWidth: number): void {
  const cell = sheet.getCell(row, 1);
  cell.value = text;
  cell.font = font;
  cell.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  if (width > 1) sheet.mergeCells(row, 1, row, width);
  sheet.getRow(row).height = LINE_HEIGHT * linesFor(text, totalWidth) + 4;
}

/** Writes the grid from sheet row `top`; returns the first row below it. */
function writeGrid(sheet: ExcelJS.Worksheet, grid: Grid, top: number, widths: readonly number[]): number {
  const { placed, width } = place(grid);
  for (let r = 0; r < grid.length; r++) {
    for (let c = 0; c < width; c++) sheet.getCell(top + r, c + 1).border = BORDER;
  }
  const lines = grid.map(() => 1);
  for (const { cell, row, col, rows, cols } of placed) {
    const target = sheet.getCell(top + row, col + 1);
    target.value = cell.value;
    target.alignment = ALIGN[cell.kind];
    if (cell.kind === 'header') target.font = { bold: true };
    if (cell.numFmt) target.numFmt = cell.numFmt;
    if (rows > 1 || cols > 1) sheet.mergeCells(top + row, col + 1, top + row + rows - 1, col + cols);
    if (rows === 1 && typeof cell.value === 'string') {
      const span = widths.slice(col, col + cols).reduce((a, b) => a + b, 0);
      lines[row] = Math.max(lines[row], linesFor(cell.value, span));
    }
  }
  lines.forEach((n, r) => (sheet.getRow(top + r).height = LINE_HEIGHT * n + 4));
  return top + grid.length;
}

// ---- the workbook ----------------------------------------------------------------------

const TABLES = [
  { key: 'proactive', numeral: '二', title: SECTION_TITLES[1], widths: [24, 18, 18, 18] },
  { key: 'applications', numeral: '三', title: SECTION_TITLES[2], widths: [6, 14, 36, 9, 9, 9, 9, 9, 9, 9] },
  { key: 'appeals', numeral: '四', title: SECTION_TITLES[3], widths: Array<number>(15).fill(9) },
] as const;

function gridOf(report: Report, key: (typeof TABLES)[number]['key'], version: NationalVersion): Grid | undefined {
  if (key === 'proactive') return report.proactive && proactiveGrid(report.proactive, version);
  if (key === 'applications') return report.applications && applicationsGrid(report.applications, version);
  return report.appeals && appealsGrid(report.appeals);
}

export function nationalVersion(report: Pick<Report, 'template'>): NationalVersion {
  return report.template === '2021' ? '2021' : '2019';
}

/** Three sheets, 二 主动公开, 三 依申请公开 and 四 复议诉讼, each a table of the report as printed. */
export function nationalTablesWorkbook(report: Report, meta: ExportMeta): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  describeWorkbook(workbook, meta);
  const version = nationalVersion(report);
  const source = [
    meta.source && `来源：${meta.source}`,
    `导出时间：${exportTime(meta.exportedAt)}`,
    `表格格式：${version}年版`,
    '空白单元格表示报告未载明该数字',
    ...(meta.corrections ?? []).map((c) => `已更正：${c}`),
  ];
  for (const table of TABLES) {
    const sheet = workbook.addWorksheet(NATIONAL_SHEETS[table.key], {
      views: [{ showGridLines: false }],
      pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true },
    });
    sheet.columns = table.widths.map((width) => ({ width }));
    const total = table.widths.reduce((a, b) => a + b, 0);
    const grid = gridOf(report, table.key, version);
    noteRow(sheet, 1, `${meta.title} · ${table.numeral}、${table.title}`, table.widths.length, { bold: true, size: 12 }, total);
    let next = 2;
    if (grid) next = writeGrid(sheet, grid, next, table.widths);
    else noteRow(sheet, next++, '本报告未载明此表。', table.widths.length, {}, total);
    noteRow(sheet, next, `${source.filter(Boolean).join('；')}。`, table.widths.length, { size: 9, color: { argb: 'FF595959' } }, total);
  }
  return workbook;
}
