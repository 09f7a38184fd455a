// Results of expensive reads kept in memory for as long as the stored data does not change.
// Each result is filed under the data version it was computed at (db/data-version.ts); a newer
// version empties the cache. A read made while a write was in flight is never kept: it may have
// missed that write, and the write's version may already be the one it was read at.

export interface DataVersion {
  /** grows with every write */
  value: string;
  /** no write was in flight when the version was read */
  settled: boolean;
}

export interface VersionedCache<T> {
  /** the value for `key` at `version`, computed (and, when the version is settled, kept) on a miss */
  get(key: string, version: DataVersion, compute: () => Promise<T>): Promise<T>;
  readonly size: number;
}

export interface VersionedCacheOptions {
  /** entries kept; the least recently used goes first */
  maxEntries: number;
  /** an entry is recomputed after this long even when no write was seen (a safety net) */
  ttlMs: number;
  now?: () => number;
}

interface Entry<T> {
  value: Promise<T>;
  at: number;
}

export function createVersionedCache<T>({ maxEntries, ttlMs, now = Date.now }: VersionedCacheOptions): VersionedCache<T> {
  const entries = new Map<string, Entry<T>>();
  let version: string | null = null;
  return {
    get size() {
      return entries.size;
    },
    async get(key, at, compute) {
      if (!at.settled) return compute();
      if (at.value !== version) {
        entries.clear();
        version = at.value;
      }
      const hit = entries.get(key);
      if (hit && now() - hit.at < ttlMs) {
        // most recently used last
        entries.delete(key);
        entries.set(key, hit);
        return hit.value;
      }
      const value = compute();
      entries.set(key, { value, at: now() });
      // a failed read is not kept
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      return value;
    },
  };
}
