// A report with staff's corrections applied: the figure at each corrected path replaced, the
// identity checks run again on the corrected tables, and the warnings of failed identities
// re-derived. The printed report is never changed. Pure.

import { describeFailure, runChecks } from '../checks/identities';
import type { CheckResult, Report } from '../report/contract';
import { reportFigures } from '../report/figures';

export interface AppliedCorrection {
  path: string;
  value: number | null;
}

const STEP = /^([A-Za-z]+)(?:\[(\d+)\])?$/u;

/** The steps of a contract path: `appeals.review[4]` → ['appeals', 'review', 4]. */
export function pathSteps(path: string): (string | number)[] | null {
  const steps: (string | number)[] = [];
  for (const part of path.split('.')) {
    const m = STEP.exec(part);
    if (!m) return null;
    steps.push(m[1]);
    if (m[2] !== undefined) steps.push(Number(m[2]));
  }
  return steps;
}

/** The figures a report holds, by path: what can be corrected. */
export function figureValues(report: Report): Map<string, number | null> {
  return new Map(reportFigures(report).map((f) => [f.path, f.value]));
}

function setAt(target: unknown, steps: readonly (string | number)[], value: number | null): void {
  let node = target as Record<string | number, unknown>;
  for (const step of steps.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  node[steps.at(-1)!] = value;
}

/** Checks of the corrected report: the identities recomputed, the others (prose claims) as printed. */
function recheck(printed: Report, corrected: Report): CheckResult[] {
  const fresh = new Map(
    runChecks({ proactive: corrected.proactive, applications: corrected.applications, appeals: corrected.appeals, activity: corrected.activity, sources: corrected.sources }).map((c) => [c.id, c]),
  );
  return printed.checks.map((c) => fresh.get(c.id) ?? c);
}

/**
 * The report as corrected. Paths the report does not hold are ignored (a re-parse may drop a
 * figure; the correction then shows as not applied, db/corrections.ts).
 */
export function correctedReport(printed: Report, corrections: readonly AppliedCorrection[]): Report {
  const held = figureValues(printed);
  const applicable = corrections.filter((c) => held.has(c.path) && pathSteps(c.path));
  if (applicable.length === 0) return printed;
  const corrected = structuredClone(printed);
  for (const c of applicable) setAt(corrected, pathSteps(c.path)!, c.value);
  corrected.checks = recheck(printed, corrected);
  const failureWarnings = corrected.checks
    .filter((c) => c.severity === 'hard' && !c.ok)
    .flatMap((c) => (c.failures ?? []).map((f) => ({ code: 'identity-failed', message: describeFailure(c, f), line: f.line ?? null })));
  corrected.warnings = [...printed.warnings.filter((w) => w.code !== 'identity-failed'), ...failureWarnings];
  return corrected;
}
