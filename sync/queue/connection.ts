import { Redis } from 'ioredis';

/**
 * BullMQ's own connections. Workers block on Redis, so commands must wait through a reconnect instead of failing
 * (`maxRetriesPerRequest: null`, BullMQ's production advice); the app's fail-fast client would drop jobs instead.
 * BullMQ needs `maxmemory-policy noeviction` on this Redis: an evicted job key is a lost job.
 */
export function queueConnection(redisUrl: string): Redis {
  return new Redis(redisUrl, { maxRetriesPerRequest: null, enableReadyCheck: true });
}

/** Key prefix per store, next to the sync's other keys (`sync:{store}:…`), so two stores on one Redis never mix. */
export function queuePrefix(storeHash: string): string {
  return `sync:${storeHash}:bull`;
}
