import 'server-only';
import type { Redis } from 'ioredis';
import { getRedis } from '@/lib/redis/client';
import type { ChangeEvent } from '@/sync/state/change-events';
import { syncKeys } from '@/sync/state/keys';
import { changeEventTags } from './change-event-tags';
import { cacheRedisKeys } from './manifest';
import { cacheRuntime, clearLocally, dropLocally, type CacheRuntime } from './runtime';

/**
 * How every app instance hears about changes: it follows two Redis streams with one blocking read.
 *
 * - `sync:{store}:events`, the sync engine's change events: mapped to tags (change-event-tags.ts), applied to
 *   Redis once for all instances (a shared cursor, see RedisTier.applySyncEvent), then dropped from this
 *   process's memory.
 * - `cache:{store}:…:invalidations`, invalidations made by the app itself (webhooks): Redis is already done by
 *   whoever published, so only the memory copies are dropped.
 *
 * Streams, not pub/sub, so nothing is lost while an instance reconnects: it resumes from the last id it read. An
 * instance that was down resumes sync events from the shared cursor, so an event published while no instance was
 * running still reaches Redis. If a stream was trimmed past where this instance stopped, it cannot know what it
 * missed and drops everything it holds (and, for sync events nobody applied, everything in Redis).
 */
const FOLLOW_BLOCK_MS = 2_000;
const READ_COUNT = 200;
const RETRY_MS = 500;
/** No entry lives longer than this (the longest TTL plus stale window, with margin), so older events need no replay. */
const REPLAY_HORIZON_MS = 15 * 60_000;

/** Starts following unless this process already does. */
export function ensureFollowing(runtime: CacheRuntime): void {
  runtime.follower ??= startFollower(runtime);
}

/** At server start (instrumentation.ts). */
export function startCacheFollower(): void {
  ensureFollowing(cacheRuntime());
}

function startFollower(runtime: CacheRuntime): { stop(): Promise<void> } {
  // Its own socket: a blocking read holds the connection it runs on.
  const redis = getRedis(runtime.redisUrl, 'follower').duplicate();
  redis.on('error', () => {
    // Reported through health when a read fails; ioredis reconnects by itself.
  });
  let stopped = false;
  const done = follow(runtime, redis, () => stopped).catch((error: unknown) => {
    console.error('[cache] invalidation follower stopped:', error);
  });
  return {
    async stop() {
      stopped = true;
      redis.disconnect();
      await done;
    },
  };
}

async function follow(runtime: CacheRuntime, redis: Redis, stopped: () => boolean): Promise<void> {
  const streams = { sync: syncKeys(runtime.store.storeHash).events, cache: cacheRedisKeys(runtime.store.storeHash).invalidations };
  let position: { sync: string; cache: string } | null = null;
  while (!stopped()) {
    try {
      await connected(redis);
      position ??= await startingPosition(runtime, redis, streams);
      if (!runtime.health.followerConnected) {
        await closeGaps(runtime, redis, streams, position);
        runtime.health.followerState(true);
      }
      const reply = (await redis.xread('COUNT', READ_COUNT, 'BLOCK', FOLLOW_BLOCK_MS, 'STREAMS', streams.sync, streams.cache, position.sync, position.cache)) as
        | [string, [string, string[]][]][]
        | null;
      for (const [stream, entries] of reply ?? []) {
        for (const [id, fields] of entries) {
          if (stream === streams.sync) {
            await applySyncEntry(runtime, id, fields);
            position.sync = id;
          } else {
            dropLocally(runtime, invalidationTags(fields));
            position.cache = id;
          }
        }
      }
    } catch (error) {
      if (stopped()) return;
      runtime.health.followerState(false, error instanceof Error ? error.message : String(error));
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}

/** Waits for the socket (there is no offline queue: a command sent while connecting is refused). */
async function connected(redis: Redis): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      reject(new Error(`not connected (${redis.status})`));
    }, FOLLOW_BLOCK_MS);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    redis.once('ready', onReady);
  });
}

