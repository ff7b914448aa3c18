import type { SyncContext } from '../../context';
import type { SalesOrderState } from '../../erp/erp';
import { readOrder, readOrderLines, readShipments, readShippingAddresses, type BcOrderLine } from './bc-order';
import { OrderFlowError, toOrderFlowError } from './errors';
import { orderKeys } from './keys';
import { OrderLedger } from './order-ledger';
import { OrderLockTimeout, withOrderLock, type OrderLockOptions } from './order-lock';
import { isSettled, itemsToShip, mirroredFulfilments, primaryTrackingNumber, shipmentComments, targetStatus } from './shipment-plan';

export interface FlowbackResult {
  orderId: number;
  outcome: 'not-posted' | 'unchanged' | 'applied';
  erpStatus?: SalesOrderState['status'];
  shipmentsCreated: number;
  /** The BigCommerce status id set, when it changed. */
  statusSet?: number;
  /** Nothing more will flow back; the order left the open list. */
  settled: boolean;
}

/**
 * ERP → BigCommerce for one posted order: every shipped ERP fulfilment becomes a BigCommerce shipment with its
 * tracking numbers (once: the shipment's comments name the fulfilment, see shipment-plan.ts), and the order's
 * status follows (Awaiting Fulfillment, Partially Shipped, Shipped, Completed, Cancelled; never backwards, never
 * over a merchant's Refunded/Cancelled). The ERP state last applied is fingerprinted in Redis, so polling an
 * unchanged order costs one ERP read and no BigCommerce calls. Shares the per-order lock with the post.
 */
export async function flowbackOrder(ctx: SyncContext, orderId: number, options: { lock?: OrderLockOptions } = {}): Promise<FlowbackResult> {
  const keys = orderKeys(ctx.storeHash);
  const ledger = new OrderLedger(ctx.redis, keys);
  try {
    const record = await ledger.posted(orderId);
    if (!record) return { orderId, outcome: 'not-posted', shipmentsCreated: 0, settled: false };
    return await withOrderLock(ctx.redis, keys.lock(orderId), () => applyLocked(ctx, ledger, orderId, record.externalId), options.lock);
  } catch (error) {
    if (error instanceof OrderLockTimeout) throw new OrderFlowError('busy', orderId, 'another worker holds this order; retry shortly', { cause: error });
    throw toOrderFlowError(error, orderId);
  }
}

async function applyLocked(ctx: SyncContext, ledger: OrderLedger, orderId: number, externalId: string): Promise<FlowbackResult> {
  const keys = orderKeys(ctx.storeHash);
  const state = await ctx.erp.getSalesOrder(externalId);
  if (!state) {
    throw new OrderFlowError('erp-rejected', orderId, `the ERP has no order ${externalId} although it was posted; it was deleted in the ERP: re-post it (clear the posted record) or close the web order by hand`);
  }
  const shipped = state.fulfilments.filter((f) => f.shipStatus === 'shipped');
  const fingerprint = `${state.status}|${shipped.map((f) => f.erpFulfilmentId).sort().join(',')}`;
  if ((await ctx.redis.hget(keys.flowbackApplied, String(orderId))) === fingerprint) {
    return { orderId, outcome: 'unchanged', erpStatus: state.status, shipmentsCreated: 0, settled: false };
  }

  const [order, shipments] = await Promise.all([readOrder(ctx, orderId), readShipments(ctx, orderId)]);
  let lines = await readOrderLines(ctx, orderId);
  const mirrored = mirroredFulfilments(shipments);
  const fresh = shipped.filter((f) => !mirrored.has(f.erpFulfilmentId));
  let shipmentsCreated = 0;
  let statusId = order.status_id;
  if (fresh.length > 0) {
    const items = itemsToShip(state.lines, lines);
    if (items.length === 0) {
      ctx.log('ERP fulfilments with nothing left to ship in BigCommerce', { orderId, fulfilments: fresh.map((f) => f.erpFulfilmentId) });
    } else {
      await createShipment(ctx, orderId, lines, items, fresh);
      shipmentsCreated = 1;
      // BigCommerce moves the order to (Partially) Shipped itself; read what it decided.
      [lines, statusId] = await Promise.all([readOrderLines(ctx, orderId), readOrder(ctx, orderId).then((o) => o.status_id)]);
    }
  }

  const target = targetStatus(state.status, lines, statusId);
  if (target !== null) await ctx.rest.put(`/v2/orders/${orderId}`, { status_id: target });
  const settled = isSettled(state.status, lines);
  if (settled) await ledger.close(orderId);
  await ctx.redis.hset(keys.flowbackApplied, String(orderId), fingerprint);
  ctx.log('order status flowed back', { orderId, erpStatus: state.status, shipmentsCreated, statusSet: target, settled });
  return { orderId, outcome: 'applied', erpStatus: state.status, shipmentsCreated, ...(target !== null ? { statusSet: target } : {}), settled };
}

async function createShipment(
  ctx: SyncContext,
  orderId: number,
  lines: BcOrderLine[],
  items: { order_product_id: number; quantity: number }[],
  fulfilments: SalesOrderState['fulfilments'],
): Promise<void> {
  const addressId = lines.find((l) => l.id === items[0]?.order_product_id)?.order_address_id ?? (await readShippingAddresses(ctx, orderId))[0]?.id;
  if (addressId === undefined) throw new OrderFlowError('unmappable', orderId, 'the order has no shipping address to ship to; add one in BigCommerce, then replay');
  const tracking = primaryTrackingNumber(fulfilments);
  // Not retried on an ambiguous failure (POST); the next run reads the shipments and finds it if it landed.
  await ctx.rest.post(`/v2/orders/${orderId}/shipments`, {
    order_address_id: addressId,
    items,
    ...(tracking ? { tracking_number: tracking } : {}),
    comments: shipmentComments(fulfilments),
  });
}

export interface OpenOrdersResult {
  examined: number;
  applied: FlowbackResult[];
  failures: OrderFlowError[];
}

/** One pass over the posted orders still open (the periodic job). One order's failure never stops the others. */
export async function flowbackOpenOrders(ctx: SyncContext, options: { limit?: number } = {}): Promise<OpenOrdersResult> {
  const ids = await new OrderLedger(ctx.redis, orderKeys(ctx.storeHash)).openOrders(options.limit ?? 500);
  const result: OpenOrdersResult = { examined: ids.length, applied: [], failures: [] };
  for (const id of ids) {
    try {
      const applied = await flowbackOrder(ctx, id);
      if (applied.outcome === 'applied') result.applied.push(applied);
    } catch (error) {
      result.failures.push(toOrderFlowError(error, id));
    }
  }
  return result;
}

/** `bc-{storeHash}-{orderId}` → the order id, for ERP change events that name the external id; null if not ours. */
export function orderIdFromExternalId(storeHash: string, externalId: string): number | null {
  const prefix = `bc-${storeHash}-`;
  if (!externalId.startsWith(prefix)) return null;
  const id = Number(externalId.slice(prefix.length));
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
