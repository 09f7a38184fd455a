// Normalised text in, canonical report out (report-json.md). Pure and synchronous: no I/O.

import { describeFailure, runChecks } from '../checks/identities';
import { ReportReadError } from '../formats/errors';
import { SCHEMA, type Report, type TableName, type Warning } from '../report/contract';
import { normaliseText } from '../text/normalise';
import { buildProse, extractActivity, extractProseClaims, type Prose } from './activity';
import { Deadline } from './deadline';
import { tokenizeLines } from './cells';
import { extractIdentity } from './identity';
import { locateTables, type Range } from './sections';
import { parseApplications } from './tables/applications';
import { parseAppeals } from './tables/appeals';
import { parseProactive } from './tables/proactive';
import { detectTemplate } from './template';

export const PARSER_VERSION = '0.2.0';

/** Reports are tens of kilobytes; far larger text is not a report. */
export const MAX_TEXT_CHARS = 4_000_000;
export const DEFAULT_TIME_LIMIT_MS = 5_000;
/** The longest paragraph of a real report is a few thousand characters; longer is damage. */
export const MAX_LINE_CHARS = 5_000;

export interface ParseOptions {
  file?: string;
  timeLimitMs?: number;
}

export function parseReportText(raw: string, options: ParseOptions = {}): Report {
  if (raw.length > MAX_TEXT_CHARS) {
    throw new ReportReadError(`text is ${raw.length} characters, more than the ${MAX_TEXT_CHARS} a report can have`, options.file);
  }
  const deadline = Deadline.after(options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS, options.file);
  const step = <T>(what: string, run: () => T): T => {
    const value = run();
    deadline.checkAfter(what);
    return value;
  };

  const { lines } = step('normalisation', () => normaliseText(raw, deadline));
  const truncated = capLineLength(lines);
  const regions = step('sections', () => locateTables(lines, deadline));
  const tokens = (range: Range | undefined, doing: string) => (range ? tokenizeLines(lines, range[0], range[1], deadline, doing) : []);
  // every part adds its figures' lines to one record, in the contract's order: adding a few
  // hundred keys to a record is slow in V8, and merging records afterwards added them twice
  const sources: Record<string, number> = {};
  const proactive = step('table 二', () =>
    regions.proactive ? parseProactive(tokens(regions.proactive, 'reading the cells of table 二'), deadline, sources) : null,
  );
  const applications = step('table 三', () =>
    regions.applications ? parseApplications(tokens(regions.applications, 'reading the cells of table 三'), deadline, sources) : null,
  );
  const appeals = step('table 四', () =>
    regions.appeals ? parseAppeals(tokens(regions.appeals, 'reading the cells of table 四'), deadline, sources) : null,
  );
  const identity = step('identity', () => extractIdentity(lines, deadline));
  // the prose is read once, for its figures and for its claims
  let prose: Prose | undefined;
  const activity = step('prose', () => {
    prose = buildProse(lines, deadline);
    return extractActivity(lines, deadline, sources, prose);
  });
  const claims = step('prose claims', () => extractProseClaims(lines, deadline, prose));
  const template = step('template', () => detectTemplate(lines, proactive, applications, appeals !== null, identity.year, deadline));

  const hasActivity = Object.keys(activity.activity).length > 0;
  const checks = runChecks({
    proactive: proactive?.table,
    applications: applications?.table,
    appeals: appeals?.table,
    activity: hasActivity ? activity.activity : undefined,
    claims,
    sources,
  });
  // (loops: filter and flatMap cost several times more in V8)
  const failureWarnings: Warning[] = [];
  for (const c of checks) {
    if (c.severity !== 'hard') continue;
    for (const f of c.failures ?? []) failureWarnings.push({ code: 'identity-failed', message: describeFailure(c, f), line: f.line ?? null });
  }

  const tables: TableName[] = [];
  if (proactive) tables.push('proactive');
  if (applications) tables.push('applications');
  if (appeals) tables.push('appeals');

  const report: Report = {
    schema: SCHEMA,
    region: identity.region,
    issuer: identity.issuer,
    scope: identity.scope,
    year: identity.year,
    template: template.template,
    checks,
    tables,
    warnings: [
      ...truncated,
      ...identity.warnings,
      ...template.warnings,
      ...(proactive?.warnings ?? []),
      ...(applications?.warnings ?? []),
      ...(appeals?.warnings ?? []),
      ...activity.warnings,
      ...failureWarnings,
    ],
    sources,
  };
  if (proactive) report.proactive = proactive.table;
  if (applications) report.applications = applications.table;
  if (appeals) report.appeals = appeals.table;
  if (hasActivity) report.activity = activity.activity;
  return orderKeys(report);
}

/** Cuts runaway lines in place (a page glued into one line, or damage), so that no later pass sees them. */
function capLineLength(lines: string[]): Warning[] {
  const cut: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].length <= MAX_LINE_CHARS) continue;
    lines[i] = lines[i].slice(0, MAX_LINE_CHARS);
    cut.push(i + 1);
  }
  if (cut.length === 0) return [];
  return [{ code: 'line-truncated', message: `${cut.length} line(s) longer than ${MAX_LINE_CHARS} characters were cut to that length (first: line ${cut[0]})`, line: cut[0] }];
}

const REPORT_KEYS = [
  'schema', 'region', 'issuer', 'scope', 'year', 'template', 'proactive', 'applications', 'appeals', 'activity',
  'checks', 'tables', 'warnings', 'sources',
] as const;

/** Keys in the contract's order, so JSON output reads like the spec. */
function orderKeys(r: Report): Report {
  const ordered: Record<string, unknown> = {};
  for (const key of REPORT_KEYS) if (r[key] !== undefined) ordered[key] = r[key];
  return ordered as unknown as Report;
}
