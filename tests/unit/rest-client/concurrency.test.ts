import { afterEach, beforeEach, expect, it } from 'vitest';
import { createBigCommerceRestClient, type BigCommerceRestEvent } from '@/lib/bigcommerce/rest';
import { fakeClock, json, rateHeaders, startTestServer, type FakeClock, type TestServer, testClientOptions } from './support/test-server';

let server: TestServer;
let clock: FakeClock;

beforeEach(async () => {
  server = await startTestServer();
  clock = fakeClock();
});
afterEach(async () => {
  await server.close();
});

/**
 * A store that enforces its quota like BigCommerce: `quota` requests per window on the shared
 * (fake) clock, 429 with the rate-limit headers once it is spent. Responses are held a few ms so
 * requests really overlap on the wire.
 */
function enforceQuota(quota: number, windowMs: number) {
  let windowStart = clock.now();
  let used = 0;
  const perWindow = new Map<number, number>();
  const stats = { served: 0, rejected: 0, perWindow };
  server.handle((_req, res) => {
    const now = clock.now();
    while (now >= windowStart + windowMs) {
      windowStart += windowMs;
      used = 0;
    }
    const resetMs = windowStart + windowMs - now;
    if (used >= quota) {
      stats.rejected += 1;
      json(res, 429, { status: 429, title: 'Too many requests', type: 'x', errors: {} }, rateHeaders(0, quota, resetMs, windowMs));
      return;
    }
    used += 1;
    stats.served += 1;
    perWindow.set(windowStart, (perWindow.get(windowStart) ?? 0) + 1);
    const left = quota - used;
    setTimeout(() => json(res, 200, { n: stats.served }, rateHeaders(left, quota, resetMs, windowMs)), 5);
  });
  return stats;
}

it('30 parallel requests against a quota of 10 never draw a 429: they share one budget', async () => {
  const stats = enforceQuota(10, 30_000);
  const events: BigCommerceRestEvent[] = [];
  const client = createBigCommerceRestClient(testClientOptions(server, clock, events));

  const results = await Promise.all(Array.from({ length: 30 }, () => client.get('/v3/catalog/products')));

  expect(results).toHaveLength(30);
  expect(stats.rejected).toBe(0);
  expect(events.filter((e) => e.type === 'rate_limited')).toHaveLength(0);
  expect(stats.served).toBe(30);
  // Reserve is 1 of 10, so at most 9 per window → at least 4 windows, each under the quota.
  expect([...stats.perWindow.values()].every((n) => n <= 9)).toBe(true);
  expect(stats.perWindow.size).toBeGreaterThanOrEqual(4);
  expect(events.some((e) => e.type === 'rate_limit_pause')).toBe(true);
  expect(client.rateLimit().inFlight).toBe(0);
});

it('two client instances on one store still recover from 429s (the quota is shared with other apps)', async () => {
  const stats = enforceQuota(10, 30_000);
  const make = () =>
    createBigCommerceRestClient(testClientOptions(server, clock));
  const a = make();
  const b = make();
  const results = await Promise.all(
    Array.from({ length: 24 }, (_, i) => (i % 2 === 0 ? a : b).get('/v3/catalog/products')),
  );
  expect(results).toHaveLength(24);
  expect(stats.served).toBe(24);
  expect([...stats.perWindow.values()].every((n) => n <= 10)).toBe(true);
});
