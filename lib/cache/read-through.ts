import 'server-only';
import { ensureFollowing } from './follower';
import type { CacheEntry, CacheProfile } from './manifest';
import { notePageReads, refusePageFill } from './page-fill';
import type { WriteItem } from './redis-tier';
import { cacheRuntime, invalidatedSince, type CacheRuntime } from './runtime';

/**
 * Reads through both tiers: process memory, then Redis, then the loader (the Storefront or Management API).
 *
 * - Single-flight: concurrent misses of one key in a process share one load; an invalidation cancels the shared
 *   load for later callers, so nobody joins a load that started before the change.
 * - Stale-while-revalidate where the profile allows it: an entry past its TTL is served while one request
 *   refreshes it, and of several instances holding it only the one that claims the refresh loads.
 * - Loads are stamped with their start time; one that an invalidation overtook is not kept (RedisTier.write).
 * - Redis trouble is never an error here: the tier is skipped (health.ts) and memory and loads carry on.
 */

export interface Found<T> {
  value: T;
  stale: boolean;
}

/** When a load started, on this process's clock and on Redis's (null while Redis is away). */
export interface LoadStart {
  local: number;
  redis: number | null;
}

const REFRESH_CLAIM_MS = 10_000;

function runtime(): CacheRuntime {
  const current = cacheRuntime();
  ensureFollowing(current);
  return current;
}

function entryTags<T>(entry: CacheEntry<T>, value: T): readonly string[] {
  return entry.tagsOf ? [...entry.tags, ...entry.tagsOf(value)] : entry.tags;
}

/** Memory, then Redis for what memory lacks. Entries absent from both are absent from the result. */
export function lookup<T>(entries: readonly CacheEntry<T>[]): Promise<Map<string, Found<T>>> {
  return lookupIn(runtime(), entries);
}

async function lookupIn<T>(rt: CacheRuntime, entries: readonly CacheEntry<T>[]): Promise<Map<string, Found<T>>> {
  const started = Date.now();
  const found = new Map<string, Found<T>>();
  const readTags: string[] = [];
  const readProfiles = new Set<CacheProfile>();
  const askRedis: CacheEntry<T>[] = [];
  for (const entry of entries) {
    const item = rt.memory.get<T>(entry.key, started);
    if (item) {
      rt.health.counters.memoryHits++;
      found.set(entry.key, { value: item.value, stale: started >= item.freshUntil });
      readTags.push(...item.tags);
      readProfiles.add(entry.profile);
    } else if (entry.profile.tiers === 'memory+redis') {
      askRedis.push(entry);
    }
  }
  if (askRedis.length > 0 && rt.health.allowRedis()) {
    try {
      const { now, entries: stored } = await rt.redis.read(askRedis.map((entry) => entry.key));
      rt.health.redisSucceeded();
      const local = Date.now();
      askRedis.forEach((entry, index) => {
        const hit = stored[index];
        // Gone, or an invalidation reached this process while the read was under way: treat as a miss.
        if (!hit || hit.expiresAt <= now || invalidatedSince(rt, hit.tags, started)) return;
        rt.memory.set(entry.key, { value: hit.value, freshUntil: local + hit.freshUntil - now, expiresAt: local + hit.expiresAt - now, tags: hit.tags, size: 0 });
        rt.health.counters.redisHits++;
        found.set(entry.key, { value: hit.value as T, stale: hit.freshUntil <= now });
        readTags.push(...hit.tags);
        readProfiles.add(entry.profile);
      });
    } catch (error) {
      rt.health.redisFailed(error);
    }
  }
  rt.health.counters.misses += entries.length - found.size;
  if (readTags.length > 0) await notePageReads(readTags, readProfiles);
  return found;
}

/** Stamps the start of a load. Anything invalidated from now on outdates what it brings back. */
export function beginLoad(): Promise<LoadStart> {
  return beginLoadIn(runtime());
}

async function beginLoadIn(rt: CacheRuntime): Promise<LoadStart> {
  const local = Date.now();
  if (!rt.health.allowRedis()) return { local, redis: null };
  try {
    const redis = await rt.redis.now();
    rt.health.redisSucceeded();
    return { local, redis };
  } catch (error) {
    rt.health.redisFailed(error);
    return { local, redis: null };
  }
}

