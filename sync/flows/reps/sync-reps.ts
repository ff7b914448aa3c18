import { z } from 'zod';
import { endStaleActing } from '../../../lib/rep/acting-sweep';
import type { SyncContext } from '../../context';
import type { SalesRep } from '../../erp/erp';
import { formatIssue } from '../../erp/errors';
import type { DeadLetter } from '../../state/dead-letters';
import type { RunStats } from '../../state/flow-stats';
import { erpCustomerNumberOf } from '../customer-link';
import { withFlowLock } from '../flow-lock';
import { startRun } from '../run-recorder';
import { repDirectoryKeys } from './keys';
import type { AccountBuyer, RepRecord } from './rep-directory';

export interface RepSyncOptions {
  /** Compute and report, write nothing. */
  dryRun?: boolean;
}

const FLOW = 'reps';
/** Deliberately loose: it only has to tell an address from a typo or a blank, not validate mail delivery. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const bcCustomerSchema = z.looseObject({
  id: z.number(),
  email: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  customer_group_id: z.number(),
  notes: z.string().nullish(),
});

/**
 * ERP sales reps and their assigned accounts, plus the BigCommerce customers of each assigned account → the rep
 * directory in Redis (`rep-directory.ts`), which the storefront reads on every rep request. Reps are few, so every
 * run is a full read and replaces the directory in one transaction: a rep or an assignment the ERP no longer has is
 * gone from the directory the moment the run ends. Then every running impersonation is checked against the new
 * directory and ended (audited) when its rep, assignment or buyer is gone, or it has expired, so nobody has to
 * make another request for it to end.
 *
 * A rep whose e-mail is unusable (blank, malformed, shared with another rep) cannot sign in: it is dead-lettered
 * with what to fix in the ERP and left out. `changed` counts reps and accounts whose directory entry changed.
 */
export async function syncReps(ctx: SyncContext, options: RepSyncOptions = {}): Promise<RunStats> {
  return withFlowLock(ctx, FLOW, () => run(ctx, options));
}

async function run(ctx: SyncContext, options: RepSyncOptions): Promise<RunStats> {
  const dryRun = options.dryRun ?? false;
  const recorder = startRun(ctx, FLOW, dryRun);
  const keys = repDirectoryKeys(ctx.storeHash);
  const read = await ctx.erp.readSalesReps();
  const letters: Omit<DeadLetter, 'id' | 'at'>[] = (read.rejected ?? []).map((issue) => ({
    flow: FLOW,
    reason: `ERP sales rep row refused (correct it in the ERP; the next run reads it again): ${formatIssue(issue)}`,
    payload: issue,
  }));

  let examined = 0;
  const candidates: SalesRep[] = [];
  for await (const rep of read.rows) {
    examined++;
    candidates.push(rep);
  }
  const reps = usableReps(candidates, letters);
  const assigned = new Set(reps.flatMap((rep) => rep.accounts.map((a) => a.customerNumber)));
  const buyers = await buyersOf(ctx, assigned);

  const [storedReps, storedBuyers] = await Promise.all([ctx.redis.hgetall(keys.reps), ctx.redis.hgetall(keys.accountBuyers)]);
  const repFields = new Map(reps.map((rep) => [rep.id, JSON.stringify(rep)]));
  const buyerFields = new Map([...assigned].sort().map((number) => [number, JSON.stringify(buyers.get(number) ?? [])]));
  const changed = countChanged(storedReps, repFields) + countChanged(storedBuyers, buyerFields);
  const deleted = Object.keys(storedReps).filter((id) => !repFields.has(id)).length;

  if (!dryRun) {
    const tx = ctx.redis.multi().del(keys.reps, keys.byEmail, keys.accountBuyers);
    if (repFields.size > 0) {
      tx.hset(keys.reps, Object.fromEntries(repFields));
      tx.hset(keys.byEmail, Object.fromEntries(reps.map((rep) => [rep.email, rep.id])));
    }
    if (buyerFields.size > 0) tx.hset(keys.accountBuyers, Object.fromEntries(buyerFields));
    await tx.exec();
    await ctx.deadLetters.add(letters);
    const ended = await endStaleActing(ctx.redis, ctx.storeHash, Date.now(), `sync:${FLOW}:${recorder.startedAt}`);
    if (ended > 0) ctx.log(`ended ${ended} impersonation(s) no longer allowed`, { flow: FLOW, ended });
  }
  return recorder.finish('full', { examined, changed, deleted, deadLettered: letters.length, batches: 0 });
}

/** Reps that can sign in: a well-formed e-mail no other rep has. The others become dead letters. */
function usableReps(candidates: SalesRep[], letters: Omit<DeadLetter, 'id' | 'at'>[]): RepRecord[] {
  const emailCount = new Map<string, number>();
  for (const rep of candidates) {
    const email = rep.email.trim().toLowerCase();
    emailCount.set(email, (emailCount.get(email) ?? 0) + 1);
  }
  const usable: RepRecord[] = [];
  for (const rep of candidates) {
    const email = rep.email.trim().toLowerCase();
    const problem = !EMAIL.test(email)
      ? `has no usable e-mail ("${rep.email}")`
      : (emailCount.get(email) ?? 0) > 1
        ? `shares the e-mail ${email} with another sales rep`
        : null;
    if (problem) {
      letters.push({
        flow: FLOW,
        reason: `ERP sales rep ${rep.id} (${`${rep.firstName} ${rep.lastName}`.trim() || 'no name'}) ${problem}, so it cannot sign in; give it its own e-mail in the ERP`,
        payload: rep,
      });
      continue;
    }
    const accounts = [...new Map(rep.accounts.map((a) => [a.customerNumber, a])).values()];
    usable.push({ id: rep.id, email, firstName: rep.firstName.trim(), lastName: rep.lastName.trim(), accounts });
  }
  return usable.sort((a, b) => a.id.localeCompare(b.id));
}

/** BigCommerce customers linked to the assigned accounts, in id order per account. */
async function buyersOf(ctx: SyncContext, accounts: ReadonlySet<string>): Promise<Map<string, AccountBuyer[]>> {
  const byAccount = new Map<string, AccountBuyer[]>();
  if (accounts.size === 0) return byAccount;
  for await (const customer of ctx.rest.paginateV3('/v3/customers', bcCustomerSchema)) {
    const number = erpCustomerNumberOf(customer.notes);
    if (number === null || !accounts.has(number)) continue;
    const list = byAccount.get(number) ?? [];
    list.push({
      customerId: customer.id,
      email: customer.email,
      firstName: customer.first_name,
      lastName: customer.last_name,
      customerGroupId: customer.customer_group_id,
    });
    byAccount.set(number, list);
  }
  for (const list of byAccount.values()) list.sort((a, b) => a.customerId - b.customerId);
  return byAccount;
}

function countChanged(stored: Record<string, string>, next: ReadonlyMap<string, string>): number {
  let changed = 0;
  for (const [field, value] of next) if (stored[field] !== value) changed++;
  return changed;
}
