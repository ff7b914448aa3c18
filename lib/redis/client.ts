import 'server-only';
import { Redis, type RedisOptions } from 'ioredis';
import { getConfig } from '@/lib/config';

/**
 * The app's Redis connections. Request handlers must fail fast when Redis is away (a webhook answers 503 and
 * BigCommerce retries; a page falls back), so commands are never queued while disconnected
 * (`enableOfflineQueue: false`), are retried at most once after a reconnect, and time out.
 *
 * One connection per role: `app` for ordinary commands; `cache` for the storefront cache, which sits on every
 * page view and so gives up much sooner (a slow cache is worse than none: the page then asks the store);
 * `follower` for the cache's blocking stream reads, which would stall any other command sharing the socket.
 *
 * Held on `globalThis`: Next bundles route handlers and pages as separate module graphs, and dev reloads modules,
 * either of which would otherwise open a connection per copy. Keyed by role and URL so a changed REDIS_URL gets its own.
 */
const HOLDER = Symbol.for('b2b-storefront.redis-clients');

type Holder = Map<string, Redis>;

export type RedisRole = 'app' | 'cache' | 'follower';

const ROLE_OPTIONS: Record<RedisRole, RedisOptions> = {
  app: { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 2_000, commandTimeout: 2_000 },
  cache: { lazyConnect: false, maxRetriesPerRequest: 0, connectTimeout: 1_000, commandTimeout: 250 },
  // Blocking reads wait up to FOLLOW_BLOCK_MS (lib/cache/follower.ts) for news; the timeout only catches a dead socket.
  follower: { lazyConnect: false, maxRetriesPerRequest: 0, connectTimeout: 1_000, commandTimeout: 10_000 },
};

function clients(): Holder {
  const g = globalThis as unknown as Record<symbol, Holder | undefined>;
  return (g[HOLDER] ??= new Map());
}

export class RedisUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RedisUnavailableError';
  }
}

/** The shared client of a role (created on first use; the `app` client connects lazily). */
export function getRedis(url: string = getConfig().REDIS_URL, role: RedisRole = 'app'): Redis {
  const held = clients();
  const holderKey = `${role} ${url}`;
  const existing = held.get(holderKey);
  if (existing && existing.status !== 'end') return existing;
  const client = new Redis(url, { ...ROLE_OPTIONS[role], enableOfflineQueue: false });
  // ioredis emits an error on every failed reconnect; log the first of each outage, not one every two seconds.
  let reported = false;
  client.on('error', (error: Error) => {
    if (reported) return;
    reported = true;
    console.error(`[redis] ${redactUrl(url)} unavailable (${role} connection): ${error.message}`);
  });
  client.on('ready', () => {
    reported = false;
  });
  held.set(holderKey, client);
  return client;
}

/**
 * The shared client once it is connected, or a RedisUnavailableError within `timeoutMs`. Without this, the first
 * command after start-up would be refused while the socket is still connecting (there is no offline queue).
 */
export async function getReadyRedis(timeoutMs = 1_000, url?: string, role: RedisRole = 'app'): Promise<Redis> {
  const client = getRedis(url, role);
  if (client.status === 'ready') return client;
  await new Promise<void>((resolve, reject) => {
    const finish = (error?: Error) => {
      clearTimeout(timer);
      client.off('ready', onReady);
      client.off('error', onError);
      if (error) reject(new RedisUnavailableError(`Redis is unavailable: ${error.message}`, { cause: error }));
      else resolve();
    };
    const onReady = () => finish();
    const onError = (error: Error) => finish(error);
    const timer = setTimeout(() => finish(new Error(`not connected within ${timeoutMs} ms`)), timeoutMs);
    client.on('ready', onReady);
    client.on('error', onError);
    // The rejection is reported through the 'error' event as well; catching here only avoids an unhandled rejection.
    if (client.status === 'wait')
      client.connect().catch((error: unknown) => finish(error instanceof Error ? error : new Error(String(error))));
  });
  return client;
}

/** Closes every shared client (tests, graceful shutdown). */
export async function closeRedis(): Promise<void> {
  const held = clients();
  const all = [...held.values()];
  held.clear();
  await Promise.all(all.map((client) => client.quit().catch(() => client.disconnect())));
}

function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