/**
 * Keeps loaded values: in Redis (when the load's start is known there) and in memory, except values an
 * invalidation overtook. Returns the keys kept.
 */
export function keep<T>(items: readonly { entry: CacheEntry<T>; value: T }[], start: LoadStart): Promise<Set<string>> {
  return keepIn(runtime(), items, start);
}

async function keepIn<T>(rt: CacheRuntime, items: readonly { entry: CacheEntry<T>; value: T }[], start: LoadStart): Promise<Set<string>> {
  const all = items.map(({ entry, value }) => ({ entry, value, tags: entryTags(entry, value) }));
  await notePageReads(
    all.flatMap((item) => item.tags),
    all.map((item) => item.entry.profile),
  );
  const prepared = all.filter((item) => !invalidatedSince(rt, item.tags, start.local));
  // What this request shows may already be outdated: serve it, but do not keep a page made from it.
  if (prepared.length < all.length) await refusePageFill('an invalidation overtook a read');
  const refusedByRedis = new Set<string>();
  const shared = prepared.filter((item) => item.entry.profile.tiers === 'memory+redis');
  if (shared.length > 0 && start.redis !== null && rt.health.allowRedis()) {
    const writes: WriteItem[] = shared.map(({ entry, value, tags }) => ({
      key: entry.key,
      value,
      ttlMs: entry.profile.ttlSeconds * 1000,
      staleMs: entry.profile.staleSeconds * 1000,
      tags,
    }));
    try {
      const written = await rt.redis.write(writes, start.redis, Date.now() - start.local);
      rt.health.redisSucceeded();
      written.forEach((ok, index) => {
        if (!ok) refusedByRedis.add(writes[index]!.key);
      });
      if (refusedByRedis.size > 0) await refusePageFill('an invalidation overtook a read');
    } catch (error) {
      rt.health.redisFailed(error);
    }
  }
  const now = Date.now();
  const kept = new Set<string>();
  for (const { entry, value, tags } of prepared) {
    if (refusedByRedis.has(entry.key)) continue;
    const ttlMs = entry.profile.ttlSeconds * 1000;
    rt.memory.set(entry.key, { value, freshUntil: now + ttlMs, expiresAt: now + ttlMs + entry.profile.staleSeconds * 1000, tags, size: 0 });
    kept.add(entry.key);
  }
  return kept;
}

/**
 * Reads with the cache when the viewer's context is known, and straight from the store (keeping nothing, and
 * refusing any page being kept) when it is not: per-buyer data never goes under a key that lacks its context.
 */
export async function cachedIn<C, T>(context: C | null, entry: (context: C) => CacheEntry<T>, load: () => Promise<T>): Promise<T> {
  if (context === null) {
    await refusePageFill('the viewer’s context is unknown');
    return load();
  }
  return cached(entry(context), load);
}

/** One load per key at a time in this process; `tags` let an invalidation detach later callers from it. */
function singleFlightIn<T>(rt: CacheRuntime, key: string, tags: readonly string[], run: () => Promise<T>): Promise<T> {
  const inflight = rt.inflight.get(key);
  if (inflight) return inflight.promise as Promise<T>;
  const promise = run().finally(() => {
    if (rt.inflight.get(key)?.promise === promise) rt.inflight.delete(key);
  });
  rt.inflight.set(key, { promise, tags });
  return promise;
}

/**
 * One entry through both tiers; `load` runs on a miss (once per process however many ask at the same time). It
 * gets the load's start, to `keep` anything else the same upstream answer carries.
 */
export async function cached<T>(entry: CacheEntry<T>, load: (start: LoadStart) => Promise<T>): Promise<T> {
  const rt = runtime();
  const hit = (await lookupIn(rt, [entry])).get(entry.key);
  if (hit) {
    if (hit.stale) {
      rt.health.counters.staleServed++;
      void refreshMany(rt, [entry], async ([only], start) => new Map([[only!.key, await load(start)]]));
    }
    return hit.value;
  }
  const value = await loadOnce(rt, entry.key, entry.tags, async (start) => {
    const loaded = await load(start);
    await keepIn(rt, [{ entry, value: loaded }], start);
    return loaded;
  });
  await notePageReads(entryTags(entry, value), [entry.profile]);
  return value;
}

