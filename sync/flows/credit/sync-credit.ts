import type { Redis } from 'ioredis';
import type { SyncContext } from '../../context';
import type { CustomerCredit, Watermark } from '../../erp/erp';
import { formatIssue } from '../../erp/errors';
import type { DeadLetter } from '../../state/dead-letters';
import type { RunStats } from '../../state/flow-stats';
import type { SyncKeys } from '../../state/keys';
import { withFlowLock } from '../flow-lock';
import { startRun } from '../run-recorder';

export interface CreditSyncOptions {
  /** Re-read every customer and drop snapshots of customers the ERP no longer returns. */
  full?: boolean;
  /** Compute and report, write nothing. */
  dryRun?: boolean;
}

/** The ERP's credit position of one customer as the sync last read it. Money is integer minor units of `currency`. */
export interface CreditSnapshot extends CustomerCredit {
  /** When the sync read these figures from the ERP (the start of that run: the figures are at least this fresh). */
  syncedAt: string;
  /**
   * Set when the ERP's newer figures for this customer were refused (dead-lettered): these figures are known to
   * hold only until this instant, and later runs do not confirm them, so the credit gate sees them age.
   */
  confirmedUntil?: string;
}

export interface CreditSnapshotRead extends CreditSnapshot {
  /**
   * Until when the ERP is known to have had these figures: the later of `syncedAt` and the start of the last
   * successful credit run, because a run that did not return this customer saw no change to it; `confirmedUntil`
   * when the ERP's newer figures were refused. The credit gate compares this with its freshness limit.
   */
  confirmedAt: string;
}

const FLOW = 'credit';
/** Customers compared and written per Redis round trip. */
const CHUNK = 500;

/**
 * ERP customer credit → one JSON snapshot per ERP customer number in Redis, for the checkout credit gate. Not pushed
 * to BigCommerce: the gate reads it server-side. Delta by content: every read customer's snapshot is refreshed
 * (`syncedAt`), but only customers whose figures changed are counted and announced in a `credit-changed` event.
 * A refused row (the adapter's or ours) is dead-lettered and applies nothing; the customer's last good snapshot
 * stays, frozen at the time it was last confirmed, so the gate sees it age instead of trusting it as current.
 */
export async function syncCredit(ctx: SyncContext, options: CreditSyncOptions = {}): Promise<RunStats> {
  return withFlowLock(ctx, FLOW, () => run(ctx, options));
}

async function run(ctx: SyncContext, options: CreditSyncOptions): Promise<RunStats> {
  const dryRun = options.dryRun ?? false;
  const recorder = startRun(ctx, FLOW, dryRun);
  const { startedAt } = recorder;
  const since = options.full ? null : await ctx.redis.hget(ctx.keys.watermarks, FLOW);
  const full = !since;
  const read = await ctx.erp.readCredit(since ? { since: since as Watermark } : {});
  const key = ctx.keys.creditSnapshots;
  const seen = new Set<string>();
  /** Customers whose newer ERP figures were refused in this run. */
  const refused = new Set<string>();
  const letters: Omit<DeadLetter, 'id' | 'at'>[] = (read.rejected ?? []).map((issue) => {
    if (issue.key) refused.add(issue.key);
    return { flow: FLOW, reason: `ERP credit row refused (correct it in the ERP; the next run reads it again): ${formatIssue(issue)}${refusalConsequence(issue.key)}`, payload: issue };
  });

  let examined = 0;
  let changed = 0;
  let deleted = 0;
  let chunk: CustomerCredit[] = [];

  const flush = async (): Promise<void> => {
    const rows = chunk;
    chunk = [];
    if (rows.length === 0) return;
    const stored = await ctx.redis.hmget(key, ...rows.map((r) => r.customerNumber));
    const changedNumbers: string[] = [];
    const fields: string[] = [];
    rows.forEach((row, index) => {
      const before = stored[index] ? (JSON.parse(stored[index]) as CreditSnapshot) : null;
      // A snapshot that was frozen is current again: that changes what the gate may trust, so it is announced too.
      if (!before || before.confirmedUntil !== undefined || contentOf(before) !== contentOf(row)) changedNumbers.push(row.customerNumber);
      fields.push(row.customerNumber, JSON.stringify({ ...snapshotFields(row), syncedAt: startedAt } satisfies CreditSnapshot));
    });
    changed += changedNumbers.length;
    if (dryRun) return;
    await ctx.redis.hset(key, ...fields);
    if (changedNumbers.length > 0) await ctx.events.publish({ type: 'credit-changed', customerNumbers: changedNumbers });
  };

  for await (const row of read.rows) {
    examined++;
    const problem = invalidCredit(row);
    if (problem) {
      const number = row.customerNumber.trim();
      letters.push({
        flow: FLOW,
        reason: `ERP credit of customer ${number || '(no number)'} is unusable: ${problem}; fix it in the ERP${refusalConsequence(number)}`,
        payload: row,
      });
      if (number) refused.add(number);
      continue;
    }
    seen.add(row.customerNumber);
    chunk.push(row);
    if (chunk.length >= CHUNK) await flush();
  }
  await flush();
  // A customer also read with good figures in this run (a duplicate row) is current; the rest keep their last
  // confirmation. Refused customers are still in the ERP: a full run must not take them for gone.
  if (!dryRun) await freezeSnapshots(ctx, [...refused].filter((number) => !seen.has(number)));
  for (const number of refused) seen.add(number);

  // Only a full read says who is gone; a customer the ERP no longer returns has no credit to grant.
  if (full) {
    const gone = (await ctx.redis.hkeys(key)).filter((number) => !seen.has(number));
    deleted += await dropSnapshots(ctx, gone, dryRun);
  }
  if (!dryRun) {
    await ctx.deadLetters.add(letters);
    await ctx.redis.hset(ctx.keys.watermarks, FLOW, read.watermark);
  }

  // Nothing goes to BigCommerce, so no batches.
  return recorder.finish(full ? 'full' : 'delta', { examined, changed, deleted, deadLettered: letters.length, batches: 0 });
}

