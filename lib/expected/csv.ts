// A CSV of the bodies a region expects reports from, as staff export it from a spreadsheet:
// columns 名称 and 类型 (部门, or 乡镇 / 街道), a header line or none, UTF-8 with or without BOM
// or GBK (what Excel saves in China), quoted fields, blank lines. Each bad line is named with
// its line number, in Chinese; the same body twice (会同县财政局 and 财政局) is merged. Pure:
// bytes in, bodies and problems out.

import { bomEncoding, decodeAs, looksBinary, strictUtf8 } from '../formats/text';
import { bodyKey, bodyNameProblem, cleanBodyName, inferKind, isOwnGovernment, KIND_LABELS, parseKind, type BodyKind } from './names';

export { MAX_CSV_BYTES, MAX_CSV_LABEL } from './limits';
/** A county has a few hundred bodies at most. */
export const MAX_CSV_BODIES = 2000;

export interface CsvBody {
  name: string;
  kind: BodyKind;
  /** the line it was read from (1-based) */
  line: number;
  /** the 类型 cell was empty: the kind comes from the name (…乡, …镇, …街道: township; else department) */
  inferred: boolean;
}

export interface CsvLineError {
  line: number;
  message: string;
}

export interface CsvDuplicate {
  line: number;
  /** the line of the body it repeats */
  firstLine: number;
  name: string;
}

export type CsvEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export type CsvResult =
  | {
      ok: true;
      /** the good lines, each body once, in the file's order */
      bodies: CsvBody[];
      /** every bad line; when there is one, nothing should be stored */
      errors: CsvLineError[];
      duplicates: CsvDuplicate[];
      header: boolean;
      encoding: CsvEncoding;
    }
  | { ok: false; error: string };

export const formatLineError = (e: CsvLineError) => `第 ${e.line} 行：${e.message}`;

/** share of U+FFFD in a GB18030 decoding above which the bytes were not GB text */
const MAX_REPLACEMENT_SHARE = 0.01;

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

/** The text of the file, or why it cannot be read as a CSV. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } | { error: string } {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return { error: '这是 Excel 文件（或其他压缩文件），不是 CSV：请在 Excel 中“另存为”“CSV（逗号分隔）”后再导入' };
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return { error: '这是 PDF 文件，不是 CSV' };
  const bom = bomEncoding(bytes);
  if (bom) return { text: decodeAs(bytes.subarray(bom.length), bom.encoding), encoding: bom.encoding as CsvEncoding };
  if (looksBinary(bytes)) return { error: '这不是文本文件，无法作为 CSV 读取' };
  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  const text = decodeAs(bytes, 'gb18030');
  const bad = text.length ? (text.match(/\ufffd/gu)?.length ?? 0) / text.length : 0;
  if (bad > MAX_REPLACEMENT_SHARE) return { error: '无法识别文件的编码：请把 CSV 保存为 UTF-8 或 GBK 编码' };
  return { text, encoding: 'gb18030' };
}

export interface CsvRecord {
  /** the line the record starts on (1-based) */
  line: number;
  cells: string[];
}

const DELIMITERS = [',', '\t', ';', '，'];

/** The delimiter of the first non-blank line (outside quotes): the most frequent of , tab ; ， (a comma when none). */
export function sniffDelimiter(text: string): string {
  const first = text.split(/\r\n|\r|\n/u).find((l) => l.trim() !== '') ?? '';
  const unquoted = first.replace(/"[^"]*"/gu, '');
  let best = ',';
  let most = 0;
  for (const d of DELIMITERS) {
    const n = unquoted.split(d).length - 1;
    if (n > most) [best, most] = [d, n];
  }
  return best;
}

/**
 * Splits the text into records (RFC 4180: fields in double quotes may hold the delimiter, line
 * breaks and "" for a quote). A quote left open is an error on the line it opened.
 */
export function splitCsv(text: string, delimiter = sniffDelimiter(text)): { records: CsvRecord[] } | { error: CsvLineError } {
  const records: CsvRecord[] = [];
  let line = 1;
  let cells: string[] = [];
  let cell = '';
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  let atCellStart = true;
  const endCell = () => {
    cells.push(cell);
    cell = '';
    atCellStart = true;
  };
  const endRecord = () => {
    endCell();
    records.push({ line: recordLine, cells });
    cells = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        cell += c;
      }
      continue;
    }
    if (c === '"' && atCellStart) {
      quoted = true;
      quoteLine = line;
      atCellStart = false;
    } else if (c === delimiter) {
      endCell();
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      // spaces before an opening quote do not make the field unquoted
      if (!(atCellStart && (c === ' ' || c === '\t') && delimiter !== '\t')) atCellStart = false;
      cell += c;
    }
  }
  if (quoted) return { error: { line: quoteLine, message: '引号没有闭合（一个字段以 " 开始，但到文件末尾也没有结束的 "）' } };
  if (cell !== '' || cells.length > 0) endRecord();
  return { records };
}

