import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * The dead-letter queue: records the sync could not apply, each with a reason a person can act on and the payload
 * needed to replay it. Nothing is ever dropped silently: a bad ERP row, a SKU BigCommerce does not know, a price
 * BigCommerce refused with field errors all land here, and the rest of the run carries on.
 */
export interface DeadLetter {
  id: string;
  flow: string;
  /** What went wrong and, where known, what to fix. */
  reason: string;
  /** The record as the sync wanted to send it, or the ERP input that could not be mapped. */
  payload: unknown;
  /** e.g. BigCommerce field errors or the ERP file/line. */
  details?: unknown;
  at: string;
}

export class DeadLetterQueue {
  constructor(
    private readonly redis: Redis,
    private readonly key: string,
  ) {}

  /** `id` may be given to make the write idempotent (a job retried after a crash writes the same entry once). */
  async add(entries: (Omit<DeadLetter, 'id' | 'at'> & { id?: string })[]): Promise<void> {
    if (entries.length === 0) return;
    const at = new Date().toISOString();
    const fields = entries.flatMap((entry) => {
      const id = entry.id ?? randomUUID();
      return [id, JSON.stringify({ ...entry, id, at } satisfies DeadLetter)];
    });
    await this.redis.hset(this.key, ...fields);
  }

  async get(id: string): Promise<DeadLetter | null> {
    const text = await this.redis.hget(this.key, id);
    return text === null ? null : (JSON.parse(text) as DeadLetter);
  }

  async list(): Promise<DeadLetter[]> {
    const all = await this.redis.hvals(this.key);
    return all.map((text) => JSON.parse(text) as DeadLetter).sort((a, b) => a.at.localeCompare(b.at));
  }

  async size(): Promise<number> {
    return this.redis.hlen(this.key);
  }

  /** Removes entries once they were dealt with (a replay that succeeded, or a fix at the source). */
  async remove(ids: string[]): Promise<void> {
    if (ids.length > 0) await this.redis.hdel(this.key, ...ids);
  }
}
