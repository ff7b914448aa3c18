import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cachedCreditSnapshot } from '@/lib/cache/credit-snapshot';
import { ensureFollowing } from '@/lib/cache/follower';
import { invalidateTags } from '@/lib/cache/invalidate';
import { cacheRedisKeys, tags } from '@/lib/cache/manifest';
import { cached, cachedMany } from '@/lib/cache/read-through';
import { startCacheRuntime, stopCacheRuntime, type CacheRuntime } from '@/lib/cache/runtime';
import { closeRedis } from '@/lib/redis/client';
import { syncKeys } from '@/sync/state/keys';
import { CACHE_TEST_DB, testEntry, waitFor } from './support/fixtures';

/**
 * The two tiers against a real Redis (DB 5): what is kept where, for how long, how many loads concurrent
 * requests cost, and that invalidations (the app's own and the sync's change events) drop entries everywhere.
 * A fresh runtime stands in for another app instance: it shares Redis but not memory.
 */
const REDIS_URL = `redis://127.0.0.1:6379/${CACHE_TEST_DB}`;
const STORE = { storeHash: 'cachetest', channelId: 1 };
const redis = new Redis(REDIS_URL);
let runtime: CacheRuntime;

const quiet = () => {};
/** A fresh instance, following the invalidation streams before the test goes on (as a server does at start). */
const newInstance = async () => {
  await stopCacheRuntime();
  runtime = startCacheRuntime({ store: STORE, redisUrl: REDIS_URL, log: quiet });
  ensureFollowing(runtime);
  const current = runtime;
  await waitFor(() => current.health.followerConnected, 3_000, 'the follower');
  return runtime;
};

/** A loader that counts its calls and answers, after `delayMs`, what `value()` was when it was called. */
function counting<T>(value: () => T, delayMs = 0) {
  const loader = async () => {
    loader.calls++;
    const answer = value();
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    return answer;
  };
  loader.calls = 0;
  return loader;
}

beforeAll(async () => {
  await redis.flushdb();
});
beforeEach(async () => {
  await newInstance();
});
afterEach(async () => {
  await stopCacheRuntime();
  await redis.flushdb();
});
afterAll(async () => {
  redis.disconnect();
  await closeRedis();
});

describe('two tiers', () => {
  it('loads once, serves from memory, and another instance finds the value in Redis', async () => {
    const entry = testEntry<string>('a', {});
    const load = counting(() => 'v1');
    expect(await cached(entry, load)).toBe('v1');
    expect(await cached(entry, load)).toBe('v1');
    expect(load.calls).toBe(1);
    expect(runtime.health.counters.memoryHits).toBe(1);

    await newInstance();
    expect(await cached(entry, load)).toBe('v1');
    expect(load.calls).toBe(1);
    expect(runtime.health.counters.redisHits).toBe(1);
  });

  it('an entry expires after its TTL, in memory and in Redis, and is loaded again', async () => {
    const entry = testEntry<number>('ttl', { ttlSeconds: 1 });
    let version = 1;
    const load = counting(() => version);
    expect(await cached(entry, load)).toBe(1);
    version = 2;
    expect(await cached(entry, load)).toBe(1);
    expect(await redis.pttl(cacheRedisKeys(STORE.storeHash).entry(entry.key))).toBeLessThanOrEqual(1_000);

    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await cached(entry, load)).toBe(2);
    expect(load.calls).toBe(2);
  });

  it('fifty concurrent misses of one key cost one load', async () => {
    const entry = testEntry<string>('hot', {});
    const load = counting(() => 'v', 50);
    const values = await Promise.all(Array.from({ length: 50 }, () => cached(entry, load)));
    expect(new Set(values)).toEqual(new Set(['v']));
    expect(load.calls).toBe(1);
  });

  it('an expiring hot key under load is served stale while exactly one request refreshes it', async () => {
    const entry = testEntry<number>('swr', { ttlSeconds: 1, staleSeconds: 30 });
    let version = 1;
    const load = counting(() => version, 100);
    await cached(entry, load);
    version = 2;
    await new Promise((resolve) => setTimeout(resolve, 1_100));

    const started = Date.now();
    const values = await Promise.all(Array.from({ length: 50 }, () => cached(entry, load)));
    expect(Date.now() - started).toBeLessThan(100); // nobody waited for the refresh
    expect(new Set(values)).toEqual(new Set([1]));
    await waitFor(async () => (await cached(entry, load)) === 2, 2_000, 'the refreshed value');
    expect(load.calls).toBe(2);
  });

  it('of two instances holding the same stale entry, only one refreshes it', async () => {
    const entry = testEntry<number>('swr-shared', { ttlSeconds: 1, staleSeconds: 30 });
    let version = 1;
    const load = counting(() => version, 200);
    await cached(entry, load);
    version = 2;
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    // This instance claims the refresh…
    expect(await cached(entry, load)).toBe(1);
    // …and another instance (same Redis, empty memory) finds the stale entry while it runs: it serves it as is.
    await newInstance();
    expect(await cached(entry, load)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(load.calls).toBe(2);
  });

  it('cachedMany loads only the missing keys, in one call', async () => {
    const entries = [1, 2, 3].map((n) => testEntry<number>(`many-${n}`, {}));
    const first = counting(() => new Map(entries.slice(0, 2).map((e, i) => [e.key, i + 1])));
    await cachedMany(entries.slice(0, 2), first);
    let asked: string[] = [];
    const rest = await cachedMany(entries, async (missing) => {
      asked = missing.map((e) => e.key);
      return new Map(missing.map((e) => [e.key, 3]));
    });
    expect(asked).toEqual([entries[2]!.key]);
    expect([...rest.values()]).toEqual([1, 2, 3]);
  });
});

