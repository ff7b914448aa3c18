import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createBigCommerceRestClient, isBigCommerceApiError, type BigCommerceRestEvent } from '@/lib/bigcommerce/rest';
import { smallDataset, startTestSandbox, type TestSandbox } from '../support/sandbox';

/**
 * Our REST client against the sandbox's real store-wide quota and injected faults: the two halves were each
 * tested alone; this proves they agree (a 429 is a pause, a 5xx storm is survived, a hard failure is typed).
 */
const WINDOW_MS = 1_200;
let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox({ dataset: await smallDataset(40), settings: { rateLimit: { enabled: true, quota: 12, windowMs: WINDOW_MS } } });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.faults.clear();
  sandbox.rateLimiter.reset();
});

function client(events: BigCommerceRestEvent[], overrides: { maxRetries?: number } = {}) {
  return createBigCommerceRestClient({
    apiUrl: sandbox.url,
    storeHash: sandbox.settings.storeHash,
    accessToken: sandbox.settings.accessToken,
    retry: { baseDelayMs: 20, rateLimitBaseDelayMs: 50, maxDelayMs: 400 },
    onEvent: (event) => events.push(event),
    ...overrides,
  });
}

const statuses = (events: BigCommerceRestEvent[]) => events.flatMap((e) => (e.type === 'response' ? [e.status] : []));

describe('REST client against the sandbox quota', () => {
  it('spreads 40 parallel requests over several windows without the store ever answering 429', async () => {
    const events: BigCommerceRestEvent[] = [];
    const bc = client(events);
    const results = await Promise.all(Array.from({ length: 40 }, () => bc.get('/v3/catalog/products', { query: { limit: 1 } })));
    expect(results).toHaveLength(40);
    expect(statuses(events).filter((s) => s === 429)).toEqual([]);
    // It slowed down before the quota ran out, rather than being stopped by the server.
    expect(events.filter((e) => e.type === 'rate_limit_pause').length).toBeGreaterThan(0);
  });

  it('treats a 429 storm as a pause: waits for the reset the headers announce, then succeeds', async () => {
    sandbox.faults.set({ storm429Requests: 3 });
    const events: BigCommerceRestEvent[] = [];
    const { data } = await client(events).getV3('/v3/catalog/products/100', z.object({ id: z.number() }));
    expect(data.id).toBe(100);
    const limited = events.filter((e) => e.type === 'rate_limited');
    expect(limited).toHaveLength(3);
    for (const event of limited) expect(event.type === 'rate_limited' && event.waitMs).toBeGreaterThan(0);
  });

  it('backs off from 429s without rate-limit headers (platform overload) and still succeeds', async () => {
    sandbox.faults.set({ overload429Ratio: 0.6, seed: 11 });
    const events: BigCommerceRestEvent[] = [];
    const bc = client(events);
    for (let i = 0; i < 5; i++) await bc.get('/v3/pricelists');
    const waits = events.flatMap((e) => (e.type === 'rate_limited' ? [e.waitMs] : []));
    expect(waits.length).toBeGreaterThan(0);
    expect(Math.min(...waits)).toBeGreaterThan(0);
  });
});

describe('REST client against injected server errors', () => {
  it('retries through a 50% 5xx rate and every call lands', async () => {
    sandbox.faults.set({ error5xxRatio: 0.5, error5xxStatus: 502, seed: 3 });
    const events: BigCommerceRestEvent[] = [];
    const bc = client(events, { maxRetries: 8 });
    for (let i = 0; i < 8; i++) await bc.get('/v3/inventory/locations');
    expect(statuses(events).filter((s) => s === 502).length).toBeGreaterThan(0);
    expect(statuses(events).filter((s) => s === 200)).toHaveLength(8);
  });

  it('gives up on a store that only fails with a typed upstream error, after bounded attempts', async () => {
    sandbox.faults.set({ error5xxRatio: 1, error5xxStatus: 500 });
    const events: BigCommerceRestEvent[] = [];
    const error = await client(events, { maxRetries: 2 }).get('/v3/pricelists').catch((e: unknown) => e);
    expect(isBigCommerceApiError(error) && error.kind).toBe('upstream');
    expect(statuses(events)).toEqual([500, 500, 500]);
  });

  it('does not retry a refused request: a 1,001-row price upsert is a validation error on the first answer', async () => {
    const events: BigCommerceRestEvent[] = [];
    const rows = Array.from({ length: 1001 }, (_, i) => ({ sku: `NOPE-${i}`, currency: 'usd', price: 1 }));
    const error = await client(events).put('/v3/pricelists/1/records', rows).catch((e: unknown) => e);
    expect(isBigCommerceApiError(error) && error.kind).toBe('validation');
    expect(statuses(events)).toEqual([422]);
  });
});
