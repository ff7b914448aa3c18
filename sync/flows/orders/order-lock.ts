import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * One worker at a time per order, across processes. The ERP adapter serialises posts of one order only inside its
 * own process, and NetSuite's upsert appends lines when two PUTs race, so the cross-process guarantee lives here.
 * Waiters poll rather than fail at once: a duplicate webhook's job then finds the order posted and is done, instead
 * of burning a retry. The TTL is renewed while the holder works, so a killed worker frees the order within a TTL.
 */
const RENEW_IF_OURS = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end return 0";
const RELEASE_IF_OURS = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0";

export interface OrderLockOptions {
  ttlMs?: number;
  /** How long to wait for another holder before giving up (the caller retries later). */
  waitMs?: number;
  pollMs?: number;
}

export class OrderLockTimeout extends Error {
  override readonly name = 'OrderLockTimeout';
}

export async function withOrderLock<T>(redis: Redis, key: string, work: () => Promise<T>, options: OrderLockOptions = {}): Promise<T> {
  const ttlMs = options.ttlMs ?? 60_000;
  const deadline = Date.now() + (options.waitMs ?? 30_000);
  const pollMs = options.pollMs ?? 50;
  const token = randomUUID();
  while ((await redis.set(key, token, 'PX', ttlMs, 'NX')) !== 'OK') {
    if (Date.now() >= deadline) throw new OrderLockTimeout(`${key} is held by another worker`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  const renew = setInterval(() => void redis.eval(RENEW_IF_OURS, 1, key, token, String(ttlMs)).catch(() => {}), ttlMs / 3);
  renew.unref();
  try {
    return await work();
  } finally {
    clearInterval(renew);
    await redis.eval(RELEASE_IF_OURS, 1, key, token);
  }
}
