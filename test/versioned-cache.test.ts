import { describe, expect, it } from 'vitest';
import { createVersionedCache, type DataVersion } from '../lib/cache/versioned';

const v = (value: string, settled = true): DataVersion => ({ value, settled });

describe('versioned cache', () => {
  it('computes once per key while the version stays', async () => {
    const cache = createVersionedCache<number>({ maxEntries: 10, ttlMs: 60_000 });
    let calls = 0;
    const compute = async () => ++calls;
    expect(await cache.get('a', v('1'), compute)).toBe(1);
    expect(await cache.get('a', v('1'), compute)).toBe(1);
    expect(await cache.get('b', v('1'), compute)).toBe(2);
    expect(calls).toBe(2);
  });

  it('forgets everything when the data version changes', async () => {
    const cache = createVersionedCache<string>({ maxEntries: 10, ttlMs: 60_000 });
    await cache.get('a', v('1'), async () => 'old');
    await cache.get('b', v('1'), async () => 'old b');
    expect(await cache.get('a', v('2'), async () => 'new')).toBe('new');
    expect(cache.size).toBe(1);
  });

  it('never keeps a read made while a write was in flight', async () => {
    const cache = createVersionedCache<string>({ maxEntries: 10, ttlMs: 60_000 });
    expect(await cache.get('a', v('3', false), async () => 'maybe stale')).toBe('maybe stale');
    expect(cache.size).toBe(0);
    expect(await cache.get('a', v('3'), async () => 'fresh')).toBe('fresh');
  });

  it('recomputes after the time to live', async () => {
    let clock = 0;
    const cache = createVersionedCache<number>({ maxEntries: 10, ttlMs: 1000, now: () => clock });
    let calls = 0;
    await cache.get('a', v('1'), async () => ++calls);
    clock = 999;
    await cache.get('a', v('1'), async () => ++calls);
    clock = 2000;
    expect(await cache.get('a', v('1'), async () => ++calls)).toBe(2);
  });

  it('drops the least recently used entry beyond its size', async () => {
    const cache = createVersionedCache<string>({ maxEntries: 2, ttlMs: 60_000 });
    await cache.get('a', v('1'), async () => 'a');
    await cache.get('b', v('1'), async () => 'b');
    await cache.get('a', v('1'), async () => 'a again');
    await cache.get('c', v('1'), async () => 'c');
    expect(await cache.get('a', v('1'), async () => 'recomputed')).toBe('a');
    expect(await cache.get('b', v('1'), async () => 'recomputed')).toBe('recomputed');
  });

  it('does not keep a failed read', async () => {
    const cache = createVersionedCache<string>({ maxEntries: 10, ttlMs: 60_000 });
    await expect(cache.get('a', v('1'), async () => Promise.reject(new Error('database gone')))).rejects.toThrow('database gone');
    expect(await cache.get('a', v('1'), async () => 'ok')).toBe('ok');
  });

  it('shares one computation between concurrent requests', async () => {
    const cache = createVersionedCache<number>({ maxEntries: 10, ttlMs: 60_000 });
    let calls = 0;
    const slow = () => new Promise<number>((r) => setTimeout(() => r(++calls), 10));
    const [x, y] = await Promise.all([cache.get('a', v('1'), slow), cache.get('a', v('1'), slow)]);
    expect([x, y, calls]).toEqual([1, 1, 1]);
  });
});
