// Tables as an XLSX workbook: one sheet per table, header row bold, frozen and filterable,
// columns fitted to their content, numbers stored as numbers and null as an empty cell.
//
// Where the title, source and export date go: in the workbook's properties (File → Info) and in
// a last sheet 说明, never in rows above a table. Every data sheet stays a clean rectangle whose
// first row is the header, so filters, pivot tables, Power Query and pandas read it as is, and
// Excel opens on the first table, not on the notes.

import { PassThrough, type Readable, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { displayWidth, exportTime, type CellValue, type DataTable, type ExportMeta, type Row } from './table';

export type { DataTable, ExportMeta } from './table';

/** Excel's rows per sheet, and the data rows that fit below a header. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_DATA_ROWS = EXCEL_MAX_ROWS - 1;
const MAX_SHEET_NAME = 31;
const MAX_CELL_TEXT = 32_767;
const ABOUT_SHEET = '说明';
const CREATOR = '年报通 Nianbao';

// ---- sheet names ------------------------------------------------------------------------

const FORBIDDEN = /[[\]:*?/\\\u0000-\u001f]/gu;

/** At most `max` UTF-16 units (Excel's count), never cutting a character in two. */
function truncate(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/** `name`, `name (2)`, …, valid and at most 31 characters, the suffix always kept. */
export function partName(name: string, part: number): string {
  const suffix = part <= 1 ? '' : ` (${part})`;
  // Excel refuses a name that starts or ends with an apostrophe.
  const clean = name.replace(FORBIDDEN, '_').trim().replace(/^'+|'+$/g, '') || 'Sheet';
  return truncate(clean, MAX_SHEET_NAME - suffix.length).replace(/'+$/, '') + suffix;
}

/** A valid sheet name not in `taken` (case-insensitive, as Excel compares), then added to it. */
export function uniqueSheetName(name: string, taken: Set<string>): string {
  for (let part = 1; ; part++) {
    const candidate = partName(name, part);
    const key = candidate.toLowerCase();
    if (!taken.has(key) && key !== 'history') {
      taken.add(key);
      return candidate;
    }
  }
}

/** The table cut into parts of at most `maxRows` data rows each: `name`, `name (2)`, … */
export function splitRows(table: DataTable, maxRows: number = EXCEL_MAX_DATA_ROWS): DataTable[] {
  if (!(maxRows >= 1)) throw new RangeError(`maxRows must be at least 1, got ${maxRows}`);
  if (table.rows.length <= maxRows) return [table];
  const parts: DataTable[] = [];
  for (let start = 0; start < table.rows.length; start += maxRows) {
    parts.push({ name: partName(table.name, parts.length + 1), columns: table.columns, rows: table.rows.slice(start, start + maxRows) });
  }
  return parts;
}

// ---- cells and sheets -------------------------------------------------------------------

/** What a cell holds: finite numbers as numbers, text cut at Excel's 32,767 characters, else empty. */
export function cellValue(value: CellValue): string | number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return value.length > MAX_CELL_TEXT ? truncate(value, MAX_CELL_TEXT) : value;
  return null;
}

/** Column widths in Excel units from the header and the rows given (CJK counts double). */
export function fitWidths(columns: readonly string[], rows: Iterable<Row>): number[] {
  const widths = columns.map((c) => displayWidth(c));
  for (const row of rows) {
    row.forEach((v, i) => {
      if (v !== null && i < widths.length) widths[i] = Math.max(widths[i], displayWidth(String(v)));
    });
  }
  return widths.map((w) => Math.min(60, Math.max(8, w + 2)));
}

// a fresh object per sheet: ExcelJS keeps the views array it is given
const sheetOptions = () => ({ views: [{ state: 'frozen' as const, ySplit: 1 }] });

/** Widths, filter and the bold header row; returns the header row (the streaming writer commits it). */
function startSheet(sheet: ExcelJS.Worksheet, columns: readonly string[], widths: readonly number[]): ExcelJS.Row {
  sheet.columns = widths.map((width) => ({ width }));
  if (columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const header = sheet.addRow([...columns]);
  header.font = { bold: true };
  return header;
}

/** Title, source and export date in the workbook's document properties. */
export function describeWorkbook(workbook: ExcelJS.Workbook, meta: ExportMeta): void {
  workbook.creator = CREATOR;
  workbook.lastModifiedBy = CREATOR;
  workbook.title = meta.title;
  workbook.subject = meta.title;
  workbook.description = [meta.source && `来源：${meta.source}`, `导出时间：${exportTime(meta.exportedAt)}`].filter(Boolean).join('；');
  workbook.created = meta.exportedAt;
  workbook.modified = meta.exportedAt;
}

interface SheetSummary {
  name: string;
  rows: number;
}

/** The last sheet, 说明: title, source, export date and the sheets with their row counts. */
function addAboutSheet(workbook: ExcelJS.Workbook, meta: ExportMeta, sheets: readonly SheetSummary[], taken: Set<string>): void {
  const rows: Row[] = [
    ['标题', meta.title],
    ['来源', meta.source ?? '未注明'],
    ['导出时间', exportTime(meta.exportedAt)],
    [],
    ['工作表', '数据行数'],
    ...sheets.map((s): Row => [s.name, s.rows]),
  ];
  const sheet = workbook.addWorksheet(uniqueSheetName(ABOUT_SHEET, taken));
  sheet.columns = fitWidths(['', ''], rows).map((width) => ({ width }));
  for (const row of rows) sheet.addRow([...row]);
  sheet.getColumn(1).font = { bold: true };
  sheet.getRow(5).font = { bold: true };
}

// ---- whole workbooks --------------------------------------------------------------------

/** One sheet per table (split at Excel's row limit), then 说明. */
export function workbookOf(tables: readonly DataTable[], meta: ExportMeta): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  describeWorkbook(workbook, meta);
  const taken = new Set<string>();
  const summaries: SheetSummary[] = [];
  for (const part of tables.flatMap((t) => splitRows(t))) {
    const sheet = workbook.addWorksheet(uniqueSheetName(part.name, taken), sheetOptions());
    startSheet(sheet, part.columns, fitWidths(part.columns, part.rows));
    for (const row of part.rows) sheet.addRow(row.map(cellValue));
    summaries.push({ name: sheet.name, rows: part.rows.length });
  }
  addAboutSheet(workbook, meta, summaries, taken);
  return workbook;
}

export async function xlsxBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// ---- streaming --------------------------------------------------------------------------

export interface StreamTable {
  name: string;
  columns: readonly string[];
  rows: AsyncIterable<Row> | Iterable<Row>;
}

export interface StreamOptions {
  /** data rows per sheet before the next part begins (Excel's limit by default) */
  maxRows?: number;
  /** rows between checks of the consumer; also the rows that column widths are fitted to */
  batchRows?: number;
}

function iteratorOf<T>(items: AsyncIterable<T> | Iterable<T>): AsyncIterator<T> | Iterator<T> {
  return Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]();
}

/** Resolves on `event`; rejects when `out` fails or closes first (the client went away). */
function until(out: Writable, event: 'drain' | 'finish'): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      out.off(event, onEvent).off('close', onClose).off('error', settle);
      if (error) reject(error);
      else resolve();
    };
    const onEvent = () => settle();
    const onClose = () => settle(out.writableFinished ? undefined : closedEarly());
    if (out.destroyed) return onClose();
    out.on(event, onEvent).on('close', onClose).on('error', settle);
  });
}

