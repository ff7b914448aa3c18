import type { Redis } from 'ioredis';
import type { QuoteLine } from './checkout-quote';

/**
 * Checkout state in Redis, under one key prefix:
 * - `token:{token}`: one checkout form's placement. Claimed with SET NX before anything is reserved or created, so
 *   a double-submit or a retried POST of the same form finds the first attempt (in progress, or its order) instead
 *   of placing a second order. A failed attempt gives its token up, so the buyer can simply try again.
 * - `quote:{fingerprint}`: the lines a buyer was shown (cart page, checkout page), so a later page can say which
 *   prices or quantities changed since. Content-addressed: a made-up fingerprint just finds nothing.
 */
export type CheckoutTokenRecord = { state: 'placing'; customerId: number } | { state: 'placed'; customerId: number; orderId: number };

/** Longer than any placement takes; a process that died mid-placement frees its token after this. */
const PLACING_TTL_MS = 10 * 60_000;
const PLACED_TTL_S = 7 * 86_400;
const QUOTE_TTL_S = 86_400;

export class CheckoutStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  /** null: this call owns the token now; otherwise what the earlier attempt recorded. */
  async claim(token: string, customerId: number): Promise<CheckoutTokenRecord | null> {
    const record: CheckoutTokenRecord = { state: 'placing', customerId };
    for (;;) {
      const set = await this.redis.set(this.tokenKey(token), JSON.stringify(record), 'PX', PLACING_TTL_MS, 'NX');
      if (set === 'OK') return null;
      const earlier = await this.read(token);
      // Gone between the two calls (the earlier attempt gave up): try to take it again.
      if (earlier) return earlier;
    }
  }

  async read(token: string): Promise<CheckoutTokenRecord | null> {
    const text = await this.redis.get(this.tokenKey(token));
    return text === null ? null : (JSON.parse(text) as CheckoutTokenRecord);
  }

  async complete(token: string, customerId: number, orderId: number): Promise<void> {
    const record: CheckoutTokenRecord = { state: 'placed', customerId, orderId };
    await this.redis.set(this.tokenKey(token), JSON.stringify(record), 'EX', PLACED_TTL_S);
  }

  /** The attempt failed before an order existed: the same form may be submitted again. */
  async giveUp(token: string): Promise<void> {
    await this.redis.del(this.tokenKey(token));
  }

  async saveQuote(fingerprint: string, lines: readonly QuoteLine[]): Promise<void> {
    await this.redis.set(this.quoteKey(fingerprint), JSON.stringify(lines), 'EX', QUOTE_TTL_S);
  }

  async readQuote(fingerprint: string): Promise<QuoteLine[] | null> {
    const text = await this.redis.get(this.quoteKey(fingerprint));
    return text === null ? null : (JSON.parse(text) as QuoteLine[]);
  }

  private tokenKey(token: string): string {
    return `${this.prefix}:token:${token}`;
  }

  private quoteKey(fingerprint: string): string {
    return `${this.prefix}:quote:${fingerprint}`;
  }
}
