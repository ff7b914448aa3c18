import type { Redis } from 'ioredis';
import { cacheRedisKeys } from './manifest';

/**
 * The shared tier: entries in Redis, visible to every app instance. Each entry is a JSON string with its value,
 * the times (Redis clock, ms) until which it is fresh and after which it is gone, and its tags. Each tag has a set
 * of the entries carrying it, which is what an invalidation deletes, and a marker of when it was last
 * invalidated.
 *
 * The marker closes the race every cache with invalidation has: a request reads the old value from the store,
 * the change lands and is invalidated, then the request writes what it read. A write carries the Redis time its
 * load started at, and is refused if any of its tags was invalidated since (checked atomically in the script).
 *
 * Scripts touch keys derived from one prefix; all share the `{storeHash}` hash tag, so they live in one slot.
 */
export interface StoredEntry<T = unknown> {
  value: T;
  /** Redis time (ms) until which the entry is fresh. */
  freshUntil: number;
  /** Redis time (ms) at which it expires. */
  expiresAt: number;
  tags: readonly string[];
}

export interface WriteItem {
  key: string;
  value: unknown;
  ttlMs: number;
  staleMs: number;
  tags: readonly string[];
}

/** Longer than any entry lives (the longest TTL plus its stale window), so an index or marker outlives its entries. */
const INDEX_TTL_MS = 15 * 60_000;
/** How long a command waits for a connection that is being made (start-up); an outage is the breaker's business. */
const CONNECT_WAIT_MS = 500;
const STREAM_MAX_LENGTH = 10_000;

