import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BigCommerceApiError, createBigCommerceRestClient, type BigCommerceRestClient } from '@/lib/bigcommerce/rest';
import { fakeClock, json, startTestServer, type TestServer, testClientOptions } from './support/test-server';

let server: TestServer;
let client: BigCommerceRestClient;
const item = z.object({ id: z.number() });

beforeEach(async () => {
  server = await startTestServer();
  const clock = fakeClock();
  client = createBigCommerceRestClient(testClientOptions(server, clock));
});
afterEach(async () => {
  await server.close();
});

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const value of iterable) out.push(value);
  return out;
}

/** A v3 collection of `total` rows with ids 1..total, paged like BigCommerce. */
function serveV3(total: number, opts: { ignorePage?: boolean } = {}) {
  server.handle((req, res) => {
    const limit = Number(req.query.get('limit') ?? 50);
    const page = opts.ignorePage ? 1 : Number(req.query.get('page') ?? 1);
    const totalPages = Math.max(1, Math.ceil(total / limit));
    const start = (page - 1) * limit;
    const data = Array.from({ length: Math.max(0, Math.min(limit, total - start)) }, (_, i) => ({ id: start + i + 1 }));
    json(res, 200, {
      data,
      meta: { pagination: { total, count: data.length, per_page: limit, current_page: page, total_pages: totalPages, links: { current: `?page=${page}&limit=${limit}` } } },
    });
  });
}

/** A v2 collection; past the last row it answers 204 No Content like BigCommerce. */
function serveV2(total: number) {
  server.handle((req, res) => {
    const limit = Number(req.query.get('limit') ?? 50);
    const page = Number(req.query.get('page') ?? 1);
    const start = (page - 1) * limit;
    const rows = Array.from({ length: Math.max(0, Math.min(limit, total - start)) }, (_, i) => ({ id: start + i + 1 }));
    if (rows.length === 0) {
      res.writeHead(204);
      res.end();
      return;
    }
    json(res, 200, rows);
  });
}

describe('paginateV3', () => {
  it('walks every page until current_page reaches total_pages', async () => {
    serveV3(5);
    const ids = (await collect(client.paginateV3('/v3/pricelists/3/records', item, { limit: 2, 'currency:in': ['usd'] }))).map((r) => r.id);
    expect(ids).toEqual([1, 2, 3, 4, 5]);
    expect(server.requests.map((r) => r.query.get('page'))).toEqual(['1', '2', '3']);
    expect(server.requests.every((r) => r.query.get('limit') === '2' && r.query.get('currency:in') === 'usd')).toBe(true);
  });

  it('defaults limit to 250 and caps larger limits at 250', async () => {
    serveV3(3);
    await collect(client.paginateV3('/v3/catalog/products', item));
    await collect(client.paginateV3('/v3/catalog/products', item, { limit: 1000 }));
    expect(server.requests.map((r) => r.query.get('limit'))).toEqual(['250', '250']);
  });

  it('stops after one request for an empty collection', async () => {
    serveV3(0);
    expect(await collect(client.paginateV3('/v3/catalog/products', item))).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('refuses to loop when the server ignores the page parameter', async () => {
    serveV3(10, { ignorePage: true });
    const error = await collect(client.paginateV3('/v3/catalog/products', item, { limit: 2 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BigCommerceApiError);
    expect((error as BigCommerceApiError).message).toContain('asked for page 2 but got current_page 1');
    expect(server.requests).toHaveLength(2);
  });

  it('validates every item and names the failing index', async () => {
    server.handle((_req, res) =>
      json(res, 200, { data: [{ id: 1 }, { id: 'two' }], meta: { pagination: { total: 2, count: 2, per_page: 250, current_page: 1, total_pages: 1 } } }),
    );
    const error = (await collect(client.paginateV3('/v3/catalog/products', item)).catch((e: unknown) => e)) as BigCommerceApiError;
    expect(error.kind).toBe('validation');
    expect(error.message).toContain('data[1].id');
  });
});

describe('paginateV2', () => {
  it('walks pages until a 204 No Content', async () => {
    serveV2(4);
    const ids = (await collect(client.paginateV2('/v2/orders', item, { limit: 2, status_id: 11 }))).map((r) => r.id);
    expect(ids).toEqual([1, 2, 3, 4]);
    // page 3 is the 204 that ends the walk (page 2 was full, so it had to ask).
    expect(server.requests.map((r) => r.query.get('page'))).toEqual(['1', '2', '3']);
    expect(server.requests[0]?.query.get('status_id')).toBe('11');
  });

  it('stops at a short page without asking for the next one', async () => {
    serveV2(5);
    const ids = (await collect(client.paginateV2('/v2/orders', item, { limit: 2 }))).map((r) => r.id);
    expect(ids).toEqual([1, 2, 3, 4, 5]);
    expect(server.requests).toHaveLength(3);
  });

  it('stops at an empty array page', async () => {
    server.handle((req, res) => json(res, 200, req.query.get('page') === '1' ? [{ id: 1 }, { id: 2 }] : []));
    const ids = (await collect(client.paginateV2('/v2/customer_groups', item, { limit: 2 }))).map((r) => r.id);
    expect(ids).toEqual([1, 2]);
    expect(server.requests).toHaveLength(2);
  });

  it('a 204 on the first page is an empty collection', async () => {
    serveV2(0);
    expect(await collect(client.paginateV2('/v2/orders', item))).toEqual([]);
    expect(server.requests[0]?.query.get('limit')).toBe('250');
  });
});
