import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * Rep sign-in attempts, limited per account (e-mail) and per client address in fixed windows. Every attempt is
 * counted before the password is checked (atomically, so parallel guesses cannot slip past the limit); a successful
 * sign-in clears the account's count and takes its own attempt back off the address's, so an office behind one
 * address is only held back by failures. Unknown e-mails are limited like real ones, so the limit reveals nothing.
 */
export interface SignInLimits {
  perAccount: number;
  perAddress: number;
  windowMs: number;
}

export const REP_SIGN_IN_LIMITS: SignInLimits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60 * 1000 };

export type SignInAttempt = { allowed: true } | { allowed: false; retryAfterMs: number };

export function signInThrottleKeys(storeHash: string, email: string, address: string) {
  const base = `rep:${storeHash}:sign-in`;
  // Hashed so any e-mail a visitor types becomes a short, fixed-size key.
  const account = createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
  return { account: `${base}:account:${account}`, address: `${base}:address:${address}` };
}

const RESERVE = `
local counts = {}
for i, key in ipairs(KEYS) do
  counts[i] = redis.call('INCR', key)
  if counts[i] == 1 then redis.call('PEXPIRE', key, ARGV[1]) end
end
local wait = 0
local limits = { tonumber(ARGV[2]), tonumber(ARGV[3]) }
for i, key in ipairs(KEYS) do
  if counts[i] > limits[i] then
    local ttl = redis.call('PTTL', key)
    if ttl < 1 then ttl = tonumber(ARGV[1]) end
    wait = math.max(wait, ttl)
  end
end
return wait`;

/** Counts one attempt; refused when the account or the address has used up its window. */
export async function reserveSignInAttempt(redis: Redis, storeHash: string, email: string, address: string, limits: SignInLimits = REP_SIGN_IN_LIMITS): Promise<SignInAttempt> {
  const keys = signInThrottleKeys(storeHash, email, address);
  const wait = Number(await redis.eval(RESERVE, 2, keys.account, keys.address, String(limits.windowMs), String(limits.perAccount), String(limits.perAddress)));
  return wait > 0 ? { allowed: false, retryAfterMs: wait } : { allowed: true };
}

const SUCCEEDED = `
redis.call('DEL', KEYS[1])
if tonumber(redis.call('GET', KEYS[2]) or '0') > 0 then redis.call('DECR', KEYS[2]) end
return 1`;

export async function signInSucceeded(redis: Redis, storeHash: string, email: string, address: string): Promise<void> {
  const keys = signInThrottleKeys(storeHash, email, address);
  await redis.eval(SUCCEEDED, 2, keys.account, keys.address);
}
