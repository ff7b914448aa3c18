/**
 * Whether the Redis tier is usable, and the cache's counters. When a Redis command fails the tier is skipped
 * (memory and the store keep serving: no error page, no request waits on a dead socket) and one probe is let
 * through per interval until Redis answers again. Each change of state is logged once, and is visible in
 * `cacheMetrics()` (runtime.ts) for whoever exports metrics.
 */
const PROBE_INTERVAL_MS = 1_000;

export interface CacheCounters {
  memoryHits: number;
  redisHits: number;
  misses: number;
  /** Upstream loads made to fill the cache (each is one or more Storefront/Management API calls). */
  loads: number;
  loadErrors: number;
  staleServed: number;
  redisErrors: number;
  /** Entries this process dropped on invalidation (memory tier and pages). */
  dropped: number;
  pageHits: number;
  pageMisses: number;
  pagesStored: number;
  /** Page renders not kept: a read failed or bypassed the cache, or an invalidation raced the render. */
  pagesRefused: number;
}

export class CacheHealth {
  redis: 'up' | 'degraded' = 'up';
  degradedSince: number | null = null;
  lastError: string | null = null;
  /** False while the invalidation follower is cut off from Redis (memory entries may then miss invalidations). */
  followerConnected = false;
  readonly counters: CacheCounters = {
    memoryHits: 0,
    redisHits: 0,
    misses: 0,
    loads: 0,
    loadErrors: 0,
    staleServed: 0,
    redisErrors: 0,
    dropped: 0,
    pageHits: 0,
    pageMisses: 0,
    pagesStored: 0,
    pagesRefused: 0,
  };
  private nextProbeAt = 0;
  private followerWasCut = false;

  constructor(private readonly log: (level: 'warn' | 'info', message: string) => void = defaultLog) {}

  /** Whether to send a Redis command now: always when up; when degraded, one probe per interval. */
  allowRedis(now = Date.now()): boolean {
    if (this.redis === 'up') return true;
    if (now < this.nextProbeAt) return false;
    this.nextProbeAt = now + PROBE_INTERVAL_MS;
    return true;
  }

  redisSucceeded(now = Date.now()): void {
    if (this.redis === 'up') return;
    const seconds = ((now - (this.degradedSince ?? now)) / 1000).toFixed(1);
    this.redis = 'up';
    this.degradedSince = null;
    this.log('info', `[cache] Redis is back after ${seconds} s: the shared tier is in use again`);
  }

  redisFailed(error: unknown, now = Date.now()): void {
    this.counters.redisErrors++;
    this.lastError = error instanceof Error ? error.message : String(error);
    this.nextProbeAt = now + PROBE_INTERVAL_MS;
    if (this.redis === 'degraded') return;
    this.redis = 'degraded';
    this.degradedSince = now;
    this.log('warn', `[cache] Redis unavailable (${this.lastError}): serving from process memory and the store until it returns`);
  }

  followerState(connected: boolean, detail?: string): void {
    if (connected === this.followerConnected) return;
    this.followerConnected = connected;
    if (connected && this.followerWasCut) this.log('info', '[cache] following invalidations again (caught up on what was missed)');
    if (!connected) {
      this.followerWasCut = true;
      this.log('warn', `[cache] cut off from the invalidation streams${detail ? ` (${detail})` : ''}: memory entries live at most their TTL`);
    }
  }
}

function defaultLog(level: 'warn' | 'info', message: string): void {
  if (level === 'warn') console.warn(message);
  else console.info(message);
}