const closedEarly = () => new Error('XLSX export: the output closed before the end');

/** Lets the zip and the output move (they run on later turns), then waits while `out` is full. */
async function roomIn(out: Writable, sheet?: ExcelJS.Worksheet): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  if (out.destroyed) throw closedEarly();
  // ExcelJS's sheet stream (a StreamBuf) writes into the zip without heeding backpressure: the
  // rows it hands over wait in the zip's input (deflate) until compressed. Wait for those too.
  const pipes = ((sheet as unknown as { stream?: { pipes?: Writable[] } } | undefined)?.stream?.pipes ?? []) as Writable[];
  // (a PassThrough of the readable-stream package, which has no writableNeedDrain)
  const full = (w: Writable) => !w.destroyed && (w.writableNeedDrain ?? (w as unknown as { _writableState?: { needDrain?: boolean } })._writableState?.needDrain ?? false);
  for (const pipe of pipes) while (full(pipe)) await until(pipe, 'drain');
  while (out.writableNeedDrain) await until(out, 'drain');
}

/**
 * Writes the tables to `out` as they are read, with ExcelJS's streaming writer: rows are
 * committed one by one (inline strings, no shared-string table), a table longer than `maxRows`
 * goes on as `name (2)`, … Column widths are fitted to the first batch of rows. Every
 * `batchRows` rows the writer waits while `out` is full, so a slow consumer holds back the
 * sources and memory stays bounded; if `out` closes early the sources are closed and this rejects.
 */
export async function writeXlsxStream(tables: readonly StreamTable[], meta: ExportMeta, out: Writable, options: StreamOptions = {}): Promise<void> {
  const { maxRows = EXCEL_MAX_DATA_ROWS, batchRows = 1000 } = options;
  if (!(maxRows >= 1)) throw new RangeError(`maxRows must be at least 1, got ${maxRows}`);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  describeWorkbook(workbook, meta);
  const taken = new Set<string>();
  const summaries: SheetSummary[] = [];
  let sinceCheck = 0;

  for (const table of tables) {
    const rows = iteratorOf(table.rows);
    let finished = false;
    try {
      const first: Row[] = [];
      while (first.length < batchRows) {
        const next = await rows.next();
        if (next.done) break;
        first.push(next.value);
      }
      const widths = fitWidths(table.columns, first);
      let sheet: ExcelJS.Worksheet | undefined;
      let summary: SheetSummary | undefined;
      let part = 0;
      const open = () => {
        sheet?.commit();
        sheet = workbook.addWorksheet(uniqueSheetName(partName(table.name, ++part), taken), sheetOptions());
        startSheet(sheet, table.columns, widths).commit();
        summary = { name: sheet.name, rows: 0 };
        summaries.push(summary);
        return sheet;
      };
      const write = async (row: Row) => {
        const target = !sheet || summary!.rows === maxRows ? open() : sheet;
        target.addRow(row.map(cellValue)).commit();
        summary!.rows++;
        if (++sinceCheck >= batchRows) {
          sinceCheck = 0;
          await roomIn(out, sheet);
        }
      };
      for (const row of first) await write(row);
      for (let next = await rows.next(); !next.done; next = await rows.next()) await write(next.value);
      finished = true;
      const last = sheet ?? open();
      last.commit();
    } finally {
      if (!finished) await rows.return?.();
    }
  }
  addAboutSheet(workbook, meta, summaries, taken);
  await Promise.race([workbook.commit(), until(out, 'finish')]);
}

/** The workbook as a Node stream (for a route handler: `new Response(Readable.toWeb(stream))`). */
export function xlsxStream(tables: readonly StreamTable[], meta: ExportMeta, options: StreamOptions = {}): Readable {
  const out = new PassThrough();
  writeXlsxStream(tables, meta, out, options).catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}
