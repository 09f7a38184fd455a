// The arithmetic of the overview's cards: a figure against the year before, absolute and
// relative for counts, in percentage points for ratios. Ratios here are fractions (0–1), as
// lib/format/number.ts prints them. A missing value is null and stays null: never 0.

export type ValueKind = 'count' | 'ratio';
export type Direction = 'up' | 'down' | 'flat';

export interface YearChange {
  /** value − previous (a fraction's difference for ratios: 0.015 is 1.5 percentage points) */
  change: number | null;
  /** change / |previous| as a fraction, counts only; null when previous is 0 */
  changePct: number | null;
  direction: Direction | null;
}

const EPSILON = 1e-9;

export function compareYears(value: number | null, previous: number | null, kind: ValueKind): YearChange {
  if (value === null || previous === null || !Number.isFinite(value) || !Number.isFinite(previous)) return { change: null, changePct: null, direction: null };
  const change = value - previous;
  const direction: Direction = Math.abs(change) < EPSILON ? 'flat' : change > 0 ? 'up' : 'down';
  const changePct = kind === 'ratio' || previous === 0 ? null : change / Math.abs(previous);
  return { change: direction === 'flat' ? 0 : change, changePct, direction };
}

/** numerator / denominator as a fraction; null when either is missing or nothing is divided. */
export function fraction(numerator: number | null | undefined, denominator: number | null | undefined): number | null {
  if (numerator === null || numerator === undefined || denominator === null || denominator === undefined) return null;
  if (!(denominator > 0)) return null;
  return numerator / denominator;
}

/** A percentage (0–100, as db/queries returns ratios) as a fraction. */
export const percentToFraction = (pct: number | null | undefined): number | null => (pct === null || pct === undefined ? null : pct / 100);

/** Sum of the stated values; null when none is stated. */
export function sumStated(values: readonly (number | null | undefined)[]): number | null {
  let total: number | null = null;
  for (const v of values) if (v !== null && v !== undefined) total = (total ?? 0) + v;
  return total;
}

export interface KpiFigure {
  value: number | null;
  /** reports whose figures are in the value */
  reports: number;
}

export interface Kpi extends YearChange {
  id: string;
  label: string;
  kind: ValueKind;
  unit: string;
  value: number | null;
  previous: number | null;
  reports: number;
  previousReports: number;
  /**
   * The two years add up different numbers of reports: part of the change is reports
   * arriving or missing, not the figure moving.
   */
  basisChanged: boolean;
}

export function kpi(id: string, label: string, kind: ValueKind, unit: string, current: KpiFigure | undefined, previous: KpiFigure | undefined): Kpi {
  const value = current?.value ?? null;
  const before = previous?.value ?? null;
  const reports = current?.reports ?? 0;
  const previousReports = previous?.reports ?? 0;
  return {
    id,
    label,
    kind,
    unit,
    value,
    previous: before,
    reports,
    previousReports,
    ...compareYears(value, before, kind),
    basisChanged: value !== null && before !== null && reports !== previousReports,
  };
}

/**
 * A change as db/queries reports it (ratios in percent, changePct × 100) in the terms of this
 * module (fractions).
 */
export function fromQueryChange(point: { change: number | null; changePct: number | null } | null, kind: ValueKind): YearChange {
  if (!point || point.change === null || !Number.isFinite(point.change)) return { change: null, changePct: null, direction: null };
  const change = kind === 'ratio' ? point.change / 100 : point.change;
  const direction: Direction = Math.abs(change) < EPSILON ? 'flat' : change > 0 ? 'up' : 'down';
  const changePct = kind === 'ratio' || point.changePct === null ? null : point.changePct / 100;
  return { change: direction === 'flat' ? 0 : change, changePct, direction };
}
