// Table text as a stream of tokens: label text and value cells, each with its line.
// Reads all text layouts alike (template.md §5.2): one cell per line, cells ending in " |",
// pipe rows with empty cells, and whitespace-separated rows.

import { NO_DEADLINE, type Deadline } from './deadline';

export type CellStatus = 'ok' | 'dash' | 'blank' | 'damaged' | 'repaired';

export interface ValueCell {
  kind: 'value';
  raw: string;
  line: number;
  value: number | null;
  status: CellStatus;
  unit?: '万元' | '元';
}

export interface TextCell {
  kind: 'text';
  text: string;
  line: number;
}

export type Token = ValueCell | TextCell;

/** A row as printed: its label (all text since the previous row's values) and its values. */
export interface PrintedRow {
  label: string;
  labelLine: number;
  values: ValueCell[];
}

const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(万元|元)?$/u;
const DASH = /^(?:[/／\\]|[-—–－―─]{1,3}|无)$/u;
const DAMAGED = /^[?？\ufffd□■]+$/u;
/** no cell of these tables has more than 12 digits: a longer run is damage, not a figure */
const RUNAWAY_NUMBER = /^[+-]?\d{13,}(?:\.\d+)?$/u;
/** digits with mirror damage around them ("? 0", "0?") */
const DAMAGED_NUMBER = /^[?？\ufffd]*\s*([+-]?\d+(?:\.\d+)?)\s*[?？\ufffd]*$/u;
/** "1." or "1、" alone is the start of a label, not a value */
const LIST_NUMBER = /^\d{1,2}[.、]$/u;

const valueCell = (raw: string, line: number, value: number | null, status: CellStatus, unit?: '万元' | '元'): ValueCell =>
  unit ? { kind: 'value', raw, line, value, status, unit } : { kind: 'value', raw, line, value, status };

const PLAIN_INTEGER = /^\d{1,12}$/u;

const WU = 0x65e0; // 无, a dash
const HAS_SPACE = /\s/u;
const SPACES = /\s+/u;
const ALL_SPACES = /\s+/gu;

export function classifyCell(raw: string, line: number): Token {
  const s = raw.trim();
  // a label (it starts with a CJK character other than 无): no value pattern below can match it
  const first = s.charCodeAt(0);
  if (first >= 0x3400 && first <= 0x9fff && first !== WU) return { kind: 'text', text: s, line };
  if (PLAIN_INTEGER.test(s)) return valueCell(s, line, Number(s), 'ok');
  if (s === '') return valueCell(s, line, null, 'blank');
  if (RUNAWAY_NUMBER.test(s)) return valueCell(s, line, null, 'damaged');
  const m = NUMBER.exec(s);
  if (m) {
    const n = Number(m[2].replace(/,/gu, '') + (m[3] ?? ''));
    return valueCell(s, line, m[1] === '-' ? -n : n, 'ok', m[4] as '万元' | '元' | undefined);
  }
  if (DASH.test(s)) return valueCell(s, line, 0, 'dash');
  if (DAMAGED.test(s)) return valueCell(s, line, null, 'damaged');
  const d = DAMAGED_NUMBER.exec(s);
  if (d && /[?？\ufffd]/u.test(s)) return valueCell(s, line, Number(d[1]), 'repaired');
  return { kind: 'text', text: s, line };
}

/** \s of a regex, which is what trim() removes (WhiteSpace and LineTerminator) */
const isSpace = (c: number) =>
  (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/** `line.slice(from, to).trim()`, without the untrimmed copy */
function trimmedSlice(line: string, from: number, to: number): string {
  while (from < to && isSpace(line.charCodeAt(from))) from++;
  while (to > from && isSpace(line.charCodeAt(to - 1))) to--;
  return from === to ? '' : line.slice(from, to);
}

/** The cells between bars, trimmed; a blank first or last cell is the row's border. */
function splitPipeRow(line: string): string[] {
  const cells: string[] = [];
  for (let from = 0; ; ) {
    const bar = line.indexOf('|', from);
    cells.push(trimmedSlice(line, from, bar < 0 ? line.length : bar));
    if (bar < 0) break;
    from = bar + 1;
  }
  if (cells.length && cells[0] === '') cells.shift();
  if (cells.length && cells[cells.length - 1] === '') cells.pop();
  return cells;
}

/** Whitespace-separated pieces; neighbouring text pieces are one label ("(一) 予以公开"). */
function splitSpacedRow(line: string, lineNo: number): Token[] {
  if (!HAS_SPACE.test(line.trim())) return [classifyCell(line, lineNo)];
  const out: Token[] = [];
  for (const piece of line.trim().split(SPACES)) {
    const tok = LIST_NUMBER.test(piece) ? ({ kind: 'text', text: piece, line: lineNo } as TextCell) : classifyCell(piece, lineNo);
    const prev = out[out.length - 1];
    if (tok.kind === 'text' && prev?.kind === 'text') prev.text += tok.text;
    else out.push(tok);
  }
  return out;
}

export function tokenizeLines(
  lines: readonly string[],
  from: number,
  to: number,
  deadline: Deadline = NO_DEADLINE,
  doing = 'reading table cells',
): Token[] {
  const tokens: Token[] = [];
  for (let i = from; i < to; i++) {
    deadline.tick(doing);
    const line = lines[i];
    if (!line || !line.trim()) continue;
    const lineNo = i + 1;
    if (line.includes('|')) {
      const cells = splitPipeRow(line);
      if (cells.length === 0) tokens.push(classifyCell('', lineNo));
      for (const cell of cells) {
        deadline.tick(doing);
        const tok = classifyCell(cell, lineNo);
        if (tok.kind === 'text' && HAS_SPACE.test(tok.text)) tokens.push(...splitSpacedRow(tok.text, lineNo));
        else tokens.push(tok);
      }
    } else {
      tokens.push(...splitSpacedRow(line, lineNo));
    }
  }
  return tokens;
}

/**
 * Groups tokens into printed rows: the text since the last value is the label of the values
 * that follow it. Labels wrapped over several lines (numbers on the last) come out whole.
 */
export function groupRows(tokens: readonly Token[], deadline: Deadline = NO_DEADLINE): PrintedRow[] {
  const rows: PrintedRow[] = [];
  let label = '';
  let labelLine = 0;
  let current: PrintedRow | null = null;
  for (const tok of tokens) {
    deadline.tick('grouping table rows');
    if (tok.kind === 'text') {
      if (current) {
        rows.push(current);
        current = null;
        label = '';
      }
      if (!label) labelLine = tok.line;
      label += tok.text;
    } else {
      if (!current) current = { label, labelLine: labelLine || tok.line, values: [] };
      current.values.push(tok);
    }
  }
  if (current) rows.push(current);
  return rows;
}

/** Label text for matching: no spaces, ASCII brackets as printed after NFKC. */
export function compactLabel(label: string): string {
  return label.replace(ALL_SPACES, '');
}
