import { z } from 'zod';
import type { SyncContext } from '../../context';
import { NOT_POSTABLE_STATUSES } from './bc-order';
import { orderKeys } from './keys';
import { OrderLedger } from './order-ledger';

export interface CatchUpOptions {
  /** With no watermark yet (first run, or Redis lost), look this far back. Default 7 days. */
  initialLookbackMs?: number;
  /** Re-read this much before the watermark: BigCommerce dates have one-second resolution. Default 10 minutes. */
  overlapMs?: number;
  now?: () => Date;
}

export interface CatchUpResult {
  /** Orders that should be posted and are not (yet): enqueue each (a job id per order dedupes). */
  orderIds: number[];
  /** Orders the scan looked at. */
  examined: number;
  /** What the next scan starts from. */
  watermark: string;
}

const listedOrder = z.looseObject({ id: z.number().int(), status_id: z.number().int(), date_modified: z.string() });

/**
 * The safety net for webhooks that never arrive (BigCommerce drops, deactivates a hook after 48 h of failures, or
 * our receiver was down): lists the orders modified since the watermark and returns those not posted and not
 * rejected. Modified, not created, so an order that was Incomplete when created and completed later (card checkout)
 * is caught too; `date_modified` is at least `date_created`, so nothing created since is missed either.
 *
 * The watermark never passes an order it returned: it becomes the older of the scan's start and the oldest
 * returned order's `date_modified`. An order stays in every scan until it is posted or rejected, so a lost queue
 * job or a long ERP outage can delay an order but never drop it. Orders are read 250 per page (the v2 cap), by id.
 */
export async function scanForUnpostedOrders(ctx: SyncContext, options: CatchUpOptions = {}): Promise<CatchUpResult> {
  const keys = orderKeys(ctx.storeHash);
  const ledger = new OrderLedger(ctx.redis, keys);
  const startedAt = (options.now ?? (() => new Date()))();
  const stored = await ctx.redis.get(keys.scanWatermark);
  const since = stored === null ? startedAt.getTime() - (options.initialLookbackMs ?? 7 * 86_400_000) : Date.parse(stored) - (options.overlapMs ?? 600_000);

  const orderIds: number[] = [];
  let examined = 0;
  let oldestUnposted = Number.POSITIVE_INFINITY;
  let page: z.infer<typeof listedOrder>[] = [];
  const flush = async () => {
    const settled = await ledger.settled(page.map((o) => o.id));
    for (const order of page) {
      if (settled.has(order.id)) continue;
      orderIds.push(order.id);
      const modified = Date.parse(order.date_modified);
      if (!Number.isNaN(modified)) oldestUnposted = Math.min(oldestUnposted, modified);
    }
    page = [];
  };
  const query = { min_date_modified: new Date(since).toISOString(), sort: 'id:asc' };
  for await (const order of ctx.rest.paginateV2('/v2/orders', listedOrder, query)) {
    examined += 1;
    if (NOT_POSTABLE_STATUSES[order.status_id] === undefined) page.push(order);
    if (page.length >= 250) await flush();
  }
  await flush();

  const watermark = new Date(Math.min(startedAt.getTime(), oldestUnposted)).toISOString();
  await ctx.redis.set(keys.scanWatermark, watermark);
  ctx.log('order catch-up scan', { examined, unposted: orderIds.length, since: query.min_date_modified, watermark });
  return { orderIds, examined, watermark };
}