const NOW_MS = `local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/** Deletes the entries of tags ARGV[first..] and marks the tags invalidated now; leaves the count in `n`. */
const INVALIDATE_TAGS = (first: number) => `
${NOW_MS}
local base = ARGV[1]
local n = 0
for i = ${first}, #ARGV do
  local index = base .. 'tag:' .. ARGV[i]
  local members = redis.call('SMEMBERS', index)
  for j = 1, #members, 500 do
    redis.call('DEL', unpack(members, j, math.min(j + 499, #members)))
  end
  n = n + #members
  redis.call('DEL', index)
  redis.call('SET', base .. 'tagged:' .. ARGV[i], now, 'PX', ${INDEX_TTL_MS})
end`;

/** KEYS[1] entry; ARGV: base, payload, px, load started at (Redis ms), tags… → 1 written, 0 refused. */
const WRITE_SCRIPT = `
local base = ARGV[1]
local started = tonumber(ARGV[4])
for i = 5, #ARGV do
  local at = redis.call('GET', base .. 'tagged:' .. ARGV[i])
  if at and tonumber(at) >= started then return 0 end
end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
for i = 5, #ARGV do
  local index = base .. 'tag:' .. ARGV[i]
  redis.call('SADD', index, KEYS[1])
  redis.call('PEXPIRE', index, ${INDEX_TTL_MS})
end
return 1`;

/** KEYS[1] invalidation stream; ARGV: base, message JSON, tags… → entries deleted. Announces to every instance. */
const INVALIDATE_SCRIPT = `${INVALIDATE_TAGS(3)}
redis.call('XADD', KEYS[1], 'MAXLEN', '~', ${STREAM_MAX_LENGTH}, '*', 'message', ARGV[2])
return n`;

/**
 * KEYS[1] sync cursor; ARGV: base, sync event id, tags… → entries deleted, or -1 when that event (or a later one)
 * was already applied. Every instance reads every sync event; this makes the Redis side happen once.
 */
const APPLY_SYNC_EVENT_SCRIPT = `
local function parse(id)
  local ms, seq = string.match(id, '^(%d+)-(%d+)$')
  return tonumber(ms), tonumber(seq)
end
local cursor = redis.call('GET', KEYS[1])
if cursor then
  local cm, cs = parse(cursor)
  local em, es = parse(ARGV[2])
  if cm > em or (cm == em and cs >= es) then return -1 end
end
${INVALIDATE_TAGS(3)}
redis.call('SET', KEYS[1], ARGV[2])
return n`;

type ScriptClient = Redis & {
  cacheWrite(entryKey: string, base: string, payload: string, px: number, startedAt: number, ...tags: string[]): Promise<number>;
  cacheInvalidate(stream: string, base: string, message: string, ...tags: string[]): Promise<number>;
  cacheApplySyncEvent(cursor: string, base: string, eventId: string, ...tags: string[]): Promise<number>;
};

function withScripts(redis: Redis): ScriptClient {
  const client = redis as ScriptClient;
  if (typeof client.cacheWrite !== 'function') {
    redis.defineCommand('cacheWrite', { numberOfKeys: 1, lua: WRITE_SCRIPT });
    redis.defineCommand('cacheInvalidate', { numberOfKeys: 1, lua: INVALIDATE_SCRIPT });
    redis.defineCommand('cacheApplySyncEvent', { numberOfKeys: 1, lua: APPLY_SYNC_EVENT_SCRIPT });
  }
  return client;
}

export class RedisTier {
  private readonly redis: ScriptClient;
  private readonly keys: ReturnType<typeof cacheRedisKeys>;

  private connecting: Promise<void> | null = null;
  private wasReady = false;

  constructor(redis: Redis, storeHash: string) {
    this.redis = withScripts(redis);
    this.keys = cacheRedisKeys(storeHash);
  }

  /**
   * Commands are refused while the socket connects (no offline queue, so a dead Redis never queues work); at
   * start-up the first reads would fail for no reason, so they wait briefly for the first connection.
   */
  private async ready(): Promise<ScriptClient> {
    const status = this.redis.status;
    if (status === 'ready') {
      this.wasReady = true;
      return this.redis;
    }
    // After the first connection, not ready means Redis went away: fail now and let the breaker decide.
    if (this.wasReady || status === 'end' || status === 'close') throw new Error(`Redis connection is ${status}`);
    this.connecting ??= new Promise<void>((resolve, reject) => {
      const done = (error?: Error) => {
        clearTimeout(timer);
        this.redis.off('ready', onReady);
        this.connecting = null;
        if (error) reject(error);
        else resolve();
      };
      const onReady = () => done();
      const timer = setTimeout(() => done(new Error(`Redis not connected within ${CONNECT_WAIT_MS} ms (${this.redis.status})`)), CONNECT_WAIT_MS);
      this.redis.on('ready', onReady);
    });
    await this.connecting;
    return this.redis;
  }

  /** Redis's clock (ms): a load's start time for the write check. */
  async now(): Promise<number> {
    const [seconds, micros] = await (await this.ready()).time();
    return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
  }

  /** The entries under `keys` (null where absent) and Redis's clock at the read, in one round trip. */
  async read(keys: readonly string[]): Promise<{ now: number; entries: (StoredEntry | null)[] }> {
    const results = await (await this.ready())
      .pipeline()
      .time()
      .mget(...keys.map((key) => this.keys.entry(key)))
      .exec();
    if (!results) throw new Error('pipeline aborted');
    const [[timeError, time], [readError, texts]] = results as [[Error | null, [string, string]], [Error | null, (string | null)[]]];
    if (timeError) throw timeError;
    if (readError) throw readError;
    const now = Number(time[0]) * 1000 + Math.floor(Number(time[1]) / 1000);
    return { now, entries: texts.map((text) => (text === null ? null : (JSON.parse(text) as StoredEntry))) };
  }

  /**
   * Writes entries whose loads started at `startedAt` (Redis ms) and took `elapsedMs`; each is refused if one of
   * its tags was invalidated since. Returns, per item, whether it was written.
   */
  async write(items: readonly WriteItem[], startedAt: number, elapsedMs: number): Promise<boolean[]> {
    if (items.length === 0) return [];
    const pipeline = (await this.ready()).pipeline() as unknown as { cacheWrite: ScriptClient['cacheWrite']; exec: () => Promise<[Error | null, unknown][] | null> };
    const writtenAt = startedAt + elapsedMs;
    for (const item of items) {
      const stored: StoredEntry = {
        value: item.value,
        freshUntil: writtenAt + item.ttlMs,
        expiresAt: writtenAt + item.ttlMs + item.staleMs,
        tags: item.tags,
      };
      void pipeline.cacheWrite(this.keys.entry(item.key), this.keys.base, JSON.stringify(stored), item.ttlMs + item.staleMs, startedAt, ...item.tags);
    }
    const results = await pipeline.exec();
    if (!results) throw new Error('pipeline aborted');
    return results.map(([error, result]) => {
      if (error) throw error;
      return Number(result) === 1;
    });
  }

  /** Deletes every entry carrying one of `tags` and announces the tags on the invalidation stream. */
  async invalidate(tags: readonly string[], source: string): Promise<number> {
    if (tags.length === 0) return 0;
    const message = JSON.stringify({ tags, source });
    return (await this.ready()).cacheInvalidate(this.keys.invalidations, this.keys.base, message, ...tags);
  }

  /** Applies one sync change event's invalidation unless an instance already did: -1 when it was already applied. */
  async applySyncEvent(eventId: string, tags: readonly string[]): Promise<number> {
    return (await this.ready()).cacheApplySyncEvent(this.keys.syncCursor, this.keys.base, eventId, ...tags);
  }

  /** The last sync event whose invalidation reached Redis, if any. */
  async syncCursor(): Promise<string | null> {
    return (await this.ready()).get(this.keys.syncCursor);
  }

  /** Starts the cursor over, for a sync stream that was recreated. */
  async resetSyncCursor(): Promise<void> {
    await (await this.ready()).set(this.keys.syncCursor, '0-0');
  }

  /** Starts the cursor at `id` unless an instance already has one. */
  async initSyncCursor(id: string): Promise<void> {
    await (await this.ready()).set(this.keys.syncCursor, id, 'NX');
  }

  /** Deletes every entry and tag index of this store (the follower lost sync events nobody applied). */
  async flushStore(): Promise<void> {
    for (const pattern of [`${this.keys.base}entry:*`, `${this.keys.base}tag:*`]) {
      const redis = await this.ready();
      let cursor = '0';
      do {
        const [next, found] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
        cursor = next;
        if (found.length > 0) await redis.unlink(...found);
      } while (cursor !== '0');
    }
  }

  /** Takes a short lock so that of all instances holding the same stale entry, one refreshes it. */
  async claimRefresh(key: string, ms: number): Promise<boolean> {
    return (await (await this.ready()).set(this.keys.refreshing(key), '1', 'PX', ms, 'NX')) === 'OK';
  }
}
