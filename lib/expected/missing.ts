// Which expected bodies have reported for a year, and which have not against their deadlines.
// A body has reported for year Y when one of the region's bodies (regions of level `body` under
// it) whose name or an alias has the same key as the expected name (lib/expected/names.ts:
// 会同县财政局 = 财政局, 林城镇 = 会同县林城镇人民政府) has a current report for Y. Bodies that
// reported but are on nobody's list are named too. Pure: the rows come from
// db/expected-bodies.ts, the time is given.

import { deadlineOf, deadlineStatus, reportStatusLabel, type CalendarDate, type DeadlineStatus, type Reporter } from './deadlines';
import { bodyKey, type BodyKind } from './names';

export interface ExpectedBodyInput {
  id: number;
  name: string;
  kind: BodyKind;
}

/** A body region under the region, with its current report of the year (if any). */
export interface StoredBody {
  regionId: number;
  name: string;
  kind: BodyKind | null;
  aliases: readonly string[];
  reportId: number | null;
}

export interface MatchedBody extends ExpectedBodyInput {
  /** the stored body it was matched to (null: no report of it was ever stored) */
  body: { regionId: number; name: string } | null;
  /** its current report of the year */
  reportId: number | null;
}

export interface MatchResult {
  expected: MatchedBody[];
  /** bodies with a report of the year that no expected name matches */
  unlisted: (StoredBody & { reportId: number })[];
}

/** Pairs each expected body with the stored body of the same key, preferring one that reported. */
export function matchExpected(expected: readonly ExpectedBodyInput[], stored: readonly StoredBody[], prefixes: readonly string[]): MatchResult {
  const byKey = new Map<string, StoredBody[]>();
  for (const body of stored) {
    for (const key of new Set([body.name, ...body.aliases].map((n) => bodyKey(n, prefixes)))) {
      const list = byKey.get(key) ?? [];
      list.push(body);
      byKey.set(key, list);
    }
  }
  const matchedIds = new Set<number>();
  const rows = expected.map((e): MatchedBody => {
    const candidates = byKey.get(bodyKey(e.name, prefixes)) ?? [];
    for (const c of candidates) matchedIds.add(c.regionId);
    const best = candidates.find((c) => c.reportId !== null) ?? candidates.find((c) => c.kind === e.kind) ?? candidates[0] ?? null;
    return { ...e, body: best && { regionId: best.regionId, name: best.name }, reportId: best?.reportId ?? null };
  });
  const unlisted = stored.filter((b): b is StoredBody & { reportId: number } => b.reportId !== null && !matchedIds.has(b.regionId));
  return { expected: rows, unlisted };
}

export type RowState = 'reported' | 'overdue' | 'open';

export interface MissingRow extends MatchedBody {
  deadline: CalendarDate;
  status: DeadlineStatus;
  state: RowState;
  /** 已报送 / 未报送·已逾期N天 / 未报送·还有N天 */
  label: string;
}

export interface OwnReport {
  reportId: number;
  scope: string;
}

export interface GovernmentRow {
  deadline: CalendarDate;
  status: DeadlineStatus;
  state: RowState;
  label: string;
  report: OwnReport | null;
}

export interface DeadlineSummary {
  reporter: Reporter;
  deadline: CalendarDate;
  status: DeadlineStatus;
}

export interface MissingCounts {
  expected: number;
  reported: number;
  missing: number;
  overdue: number;
  byKind: Record<BodyKind, { expected: number; reported: number; missing: number }>;
}

export interface MissingView {
  year: number;
  rows: MissingRow[];
  government: GovernmentRow;
  /** the two deadlines of the year and whether each has passed */
  deadlines: { department: DeadlineSummary; government: DeadlineSummary };
  counts: MissingCounts;
}

const stateOf = (reported: boolean, status: DeadlineStatus): RowState => (reported ? 'reported' : status.passed ? 'overdue' : 'open');

const STATE_ORDER: Record<RowState, number> = { overdue: 0, open: 1, reported: 2 };
const KIND_ORDER: Record<BodyKind, number> = { department: 0, township: 1 };
const collator = new Intl.Collator('zh-CN');

/**
 * The page's rows: each expected body with its deadline and state, the missing first (overdue,
 * then not yet due), departments before townships, then by name; the region's own report
 * against the government's deadline; and the counts.
 */
export function missingView(year: number, matched: readonly MatchedBody[], own: readonly OwnReport[], now: Date): MissingView {
  const rows = matched.map((m): MissingRow => {
    const deadline = deadlineOf(m.kind, year);
    const status = deadlineStatus(deadline, now);
    const reported = m.reportId !== null;
    return { ...m, deadline, status, state: stateOf(reported, status), label: reportStatusLabel(reported, status) };
  });
  rows.sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || collator.compare(a.name, b.name) || a.id - b.id);

  const governmentDeadline = deadlineOf('government', year);
  const governmentStatus = deadlineStatus(governmentDeadline, now);
  const report = own[0] ?? null;
  const government: GovernmentRow = {
    deadline: governmentDeadline,
    status: governmentStatus,
    state: stateOf(report !== null, governmentStatus),
    label: reportStatusLabel(report !== null, governmentStatus),
    report,
  };
  const departmentDeadline = deadlineOf('department', year);

  const byKind = {
    department: { expected: 0, reported: 0, missing: 0 },
    township: { expected: 0, reported: 0, missing: 0 },
  };
  for (const r of rows) {
    const k = byKind[r.kind];
    k.expected++;
    if (r.state === 'reported') k.reported++;
    else k.missing++;
  }
  const reported = rows.filter((r) => r.state === 'reported').length;
  return {
    year,
    rows,
    government,
    deadlines: {
      department: { reporter: 'department', deadline: departmentDeadline, status: deadlineStatus(departmentDeadline, now) },
      government: { reporter: 'government', deadline: governmentDeadline, status: governmentStatus },
    },
    counts: { expected: rows.length, reported, missing: rows.length - reported, overdue: rows.filter((r) => r.state === 'overdue').length, byKind },
  };
}
