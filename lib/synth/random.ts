// Seeded randomness for the synthetic reports: the same seed and key always give the same
// numbers, whatever else is generated around them.

export interface Rng {
  /** uniform in [0, 1) */
  next(): number;
  /** integer in [lo, hi] */
  int(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** standard normal */
  normal(): number;
  /** exp(N(log(median), sigma)) */
  logNormal(median: number, sigma: number): number;
}

/** FNV-1a over the parts, as a 32-bit seed. */
export function hashSeed(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const s = `${part}\u0000`;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  }
  return h >>> 0;
}

/** mulberry32 */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => {
    const u = 1 - next();
    const v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    normal,
    logNormal: (median, sigma) => median * Math.exp(sigma * normal()),
  };
}

/** Fisher–Yates, in place. */
export function shuffle<T>(items: T[], rng: Rng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** `total` split over the weights, every part an integer, the parts summing to `total`. */
export function splitCount(total: number, weights: readonly number[], rng: Rng): number[] {
  const parts = weights.map(() => 0);
  // the heaviest part takes what rounding leaves, so a zero weight always gets zero
  const sink = weights.indexOf(Math.max(...weights));
  let remaining = total;
  let weightLeft = weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length && remaining > 0; i++) {
    if (i === sink || weights[i] <= 0) continue;
    const p = weights[i] / weightLeft;
    weightLeft -= weights[i];
    const mean = remaining * p;
    const noisy = mean + Math.sqrt(mean * (1 - p)) * rng.normal();
    const take = Math.min(remaining, Math.max(0, Math.round(noisy)));
    parts[i] = take;
    remaining -= take;
  }
  parts[sink] += remaining;
  return parts;
}
