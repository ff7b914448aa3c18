import type { ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBigCommerceRestClient, type BigCommerceRestEvent } from '@/lib/bigcommerce/rest';
import { fakeClock, json, rateHeaders, startTestServer, type FakeClock, type TestServer, testClientOptions } from './support/test-server';

let server: TestServer;
let clock: FakeClock;
let events: BigCommerceRestEvent[];

beforeEach(async () => {
  server = await startTestServer();
  clock = fakeClock();
  events = [];
});
afterEach(async () => {
  await server.close();
});

function makeClient(reserveFraction?: number) {
  return createBigCommerceRestClient({
    ...testClientOptions(server, clock, events),
    ...(reserveFraction === undefined ? {} : { reserveFraction }),
  });
}

/**
 * Holds each response until a second request is open at the same time (or 300 ms pass), so
 * "requests overlap" is observed by construction rather than by racing a timer.
 */
function holdUntilOverlap(respond: (res: ServerResponse) => void) {
  let open: ServerResponse[] = [];
  let maxOpen = 0;
  const flush = () => {
    const batch = open;
    open = [];
    batch.forEach(respond);
  };
  server.handle((_req, res) => {
    open.push(res);
    maxOpen = Math.max(maxOpen, open.length);
    if (open.length >= 2) flush();
    else setTimeout(() => open.includes(res) && flush(), 300);
  });
  return { maxOpen: () => maxOpen };
}

describe('proactive slowdown from the rate-limit headers', () => {
  it('waits for the window reset once Requests-Left reaches the reserve, before any 429', async () => {
    // quota 150, reserve 10% = 15. First response: 16 left → one more may go; then 15 left → wait.
    const arrivals: number[] = [];
    server.handle((req, res) => {
      arrivals.push(clock.now());
      const left = [16, 15, 149][req.index] ?? 148;
      json(res, 200, {}, rateHeaders(left, 150, req.index < 2 ? 7000 : 30_000));
    });
    const client = makeClient();
    await client.get('/v3/catalog/products');
    await client.get('/v3/catalog/products');
    expect(clock.sleeps).toEqual([]); // 16 left > 15 reserve: no wait yet
    await client.get('/v3/catalog/products');
    expect(clock.sleeps).toEqual([7000]); // the 3rd request waited for the reset reported by the 2nd
    expect(arrivals[2]).toBe((arrivals[1] ?? 0) + 7000); // ... and reached the server only after it
    expect(events.find((e) => e.type === 'rate_limit_pause')).toMatchObject({ waitMs: 7000, requestsLeft: 15, reserve: 15 });
    expect(client.rateLimit()).toMatchObject({ mode: 'metered', requestsLeft: 149, requestsQuota: 150, inFlight: 0 });
  });

  it('keeps at least one request in reserve even with reserveFraction 0', async () => {
    server.handle((req, res) => json(res, 200, {}, rateHeaders(req.index === 0 ? 1 : 9, 10, 2500)));
    const client = makeClient(0);
    await client.get('/v2/orders');
    await client.get('/v2/orders');
    expect(clock.sleeps).toEqual([2500]);
  });

  it('does not wait when the reset has already passed', async () => {
    server.handle((req, res) => json(res, 200, {}, rateHeaders(req.index === 0 ? 0 : 9, 10, req.index === 0 ? 0 : 30_000)));
    const client = makeClient();
    await client.get('/v2/orders');
    await client.get('/v2/orders');
    expect(clock.sleeps).toEqual([]);
    expect(server.requests).toHaveLength(2);
  });

  it('before the first response only one request is in flight (a probe), then the budget opens up', async () => {
    const gate = holdUntilOverlap((res) => json(res, 200, {}, rateHeaders(100, 150, 30_000)));
    const client = makeClient();
    const first = client.get('/v3/catalog/products');
    const second = client.get('/v3/catalog/products');
    // The second must not reach the server until the first has reported the budget.
    await first;
    expect(gate.maxOpen()).toBe(1);
    await second;
    // With a known budget, parallel requests do overlap.
    await Promise.all(Array.from({ length: 5 }, () => client.get('/v3/catalog/products')));
    expect(gate.maxOpen()).toBeGreaterThan(1);
  });

  it('a store that sends no rate-limit headers is not throttled (sandbox / unlimited plan)', async () => {
    const gate = holdUntilOverlap((res) => json(res, 200, {}));
    const client = makeClient();
    await client.get('/v3/catalog/products');
    await Promise.all(Array.from({ length: 5 }, () => client.get('/v3/catalog/products')));
    expect(gate.maxOpen()).toBeGreaterThan(1);
    expect(clock.sleeps).toEqual([]);
    expect(client.rateLimit().mode).toBe('unmetered');
  });
});