/** One customer's snapshot, or null when the sync has none (unknown customer, or not synced yet). */
export async function readCreditSnapshot(redis: Redis, keys: SyncKeys, customerNumber: string): Promise<CreditSnapshotRead | null> {
  const [text, lastRun, lastSuccessAt] = await Promise.all([
    redis.hget(keys.creditSnapshots, customerNumber.trim()),
    redis.hget(keys.flowStats(FLOW), 'lastRun'),
    redis.hget(keys.flowStats(FLOW), 'lastSuccessAt'),
  ]);
  if (text === null) return null;
  const snapshot = JSON.parse(text) as CreditSnapshot;
  const run = lastRun ? (JSON.parse(lastRun) as RunStats) : null;
  // lastRun is the last *successful* run only when it finished when the last success did.
  const confirmedByRun = run && !run.dryRun && run.finishedAt === lastSuccessAt ? run.startedAt : null;
  const confirmedAt = snapshot.confirmedUntil ?? (confirmedByRun && confirmedByRun > snapshot.syncedAt ? confirmedByRun : snapshot.syncedAt);
  return { ...snapshot, confirmedAt };
}

function refusalConsequence(customerNumber: string | undefined): string {
  return customerNumber
    ? `. Nothing of this row was applied: the credit gate keeps customer ${customerNumber}'s last good figures, no longer confirmed, and refuses on-account orders once they are older than it allows`
    : '';
}

/**
 * Stops later runs from confirming the snapshots of customers whose newer ERP figures were refused: each keeps the
 * confirmation it had before this run (a second refusal keeps the first freeze). A customer without a snapshot has
 * nothing to freeze; the gate already has nothing to trust for it.
 */
async function freezeSnapshots(ctx: SyncContext, customerNumbers: string[]): Promise<void> {
  if (customerNumbers.length === 0) return;
  const fields: string[] = [];
  for (const number of customerNumbers) {
    const current = await readCreditSnapshot(ctx.redis, ctx.keys, number);
    if (!current || current.confirmedUntil !== undefined) continue;
    const { confirmedAt, ...snapshot } = current;
    fields.push(number, JSON.stringify({ ...snapshot, confirmedUntil: confirmedAt } satisfies CreditSnapshot));
  }
  if (fields.length === 0) return;
  await ctx.redis.hset(ctx.keys.creditSnapshots, ...fields);
  await ctx.events.publish({ type: 'credit-changed', customerNumbers: fields.filter((_, index) => index % 2 === 0) });
}

async function dropSnapshots(ctx: SyncContext, customerNumbers: string[], dryRun: boolean): Promise<number> {
  if (customerNumbers.length === 0) return 0;
  if (dryRun) {
    const present = await ctx.redis.hmget(ctx.keys.creditSnapshots, ...customerNumbers);
    return present.filter((p) => p !== null).length;
  }
  const removed = await ctx.redis.hdel(ctx.keys.creditSnapshots, ...customerNumbers);
  if (removed > 0) await ctx.events.publish({ type: 'credit-changed', customerNumbers });
  return removed;
}

/** The ERP figures only, in a fixed order, so two snapshots compare by content whatever else they carry. */
function snapshotFields(credit: CustomerCredit): CustomerCredit {
  return {
    customerNumber: credit.customerNumber,
    currency: credit.currency,
    creditLimit: credit.creditLimit,
    balance: credit.balance,
    unbilledOrders: credit.unbilledOrders,
    overdueBalance: credit.overdueBalance,
    availableCredit: credit.availableCredit,
    creditHoldOverride: credit.creditHoldOverride,
    onHold: credit.onHold,
    termsDays: credit.termsDays,
    termsName: credit.termsName,
  };
}

function contentOf(credit: CustomerCredit): string {
  return JSON.stringify(snapshotFields(credit));
}

/** Money must arrive as integer minor units; a float here would be a broken adapter, not a rounding question. */
function invalidCredit(credit: CustomerCredit): string | null {
  if (!credit.customerNumber.trim()) return 'no customer number';
  if (!/^[A-Z]{3}$/.test(credit.currency)) return `currency "${credit.currency}" is not an ISO 4217 code`;
  const amounts: [string, number | null][] = [
    ['creditLimit', credit.creditLimit],
    ['balance', credit.balance],
    ['unbilledOrders', credit.unbilledOrders],
    ['overdueBalance', credit.overdueBalance],
    ['availableCredit', credit.availableCredit],
  ];
  for (const [field, value] of amounts) {
    if (value !== null && !Number.isSafeInteger(value)) return `${field} ${String(value)} is not an integer amount of minor units`;
  }
  if (credit.creditLimit === null && credit.availableCredit !== null) return 'availableCredit is set although there is no credit limit';
  return null;
}
