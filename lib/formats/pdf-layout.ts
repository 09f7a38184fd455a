// Rebuilding text lines and table rows from positioned PDF text fragments, one page at a time.
//
// Output per page, top to bottom:
// - a line of text with no visible gaps is printed as is (prose, headings, captions);
// - a line whose pieces are separated by gaps wider than about a character becomes a pipe row
//   `| c1 | c2 | … |`; a table row whose label wraps over several lines (numbers centred
//   beside it) is printed as ONE row, the label's lines joined with nothing;
// - labels of merged cells that span several rows (（三）不予公开, or 三、本年度办理结果 printed
//   one character per line) are printed on their own line BEFORE the first row they span,
//   never inside or after a row;
// - page numbers ("- 3 -", "第3页") in the top or bottom margin are dropped.
//
// Coordinates are viewport coordinates: x to the right, y DOWN from the top of the page.

export interface Fragment {
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** y of the baseline (for vertical text, its top) */
  baseline: number;
  /** font height */
  size: number;
  /** text that runs top to bottom (vertical fonts, rotated text) */
  vertical: boolean;
}

interface Cell {
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  size: number;
}

interface Line {
  cells: Cell[];
  baseline: number;
  top: number;
  bottom: number;
  size: number;
}

interface Row {
  line: Line;
  /** the text cells of the row's own line that precede the label: labels of merged cells */
  groupCells: Cell[];
  /** the row's own label cell on its line, if any */
  label?: Cell;
  values: Cell[];
  valueX0: number;
  valueCentre: number;
  size: number;
  /** label lines above and below the row that belong to it, top-down */
  above: Line[];
  below: Line[];
}

interface Block {
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  size: number;
}

/** baselines closer than this share of the font height are one line */
const SAME_LINE = 0.45;
/** a horizontal gap wider than this share of the font height separates cells */
const CELL_GAP = 0.85;
/** a gap wider than this share of the font height inside a cell is printed as a space */
const WORD_GAP = 0.3;
/** lines of one label cell follow each other within this many font heights (top to top) */
const LABEL_PITCH = 2.7;
/** label lines further than this many font heights from a row's numbers are not its label */
const LABEL_REACH = 3.2;
/** page numbers are looked for in this share of the page at the top and at the bottom */
const MARGIN_SHARE = 0.1;