/**
 * Many entries of one profile through both tiers; `loadMissing` gets the ones neither tier has, in one call
 * (a batched upstream request), and returns their values by key. Keys it leaves out are not cached.
 */
export async function cachedMany<T>(
  entries: readonly CacheEntry<T>[],
  loadMissing: (missing: readonly CacheEntry<T>[], start: LoadStart) => Promise<Map<string, T>>,
): Promise<Map<string, T>> {
  const rt = runtime();
  const found = await lookupIn(rt, entries);
  const values = new Map<string, T>();
  for (const [key, hit] of found) values.set(key, hit.value);
  const stale = entries.filter((entry) => found.get(entry.key)?.stale);
  if (stale.length > 0) void refreshMany(rt, stale, loadMissing);
  const missing = entries.filter((entry) => !found.has(entry.key));
  if (missing.length === 0) return values;
  // The same page asked for at the same time shares one load.
  const loaded = await loadOnce(
    rt,
    missing.map((entry) => entry.key).join('\n'),
    missing.flatMap((entry) => entry.tags),
    async (start) => {
      const result = await loadMissing(missing, start);
      await keepIn(
        rt,
        missing.flatMap((entry) => (result.has(entry.key) ? [{ entry, value: result.get(entry.key) as T }] : [])),
        start,
      );
      return result;
    },
  );
  const readTags: string[] = [];
  for (const entry of missing) {
    if (!loaded.has(entry.key)) continue;
    const value = loaded.get(entry.key) as T;
    values.set(entry.key, value);
    readTags.push(...entryTags(entry, value));
  }
  await notePageReads(readTags, new Set(missing.map((entry) => entry.profile)));
  return values;
}

async function loadOnce<T>(rt: CacheRuntime, key: string, tags: readonly string[], run: (start: LoadStart) => Promise<T>): Promise<T> {
  const counters = rt.health.counters;
  try {
    return await singleFlightIn(rt, key, tags, async () => {
      counters.loads++;
      return run(await beginLoadIn(rt));
    });
  } catch (error) {
    counters.loadErrors++;
    await refusePageFill('a read failed');
    throw error;
  }
}

/** Another instance refreshed (or is refreshing) these: take whatever fresh copies Redis has into memory. */
async function pickUpRefreshed<T>(rt: CacheRuntime, entries: readonly CacheEntry<T>[]): Promise<void> {
  const started = Date.now();
  const { now, entries: stored } = await rt.redis.read(entries.map((entry) => entry.key));
  entries.forEach((entry, index) => {
    const hit = stored[index];
    if (!hit || hit.freshUntil <= now || invalidatedSince(rt, hit.tags, started)) return;
    rt.memory.set(entry.key, { value: hit.value, freshUntil: started + hit.freshUntil - now, expiresAt: started + hit.expiresAt - now, tags: hit.tags, size: 0 });
  });
}

/** Refreshes stale entries, unless another instance already is (then picks up its result from Redis when there). */
function refreshMany<T>(rt: CacheRuntime, entries: readonly CacheEntry<T>[], loadMissing: (missing: readonly CacheEntry<T>[], start: LoadStart) => Promise<Map<string, T>>): Promise<void> {
  const key = `refresh\n${entries.map((entry) => entry.key).join('\n')}`;
  return singleFlightIn(rt, key, entries.flatMap((entry) => entry.tags), async () => {
    if (rt.health.allowRedis()) {
      try {
        const claimed = await rt.redis.claimRefresh(entries[0]!.key, REFRESH_CLAIM_MS);
        rt.health.redisSucceeded();
        if (!claimed) return await pickUpRefreshed(rt, entries);
      } catch (error) {
        rt.health.redisFailed(error);
      }
    }
    const start = await beginLoadIn(rt);
    rt.health.counters.loads++;
    const result = await loadMissing(entries, start);
    await keepIn(
      rt,
      entries.flatMap((entry) => (result.has(entry.key) ? [{ entry, value: result.get(entry.key) as T }] : [])),
      start,
    );
  }).catch((error: unknown) => {
    rt.health.counters.loadErrors++;
    console.warn('[cache] refreshing a stale entry failed; it is served until it expires:', error instanceof Error ? error.message : error);
  });
}
