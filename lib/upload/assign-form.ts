// The preview form's fields (地区, 年度, 范围) as an assignment: only what differs from what the
// parser found is set, so a report that says everything is published as parsed. Pure.

import type { Report } from '../report/contract';
import { isAssignableScope, parseAssignedYear, resolveAssignedRegion, type IdentityAssignment } from './assign';

export type AssignmentOutcome = { assignment: IdentityAssignment | undefined } | { error: string };

export function assignmentFromForm(form: FormData, found: Pick<Report, 'region' | 'year' | 'scope'> | null, by: string, now: Date): AssignmentOutcome {
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value.trim() : '';
  };
  const assignment: IdentityAssignment = { by, at: now.toISOString() };

  const regionTyped = field('region');
  const foundRegion = found?.region.name ?? null;
  if (regionTyped && regionTyped !== foundRegion) {
    const region = resolveAssignedRegion(regionTyped);
    if ('error' in region) return { error: region.error };
    assignment.region = region;
  }

  const yearTyped = field('year');
  if (yearTyped && yearTyped !== String(found?.year ?? '')) {
    const year = parseAssignedYear(yearTyped, now);
    if (typeof year !== 'number') return { error: year.error };
    assignment.year = year;
  }

  const scopeTyped = field('scope');
  if (scopeTyped && scopeTyped !== found?.scope) {
    if (!isAssignableScope(scopeTyped)) return { error: '请选择统计范围' };
    assignment.scope = scopeTyped;
  }
  return { assignment: assignment.region || assignment.year !== undefined || assignment.scope ? assignment : undefined };
}
