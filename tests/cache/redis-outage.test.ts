import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFollowing } from '@/lib/cache/follower';
import { cacheRedisKeys, tags } from '@/lib/cache/manifest';
import { cached } from '@/lib/cache/read-through';
import { startCacheRuntime, stopCacheRuntime, type CacheRuntime } from '@/lib/cache/runtime';
import { closeRedis } from '@/lib/redis/client';
import { syncKeys } from '@/sync/state/keys';
import { freePort, PrivateRedis, testEntry, waitFor } from './support/fixtures';

/**
 * Redis goes away under a running cache and comes back. Its own redis-server, so taking it away hurts nobody.
 * While it is away: what memory holds is served, misses go to the store (one load per key however many ask), no
 * request fails or waits on a dead socket, and the degraded state is logged once. When it returns the cache uses
 * it again by itself, and follows invalidations again.
 */
const STORE = { storeHash: 'outagetest', channelId: 1 };
let server: PrivateRedis;
let runtime: CacheRuntime;
const logs: string[] = [];

beforeAll(async () => {
  server = new PrivateRedis(await freePort());
  await server.start();
  runtime = startCacheRuntime({ store: STORE, redisUrl: server.url, log: (level, message) => logs.push(`${level} ${message}`) });
  ensureFollowing(runtime);
  await waitFor(() => runtime.health.followerConnected, 3_000, 'the follower');
});
afterAll(async () => {
  await stopCacheRuntime();
  await closeRedis();
  await server.kill();
});

function counting<T>(value: T, delayMs: number) {
  const loader = async () => {
    loader.calls++;
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    return value;
  };
  loader.calls = 0;
  return loader;
}

describe('Redis outage and recovery', () => {
  const warm = testEntry<string>('warm', {}, [tags.product(1)]);

  it('serves from memory and the store while Redis is down, without errors or a pile-up', async () => {
    await cached(warm, counting('kept', 0));
    await server.kill();

    const started = Date.now();
    expect(await cached(warm, counting('reloaded', 0))).toBe('kept');

    const cold = testEntry<string>('cold', {});
    const load = counting('from the store', 50);
    const answers = await Promise.all(Array.from({ length: 50 }, () => cached(cold, load)));
    expect(new Set(answers)).toEqual(new Set(['from the store']));
    expect(load.calls).toBe(1);
    // Nobody waited for Redis: the first failure opened the breaker (connection refused comes back at once).
    expect(Date.now() - started).toBeLessThan(1_000);

    expect(runtime.health.redis).toBe('degraded');
    expect(logs.filter((line) => line.includes('Redis unavailable'))).toHaveLength(1);
    await waitFor(() => !runtime.health.followerConnected, 5_000, 'the follower to notice');
  });

  it('uses Redis again by itself once it is back, and follows invalidations again', async () => {
    await server.start();
    const probe = testEntry<string>('after', {}, [tags.inventory(2)]);
    // Requests keep coming; one probe a second finds Redis back.
    await waitFor(async () => {
      await cached(testEntry<string>(`poke-${Date.now()}`, {}), counting('x', 0));
      return runtime.health.redis === 'up';
    }, 8_000, 'the cache to use Redis again');
    expect(logs.some((line) => line.includes('Redis is back'))).toBe(true);

    await cached(probe, counting('stored', 0));
    const direct = new Redis(server.url);
    try {
      expect(await direct.exists(cacheRedisKeys(STORE.storeHash).entry(probe.key))).toBe(1);
      await waitFor(() => runtime.health.followerConnected, 8_000, 'the follower to reconnect');
      await direct.xadd(syncKeys(STORE.storeHash).events, '*', 'event', JSON.stringify({ type: 'inventory-changed', locationIds: [1], productIds: [2], variantIds: [] }));
      const reload = counting('after the change', 0);
      await waitFor(async () => (await cached(probe, reload)) === 'after the change', 3_000, 'the change event to drop the entry');
    } finally {
      direct.disconnect();
    }
  });
});
