// The arithmetic of the dashboard's aggregates, kept pure so the rules are tested on their own:
// ratios from summed counts, shares of a whole, year-over-year change.

/** Σ numerator / Σ denominator as a percentage; null when there is nothing to divide by. */
export function ratio(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || denominator <= 0) return null;
  return (numerator / denominator) * 100;
}

/** Each part as a percentage of the parts' sum. */
export function shares<K extends string>(parts: Record<K, number | null>): Record<K, number | null> {
  const keys = Object.keys(parts) as K[];
  const whole = keys.reduce((acc, k) => acc + (parts[k] ?? 0), 0);
  return Object.fromEntries(keys.map((k) => [k, parts[k] === null ? null : ratio(parts[k], whole)])) as Record<K, number | null>;
}

export interface Change {
  /** value − the previous year's value (percentage points for a ratio) */
  change: number | null;
  /** change / |previous| × 100 */
  changePct: number | null;
}

export function yearOverYear(value: number | null, previous: number | null | undefined): Change {
  if (value === null || previous === null || previous === undefined) return { change: null, changePct: null };
  const change = value - previous;
  return { change, changePct: previous === 0 ? null : (change / Math.abs(previous)) * 100 };
}

/** Sum of the present values; null when none is. */
export function addPresent(values: readonly (number | null)[]): number | null {
  let total: number | null = null;
  for (const v of values) if (v !== null) total = (total ?? 0) + v;
  return total;
}

/** Sums of doubles come back with representation noise (0.1 + 0.2); figures have at most two decimals. */
export const tidy = (x: number | null): number | null => (x === null ? null : Math.round(x * 1e6) / 1e6);
