import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readTriggers, recordTrigger, type SyncTrigger } from '@/sync/triggers';
import { deleteTriggerKeys, redisDb, uniqueStreamKey } from './support';

/** The trigger store against the real Redis: one entry per event however often it is delivered, and nothing lost. */
let redis: Redis;
let streamKey: string;
const used: string[] = [];

beforeAll(() => {
  redis = redisDb(0);
});
afterEach(async () => {
  for (const key of used.splice(0)) await deleteTriggerKeys(redis, key);
});
afterAll(async () => {
  await redis.quit();
});

function freshStream(): string {
  streamKey = uniqueStreamKey();
  used.push(streamKey);
  return streamKey;
}

function trigger(overrides: Partial<SyncTrigger> = {}): SyncTrigger {
  return {
    source: 'bigcommerce-webhook',
    scope: 'store/product/updated',
    ids: { product_id: [111] },
    receivedAt: '2026-11-21T10:00:00.000Z',
    occurredAt: '2026-11-21T09:59:59.000Z',
    dedupKey: 'store/product/updated:abc:1700000000',
    ...overrides,
  };
}

describe('recordTrigger', () => {
  it('enqueues an event once and acknowledges its redelivery as a duplicate', async () => {
    const key = freshStream();
    expect(await recordTrigger(redis, trigger(), { streamKey: key })).toBe('enqueued');
    expect(await recordTrigger(redis, trigger({ receivedAt: '2026-11-21T10:01:00.000Z' }), { streamKey: key })).toBe(
      'duplicate',
    );
    expect(await redis.xlen(key)).toBe(1);
    const { entries } = await readTriggers(redis, { streamKey: key });
    expect(entries.map((e) => e.trigger)).toEqual([trigger()]);
  });

  it('remembers the dedup key for 24 hours', async () => {
    const key = freshStream();
    await recordTrigger(redis, trigger(), { streamKey: key });
    const ttl = await redis.ttl(`{${key}}:dedup:bigcommerce-webhook:${trigger().dedupKey}`);
    expect(ttl).toBeGreaterThan(86_400 - 10);
    expect(ttl).toBeLessThanOrEqual(86_400);
  });

  it('keeps sources apart: an ERP event with the same key is not a duplicate of a webhook', async () => {
    const key = freshStream();
    expect(await recordTrigger(redis, trigger(), { streamKey: key })).toBe('enqueued');
    expect(await recordTrigger(redis, trigger({ source: 'erp-event' }), { streamKey: key })).toBe('enqueued');
    expect(await redis.xlen(key)).toBe(2);
  });

  it('does not claim the dedup key when the append fails, so the retry is enqueued', async () => {
    const key = freshStream();
    await redis.set(key, 'not a stream');
    await expect(recordTrigger(redis, trigger(), { streamKey: key })).rejects.toThrow(/WRONGTYPE/);
    expect(await redis.exists(`{${key}}:dedup:bigcommerce-webhook:${trigger().dedupKey}`)).toBe(0);
    await redis.del(key);
    expect(await recordTrigger(redis, trigger(), { streamKey: key })).toBe('enqueued');
  });

  it('caps the stream approximately at maxLen', async () => {
    const key = freshStream();
    for (let i = 0; i < 250; i++)
      await recordTrigger(redis, trigger({ dedupKey: `k${i}` }), { streamKey: key, maxLen: 10 });
    const length = await redis.xlen(key);
    expect(length).toBeGreaterThanOrEqual(10);
    expect(length).toBeLessThan(250);
  });
});

describe('readTriggers', () => {
  it('reads in order after a checkpoint, page by page', async () => {
    const key = freshStream();
    for (let i = 1; i <= 5; i++)
      await recordTrigger(redis, trigger({ dedupKey: `k${i}`, ids: { product_id: [i] } }), { streamKey: key });
    const first = await readTriggers(redis, { streamKey: key, count: 3 });
    expect(first.entries.map((e) => e.trigger.ids.product_id)).toEqual([[1], [2], [3]]);
    const second = await readTriggers(redis, { streamKey: key, after: first.lastId, count: 3 });
    expect(second.entries.map((e) => e.trigger.ids.product_id)).toEqual([[4], [5]]);
    const third = await readTriggers(redis, { streamKey: key, after: second.lastId });
    expect(third).toEqual({ entries: [], invalid: [], lastId: second.lastId });
  });

  it('reports an undecodable entry and reads past it', async () => {
    const key = freshStream();
    const badId = await redis.xadd(key, '*', 'source', 'somewhere', 'scope', 'x');
    await recordTrigger(redis, trigger(), { streamKey: key });
    const result = await readTriggers(redis, { streamKey: key });
    expect(result.invalid).toEqual([{ id: badId, problem: expect.stringContaining('source') }]);
    expect(result.entries).toHaveLength(1);
    expect(result.lastId).toBe(result.entries[0]?.id);
  });

  it('waits for a new entry when asked to block', async () => {
    const key = freshStream();
    const reader = redis.duplicate();
    try {
      const pending = readTriggers(reader, { streamKey: key, after: '$', blockMs: 2_000 });
      await new Promise((resolve) => setTimeout(resolve, 50));
      await recordTrigger(redis, trigger(), { streamKey: key });
      expect((await pending).entries.map((e) => e.trigger.scope)).toEqual(['store/product/updated']);
    } finally {
      await reader.quit();
    }
  });
});