describe('invalidation', () => {
  it('drops the entry in Redis and in this instance’s memory at once', async () => {
    const entry = testEntry<number>('inv', {}, [tags.product(7)]);
    let version = 1;
    const load = counting(() => version);
    await cached(entry, load);
    version = 2;
    await invalidateTags([tags.product(7)], 'test');
    expect(await redis.exists(cacheRedisKeys(STORE.storeHash).entry(entry.key))).toBe(0);
    expect(await cached(entry, load)).toBe(2);
    expect(load.calls).toBe(2);
  });

  it('a load that an invalidation overtook is served but not kept', async () => {
    const entry = testEntry<number>('race', {}, [tags.product(8)]);
    let version = 1;
    const load = counting(() => version, 150);
    const pending = cached(entry, load);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await invalidateTags([tags.product(8)], 'test'); // the change lands while the old value is on its way
    version = 2;
    expect(await pending).toBe(1);
    expect(await redis.exists(cacheRedisKeys(STORE.storeHash).entry(entry.key))).toBe(0);
    expect(await cached(entry, load)).toBe(2);
  });

  it('a sync price change reaches Redis once and drops the memory copies of the contexts using that list', async () => {
    const onList = testEntry<number>('price-on-list-5', {}, [tags.price(5, 40)]);
    const otherList = testEntry<number>('price-on-list-6', {}, [tags.price(6, 40)]);
    let version = 1;
    const loadOn = counting(() => version);
    const loadOther = counting(() => version);
    await cached(onList, loadOn);
    await cached(otherList, loadOther);
    version = 2;

    const events = syncKeys(STORE.storeHash).events;
    const id = await redis.xadd(events, '*', 'event', JSON.stringify({ type: 'price-list-changed', priceListId: 5, productIds: [40], variantIds: [400] }));
    await waitFor(async () => (await cached(onList, loadOn)) === 2, 3_000, 'the sync event to drop the entry');
    expect(await cached(otherList, loadOther)).toBe(1);
    expect(await redis.get(cacheRedisKeys(STORE.storeHash).syncCursor)).toBe(id);
    expect(loadOn.calls).toBe(2);
    expect(loadOther.calls).toBe(1);
  });

  it('an instance starting after the sync engine’s state was reset (its event stream recreated) empties the shared cache', async () => {
    const entry = testEntry<string>('before-reset', {});
    await cached(entry, counting(() => 'from the old store'));
    const events = syncKeys(STORE.storeHash).events;
    const keys = cacheRedisKeys(STORE.storeHash);
    await redis.xadd(events, '*', 'event', JSON.stringify({ type: 'credit-changed', customerNumbers: ['C1'] }));
    await waitFor(async () => (await redis.get(keys.syncCursor)) !== null && (await redis.get(keys.syncCursor)) !== '0-0', 3_000, 'the cursor');

    await stopCacheRuntime(); // no instance is running while the store is reset
    await redis.del(events); // what a reseeded sandbox (scripts/dev.ts) or a store reset does to the sync's state
    await redis.xadd(events, '*', 'event', JSON.stringify({ type: 'credit-changed', customerNumbers: ['C2'] }));
    await newInstance();
    expect(await redis.exists(keys.entry(entry.key))).toBe(0);
    expect(await cached(entry, counting(() => 'from the new store'))).toBe('from the new store');
  });

  it('a credit change drops that customer’s snapshot from memory, and only that customer’s', async () => {
    let balance = 100;
    const read = counting(() => balance);
    const other = counting(() => 7);
    expect(await cachedCreditSnapshot('C100', read)).toBe(100);
    await cachedCreditSnapshot('C200', other);
    balance = 250;
    expect(await cachedCreditSnapshot('C100', read)).toBe(100);

    await redis.xadd(syncKeys(STORE.storeHash).events, '*', 'event', JSON.stringify({ type: 'credit-changed', customerNumbers: ['C100'] }));
    await waitFor(async () => (await cachedCreditSnapshot('C100', read)) === 250, 3_000, 'the credit event');
    await cachedCreditSnapshot('C200', other);
    expect(other.calls).toBe(1);
  });
});