const norm = (s: string) => s.normalize('NFKC').replace(/[\s\u3000]+/gu, '').toLowerCase();

const NAME_HEADERS = new Set(['名称', 'name', '单位名称', '单位', '机关名称', '机关', '部门名称', '机构名称', '单位全称', '名单']);
const KIND_HEADERS = new Set(['类型', 'kind', 'type', '类别', '单位类型', '单位类别', '性质']);
const NUMBER_HEADERS = new Set(['序号', '编号', 'no', 'no.', '#']);

interface Columns {
  name: number;
  kind: number;
}

/** The columns a header line names; null when the line is not a header. */
function headerColumns(cells: string[]): Columns | { error: string } | null {
  const words = cells.map(norm);
  const name = words.findIndex((w) => NAME_HEADERS.has(w));
  const kind = words.findIndex((w) => KIND_HEADERS.has(w));
  if (name === -1 && kind === -1) return null;
  if (name === -1) return { error: '表头中没有“名称”列（表头应为：名称,类型）' };
  return { name, kind };
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

/**
 * The bodies of a CSV. Without a header, the first column is the name and the second the kind
 * (a first column of numbers, 序号, is skipped). An empty 类型 is read from the name. With
 * `prefixes` (lib/expected/names.ts namePrefixes), names are compared as one region's bodies:
 * 会同县财政局 and 财政局 are one, and 会同县人民政府 is the region itself, not a body.
 */
export function parseBodiesCsv(bytes: Uint8Array, { prefixes = [] as readonly string[] } = {}): CsvResult {
  const decoded = decodeCsv(bytes);
  if ('error' in decoded) return { ok: false, error: decoded.error };
  if (decoded.text.trim() === '') return { ok: false, error: '文件是空的' };
  const split = splitCsv(decoded.text);
  if ('error' in split) return { ok: false, error: formatLineError(split.error) };
  const records = split.records.filter((r) => !isBlank(r.cells));
  if (records.length === 0) return { ok: false, error: '文件中没有任何名称' };

  let columns: Columns | null = null;
  const head = headerColumns(records[0].cells);
  if (head && 'error' in head) return { ok: false, error: formatLineError({ line: records[0].line, message: head.error }) };
  if (head) columns = head;
  const rows = head ? records.slice(1) : records;
  if (rows.length > MAX_CSV_BODIES) return { ok: false, error: `行数过多：最多 ${MAX_CSV_BODIES} 个单位，这个文件有 ${rows.length} 行` };
  const numbered = !head && records[0].cells.length >= 2 && records.every((r) => /^\s*\d+\s*$/u.test(r.cells[0]) && r.cells.length >= 2);

  const bodies: CsvBody[] = [];
  const errors: CsvLineError[] = [];
  const duplicates: CsvDuplicate[] = [];
  const byKey = new Map<string, CsvBody>();
  for (const { line, cells } of rows) {
    const at = columns ?? (numbered ? { name: 1, kind: 2 } : { name: 0, kind: 1 });
    const rawName = cells[at.name] ?? '';
    const rawKind = at.kind >= 0 ? (cells[at.kind] ?? '') : '';
    if (/[\r\n]/u.test(rawName)) {
      errors.push({ line, message: '名称中有换行' });
      continue;
    }
    const name = cleanBodyName(rawName);
    const problem = bodyNameProblem(name);
    if (problem) {
      errors.push({ line, message: rawName.trim() === '' && rawKind.trim() !== '' ? '名称为空（这一行只有类型）' : problem });
      continue;
    }
    if (isOwnGovernment(name, prefixes)) {
      errors.push({ line, message: `“${name}”是本级政府，不必列入名单：本级政府的报告在“未报送”页面单独核对` });
      continue;
    }
    let kind: BodyKind;
    let inferred = false;
    if (rawKind.trim() === '') {
      kind = inferKind(name, prefixes);
      inferred = true;
    } else {
      const parsed = parseKind(rawKind);
      if (!parsed) {
        errors.push({ line, message: `类型“${rawKind.trim().slice(0, 20)}”无法识别，应为“部门”或“乡镇”“街道”` });
        continue;
      }
      kind = parsed;
    }
    const key = bodyKey(name, prefixes);
    const first = byKey.get(key);
    if (first) {
      if (first.kind !== kind && !inferred) {
        if (first.inferred) first.kind = kind;
        else {
          errors.push({ line, message: `“${name}”与第 ${first.line} 行的“${first.name}”是同一单位，但类型不同（${KIND_LABELS[kind]} / ${KIND_LABELS[first.kind]}）` });
          continue;
        }
      }
      first.inferred &&= inferred;
      duplicates.push({ line, firstLine: first.line, name });
      continue;
    }
    const body: CsvBody = { name, kind, line, inferred };
    byKey.set(key, body);
    bodies.push(body);
  }
  return { ok: true, bodies, errors, duplicates, header: head !== null, encoding: decoded.encoding };
}
