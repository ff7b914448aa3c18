import type { Redis } from 'ioredis';
import { readRep, repIdByEmail, type RepRecord } from '../../sync/flows/reps/rep-directory';
import { DEFAULT_SCRYPT_COST, hashPassword, verifyPassword, type ScryptCost } from './password-hash';

/**
 * Rep sign-in credentials. Who is a rep comes from the ERP (the rep directory); the ERP holds no passwords, so ours
 * are kept here, as scrypt hashes keyed by the ERP rep id (an e-mail change in the ERP keeps the password).
 */
export const MIN_REP_PASSWORD_LENGTH = 12;

function credentialsKey(storeHash: string): string {
  return `rep:${storeHash}:credentials`;
}

export async function setRepPassword(redis: Redis, storeHash: string, repId: string, password: string, cost?: ScryptCost): Promise<void> {
  if (password.length < MIN_REP_PASSWORD_LENGTH) throw new RangeError(`A rep password needs at least ${MIN_REP_PASSWORD_LENGTH} characters.`);
  await redis.hset(credentialsKey(storeHash), repId, await hashPassword(password, cost));
}

let dummyHash: Promise<string> | undefined;

/**
 * The current rep with this e-mail when the password is theirs; otherwise null. An unknown e-mail, a rep without a
 * password and a wrong password cost the same scrypt work, so timing does not tell which e-mails are reps.
 */
export async function checkRepSignIn(redis: Redis, storeHash: string, email: string, password: string): Promise<RepRecord | null> {
  const repId = await repIdByEmail(redis, storeHash, email);
  const [rep, stored] = repId === null ? [null, null] : await Promise.all([readRep(redis, storeHash, repId), redis.hget(credentialsKey(storeHash), repId)]);
  if (rep === null || stored === null) {
    dummyHash ??= hashPassword('not a password: equalises sign-in timing', DEFAULT_SCRYPT_COST);
    await verifyPassword(password, await dummyHash);
    return null;
  }
  return (await verifyPassword(password, stored)) ? rep : null;
}
