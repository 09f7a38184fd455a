// The closing summaries of `ingest` and `reparse`: counts first, then one indented line per
// item worth reading (what changed, what failed and why).

import type { FigureChange, IngestResult } from './ingest';
import type { ReparseOutcome } from './reparse';

const MAX_CHANGES = 6;

const value = (v: number | null | undefined) => (v === undefined ? '(none)' : v === null ? '(blank)' : String(v));

/** "applications.total[6] 183 → 184, activity.hotlines[0].received 7352 → 7353 (+3 more)" */
export function describeChanges(changes: FigureChange[], max = MAX_CHANGES): string {
  if (changes.length === 0) return 'no figure changed';
  const shown = changes.slice(0, max).map((c) => `${c.path} ${value(c.before)} → ${value(c.after)}`);
  return shown.join(', ') + (changes.length > max ? ` (+${changes.length - max} more)` : '');
}

const count = (label: string, n: number) => `${label.padEnd(16)}${String(n).padStart(5)}`;
const item = (line: string) => `    ${line}`;

export interface IngestRun {
  /** files found */
  total: number;
  results: IngestResult[];
  /** files that could not be stored at all (unreadable, or the database refused) */
  errors: { file: string; error: string }[];
  interrupted: boolean;
}

export function ingestSummary(run: IngestRun): string {
  const of = (kind: IngestResult['kind']) => run.results.filter((r) => r.kind === kind);
  const lines: string[] = [];
  if (run.interrupted) lines.push(`interrupted after ${run.results.length + run.errors.length} of ${run.total} files; run it again to go on`);
  if (run.errors.length === 0 && run.results.length > 0 && run.results.every((r) => r.kind === 'unchanged')) {
    lines.push(`nothing new: ${run.results.length} files already stored`);
    return lines.join('\n');
  }
  lines.push(count('stored', of('stored').length));
  lines.push(count('copies attached', of('copy').length), ...of('copy').map((r) => item(`${r.file} → report ${r.reportId}`)));
  lines.push(count('new versions', of('version').length), ...of('version').map((r) => item(`${r.file} → report ${r.reportId}: ${describeChanges(r.changes ?? [])}`)));
  lines.push(count('unchanged', of('unchanged').length));
  lines.push(count('text attached', of('text-attached').length), ...of('text-attached').map((r) => item(`${r.file} → report ${r.reportId}`)));
  lines.push(count('failed', of('failed').length), ...of('failed').map((r) => item(`${r.file}: ${r.error}`)));
  const checks = run.results.filter((r) => (r.kind === 'stored' || r.kind === 'version') && r.failedChecks?.length);
  lines.push(count('failed checks', checks.length), ...checks.map((r) => item(`${r.file} (report ${r.reportId}): ${r.failedChecks!.join(', ')}`)));
  if (run.errors.length) lines.push(count('NOT STORED', run.errors.length), ...run.errors.map((e) => item(`${e.file}: ${e.error}`)));
  return lines.join('\n');
}

const PLACED = { stored: 'stored as', copy: 'a copy of', version: 'a new version:' } as const;

function changedLine(o: Extract<ReparseOutcome, { kind: 'changed' }>): string {
  // the document is where every other difference comes from; figure rows are listed by value
  let other = o.aspects.filter((a) => !(a === 'figure rows' && o.changes.length > 0));
  if (other.length > 1) other = other.filter((a) => a !== 'document');
  const parts = [o.changes.length ? describeChanges(o.changes) : '', other.length ? `${o.changes.length ? 'also ' : ''}${other.join(', ')}` : ''];
  const moved = o.moved ? ` → ${PLACED[o.moved.kind]} report ${o.moved.reportId}` : '';
  return `report ${o.reportId} (${o.file})${moved}: ${parts.filter(Boolean).join('; ')}`;
}

export function reparseSummary(outcomes: ReparseOutcome[], total: number, interrupted: boolean): string {
  const of = <K extends ReparseOutcome['kind']>(kind: K) => outcomes.filter((o): o is Extract<ReparseOutcome, { kind: K }> => o.kind === kind);
  const lines: string[] = [];
  if (interrupted) lines.push(`interrupted after ${outcomes.length} of ${total}; run it again to go on`);
  lines.push(count('unchanged', of('unchanged').length));
  lines.push(count('changed', of('changed').length), ...of('changed').map((o) => item(changedLine(o))));
  lines.push(count('newly parsed', of('parsed').length), ...of('parsed').map((o) => item(`${o.file} → ${PLACED[o.placement.kind]} report ${o.placement.reportId}`)));
  lines.push(count('still failing', of('still-failing').length), ...of('still-failing').map((o) => item(`${o.file}: ${o.error}`)));
  if (of('now-failing').length) {
    lines.push(count('now failing', of('now-failing').length), ...of('now-failing').map((o) => item(`report ${o.reportId} (${o.file}), kept as stored: ${o.error}`)));
  }
  lines.push(`no text: ${of('no-text').length} (bundled reports whose file was never ingested)`);
  if (of('error').length) lines.push(count('ERRORS', of('error').length), ...of('error').map((o) => item(`${o.file}: ${o.error}`)));
  return lines.join('\n');
}
