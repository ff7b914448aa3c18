import type { Redis } from 'ioredis';
import type { RepAccount } from '../../erp/erp';
import { repDirectoryKeys } from './keys';

/**
 * What the storefront knows about sales reps, as the reps flow last wrote it: who is a rep (ERP), which accounts
 * each looks after (ERP), and which BigCommerce customers buy for each of those accounts (BigCommerce, linked by
 * "ERP customer {number}" in the customer's notes). Read on every rep request, so authorization follows the ERP
 * as soon as the flow has run.
 */
export interface RepRecord {
  /** ERP rep id. */
  id: string;
  /** Lower case: the sign-in key. */
  email: string;
  firstName: string;
  lastName: string;
  accounts: RepAccount[];
}

export interface AccountBuyer {
  /** BigCommerce customer id: the X-Bc-Customer-Id a rep acting for this buyer browses as. */
  customerId: number;
  email: string;
  firstName: string;
  lastName: string;
  customerGroupId: number;
}

export function repDisplayName(rep: Pick<RepRecord, 'firstName' | 'lastName' | 'email'>): string {
  return `${rep.firstName} ${rep.lastName}`.trim() || rep.email;
}

/** A current rep by ERP id, or null when the ERP no longer has it as an active sales rep. */
export async function readRep(redis: Redis, storeHash: string, repId: string): Promise<RepRecord | null> {
  const text = await redis.hget(repDirectoryKeys(storeHash).reps, repId);
  return text === null ? null : (JSON.parse(text) as RepRecord);
}

export async function repIdByEmail(redis: Redis, storeHash: string, email: string): Promise<string | null> {
  return redis.hget(repDirectoryKeys(storeHash).byEmail, email.trim().toLowerCase());
}

/** The BigCommerce customers buying for one account; empty when none is linked (or the account is unassigned). */
export async function readAccountBuyers(redis: Redis, storeHash: string, customerNumber: string): Promise<AccountBuyer[]> {
  const text = await redis.hget(repDirectoryKeys(storeHash).accountBuyers, customerNumber);
  return text === null ? [] : (JSON.parse(text) as AccountBuyer[]);
}

/** Buyers of several accounts in one round trip, by customer number. */
export async function readBuyersOfAccounts(redis: Redis, storeHash: string, customerNumbers: readonly string[]): Promise<Map<string, AccountBuyer[]>> {
  if (customerNumbers.length === 0) return new Map();
  const texts = await redis.hmget(repDirectoryKeys(storeHash).accountBuyers, ...customerNumbers);
  return new Map(customerNumbers.map((number, index) => [number, texts[index] ? (JSON.parse(texts[index]) as AccountBuyer[]) : []]));
}
