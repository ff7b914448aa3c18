import 'server-only';
import { getConfig } from '@/lib/config';
import { getRedis } from '@/lib/redis/client';
import type { StoreRef } from './contexts';
import { CacheHealth } from './health';
import { MemoryTier } from './memory-tier';
import { RedisTier } from './redis-tier';

/**
 * The process's cache: both tiers, the loads in flight, and when each tag was last invalidated here. Held on
 * `globalThis` because Next builds the proxy, route handlers and pages as separate module graphs that must share
 * one memory tier (an invalidation has to reach all of them) and one Redis connection.
 */
export interface CacheRuntime {
  readonly store: StoreRef;
  readonly redisUrl: string;
  readonly memory: MemoryTier;
  /** Rendered catalog pages (page-cache.ts), bounded by size. */
  readonly pages: MemoryTier;
  readonly redis: RedisTier;
  readonly health: CacheHealth;
  /** Single-flight: loads in progress by key, with the tags that cancel them. */
  readonly inflight: Map<string, { promise: Promise<unknown>; tags: readonly string[] }>;
  /** Process clock (ms) of the last local invalidation per tag, to refuse loads that started before it. */
  readonly invalidatedAt: Map<string, number>;
  /** Process clock (ms) of the last full clear (a gap in the invalidation streams). */
  clearedAt: number;
  /** Set by follower.ts once this process follows the invalidation streams. */
  follower: { stop(): Promise<void> } | null;
}

const HOLDER = Symbol.for('b2b-storefront.cache-runtime');
const MAX_DATA_ENTRIES = 20_000;
const MAX_PAGE_BYTES = 64 * 1024 * 1024;
/** Invalidation times older than any load can take are forgotten. */
const INVALIDATION_MEMORY_MS = 5 * 60_000;

type Holder = { runtime?: CacheRuntime };
const holder = (): Holder => ((globalThis as unknown as Record<symbol, Holder>)[HOLDER] ??= {});

export interface CacheRuntimeOptions {
  store: StoreRef;
  redisUrl: string;
  log?: ConstructorParameters<typeof CacheHealth>[0];
}

/** This process's cache, created from the app configuration on first use. */
export function cacheRuntime(): CacheRuntime {
  const existing = holder().runtime;
  if (existing) return existing;
  const config = getConfig();
  return startCacheRuntime({
    store: { storeHash: config.BIGCOMMERCE_STORE_HASH, channelId: config.BIGCOMMERCE_CHANNEL_ID },
    redisUrl: config.REDIS_URL,
  });
}

/** Creates the process's cache explicitly (tests, the benchmark's app processes). Replaces any previous one. */
export function startCacheRuntime(options: CacheRuntimeOptions): CacheRuntime {
  const runtime: CacheRuntime = {
    store: options.store,
    redisUrl: options.redisUrl,
    memory: new MemoryTier({ maxEntries: MAX_DATA_ENTRIES }),
    pages: new MemoryTier({ maxEntries: MAX_DATA_ENTRIES, maxBytes: MAX_PAGE_BYTES }),
    redis: new RedisTier(getRedis(options.redisUrl, 'cache'), options.store.storeHash),
    health: new CacheHealth(options.log),
    inflight: new Map(),
    invalidatedAt: new Map(),
    clearedAt: 0,
    follower: null,
  };
  holder().runtime = runtime;
  return runtime;
}

/** Stops following invalidations and forgets the process's cache (tests, shutdown). Connections stay with lib/redis. */
export async function stopCacheRuntime(): Promise<void> {
  const runtime = holder().runtime;
  holder().runtime = undefined;
  await runtime?.follower?.stop();
}

/** This process's cache state and counters, for whoever exports metrics; null before the cache is first used. */
export function cacheMetrics() {
  const runtime = holder().runtime;
  if (!runtime) return null;
  const { health } = runtime;
  return {
    redis: health.redis,
    degradedSince: health.degradedSince,
    lastRedisError: health.lastError,
    followingInvalidations: health.followerConnected,
    memoryEntries: runtime.memory.size,
    keptPages: runtime.pages.size,
    ...health.counters,
  };
}

/** Drops this process's copies of everything carrying one of `tags`, and cancels loads that would bring them back. */
export function dropLocally(runtime: CacheRuntime, tags: readonly string[], now = Date.now()): number {
  if (tags.length === 0) return 0;
  for (const tag of tags) runtime.invalidatedAt.set(tag, now);
  const wanted = new Set(tags);
  for (const [key, load] of runtime.inflight) if (load.tags.some((tag) => wanted.has(tag))) runtime.inflight.delete(key);
  const dropped = runtime.memory.dropTags(tags) + runtime.pages.dropTags(tags);
  runtime.health.counters.dropped += dropped;
  if (runtime.invalidatedAt.size > 50_000) forgetOldInvalidations(runtime, now);
  return dropped;
}

/** Drops everything this process holds (its view of the invalidation streams has a gap). */
export function clearLocally(runtime: CacheRuntime, now = Date.now()): void {
  runtime.clearedAt = now;
  runtime.inflight.clear();
  runtime.health.counters.dropped += runtime.memory.size + runtime.pages.size;
  runtime.memory.clear();
  runtime.pages.clear();
}

/** Whether any of `tags` was invalidated in this process at or after `since` (a load that started then is outdated). */
export function invalidatedSince(runtime: CacheRuntime, tags: readonly string[], since: number): boolean {
  if (runtime.clearedAt >= since) return true;
  return tags.some((tag) => (runtime.invalidatedAt.get(tag) ?? -Infinity) >= since);
}

function forgetOldInvalidations(runtime: CacheRuntime, now: number): void {
  for (const [tag, at] of runtime.invalidatedAt) if (at < now - INVALIDATION_MEMORY_MS) runtime.invalidatedAt.delete(tag);
}
