import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword, type ScryptCost } from '@/lib/rep/password-hash';
import { checkRepSignIn, setRepPassword } from '@/lib/rep/rep-credentials';
import { reserveSignInAttempt, signInSucceeded, type SignInLimits } from '@/lib/rep/sign-in-throttle';
import { repDirectoryKeys } from '@/sync/flows/reps/keys';
import { deleteStoreKeys, REP_TEST_REDIS_DB } from './rep-world';

/**
 * Rep sign-in: scrypt password hashes (salted, parameters stored, constant-time compare), checked only for reps
 * the ERP still lists, and attempts limited per account and per address, atomically.
 */
const FAST: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };
const storeHash = `reptest${process.pid}signin`;
let redis: Redis;

beforeAll(async () => {
  redis = new Redis({ host: '127.0.0.1', port: 6379, db: REP_TEST_REDIS_DB, lazyConnect: true });
  await redis.connect();
});
afterAll(async () => {
  await deleteStoreKeys(redis, storeHash);
  redis.disconnect();
});
beforeEach(async () => {
  await deleteStoreKeys(redis, storeHash);
});

describe('password hashes', () => {
  it('verify the password they were made from and nothing else', async () => {
    const stored = await hashPassword('Rep-Demo-2026!', FAST);
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('Rep-Demo-2026!', stored)).toBe(true);
    expect(await verifyPassword('rep-demo-2026!', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salt every hash, so one password never hashes the same twice', async () => {
    const [a, b] = await Promise.all([hashPassword('same password', FAST), hashPassword('same password', FAST)]);
    expect(a).not.toBe(b);
  });

  it('default to OWASP’s scrypt cost', async () => {
    expect((await hashPassword('Rep-Demo-2026!')).split('$').slice(0, 4)).toEqual(['scrypt', String(2 ** 17), '8', '1']);
  });

  it.each([
    ['not a hash'],
    ['scrypt$1000$8$1$c2FsdA==$a2V5'],
    ['scrypt$1024$8$1$c2FsdA==$dG9vIHNob3J0'],
    [`scrypt$${2 ** 24}$8$1$c2FsdGVkc2FsdA==$${Buffer.alloc(64).toString('base64')}`],
    ['bcrypt$10$abc'],
  ])('never match a malformed or oversized stored value: %s', async (stored) => {
    expect(await verifyPassword('anything', stored)).toBe(false);
  });
});

describe('rep credentials', () => {
  async function directory(reps: { id: string; email: string }[]) {
    const keys = repDirectoryKeys(storeHash);
    for (const rep of reps) {
      await redis.hset(keys.reps, rep.id, JSON.stringify({ ...rep, firstName: 'R', lastName: rep.id, accounts: [] }));
      await redis.hset(keys.byEmail, rep.email, rep.id);
    }
  }

  it('sign in a listed rep with the right password, by e-mail in any case', async () => {
    await directory([{ id: '41', email: 'sam@example.com' }]);
    await setRepPassword(redis, storeHash, '41', 'correct horse battery', FAST);
    expect((await checkRepSignIn(redis, storeHash, ' SAM@example.com', 'correct horse battery'))?.id).toBe('41');
    expect(await checkRepSignIn(redis, storeHash, 'sam@example.com', 'wrong horse battery')).toBeNull();
    expect(await checkRepSignIn(redis, storeHash, 'nobody@example.com', 'correct horse battery')).toBeNull();
  });

  it('refuse a rep the ERP no longer lists, even with the right password', async () => {
    await directory([{ id: '41', email: 'sam@example.com' }]);
    await setRepPassword(redis, storeHash, '41', 'correct horse battery', FAST);
    await redis.hdel(repDirectoryKeys(storeHash).reps, '41');
    expect(await checkRepSignIn(redis, storeHash, 'sam@example.com', 'correct horse battery')).toBeNull();
  });

  it('store only the hash, and refuse short passwords', async () => {
    await setRepPassword(redis, storeHash, '41', 'correct horse battery', FAST);
    const stored = await redis.hget(`rep:${storeHash}:credentials`, '41');
    expect(stored).not.toContain('correct horse battery');
    await expect(setRepPassword(redis, storeHash, '41', 'short', FAST)).rejects.toThrow(/at least 12/);
  });
});

describe('sign-in limits', () => {
  const limits: SignInLimits = { perAccount: 5, perAddress: 8, windowMs: 60_000 };

  it('allow five attempts per account, then refuse until the window ends, whatever the address', async () => {
    for (let i = 0; i < 5; i++) expect(await reserveSignInAttempt(redis, storeHash, 'sam@example.com', `10.0.0.${i}`, limits)).toEqual({ allowed: true });
    const refused = await reserveSignInAttempt(redis, storeHash, 'SAM@example.com', '10.0.0.99', limits);
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.retryAfterMs).toBeGreaterThan(50_000);
    expect((await reserveSignInAttempt(redis, storeHash, 'grace@example.com', '10.0.0.98', limits)).allowed).toBe(true);
  });

  it('limit one address across many e-mails', async () => {
    for (let i = 0; i < 8; i++) expect((await reserveSignInAttempt(redis, storeHash, `guess${i}@example.com`, '192.0.2.7', limits)).allowed).toBe(true);
    expect((await reserveSignInAttempt(redis, storeHash, 'fresh@example.com', '192.0.2.7', limits)).allowed).toBe(false);
    expect((await reserveSignInAttempt(redis, storeHash, 'fresh@example.com', '192.0.2.8', limits)).allowed).toBe(true);
  });

  it('let no more than the limit through when the guesses arrive at once', async () => {
    const attempts = await Promise.all(Array.from({ length: 30 }, () => reserveSignInAttempt(redis, storeHash, 'sam@example.com', '203.0.113.5', { ...limits, perAddress: 100 })));
    expect(attempts.filter((a) => a.allowed)).toHaveLength(5);
  });

  it('clear the account after a success, and count only failures against the address', async () => {
    for (let i = 0; i < 4; i++) await reserveSignInAttempt(redis, storeHash, 'sam@example.com', '198.51.100.1', limits);
    await reserveSignInAttempt(redis, storeHash, 'sam@example.com', '198.51.100.1', limits);
    await signInSucceeded(redis, storeHash, 'sam@example.com', '198.51.100.1');
    for (let i = 0; i < 4; i++) expect((await reserveSignInAttempt(redis, storeHash, 'sam@example.com', '198.51.100.1', limits)).allowed).toBe(true);
    // 4 failures before the success and 4 after (the success itself taken back) use up the address's 8.
    expect((await reserveSignInAttempt(redis, storeHash, 'other@example.com', '198.51.100.1', limits)).allowed).toBe(false);
  });
});
