import type { Redis } from 'ioredis';
import type { OrderFailureKind } from './errors';
import type { OrderKeys } from './keys';

export interface PostedOrderRecord {
  orderId: number;
  /** `bc-{storeHash}-{orderId}`: the ERP's idempotency key for this order. */
  externalId: string;
  erpOrderId: string;
  /** The ERP's document number (NetSuite tranId), as written to the order's `external_order_id`. */
  erpOrderNumber: string | null;
  postedAt: string;
}

export interface RejectedOrderRecord {
  kind: OrderFailureKind;
  reason: string;
  at: string;
}

/**
 * What the post-back remembers per order in Redis: posted (with the ERP ids), still flowing back (open), or refused
 * for good (rejected). A posted record is written only after BigCommerce holds the ERP number, so "posted" here
 * always means both systems agree; anything short of that is simply re-run, which the ERP's idempotent post makes
 * harmless.
 */
export class OrderLedger {
  constructor(
    private readonly redis: Redis,
    private readonly keys: OrderKeys,
  ) {}

  async posted(orderId: number): Promise<PostedOrderRecord | null> {
    const text = await this.redis.hget(this.keys.posted, String(orderId));
    return text === null ? null : (JSON.parse(text) as PostedOrderRecord);
  }

  /** Of these orders, the ones posted or rejected (the catch-up scan's filter), one round trip each. */
  async settled(orderIds: number[]): Promise<Set<number>> {
    if (orderIds.length === 0) return new Set();
    const fields = orderIds.map(String);
    const [posted, rejected] = await Promise.all([this.redis.hmget(this.keys.posted, ...fields), this.redis.hmget(this.keys.rejected, ...fields)]);
    return new Set(orderIds.filter((_, i) => posted[i] != null || rejected[i] != null));
  }

  async recordPosted(record: PostedOrderRecord): Promise<void> {
    const id = String(record.orderId);
    await this.redis
      .multi()
      .hset(this.keys.posted, id, JSON.stringify(record))
      .zadd(this.keys.open, 'NX', Date.parse(record.postedAt), id)
      .hdel(this.keys.rejected, id)
      .exec();
  }

  async recordRejected(orderId: number, kind: OrderFailureKind, reason: string): Promise<void> {
    await this.redis.hset(this.keys.rejected, String(orderId), JSON.stringify({ kind, reason, at: new Date().toISOString() } satisfies RejectedOrderRecord));
  }

  async rejected(orderId: number): Promise<RejectedOrderRecord | null> {
    const text = await this.redis.hget(this.keys.rejected, String(orderId));
    return text === null ? null : (JSON.parse(text) as RejectedOrderRecord);
  }

  /** Posted orders whose status still flows back, longest-open first. */
  async openOrders(limit: number): Promise<number[]> {
    return (await this.redis.zrange(this.keys.open, '0', String(limit - 1))).map(Number);
  }

  async close(orderId: number): Promise<void> {
    await this.redis.zrem(this.keys.open, String(orderId));
  }
}
