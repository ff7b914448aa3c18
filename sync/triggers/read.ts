import type { Redis } from 'ioredis';
import { streamKeyOf, type TriggerStreamOptions } from './keys';
import { decodeTrigger, type SyncTrigger } from './trigger';

export interface ReadTriggersOptions extends Pick<TriggerStreamOptions, 'streamKey'> {
  /** Stream id to read after (exclusive). `'0'` (default) reads from the start; keep the returned `lastId` as a checkpoint. */
  after?: string;
  /** Maximum entries per call. Default 100. */
  count?: number;
  /**
   * Wait up to this long for new entries when there are none. Blocking holds the connection, so use a dedicated
   * client (not the app's shared one, whose command timeout would cut the wait short).
   */
  blockMs?: number;
}

export interface ReadTriggersResult {
  entries: Array<{ id: string; trigger: SyncTrigger }>;
  /** Entries that could not be decoded; reported, not fatal, so one bad entry cannot stop the worker. */
  invalid: Array<{ id: string; problem: string }>;
  /** Id of the last entry read (valid or not), or `after` when nothing was read. */
  lastId: string;
}

/**
 * Reads triggers in stream order after a checkpoint. The stream is the durable record; the worker owns its cursor
 * (or may put a consumer group on the same key).
 */
export async function readTriggers(redis: Redis, options: ReadTriggersOptions = {}): Promise<ReadTriggersResult> {
  const after = options.after ?? '0';
  const count = options.count ?? 100;
  const key = streamKeyOf(options);
  const reply =
    options.blockMs === undefined
      ? await redis.xread('COUNT', count, 'STREAMS', key, after)
      : await redis.xread('COUNT', count, 'BLOCK', options.blockMs, 'STREAMS', key, after);
  const items = reply?.[0]?.[1] ?? [];
  const result: ReadTriggersResult = { entries: [], invalid: [], lastId: after };
  for (const [id, fields] of items) {
    const decoded = decodeTrigger(fields);
    if ('trigger' in decoded) result.entries.push({ id, trigger: decoded.trigger });
    else result.invalid.push({ id, problem: decoded.problem });
    result.lastId = id;
  }
  return result;
}
