// A report printed as a PDF page would be: positioned text fragments, as pdf.js gives them.
// Tables are drawn on a column grid (colspan, rowspan); labels wrap inside their cell with the
// numbers on the row's last (or middle) line; narrow merged cells print their label one
// character per line; long tables break across pages, which carry "- n -" footers.

import type { Fragment } from '../formats/pdf-layout';
import type { Report } from '../report/contract';
import { documentParts, tableGrids, type Grid, type GridCell } from './report';

export interface PdfLikeOptions {
  /** where a wrapped row prints its numbers */
  valuesOn: 'last' | 'middle';
  /** lines per page before a break */
  linesPerPage: number;
}

export interface PdfLikePages {
  pages: Fragment[][];
  pageHeight: number;
}

const PAGE_HEIGHT = 842;
const TOP = 72;
const SIZE = 10.5;
const LINE = SIZE * 1.9;
const LEFT = 60;

/** Column boundaries (x) of each table; a cell spanning columns a..b runs bounds[a]..bounds[b+1]. */
const COLUMNS: Record<'proactive' | 'applications' | 'appeals', number[]> = {
  proactive: [70, 230, 330, 430, 530],
  applications: [60, 84, 160, 300, ...Array.from({ length: 7 }, (_, i) => 338 + i * 38)],
  appeals: Array.from({ length: 16 }, (_, i) => 56 + i * 32),
};

interface Placed {
  cell: GridCell;
  row: number;
  col: number;
}

/** HTML-style table layout: which column each cell starts in, given rowspans above it. */
function placeCells(grid: Grid): Placed[] {
  const taken = new Map<number, Set<number>>();
  const busy = (r: number) => taken.get(r) ?? taken.set(r, new Set()).get(r)!;
  const placed: Placed[] = [];
  grid.forEach((cells, r) => {
    let col = 0;
    for (const cell of cells) {
      while (busy(r).has(col)) col++;
      for (let dr = 0; dr < (cell.rowspan ?? 1); dr++) for (let dc = 0; dc < (cell.colspan ?? 1); dc++) busy(r + dr).add(col + dc);
      placed.push({ cell, row: r, col });
      col += cell.colspan ?? 1;
    }
  });
  return placed;
}

const isNumber = (s: string) => /^[+-]?\d[\d.,]*(?:万元|元)?$/u.test(s);
const textWidth = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x2e80 ? SIZE * 0.5 : SIZE), 0);

function wrap(text: string, width: number): string[] {
  const perLine = Math.max(1, Math.floor(width / SIZE) - 1);
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += perLine) out.push(chars.slice(i, i + perLine).join(''));
  return out.length ? out : [''];
}

/** A fragment on a visual line (line numbers run over all pages). */
interface Draw {
  line: number;
  text: string;
  x0: number;
}

/** Rows before the first row that holds a number: the table's header. */
function headerRows(grid: Grid): number {
  const first = grid.findIndex((row) => row.some((c) => isNumber(c.text)));
  return first < 0 ? grid.length : first;
}

function drawGrid(grid: Grid, bounds: number[], firstLine: number, options: PdfLikeOptions): { draws: Draw[]; lines: number } {
  const placed = placeCells(grid);
  const span = (p: Placed) => [bounds[p.col], bounds[Math.min(p.col + (p.cell.colspan ?? 1), bounds.length - 1)]] as const;
  const vertical = (p: Placed) => (p.cell.rowspan ?? 1) > 1 && !isNumber(p.cell.text) && span(p)[1] - span(p)[0] < SIZE * 3;
  // a row is as tall as its longest wrapped cell (vertical labels are drawn over their rows)
  const heights = grid.map((_, r) =>
    Math.max(1, ...placed.filter((p) => p.row === r && !vertical(p) && !isNumber(p.cell.text) && (p.cell.rowspan ?? 1) === 1).map((p) => wrap(p.cell.text, span(p)[1] - span(p)[0]).length)),
  );
  const starts: number[] = [];
  heights.reduce((line, h, r) => ((starts[r] = line), line + h), firstLine);
  const draws: Draw[] = [];
  for (const p of placed) {
    const [x0, x1] = span(p);
    const text = p.cell.text;
    if (!text) continue;
    const start = starts[p.row];
    if (vertical(p)) {
      [...text].forEach((ch, i) => draws.push({ line: start + i, text: ch, x0: x0 + 4 }));
    } else if (isNumber(text)) {
      const h = heights[p.row];
      const line = start + (options.valuesOn === 'last' ? h - 1 : Math.floor((h - 1) / 2));
      draws.push({ line, text, x0: (x0 + x1) / 2 - textWidth(text) / 2 });
    } else {
      // row labels sit at the left of their cell; header cells are centred over their columns
      const centred = p.col > 0 && p.row < headerRows(grid);
      wrap(text, x1 - x0).forEach((piece, i) => draws.push({ line: start + i, text: piece, x0: centred ? (x0 + x1) / 2 - textWidth(piece) / 2 : x0 + 3 }));
    }
  }
  const last = grid.length ? starts[grid.length - 1] + heights[grid.length - 1] : firstLine;
  const verticalEnd = Math.max(last, ...draws.map((d) => d.line + 1));
  return { draws, lines: verticalEnd - firstLine };
}

export function renderPdfLike(report: Report, options: PdfLikeOptions): PdfLikePages {
  const grids = tableGrids(report);
  const parts = documentParts(report);
  const draws: Draw[] = [];
  let line = 0;
  const prose = (text: string) => {
    for (const piece of wrap(text, 470)) draws.push({ line: line++, text: piece, x0: LEFT });
  };
  prose(parts.title);
  parts.preamble.forEach(prose);
  for (const section of parts.sections) {
    prose(section.heading);
    section.body.forEach(prose);
    const grid = section.table ? grids[section.table] : undefined;
    if (!grid || !section.table) continue;
    const drawn = drawGrid(grid, COLUMNS[section.table], line, options);
    draws.push(...drawn.draws);
    line += drawn.lines + 1;
  }
  const pageCount = Math.floor(Math.max(line - 1, 0) / options.linesPerPage) + 1;
  const pages: Fragment[][] = Array.from({ length: pageCount }, () => []);
  for (const d of draws) {
    const page = Math.floor(d.line / options.linesPerPage);
    const baseline = TOP + (d.line % options.linesPerPage) * LINE;
    pages[page].push({ text: d.text, x0: d.x0, x1: d.x0 + textWidth(d.text), top: baseline - SIZE * 0.88, bottom: baseline + SIZE * 0.12, baseline, size: SIZE, vertical: false });
  }
  pages.forEach((fragments, i) => {
    const footer = `- ${i + 1} -`;
    fragments.push({ text: footer, x0: 290, x1: 290 + textWidth(footer), top: PAGE_HEIGHT - 50, bottom: PAGE_HEIGHT - 38, baseline: PAGE_HEIGHT - 40, size: SIZE, vertical: false });
  });
  return { pages, pageHeight: PAGE_HEIGHT };
}
