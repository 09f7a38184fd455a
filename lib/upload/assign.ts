// What staff set at upload when a report does not say it (a mirror page without its title) or
// says it wrongly: the region, year or scope. Kept with the file, so a re-parse applies it again,
// and written into the report's warnings, so every reader sees that a person set it.

import { lookupPlace, placeByCode, type Place } from '../geo/gazetteer';
import type { Report, Scope } from '../report/contract';
import { SCOPE_LABELS } from '../region/scope';

export interface AssignedRegion {
  code: string;
  name: string;
  city: string | null;
  province: string | null;
}

export interface IdentityAssignment {
  region?: AssignedRegion;
  year?: number;
  scope?: Exclude<Scope, 'unknown'>;
  /** the account's name (kept with the file for staff; the public warning names no one) and the time */
  by: string;
  at: string;
}

export const ASSIGNED_WARNING = 'identity-assigned';

/** Years a report can be about: the Regulations' reports began in 2008. */
export const MIN_REPORT_YEAR = 2008;

export const ASSIGNABLE_SCOPES = ['jurisdiction', 'government', 'department', 'township'] as const satisfies readonly Scope[];

const placeLabel = (p: Place) => [p.province, p.city, p.name].filter((n, i, all) => n && all.indexOf(n) === i).join('');

/** A GB/T 2260 place from what staff typed (a code or a name); a Chinese message when none or several. */
export function resolveAssignedRegion(typed: string): AssignedRegion | { error: string } {
  const input = typed.trim().replace(/\s+/gu, '');
  if (!input) return { error: '请填写地区名称或 6 位行政区划代码' };
  if (input.length > 50) return { error: '地区名称过长' };
  let place: Place | null = null;
  if (/^\d{6}$/u.test(input)) {
    place = placeByCode(input);
    if (!place) return { error: `没有行政区划代码为 ${input} 的地区` };
  } else {
    const candidates = lookupPlace(input)?.places ?? [];
    if (candidates.length === 0) return { error: `找不到地区「${input}」：请填写县级及以上地区的名称，或 6 位行政区划代码` };
    if (candidates.length > 1) {
      const listed = candidates.slice(0, 8).map((p) => `${placeLabel(p)}（${p.code}）`).join('、');
      return { error: `「${input}」对应多个地区：${listed}${candidates.length > 8 ? ' 等' : ''}。请填写行政区划代码` };
    }
    place = candidates[0];
  }
  return { code: place.code, name: place.name, city: place.city, province: place.province };
}

/** A year from a form field: a four-digit year from 2008 to next year. */
export function parseAssignedYear(typed: string, now = new Date()): number | { error: string } {
  const input = typed.trim();
  const latest = now.getUTCFullYear();
  if (!/^\d{4}$/u.test(input)) return { error: '年度应为四位数字，如 2023' };
  const year = Number(input);
  if (year < MIN_REPORT_YEAR || year > latest) return { error: `年度应在 ${MIN_REPORT_YEAR} 至 ${latest} 之间` };
  return year;
}

export function isAssignableScope(value: string): value is IdentityAssignment['scope'] & string {
  return (ASSIGNABLE_SCOPES as readonly string[]).includes(value);
}

/** True when the assignment sets nothing. */
export const assignsNothing = (a: IdentityAssignment | null | undefined) => !a || (!a.region && a.year === undefined && !a.scope);

/** The report with the assignment applied, and a warning saying who set what. Pure. */
export function assignIdentity(report: Report, assignment: IdentityAssignment | null | undefined): Report {
  if (!assignment || assignsNothing(assignment)) return report;
  const { region, year, scope } = assignment;
  const changed: string[] = [];
  if (region) changed.push(`地区为${region.name}（${region.code}）`);
  if (year !== undefined) changed.push(`年度为${year}年`);
  if (scope) changed.push(`范围为${SCOPE_LABELS[scope]}`);
  const warning = { code: ASSIGNED_WARNING, message: `${changed.join('，')}：由工作人员于 ${assignment.at.slice(0, 10)} 上传时指定`, line: null };
  return {
    ...report,
    region: region ? { name: region.name, city: region.city, province: region.province } : report.region,
    year: year ?? report.year,
    scope: scope ?? report.scope,
    warnings: [...report.warnings.filter((w) => w.code !== ASSIGNED_WARNING), warning],
  };
}
