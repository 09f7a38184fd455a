// Shaping the bodies page's data for display: which year to show, body names without their
// county's prefix, the order of bodies (departments, then townships, by pinyin), the kind
// filter, the year's table rows, the presence grid and a city's counties. Pure.

import type { Body, BodyReportMark, BodyYearRow } from '../../db/queries/bodies';
import type { BodyKind, BodyKindFilter } from './state';

/** The year asked for when bodies reported then, else the latest; null without years. */
export function pickYear(years: readonly number[], asked: number | null): number | null {
  if (years.length === 0) return null;
  if (asked !== null && years.includes(asked)) return asked;
  return Math.max(...years);
}

/**
 * A body's name as read under its region: 沅陵县二酉苗族乡人民政府 → 二酉苗族乡人民政府 under
 * 沅陵县 (a city printed before the county goes too). Kept whole when nothing would remain.
 */
export function shortBodyName(name: string, regionName: string): string {
  const at = name.indexOf(regionName);
  if (at < 0) return name;
  const rest = name.slice(at + regionName.length);
  return rest.length > 0 ? rest : name;
}

const collator = new Intl.Collator('zh-CN');
const KIND_ORDER: Record<BodyKind, number> = { department: 0, township: 1 };

/** Departments first, then townships and streets, each by name (pinyin order). */
export function sortBodies<T extends Pick<Body, 'kind' | 'name' | 'id'>>(bodies: readonly T[]): T[] {
  return [...bodies].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || collator.compare(a.name, b.name) || a.id - b.id);
}

export const ofKind = <T extends Pick<Body, 'kind'>>(bodies: readonly T[], kind: BodyKindFilter): T[] => (kind === 'all' ? [...bodies] : bodies.filter((b) => b.kind === kind));

export interface KindCounts {
  all: number;
  department: number;
  township: number;
}

export function kindCounts(bodies: readonly Pick<Body, 'kind'>[]): KindCounts {
  const department = bodies.filter((b) => b.kind === 'department').length;
  return { all: bodies.length, department, township: bodies.length - department };
}

export interface BodyTableRow {
  body: Body;
  report: BodyYearRow;
}

/** The year's reports, one row each, in the bodies' order, of the kind asked for. */
export function tableRows(bodies: readonly Body[], rows: readonly BodyYearRow[], kind: BodyKindFilter): BodyTableRow[] {
  const byBody = new Map<number, BodyYearRow[]>();
  for (const r of rows) byBody.set(r.bodyId, [...(byBody.get(r.bodyId) ?? []), r]);
  return sortBodies(ofKind(bodies, kind)).flatMap((body) => (byBody.get(body.id) ?? []).map((report) => ({ body, report })));
}

/** Bodies of the kind that reported in some year but not in `year`. */
export function silentIn(bodies: readonly Body[], year: number, kind: BodyKindFilter): Body[] {
  return sortBodies(ofKind(bodies, kind)).filter((b) => !b.reports.some((r) => r.year === year));
}

export interface PresenceRow {
  body: Body;
  /** one per year: the body's report of that year (the first, when it has two scopes), or null */
  cells: (BodyReportMark | null)[];
}

export function presenceRows(bodies: readonly Body[], years: readonly number[], kind: BodyKindFilter): PresenceRow[] {
  return sortBodies(ofKind(bodies, kind)).map((body) => ({ body, cells: years.map((y) => body.reports.find((r) => r.year === y) ?? null) }));
}

/** Reports per year among these bodies. */
export function reportsPerYear(rows: readonly PresenceRow[], years: readonly number[]): number[] {
  return years.map((_, i) => rows.filter((r) => r.cells[i] !== null).length);
}

/** How a region's own reports name their whole territory: 全县, 全区, 全市, 全旗, 全省. */
export function wholeOf(name: string): string {
  const last = name.at(-1) ?? '';
  return ['区', '市', '旗', '州', '省'].includes(last) ? `全${last}` : '全县';
}

/** Regions with bodies first, each group in the order given. */
export function withBodiesFirst<T extends { bodies: number }>(regions: readonly T[]): T[] {
  return [...regions.filter((r) => r.bodies > 0), ...regions.filter((r) => r.bodies === 0)];
}
