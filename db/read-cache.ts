// What server pages read, kept per process until the stored data changes (lib/cache/versioned.ts,
// db/data-version.ts): a page asked again costs one small query instead of its aggregates.
// Lives on globalThis, like the database handle, because Next may load this module more than once.

import { createVersionedCache, type VersionedCache } from '../lib/cache/versioned';
import type { Db } from './client';
import { readDataVersion } from './data-version';

const KEY = Symbol.for('nianbao.readCache');
const holder = globalThis as typeof globalThis & { [KEY]?: VersionedCache<unknown> };
// a page's data is tens of kilobytes: a few hundred views stay well under a hundred megabytes
const cache = (holder[KEY] ??= createVersionedCache<unknown>({ maxEntries: 300, ttlMs: 10 * 60_000 }));

/** `compute()`, or its result from an earlier call with the same key at the same data version. */
export async function cachedRead<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
  return cache.get(key, await readDataVersion(db), compute) as Promise<T>;
}
