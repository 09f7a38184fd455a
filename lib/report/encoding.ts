// A report as its writes send it: the document's JSON, the figure rows and the report_facts
// columns as JSON parameters, and the figures' hash. Pure (no database), so that a bulk load's
// parse worker can compute it beside the parse (lib/ingest/parse-worker.ts) and the writing
// thread only sends it. Nothing here depends on the report's id, which is drawn when it is stored.

import { createHash } from 'node:crypto';
import type { Report } from './contract';
import { reportFacts } from './facts';
import { reportFigures, type Figure } from './figures';

export interface EncodedReport {
  figuresHash: string;
  /** the report as the `document` column holds it */
  document: string;
  /** the figures rows without their report id: [path, table_name, row_key, column_key, value, line] each */
  figures: string;
  /** the report_facts columns derived from the report (lib/report/facts.ts), as one JSON object */
  facts: string;
}

export const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** The hash of a report's figures (its template, then every figure path and value, by path). */
export const figuresHash = (report: Report) => hashOf(report.template, reportFigures(report));

function hashOf(template: Report['template'], figures: readonly Figure[]): string {
  const pairs = figures.map((f) => [f.path, f.value] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return sha256(JSON.stringify([template, pairs]));
}

/** proactive.fees.amountWan, applications.denied.stateSecret[0], activity.hotlines[0].received */
export function splitFigurePath(path: string): { tableName: 'proactive' | 'applications' | 'appeals' | 'activity'; rowKey: string; columnKey: string } {
  const dot = path.indexOf('.');
  const tableName = path.slice(0, dot) as 'proactive' | 'applications' | 'appeals' | 'activity';
  const rest = path.slice(dot + 1);
  const cell = /^(.+)\[(\d+)\]$/u.exec(rest);
  if (cell) return { tableName, rowKey: cell[1], columnKey: cell[2] };
  const last = rest.lastIndexOf('.');
  if (last < 0) return { tableName, rowKey: rest, columnKey: '' };
  if (tableName === 'proactive') {
    const first = rest.indexOf('.');
    return { tableName, rowKey: rest.slice(0, first), columnKey: rest.slice(first + 1) };
  }
  return { tableName, rowKey: rest.slice(0, last), columnKey: rest.slice(last + 1) };
}

/** A figure as its row of `figures` holds it (without the report's id). */
const rowOf = (f: Figure, report: Report) => ({ path: f.path, ...splitFigurePath(f.path), value: f.value, line: report.sources[f.path] ?? null });

/** The rows of `figures` a report gives. */
export const figureRows = (reportId: number, report: Report) => reportFigures(report).map((f) => ({ reportId, ...rowOf(f, report) }));

/** EncodedReport.figures */
export const figureTuples = (report: Report) => tuplesOf(reportFigures(report), report);

function tuplesOf(figures: readonly Figure[], report: Report): string {
  return JSON.stringify(
    figures.map((f) => {
      const { path, tableName, rowKey, columnKey, value, line } = rowOf(f, report);
      return [path, tableName, rowKey, columnKey, value, line];
    }),
  );
}

export function encodeReport(report: Report): EncodedReport {
  // (the figures are listed once, for the hash and the rows)
  const figures = reportFigures(report);
  return { figuresHash: hashOf(report.template, figures), document: JSON.stringify(report), figures: tuplesOf(figures, report), facts: JSON.stringify(reportFacts(report)) };
}
