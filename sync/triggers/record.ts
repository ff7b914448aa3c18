import type { Redis } from 'ioredis';
import { DEFAULT_DEDUP_TTL_SECONDS, DEFAULT_MAX_LEN, dedupKeyOf, streamKeyOf, type TriggerStreamOptions } from './keys';
import { encodeTrigger, type SyncTrigger } from './trigger';

/**
 * Dedup and append in one atomic step. `SET NX EX` claims the key; if the XADD then fails (wrong type, OOM) the
 * claim is undone, because a claimed key without an entry would make the sender's retry look like a duplicate and
 * the trigger would be lost. Lua scripts do not roll back on their own, hence `pcall` + `DEL`.
 *
 * KEYS[1] stream, KEYS[2] dedup key; ARGV[1] ttl s, ARGV[2] dedup value, ARGV[3] maxlen, ARGV[4…] fields.
 */
const RECORD_SCRIPT = `
if not redis.call('SET', KEYS[2], ARGV[2], 'NX', 'EX', ARGV[1]) then return false end
local added = redis.pcall('XADD', KEYS[1], 'MAXLEN', '~', ARGV[3], '*', unpack(ARGV, 4))
if type(added) == 'table' and added.err then
  redis.call('DEL', KEYS[2])
  return added
end
return added
`;

export type RecordOutcome = 'enqueued' | 'duplicate';

/** Appends the trigger to the stream unless one with the same source + dedupKey was recorded within the TTL. */
export async function recordTrigger(
  redis: Redis,
  trigger: SyncTrigger,
  options: TriggerStreamOptions = {},
): Promise<RecordOutcome> {
  const streamKey = streamKeyOf(options);
  const reply = await redis.eval(
    RECORD_SCRIPT,
    2,
    streamKey,
    dedupKeyOf(streamKey, trigger.source, trigger.dedupKey),
    options.dedupTtlSeconds ?? DEFAULT_DEDUP_TTL_SECONDS,
    trigger.receivedAt,
    options.maxLen ?? DEFAULT_MAX_LEN,
    ...encodeTrigger(trigger),
  );
  return reply === null ? 'duplicate' : 'enqueued';
}
