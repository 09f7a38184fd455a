// A limit on failed attempts per key (sign-in: once keyed by the client's address, once by the
// account name): a key that failed `limit` times within the last `windowMs` is refused until
// the oldest of those failures leaves the window. Success clears the key. Pure and in memory,
// with the clock injectable for tests.
//
// Memory is bounded: at most `maxKeys` keys are remembered, and the key whose last failure is
// the oldest goes first. (So someone who fails from more than maxKeys addresses can make the
// limiter forget a key; the per-name limit still holds against a guesser with few addresses.)

export interface RateLimiterOptions {
  /** failures within the window after which a key is refused */
  limit?: number;
  windowMs?: number;
  maxKeys?: number;
  now?: () => number;
}

export interface RateDecision {
  allowed: boolean;
  /** when refused: how long until the next attempt is allowed; 0 when allowed */
  retryAfterMs: number;
}

export interface RateLimiter {
  check(key: string): RateDecision;
  fail(key: string): void;
  succeed(key: string): void;
  /** keys remembered (for tests and monitoring) */
  readonly size: number;
}

export function createRateLimiter({ limit = 5, windowMs = 15 * 60_000, maxKeys = 10_000, now = Date.now }: RateLimiterOptions = {}): RateLimiter {
  if (!(limit >= 1) || !(windowMs > 0) || !(maxKeys >= 1)) throw new RangeError('createRateLimiter: limit, windowMs and maxKeys must be positive');
  /** per key, the times of its recent failures, oldest first (at most `limit`); Map order: least recently failed first */
  const failures = new Map<string, number[]>();

  const recent = (key: string, at: number): number[] | undefined => {
    const times = failures.get(key);
    if (!times) return undefined;
    while (times.length && times[0] <= at - windowMs) times.shift();
    if (times.length === 0) {
      failures.delete(key);
      return undefined;
    }
    return times;
  };

  return {
    check(key) {
      const at = now();
      const times = recent(key, at);
      if (!times || times.length < limit) return { allowed: true, retryAfterMs: 0 };
      return { allowed: false, retryAfterMs: Math.max(1, times[times.length - limit] + windowMs - at) };
    },
    fail(key) {
      const at = now();
      const times = recent(key, at) ?? [];
      times.push(at);
      if (times.length > limit) times.splice(0, times.length - limit);
      failures.delete(key); // re-inserted last: the most recently failed key
      failures.set(key, times);
      while (failures.size > maxKeys) failures.delete(failures.keys().next().value!);
    },
    succeed(key) {
      failures.delete(key);
    },
    get size() {
      return failures.size;
    },
  };
}
