import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BigCommerceApiError,
  createBigCommerceRestClient,
  type BigCommerceRestClientOptions,
  type BigCommerceRestEvent,
} from '@/lib/bigcommerce/rest';
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

function makeClient(overrides: Partial<BigCommerceRestClientOptions> = {}) {
  return createBigCommerceRestClient({
    ...testClientOptions(server, clock, events),
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<BigCommerceApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BigCommerceApiError);
  return error as BigCommerceApiError;
}

const tooMany = { status: 429, title: 'Too many requests', type: '/api-docs/getting-started/api-status-codes', errors: {} };

describe('429 Too Many Requests', () => {
  it('with X-Rate-Limit-Time-Reset-Ms waits that long (plus jitter, never 0) and then succeeds', async () => {
    server.handle((req, res) =>
      req.index === 0 ? json(res, 429, tooMany, rateHeaders(0, 150, 1500)) : json(res, 200, { ok: true }, rateHeaders(149, 150, 30_000)),
    );
    await expect(makeClient().get('/v3/catalog/products')).resolves.toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
    expect(clock.sleeps).toHaveLength(1);
    expect(clock.sleeps[0]).toBeGreaterThanOrEqual(1500);
    expect(clock.sleeps[0]).toBeLessThan(1500 + 400);
    expect(events.find((e) => e.type === 'rate_limited')).toMatchObject({ reason: 'quota', count: 1 });
  });

  it('reads the headers case-insensitively (lower-case on the wire too)', async () => {
    server.handle((req, res) =>
      req.index === 0
        ? json(res, 429, tooMany, { 'x-rate-limit-requests-left': 0, 'x-rate-limit-time-reset-ms': 4000 })
        : json(res, 200, {}),
    );
    await makeClient().get('/v3/catalog/products');
    expect(clock.sleeps[0]).toBeGreaterThanOrEqual(4000);
  });

  it('without headers (platform overload) backs off exponentially, never 0 ms, and does not use up maxRetries', async () => {
    server.handle((req, res) => (req.index < 6 ? json(res, 429, tooMany) : json(res, 200, {})));
    // random() = 0 is the worst case for jitter: the delay must still be > 0 and still grow.
    await makeClient({ random: () => 0, maxRetries: 1 }).get('/v3/catalog/products');
    expect(server.requests).toHaveLength(7);
    // Equal jitter: at least half of min(30 s, 1 s·2^n), so the 6th step is capped at 30 s → 15 s.
    expect(clock.sleeps).toEqual([500, 1000, 2000, 4000, 8000, 15000]);
    expect(events.filter((e) => e.type === 'rate_limited').every((e) => e.type === 'rate_limited' && e.reason === 'overload')).toBe(true);
  });

  it('with requests still left (an endpoint concurrency cap) backs off instead of waiting for the window', async () => {
    server.handle((req, res) =>
      req.index === 0 ? json(res, 429, tooMany, rateHeaders(120, 150, 25_000)) : json(res, 200, {}, rateHeaders(119, 150, 24_000)),
    );
    await makeClient().put('/v3/pricelists/3/records', []);
    expect(clock.sleeps).toEqual([750]);
    expect(events.find((e) => e.type === 'rate_limited')).toMatchObject({ reason: 'concurrency' });
  });

  it('gives up after maxRateLimitRetries with a rate_limited error', async () => {
    server.handle((_req, res) => json(res, 429, tooMany));
    const error = await failure(makeClient({ maxRateLimitRetries: 3 }).get('/v3/catalog/products'));
    expect(error.kind).toBe('rate_limited');
    expect(error.attempts).toBe(4);
    expect(error.message).toContain('429 Too Many Requests');
    expect(error.message).toContain('lower parallelism');
    expect(server.requests).toHaveLength(4);
  });

  it('retries a POST on 429: the request was provably not processed', async () => {
    server.handle((req, res) => (req.index === 0 ? json(res, 429, tooMany, rateHeaders(0, 150, 100)) : json(res, 201, { id: 7 })));
    await expect(makeClient().post('/v2/orders', { customer_id: 1 })).resolves.toEqual({ id: 7 });
    expect(server.requests).toHaveLength(2);
  });
});

describe('5xx', () => {
  it('retries a GET with exponential backoff and then succeeds', async () => {
    server.handle((req, res) => (req.index < 2 ? json(res, 502, { title: 'Bad gateway' }) : json(res, 200, { data: 1 })));
    await expect(makeClient().get('/v3/catalog/products')).resolves.toEqual({ data: 1 });
    expect(server.requests).toHaveLength(3);
    // full jitter with random()=0.5: half of 500·2^n
    expect(clock.sleeps).toEqual([250, 500]);
    expect(events.filter((e) => e.type === 'retry')).toHaveLength(2);
  });

  it('exhausted retries → upstream error with the attempt count', async () => {
    server.handle((_req, res) => json(res, 500, { status: 500, title: 'Internal Server Error', type: 'x', errors: {} }));
    const error = await failure(makeClient({ maxRetries: 4 }).get('/v3/catalog/products'));
    expect(error.kind).toBe('upstream');
    expect(error.status).toBe(500);
    expect(error.attempts).toBe(5);
    expect(error.transient).toBe(true);
    expect(error.message).toContain('after 5 attempts');
    expect(server.requests).toHaveLength(5);
  });

  it('honours the Price Lists 503 SERVICE_DEGRADED retry_after_seconds', async () => {
    server.handle((req, res) =>
      req.index === 0
        ? json(res, 503, { error: { code: 'SERVICE_DEGRADED', message: 'Service temporarily unavailable', retry_after_seconds: 30 } })
        : json(res, 200, { data: {}, meta: {} }),
    );
    await makeClient().put('/v3/pricelists/3/records', [{ sku: 'A', currency: 'usd', price: 1 }]);
    expect(clock.sleeps).toHaveLength(1);
    expect(clock.sleeps[0]).toBeGreaterThanOrEqual(30_000);
    expect(clock.sleeps[0]).toBeLessThan(30_400);
  });

  it('retries a POST on 503 but not on 500 (a 500 may have been half-processed)', async () => {
    server.handle((req, res) => (req.index === 0 ? json(res, 503, {}) : json(res, 500, { status: 500, title: 'Oops', type: 'x' })));
    const error = await failure(makeClient().post('/v2/orders', { customer_id: 1 }));
    expect(error.kind).toBe('upstream');
    expect(error.status).toBe(500);
    expect(server.requests).toHaveLength(2);
  });
});

describe('network errors and timeouts', () => {
  const resetFirst = (ok: unknown) => (req: { index: number }, res: import('node:http').ServerResponse) => {
    if (req.index === 0) {
      res.socket?.destroy();
      return;
    }
    json(res, 200, ok);
  };

  it('does not retry a POST after a connection reset (it may have been processed)', async () => {
    server.handle(resetFirst({ id: 1 }));
    const error = await failure(makeClient().post('/v2/orders', { customer_id: 1 }));
    expect(error.kind).toBe('network');
    expect(error.status).toBeUndefined();
    expect(error.message).toContain('not retried');
    expect(server.requests).toHaveLength(1);
  });

  it('retries a GET after a connection reset', async () => {
    server.handle(resetFirst({ data: [] }));
    await expect(makeClient().get('/v3/catalog/products')).resolves.toEqual({ data: [] });
    expect(server.requests).toHaveLength(2);
    expect(events.find((e) => e.type === 'retry')).toMatchObject({ cause: 'network' });
  });

  it('a server that never answers → timeout error after maxRetries + 1 attempts', async () => {
    server.handle(() => undefined); // never respond
    const error = await failure(makeClient({ timeoutMs: 50, maxRetries: 2 }).get('/v3/catalog/products'));
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('timed out');
    expect(error.attempts).toBe(3);
    expect(server.requests).toHaveLength(3);
  });

  it('a POST that times out is not retried', async () => {
    server.handle(() => undefined);
    // Generous enough that a loaded machine still delivers the request before the timeout fires.
    const error = await failure(makeClient({ timeoutMs: 500 }).post('/v2/orders', {}));
    expect(error.kind).toBe('timeout');
    expect(server.requests).toHaveLength(1);
  });

  it("the caller's signal aborts the request with the caller's reason, without retries", async () => {
    server.handle(() => undefined);
    const controller = new AbortController();
    const pending = makeClient().get('/v3/catalog/products', { signal: controller.signal });
    while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    controller.abort(new Error('shutting down'));
    await expect(pending).rejects.toThrow('shutting down');
    expect(server.requests).toHaveLength(1);
  });
});
