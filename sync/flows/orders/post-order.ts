import { isBigCommerceApiError } from '../../../lib/bigcommerce/rest';
import type { SyncContext } from '../../context';
import { NOT_POSTABLE_STATUSES, readOrder, readOrderSnapshot, type BcOrder } from './bc-order';
import { OrderFlowError, toOrderFlowError } from './errors';
import { orderKeys } from './keys';
import { mapToSalesOrder } from './map-order';
import { OrderLedger, type PostedOrderRecord } from './order-ledger';
import { OrderLockTimeout, withOrderLock, type OrderLockOptions } from './order-lock';

export type PostOrderResult =
  /** `erpCreated` false: the ERP already had it (a crash after the post, or a race another worker lost). */
  | { outcome: 'posted'; record: PostedOrderRecord; erpCreated: boolean }
  | { outcome: 'already-posted'; record: PostedOrderRecord }
  /** Not an order to fulfil (yet): nothing was written. A later status change brings it back. */
  | { outcome: 'skipped'; orderId: number; reason: string };

/**
 * Posts one BigCommerce order to the ERP exactly once, and writes the ERP's document number back to the order.
 *
 * Exactly once, because every step is either idempotent or guarded:
 * - the ERP post is idempotent by external id `bc-{storeHash}-{orderId}` (a replay returns the existing order);
 * - one worker at a time per order (a Redis lock across processes), so the ERP never sees two racing creates;
 * - the write-back (`external_order_id`) is a PUT of the same value, and "posted" is recorded in Redis only after it.
 * So a crash anywhere, a duplicate webhook, a catch-up scan that finds the order again, or twenty workers at once
 * all end with one ERP order and one recorded result; at worst a step is repeated, never the order.
 *
 * Throws `OrderFlowError`: `retryable` ones (ERP or BigCommerce down, lock busy) are for the queue's backoff; the
 * rest are recorded as rejected (the catch-up scan stops re-finding them) and belong in the dead-letter queue with
 * `reason`. Replaying a fixed order is calling this again.
 */
export async function postOrder(ctx: SyncContext, orderId: number, options: { lock?: OrderLockOptions } = {}): Promise<PostOrderResult> {
  const keys = orderKeys(ctx.storeHash);
  const ledger = new OrderLedger(ctx.redis, keys);
  try {
    const known = await ledger.posted(orderId);
    if (known) return { outcome: 'already-posted', record: known };
    return await withOrderLock(ctx.redis, keys.lock(orderId), () => postLocked(ctx, ledger, orderId), options.lock);
  } catch (error) {
    const failure =
      error instanceof OrderLockTimeout
        ? new OrderFlowError('busy', orderId, 'another worker is posting this order; retry shortly', { cause: error })
        : toOrderFlowError(error, orderId);
    if (!failure.retryable) {
      // Best effort: if Redis is what failed, the scan merely finds the order again and it fails the same way.
      await ledger.recordRejected(orderId, failure.kind, failure.reason).catch((e: unknown) => ctx.log('could not record rejection', { orderId, error: String(e) }));
    }
    ctx.log('order post failed', { orderId, kind: failure.kind, retryable: failure.retryable, reason: failure.reason });
    throw failure;
  }
}

async function postLocked(ctx: SyncContext, ledger: OrderLedger, orderId: number): Promise<PostOrderResult> {
  // Whoever held the lock before us may have finished the job.
  const known = await ledger.posted(orderId);
  if (known) return { outcome: 'already-posted', record: known };

  const order = await readOrder(ctx, orderId).catch((error: unknown) => {
    if (isBigCommerceApiError(error) && error.kind === 'not_found') return null;
    throw error;
  });
  const skip = order === null ? 'it no longer exists in BigCommerce' : order.is_deleted ? 'it is archived' : NOT_POSTABLE_STATUSES[order.status_id];
  if (order === null || skip !== undefined) {
    ctx.log('order not posted', { orderId, reason: skip });
    return { outcome: 'skipped', orderId, reason: skip ?? 'it is not an order to post' };
  }

  const mapped = mapToSalesOrder(ctx.storeHash, await readOrderSnapshot(ctx, order));
  if (!mapped.ok) throw new OrderFlowError('unmappable', orderId, mapped.problems.join('; '));
  const posted = await ctx.erp.postSalesOrder(mapped.input);
  // The adapter answers with the ERP's internal id; people search by the document number (NetSuite tranId).
  const erpOrderNumber = (await ctx.erp.getSalesOrder(posted.externalId))?.erpOrderNumber ?? null;
  await writeBack(ctx, order, erpOrderNumber ?? posted.erpOrderId);

  const record: PostedOrderRecord = { orderId, externalId: posted.externalId, erpOrderId: posted.erpOrderId, erpOrderNumber, postedAt: new Date().toISOString() };
  await ledger.recordPosted(record);
  ctx.log('order posted', { orderId, erpOrderId: posted.erpOrderId, erpOrderNumber, erpCreated: posted.created });
  return { outcome: 'posted', record, erpCreated: posted.created };
}

/**
 * The ERP number goes to `external_order_id`: the spec's field for "the order ID in another system", settable by
 * PUT, returned on every order read and filterable (`GET /v2/orders?external_order_id=`), so support finds the web
 * order from the ERP number and the storefront shows it without another call. Same value → no write.
 */
async function writeBack(ctx: SyncContext, order: BcOrder, erpNumber: string): Promise<void> {
  if (order.external_order_id === erpNumber) return;
  await ctx.rest.put(`/v2/orders/${order.id}`, { external_order_id: erpNumber });
}
