import 'server-only';
import { getReadyRedis } from '@/lib/redis/client';
import { cacheRuntime, dropLocally } from './runtime';

/**
 * Drops every cached entry carrying one of `tags`: in Redis and in this process at once, and in every other
 * instance as soon as it reads the invalidation stream (follower.ts). Unlike cache reads this does not skip a
 * failing Redis: it throws, so the caller (a webhook) can answer an error and have the event delivered again.
 */
export async function invalidateTags(tags: readonly string[], source: string): Promise<number> {
  if (tags.length === 0) return 0;
  const runtime = cacheRuntime();
  await getReadyRedis(1_000, runtime.redisUrl, 'cache');
  const deleted = await runtime.redis.invalidate(tags, source);
  dropLocally(runtime, tags);
  return deleted;
}
