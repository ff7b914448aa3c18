import type { Redis } from 'ioredis';

/**
 * What the sync changed in BigCommerce, announced so the storefront cache can drop exactly the affected entries.
 * Published on a Redis channel (instant, for running app instances) and appended to a capped stream of the same
 * name (durable, for an instance that was down or a consumer that wants to catch up).
 */
export type ChangeEvent =
  | { type: 'price-list-changed'; priceListId: number; productIds: number[]; variantIds: number[] }
  | { type: 'inventory-changed'; locationIds: number[]; productIds: number[]; variantIds: number[] }
  | { type: 'customer-group-changed'; customerIds: number[]; customerGroupId: number }
  | { type: 'credit-changed'; customerNumbers: string[] };

const STREAM_MAX_LENGTH = 10_000;

export class ChangeEvents {
  constructor(
    private readonly redis: Redis,
    private readonly key: string,
  ) {}

  async publish(event: ChangeEvent): Promise<void> {
    const text = JSON.stringify({ ...event, at: new Date().toISOString() });
    await this.redis.multi().publish(this.key, text).xadd(this.key, 'MAXLEN', '~', String(STREAM_MAX_LENGTH), '*', 'event', text).exec();
  }

  /** The most recent events, newest last (for tests and the CLI). */
  async recent(count = 100): Promise<ChangeEvent[]> {
    const entries = await this.redis.xrevrange(this.key, '+', '-', 'COUNT', count);
    return entries
      .reverse()
      .map(([, fields]) => JSON.parse(fields[1] ?? '{}') as ChangeEvent);
  }
}
