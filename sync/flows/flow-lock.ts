import { randomUUID } from 'node:crypto';
import type { SyncContext } from '../context';

/**
 * A run of one flow at a time per store: two overlapping runs would race on the same hash store and lists. The
 * TTL is short and renewed while the run lives, so a killed (kill -9) run blocks the next one for at most a minute.
 */
const LOCK_TTL_MS = 60_000;
const RENEW_IF_OURS = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end return 0";
const RELEASE_IF_OURS = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0";

export class FlowBusyError extends Error {
  constructor(flow: string) {
    super(`another "${flow}" sync is running for this store; it will pick up these changes, or retry when it ends`);
    this.name = 'FlowBusyError';
  }
}

export async function withFlowLock<T>(ctx: SyncContext, flow: string, work: () => Promise<T>): Promise<T> {
  const key = ctx.keys.flowLock(flow);
  const token = randomUUID();
  const acquired = await ctx.redis.set(key, token, 'PX', LOCK_TTL_MS, 'NX');
  if (acquired !== 'OK') throw new FlowBusyError(flow);
  // Keep the lock alive for long runs; a killed process stops renewing and the lock expires on its own.
  const renew = setInterval(() => void ctx.redis.eval(RENEW_IF_OURS, 1, key, token, String(LOCK_TTL_MS)).catch(() => {}), LOCK_TTL_MS / 3);
  renew.unref();
  try {
    return await work();
  } finally {
    clearInterval(renew);
    // Release only our own lock.
    await ctx.redis.eval(RELEASE_IF_OURS, 1, key, token);
  }
}