/** Where a starting instance picks up: new invalidations only, and sync events from the shared cursor. */
async function startingPosition(runtime: CacheRuntime, redis: Redis, streams: { sync: string; cache: string }) {
  const cache = await lastId(redis, streams.cache);
  const latestSync = await lastId(redis, streams.sync);
  const cursor = await runtime.redis.syncCursor();
  if (!cursor) {
    await runtime.redis.initSyncCursor(latestSync);
    return { sync: latestSync, cache };
  }
  if (await syncStateWasReset(redis, streams.sync, cursor)) {
    // The sync's state was wiped (a store reset, or a reseeded sandbox): nothing cached can be trusted.
    console.warn('[cache] the sync engine’s event stream was reset: emptying the shared cache');
    await runtime.redis.flushStore();
    await runtime.redis.resetSyncCursor();
    return { sync: '0-0', cache };
  }
  const horizon = `${Date.now() - REPLAY_HORIZON_MS}-0`;
  return { sync: compareIds(cursor, horizon) > 0 ? cursor : horizon, cache };
}

/**
 * Whether the sync stream is not the one the cursor was taken from: the cursor's event is neither in it nor
 * trimmed from it (a stream gone, or recreated with only later events).
 */
async function syncStateWasReset(redis: Redis, stream: string, cursor: string): Promise<boolean> {
  if (cursor === '0-0') return false;
  if ((await redis.exists(stream)) === 0) return true;
  const info = (await redis.xinfo('STREAM', stream)) as unknown[];
  const field = (name: string) => info[info.indexOf(name) + 1];
  const first = field('first-entry') as [string, string[]] | null;
  const removed = field('max-deleted-entry-id');
  return first !== null && compareIds(cursor, first[0]) < 0 && typeof removed === 'string' && compareIds(removed, cursor) < 0;
}

/** After a disconnection: if a stream was trimmed beyond where we stopped, what was missed is unknown. */
async function closeGaps(runtime: CacheRuntime, redis: Redis, streams: { sync: string; cache: string }, position: { sync: string; cache: string }): Promise<void> {
  const [syncGap, cacheGap] = await Promise.all([trimmedPast(redis, streams.sync, position.sync), trimmedPast(redis, streams.cache, position.cache)]);
  if (!syncGap && !cacheGap) return;
  console.warn('[cache] an invalidation stream was trimmed past this instance: dropping its memory entries');
  clearLocally(runtime);
  if (syncGap) {
    const cursor = await runtime.redis.syncCursor();
    if (!cursor || (await trimmedPast(redis, streams.sync, cursor))) {
      console.warn('[cache] sync events were lost before any instance applied them: emptying the shared cache');
      await runtime.redis.flushStore();
    }
  }
}

async function applySyncEntry(runtime: CacheRuntime, id: string, fields: string[]): Promise<void> {
  const event = parseChangeEvent(fields);
  if (!event) {
    console.warn(`[cache] ignoring sync event ${id}: not a change event this storefront knows`);
    return;
  }
  const tags = changeEventTags(event);
  // Redis first: dropping memory first would let a request refill it from the still-stale Redis entry.
  await runtime.redis.applySyncEvent(id, tags);
  dropLocally(runtime, tags);
}

function parseChangeEvent(fields: string[]): ChangeEvent | null {
  const text = fields[fields.indexOf('event') + 1];
  if (!text) return null;
  try {
    const event = JSON.parse(text) as ChangeEvent;
    return ['price-list-changed', 'inventory-changed', 'customer-group-changed', 'credit-changed'].includes(event.type) ? event : null;
  } catch {
    return null;
  }
}

function invalidationTags(fields: string[]): string[] {
  const text = fields[fields.indexOf('message') + 1];
  try {
    const message = JSON.parse(text ?? '{}') as { tags?: unknown };
    return Array.isArray(message.tags) ? message.tags.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

async function lastId(redis: Redis, stream: string): Promise<string> {
  const [entry] = await redis.xrevrange(stream, '+', '-', 'COUNT', 1);
  return entry?.[0] ?? '0-0';
}

/** Whether entries after `position` were trimmed away (Redis ≥ 7 reports the newest id it ever removed). */
async function trimmedPast(redis: Redis, stream: string, position: string): Promise<boolean> {
  if ((await redis.exists(stream)) === 0) return false;
  const info = (await redis.xinfo('STREAM', stream)) as unknown[];
  const removed = info[info.indexOf('max-deleted-entry-id') + 1];
  return typeof removed === 'string' && compareIds(removed, position) > 0;
}

/** Compares stream ids ("ms-seq") numerically. */
export function compareIds(a: string, b: string): number {
  const [am = 0, as = 0] = a.split('-').map(Number);
  const [bm = 0, bs = 0] = b.split('-').map(Number);
  return am !== bm ? am - bm : as - bs;
}
