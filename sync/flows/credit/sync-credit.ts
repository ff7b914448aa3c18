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
}

export interface CreditSnapshotRead extends CreditSnapshot {
  /**
   * Until when the ERP is known to have had these figures: the later of `syncedAt` and the start of the last
   * successful credit run, because a run that did not return this customer saw no change to it. The credit gate
   * compares this with its freshness limit.
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
  const letters: Omit<DeadLetter, 'id' | 'at'>[] = (read.rejected ?? []).map((issue) => ({
    flow: FLOW,
    reason: `ERP credit row refused: ${formatIssue(issue)}`,
    payload: issue,
  }));

  const key = ctx.keys.creditSnapshots;
  const seen = new Set<string>();
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
      const before = stored[index];
      if (before === null || before === undefined || contentOf(JSON.parse(before) as CustomerCredit) !== contentOf(row)) changedNumbers.push(row.customerNumber);
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
      letters.push({ flow: FLOW, reason: `ERP credit of customer ${row.customerNumber || '(no number)'} is unusable: ${problem}; fix it in the ERP`, payload: row });
      // Figures the ERP can no longer vouch for must not keep approving orders: drop the old snapshot too.
      if (row.customerNumber && (await dropSnapshots(ctx, [row.customerNumber], dryRun)) > 0) deleted++;
      continue;
    }
    seen.add(row.customerNumber);
    chunk.push(row);
    if (chunk.length >= CHUNK) await flush();
  }
  await flush();

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
  const confirmedAt = confirmedByRun && confirmedByRun > snapshot.syncedAt ? confirmedByRun : snapshot.syncedAt;
  return { ...snapshot, confirmedAt };
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