const VALUE_CELL = /^(?:[+-]?\d[\d,，]*(?:\.\d+)?\s*(?:%|‰|万元|元|萬元|件|条|个)?|[/／\\—–\-－―─]{1,3}|[＋+]\s*\d+)$/u;
const STACK_CHAR = /^[\u3400-\u9fff\uf900-\ufaff][、，,.．：:]?$/u;
const PAGE_NUMBER =
  /^(?:[-—–－_]*\s*\d{1,4}\s*[-—–－_]*|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/iu;

export function isValueText(text: string): boolean {
  return VALUE_CELL.test(text);
}

// ---------------------------------------------------------------------------------------------
// Lines and cells

function dedupe(fragments: Fragment[]): Fragment[] {
  // fake bold prints the same text twice, a fraction of a point apart
  const seen = new Set<string>();
  return fragments.filter((f) => {
    const key = `${f.text}|${Math.round(f.x0)}|${Math.round(f.baseline)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function groupLines(fragments: Fragment[]): Fragment[][] {
  const sorted = [...fragments].sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const lines: Fragment[][] = [];
  let current: Fragment[] = [];
  let baseline = 0;
  let size = 0;
  for (const f of sorted) {
    if (current.length > 0 && Math.abs(f.baseline - baseline) <= SAME_LINE * Math.min(size, f.size)) {
      current.push(f);
      baseline = (baseline * (current.length - 1) + f.baseline) / current.length;
      size = Math.min(size, f.size);
      continue;
    }
    if (current.length > 0) lines.push(current);
    current = [f];
    baseline = f.baseline;
    size = f.size;
  }
  if (current.length > 0) lines.push(current);
  return lines;
}

function toCells(fragments: Fragment[]): Cell[] {
  const sorted = [...fragments].sort((a, b) => a.x0 - b.x0);
  const cells: Cell[] = [];
  let cell: Cell | undefined;
  for (const f of sorted) {
    const gap = cell ? f.x0 - cell.x1 : Infinity;
    const size = cell ? Math.min(cell.size, f.size) : f.size;
    if (cell && gap <= CELL_GAP * size) {
      cell.text += gap > WORD_GAP * size && !mixedBoundary(cell.text, f.text) ? ` ${f.text}` : f.text;
      cell.x1 = Math.max(cell.x1, f.x1);
      cell.top = Math.min(cell.top, f.top);
      cell.bottom = Math.max(cell.bottom, f.bottom);
      cell.size = Math.max(cell.size, f.size);
      continue;
    }
    cell = { text: f.text, x0: f.x0, x1: f.x1, top: f.top, bottom: f.bottom, size: f.size };
    cells.push(cell);
  }
  for (const c of cells) c.text = c.text.replace(/\s+/g, ' ').trim().replace(/\|/g, '¦');
  return cells.filter((c) => c.text !== '');
}

/** Words of Latin script or digits on both sides: the only place a gap or a wrap is a space. */
function latinBoundary(before: string, after: string): boolean {
  return /[A-Za-z0-9.,;:%)]$/.test(before) && /^[A-Za-z0-9(]/.test(after);
}

const CJK_END = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]$/;
const CJK_START = /^[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** CJK on one side and Latin or digits on the other ("申请 21"): a gap there is no space. */
function mixedBoundary(before: string, after: string): boolean {
  return CJK_END.test(before) !== CJK_START.test(after);
}

/** The lines of a wrapped label: CJK joins with nothing, Latin words with a space. */
function joinWrapped(parts: string[]): string {
  let text = '';
  for (const part of parts) {
    if (!part) continue;
    text += text && latinBoundary(text, part) ? ` ${part}` : part;
  }
  return text;
}

function makeLine(cells: Cell[]): Line {
  return {
    cells,
    baseline: Math.max(...cells.map((c) => c.bottom)),
    top: Math.min(...cells.map((c) => c.top)),
    bottom: Math.max(...cells.map((c) => c.bottom)),
    size: Math.max(...cells.map((c) => c.size)),
  };
}

function lineText(line: Line): string {
  return line.cells.map((c) => c.text).join(' ');
}

function inMargin(line: Line, pageHeight: number): boolean {
  return line.bottom < pageHeight * MARGIN_SHARE || line.top > pageHeight * (1 - MARGIN_SHARE);
}

/** Page numbers: the outermost lines of the page, in its margins, that are just a number. */
function dropPageNumbers(lines: Line[], pageHeight: number): Line[] {
  const outer = new Set([lines[0], lines[lines.length - 1]]);
  return lines.filter((l) => !(outer.has(l) && inMargin(l, pageHeight) && PAGE_NUMBER.test(lineText(l))));
}

// ---------------------------------------------------------------------------------------------
// Labels printed one character per line down a narrow merged cell

/**
 * Takes the one-character cells that are stacked at one x with a text line's pitch (三、/本/年/度…)
 * out of their lines and returns them as blocks.
 */
function extractCharacterStacks(lines: Line[]): Block[] {
  const singles: { cell: Cell; line: Line }[] = [];
  for (const line of lines) for (const cell of line.cells) if (STACK_CHAR.test(cell.text)) singles.push({ cell, line });
  singles.sort((a, b) => a.cell.x0 - b.cell.x0 || a.cell.top - b.cell.top);
  const blocks: Block[] = [];
  let i = 0;
  while (i < singles.length) {
    let j = i + 1;
    while (j < singles.length && Math.abs(singles[j].cell.x0 - singles[i].cell.x0) <= 0.3 * singles[i].cell.size) j++;
    const column = singles.slice(i, j).sort((a, b) => a.cell.top - b.cell.top);
    for (const run of stackRuns(column)) {
      blocks.push(blockOf(run.map((s) => s.cell)));
      for (const s of run) s.line.cells = s.line.cells.filter((c) => c !== s.cell);
    }
    i = j;
  }
  return blocks;
}

function stackRuns<T extends { cell: Cell }>(column: T[]): T[][] {
  const runs: T[][] = [];
  let run: T[] = [];
  for (const item of column) {
    const prev = run[run.length - 1];
    const pitch = prev ? item.cell.top - prev.cell.top : 0;
    if (prev && pitch >= 0.8 * prev.cell.size && pitch <= LABEL_PITCH * prev.cell.size) {
      run.push(item);
      continue;
    }
    if (run.length >= 3) runs.push(run);
    run = [item];
  }
  if (run.length >= 3) runs.push(run);
  return runs;
}

function blockOf(cells: Cell[]): Block {
  const sorted = [...cells].sort((a, b) => a.top - b.top || a.x0 - b.x0);
  return {
    text: joinWrapped(sorted.map((c) => c.text)),
    x0: Math.min(...sorted.map((c) => c.x0)),
    x1: Math.max(...sorted.map((c) => c.x1)),
    top: Math.min(...sorted.map((c) => c.top)),
    bottom: Math.max(...sorted.map((c) => c.bottom)),
    size: Math.max(...sorted.map((c) => c.size)),
  };
}

function fragmentBlock(f: Fragment): Block {
  return { text: f.text.replace(/\s+/g, ''), x0: f.x0, x1: f.x1, top: f.top, bottom: f.bottom, size: f.size };
}

// ---------------------------------------------------------------------------------------------
// Table rows

/** A line of numbers after its label: all cells from the first value cell on are values. */
function toRow(line: Line): Row | undefined {
  const first = line.cells.findIndex((c) => isValueText(c.text));
  if (first === -1) return undefined;
  const values = line.cells.slice(first);
  if (!values.every((c) => isValueText(c.text))) return undefined;
  const texts = line.cells.slice(0, first);
  if (values.length < 2 && texts.length === 0) return undefined;
  return {
    line,
    groupCells: texts.slice(0, -1),
    label: texts[texts.length - 1],
    values,
    valueX0: values[0].x0,
    valueCentre: average(values.map((c) => centre(c))),
    size: Math.max(...values.map((c) => c.size)),
    above: [],
    below: [],
  };
}

function average(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function centre(c: { top: number; bottom: number }): number {
  return (c.top + c.bottom) / 2;
}

function overlapsX(a: { x0: number; x1: number }, b: { x0: number; x1: number }): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1;
}

/** where a row's label starts: its label cell, else its attached label lines, else its numbers */
function rowLeft(row: Row): number {
  const xs = [row.label?.x0, ...row.above.map((l) => l.cells[0].x0), ...row.below.map((l) => l.cells[0].x0)];
  const defined = xs.filter((x): x is number => x !== undefined);
  return defined.length > 0 ? Math.min(...defined) : row.valueX0;
}

function rowTop(row: Row): number {
  return Math.min(row.line.top, ...row.above.map((l) => l.top));
}

function rowBottom(row: Row): number {
  return Math.max(row.line.bottom, ...row.below.map((l) => l.bottom));
}

type Role = 'label' | 'group' | 'plain';

/** A text line near table rows: part of a row's label, a merged-cell label, or plain text. */
function roleOf(line: Line, above: Row | undefined, below: Row | undefined): Role {
  const near = [above, below].filter(
    (r): r is Row => !!r && Math.abs(centre(line) - r.valueCentre) <= LABEL_REACH * Math.max(r.size, line.size) + (rowBottom(r) - rowTop(r)) / 2,
  );
  const x1 = Math.max(...line.cells.map((c) => c.x1));
  const beside = near.filter((r) => x1 <= r.valueX0 + 1);
  if (beside.length === 0) return 'plain';
  const isGroup = beside.every((r) => r.label !== undefined && r.label.x0 >= x1 - 1);
  return isGroup ? 'group' : 'label';
}

function fitsLabel(line: Line, row: Row): boolean {
  const x1 = Math.max(...line.cells.map((c) => c.x1));
  if (x1 > row.valueX0 + 1) return false;
  if (!row.label) return true;
  return line.cells.some((c) => overlapsX(c, row.label!));
}

// --- attaching wrapped label lines to their rows: each row's label is centred on its numbers

/**
 * "5.要求…", "1、申请人…", "（六）其他处理", "四、结转…", and table 二's block captions and
 * header rows: the first line of a label, never a continuation of the row above.
 */
const LABEL_START = /^\s*(?:\d{1,2}\s*[.、．]|[(（][一二三四五六七八九十]{1,2}[)）]|[一二三四五六七八九十]{1,2}、|第二十条|信息内容)/u;
const startsLabel = (line: Line | Cell) => LABEL_START.test('cells' in line ? (line.cells[0]?.text ?? '') : line.text);

/** Continuations go below a row's first line; a numbered line can only open a row's label. */
function orderFits(row: Row, above: Line[], below: Line[]): boolean {
  if (below.some(startsLabel)) return false;
  if (above.slice(1).some(startsLabel)) return false;
  return !(above.length > 0 && row.label !== undefined && startsLabel(row.label));
}

const LABELLESS_COST = 1;
const ATTACH_REWARD = 0.08;

function rowCost(row: Row, above: Line[], below: Line[]): number {
  const parts = [...above, ...(row.label ? [row.label] : []), ...below];
  if (parts.length === 0) return LABELLESS_COST;
  const tops = [...above.map((l) => l.top), row.line.top, ...below.map((l) => l.top)];
  const ordered = [...tops].sort((a, b) => a - b);
  for (let i = 1; i < ordered.length; i++) {
    if (ordered[i] - ordered[i - 1] > LABEL_PITCH * row.size + 1) return Infinity;
  }
  const top = Math.min(...parts.map((p) => p.top));
  const bottom = Math.max(...parts.map((p) => p.bottom));
  return Math.abs((top + bottom) / 2 - row.valueCentre) / row.size - ATTACH_REWARD * (above.length + below.length);
}

/**
 * Gives the label lines between rows to the row above, the row below or neither, so that
 * every row's label is as well centred on its numbers as possible (dynamic programme over
 * the rows; each gap splits into a top part, a free middle and a bottom part).
 */
function attachLabels(rows: Row[], gaps: Line[][]): Set<Line> {
  const n = rows.length;
  // best[k].get(b): least cost of rows 0..k with b lines of gap k+1 given to row k
  const best: Map<number, { cost: number; top: number; prevBottom: number }>[] = [];
  for (let k = 0; k < n; k++) {
    const gapAbove = gaps[k];
    const gapBelow = gaps[k + 1];
    const table = new Map<number, { cost: number; top: number; prevBottom: number }>();
    const maxBelow = gapBelow.length;
    for (let b = 0; b <= maxBelow; b++) {
      const below = gapBelow.slice(0, b);
      if (!below.every((l) => fitsLabel(l, rows[k]))) break;
      for (let t = 0; t <= gapAbove.length; t++) {
        const above = gapAbove.slice(gapAbove.length - t);
        if (!above.every((l) => fitsLabel(l, rows[k]))) break;
        if (!orderFits(rows[k], above, below)) continue;
        const prev = k === 0 ? { cost: 0, bottom: 0 } : bestPrevious(best[k - 1], gapAbove.length - t);
        if (!prev) continue;
        const cost = prev.cost + rowCost(rows[k], above, below);
        const old = table.get(b);
        if (!old || cost < old.cost - 1e-9) table.set(b, { cost, top: t, prevBottom: prev.bottom });
      }
    }
    best.push(table);
  }
  // backtrack
  const attached = new Set<Line>();
  let b = argmin(best[n - 1]);
  for (let k = n - 1; k >= 0 && b !== undefined; k--) {
    const entry = best[k].get(b)!;
    rows[k].below = gaps[k + 1].slice(0, b);
    rows[k].above = gaps[k].slice(gaps[k].length - entry.top);
    for (const l of [...rows[k].above, ...rows[k].below]) attached.add(l);
    b = k > 0 ? entry.prevBottom : undefined;
  }
  return attached;
}

function bestPrevious(
  table: Map<number, { cost: number }>,
  limit: number,
): { cost: number; bottom: number } | undefined {
  let found: { cost: number; bottom: number } | undefined;
  for (const [bottom, entry] of table) {
    if (bottom > limit) continue;
    if (!found || entry.cost < found.cost) found = { cost: entry.cost, bottom };
  }
  return found;
}

function argmin(table: Map<number, { cost: number }>): number | undefined {
  let best: number | undefined;
  let cost = Infinity;
  for (const [k, v] of table) {
    if (v.cost < cost) {
      cost = v.cost;
      best = k;
    }
  }
  return best;
}

// --- labels of merged cells: hoisted before the first row they span

function mergeGroupBlocks(blocks: Block[]): Block[] {
  const sorted = [...blocks].sort((a, b) => a.top - b.top);
  const merged: Block[] = [];
  for (const b of sorted) {
    const prev = merged.find(
      (m) => overlapsX(m, b) && b.top - m.bottom <= 1.5 * Math.max(m.size, b.size) && b.top >= m.top,
    );
    if (prev) {
      prev.text = joinWrapped([prev.text, b.text]);
      prev.x0 = Math.min(prev.x0, b.x0);
      prev.x1 = Math.max(prev.x1, b.x1);
      prev.bottom = Math.max(prev.bottom, b.bottom);
      continue;
    }
    merged.push({ ...b });
  }
  return merged;
}

/** where each row's label starts and how far it reaches up and down, once labels are attached */
interface RowBox {
  left: number;
  top: number;
  bottom: number;
}

function rowBoxes(rows: Row[]): RowBox[] {
  return rows.map((r) => ({ left: rowLeft(r), top: rowTop(r), bottom: rowBottom(r) }));
}

/**
 * The row before which a merged-cell label is printed: the first of the rows right of it
 * whose span is centred on the label (a merged cell centres its text), not before the end of
 * the previous label in the same column.
 */
function hoistTarget(block: Block, boxes: RowBox[], columnEnds: { block: Block; end: number }[]): number | undefined {
  const sub = boxes.map((b) => b.left >= block.x1 - 1);
  const overlapping = boxes.map((b, i) => (sub[i] && b.top < block.bottom && b.bottom > block.top ? i : -1)).filter((i) => i >= 0);
  const c = centre(block);
  let seed = overlapping[0];
  if (seed === undefined) {
    let bestDistance = LABEL_REACH * 2 * block.size;
    boxes.forEach((b, i) => {
      const d = Math.abs(centre(b) - c);
      if (sub[i] && d <= bestDistance) {
        bestDistance = d;
        seed = i;
      }
    });
  }
  if (seed === undefined) return undefined;
  let runStart = seed;
  while (runStart > 0 && sub[runStart - 1]) runStart--;
  let runEnd = seed;
  while (runEnd < boxes.length - 1 && sub[runEnd + 1]) runEnd++;
  for (const prev of columnEnds) {
    if (overlapsX(prev.block, block) && prev.end >= runStart && prev.end < seed) runStart = prev.end + 1;
  }
  const firstCovered = overlapping.length > 0 ? overlapping[0] : seed;
  const lastCovered = overlapping.length > 0 ? overlapping[overlapping.length - 1] : seed;
  const pitch = Math.max(block.size, (boxes[runEnd].bottom - boxes[runStart].top) / (runEnd - runStart + 1));
  let best: { s: number; e: number; cost: number } | undefined;
  for (let s = runStart; s <= firstCovered; s++) {
    for (let e = Math.max(lastCovered, s); e <= runEnd; e++) {
      const cost = Math.abs((boxes[s].top + boxes[e].bottom) / 2 - c) / pitch;
      // near-ties go to the earlier start: a clipped or page-split label is off-centre
      if (!best || cost < best.cost - 0.25) best = { s, e, cost };
    }
  }
  if (!best) return undefined;
  columnEnds.push({ block, end: best.e });
  return best.s;
}

// ---------------------------------------------------------------------------------------------
// The page

interface Output {
  key: number;
  order: number;
  lines: string[];
}

function pipeRow(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function plainLine(line: Line): string {
  return line.cells.length === 1 ? line.cells[0].text : pipeRow(line.cells.map((c) => c.text));
}

function joinedText(line: Line): string {
  return joinWrapped(line.cells.map((c) => c.text));
}

function rowLine(row: Row): string {
  const label = joinWrapped([...row.above.map(joinedText), row.label?.text ?? '', ...row.below.map(joinedText)]);
  const values = row.values.map((c) => c.text);
  return pipeRow(label ? [label, ...values] : values);
}

export interface PageText {
  lines: string[];
  /** the page's first line when it sits in the top margin: maybe a running header */
  head?: string;
  /** the page's last line when it sits in the bottom margin: maybe a running footer */
  foot?: string;
}

/** Text lines of one page, in reading order (see the module comment). */
export function layoutPage(fragments: Fragment[], pageHeight: number): PageText {
  const unique = dedupe(fragments.filter((f) => f.text.trim() !== ''));
  const verticalBlocks = unique.filter((f) => f.vertical).map(fragmentBlock);
  let lines = groupLines(unique.filter((f) => !f.vertical))
    .map((fs) => makeLine(toCells(fs)))
    .filter((l) => l.cells.length > 0);
  lines = dropPageNumbers(lines, pageHeight);
  const head = lines.length > 1 && lines[0].bottom < pageHeight * MARGIN_SHARE ? plainLine(lines[0]) : undefined;
  const last = lines[lines.length - 1];
  const foot = lines.length > 1 && last.top > pageHeight * (1 - MARGIN_SHARE) ? plainLine(last) : undefined;
  const stacks = extractCharacterStacks(lines);
  lines = lines.filter((l) => l.cells.length > 0).map((l) => makeLine(l.cells));

  const rows: Row[] = [];
  const rowOf = new Map<Line, Row>();
  for (const line of lines) {
    const row = toRow(line);
    if (row) {
      rows.push(row);
      rowOf.set(line, row);
    }
  }

  // text lines between rows: label parts, merged-cell labels or plain text
  const gaps: Line[][] = Array.from({ length: rows.length + 1 }, () => []);
  const mergedCellLines: Line[] = [];
  let rowIndex = 0;
  for (const line of lines) {
    const row = rowOf.get(line);
    if (row) {
      rowIndex++;
      continue;
    }
    const role = roleOf(line, rows[rowIndex - 1], rows[rowIndex]);
    if (role === 'label') gaps[rowIndex].push(line);
    else if (role === 'group') mergedCellLines.push(line);
  }
  const attached = rows.length > 0 ? attachLabels(rows, gaps) : new Set<Line>();

  const groupBlocks = mergeGroupBlocks([
    ...verticalBlocks,
    ...stacks,
    ...mergedCellLines.map((l) => blockOf(l.cells)),
    ...rows.flatMap((r) => r.groupCells.map((c) => blockOf([c]))),
  ]);
  const before = new Map<number, Block[]>();
  const loose: Block[] = [];
  const columnEnds: { block: Block; end: number }[] = [];
  const boxes = rowBoxes(rows);
  for (const block of groupBlocks) {
    const target = hoistTarget(block, boxes, columnEnds);
    if (target === undefined) loose.push(block);
    else before.set(target, [...(before.get(target) ?? []), block]);
  }

  const outputs: Output[] = [];
  let order = 0;
  rows.forEach((row, i) => {
    const hoisted = (before.get(i) ?? []).sort((a, b) => a.x0 - b.x0 || a.top - b.top).map((b) => b.text);
    outputs.push({ key: boxes[i].top, order: order++, lines: [...hoisted, rowLine(row)] });
  });
  const grouped = new Set(mergedCellLines);
  for (const line of lines) {
    if (rowOf.has(line) || attached.has(line) || grouped.has(line)) continue;
    outputs.push({ key: line.top, order: order++, lines: [plainLine(line)] });
  }
  for (const block of loose) outputs.push({ key: block.top, order: order++, lines: [block.text] });
  outputs.sort((a, b) => a.key - b.key || a.order - b.order);
  return { lines: outputs.flatMap((o) => o.lines), head, foot };
}

/** "第3页" and "第4页" are the same running line */
const runningKey = (line: string) => line.replace(/\d+/g, '#').replace(/\s+/g, '');

/**
 * All pages' lines, without the running headers and footers: a margin line that comes back
 * on at least half the pages (and two or more).
 */
export function joinPages(pages: PageText[]): string[] {
  const counts = new Map<string, number>();
  for (const p of pages) {
    for (const line of new Set([p.head, p.foot])) if (line) counts.set(runningKey(line), (counts.get(runningKey(line)) ?? 0) + 1);
  }
  const running = (line: string | undefined) => {
    const n = line ? (counts.get(runningKey(line)) ?? 0) : 0;
    return n >= 2 && n >= pages.length / 2;
  };
  const out: string[] = [];
  for (const p of pages) {
    let lines = p.lines;
    if (p.head !== undefined && running(p.head) && lines[0] === p.head) lines = lines.slice(1);
    if (p.foot !== undefined && running(p.foot) && lines[lines.length - 1] === p.foot) lines = lines.slice(0, -1);
    out.push(...lines);
  }
  return out;
}
