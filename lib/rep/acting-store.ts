import type { Redis } from 'ioredis';
import { auditKey, auditXaddArgs, type AuditEntry } from '../audit/audit-log';

/**
 * Impersonations ("acting as a buyer") held server-side in Redis. The session cookie carries only the id; what the
 * rep may do comes from here and is re-checked on every request (`acting-state.ts`), so a cookie can never widen
 * it or bring it back. Starting and ending an impersonation write its audit entry in the same atomic step, so each
 * start and each end is recorded exactly once, however many requests race to end it.
 */
export interface ActingRecord {
  id: string;
  rep: { id: string; name: string; email: string };
  buyer: {
    customerId: number;
    email: string;
    firstName: string;
    lastName: string;
    customerGroupId: number;
    customerGroupName: string | null;
  };
  company: { customerNumber: string; name: string };
  /** Why the rep is acting, as the rep typed it. */
  reason: string;
  startedAt: string;
  expiresAt: string;
}

export interface ActingState {
  record: ActingRecord;
  /** The cart the rep built for the buyer while acting: never the buyer's own. */
  cartId: string | null;
  /** The stored record text, so an end can check nobody changed or ended it meanwhile. */
  raw: string;
}

/**
 * An expired impersonation is kept this long past its expiry, so the next request or the sweep finds it and records
 * the expiry, rather than it silently vanishing with its Redis TTL.
 */
const KEPT_AFTER_EXPIRY_MS = 7 * 24 * 60 * 60 * 1000;

export function actingKeys(storeHash: string) {
  const base = `rep:${storeHash}`;
  return {
    /** Hash: `record` (JSON ActingRecord, never changed) and `cart` (the acting cart id, once there is one). */
    acting: (id: string) => `${base}:acting:${id}`,
    /** Sorted set: impersonation id → expiry (epoch ms), for the sweep. */
    index: `${base}:acting-index`,
  };
}

export async function startActing(redis: Redis, storeHash: string, record: ActingRecord, audit: AuditEntry): Promise<void> {
  const keys = actingKeys(storeHash);
  const expiresAt = Date.parse(record.expiresAt);
  await redis
    .multi()
    .hset(keys.acting(record.id), 'record', JSON.stringify(record))
    .pexpireat(keys.acting(record.id), expiresAt + KEPT_AFTER_EXPIRY_MS)
    .zadd(keys.index, expiresAt, record.id)
    .call('XADD', auditKey(storeHash), ...auditXaddArgs(audit))
    .exec()
    .then(failOnError);
}

export async function readActing(redis: Redis, storeHash: string, id: string): Promise<ActingState | null> {
  const fields = await redis.hgetall(actingKeys(storeHash).acting(id));
  if (fields.record === undefined) return null;
  return { record: JSON.parse(fields.record) as ActingRecord, cartId: fields.cart ?? null, raw: fields.record };
}

/** The acting cart as stored now (the state read at the start of a request may predate the cart). */
export async function readActingCart(redis: Redis, storeHash: string, id: string): Promise<string | null> {
  return redis.hget(actingKeys(storeHash).acting(id), 'cart');
}

export async function listActingIds(redis: Redis, storeHash: string): Promise<string[]> {
  return redis.zrange(actingKeys(storeHash).index, '0', '-1');
}

/** Forgets an index entry whose impersonation is gone (its Redis TTL ran out before anyone saw it). */
export async function dropActingIndexEntry(redis: Redis, storeHash: string, id: string): Promise<void> {
  await redis.zrem(actingKeys(storeHash).index, id);
}

const END = `
if redis.call('HGET', KEYS[1], 'record') ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[2])
redis.call('XADD', KEYS[3], unpack(ARGV, 3))
return 1`;

/**
 * Ends the impersonation `state` was read from and appends `audit`, in one step. Returns false (and records
 * nothing) when it had already ended: someone else's end won, and theirs is the one record.
 */
export async function endActing(redis: Redis, storeHash: string, state: ActingState, audit: AuditEntry): Promise<boolean> {
  const keys = actingKeys(storeHash);
  const ended = await redis.eval(END, 3, keys.acting(state.record.id), keys.index, auditKey(storeHash), state.raw, state.record.id, ...auditXaddArgs(audit));
  return ended === 1;
}

const SET_CART = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
if ARGV[1] == '' then redis.call('HDEL', KEYS[1], 'cart') else redis.call('HSET', KEYS[1], 'cart', ARGV[1]) end
return 1`;

/** Records (or, with null, forgets) the acting cart; does nothing once the impersonation has ended. */
export async function setActingCart(redis: Redis, storeHash: string, id: string, cartId: string | null): Promise<void> {
  await redis.eval(SET_CART, 1, actingKeys(storeHash).acting(id), cartId ?? '');
}

function failOnError(results: [Error | null, unknown][] | null): void {
  const failed = results?.find(([error]) => error !== null)?.[0];
  if (failed) throw failed;
  if (results === null) throw new Error('Redis discarded the impersonation transaction');
}
