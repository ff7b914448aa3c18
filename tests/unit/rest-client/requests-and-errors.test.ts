import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BigCommerceApiError, createBigCommerceRestClient, type BigCommerceRestClient } from '@/lib/bigcommerce/rest';
import { fakeClock, json, startTestServer, STORE_PREFIX, TOKEN, type TestServer, testClientOptions } from './support/test-server';

let server: TestServer;
let client: BigCommerceRestClient;

beforeEach(async () => {
  server = await startTestServer();
  const clock = fakeClock();
  client = createBigCommerceRestClient(testClientOptions(server, clock));
});
afterEach(async () => {
  await server.close();
});

async function failure(promise: Promise<unknown>): Promise<BigCommerceApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BigCommerceApiError);
  return error as BigCommerceApiError;
}

describe('request basics', () => {
  it('sends X-Auth-Token and Accept on a GET under /stores/{hash}, with no Content-Type', async () => {
    server.handle((_req, res) => json(res, 200, { data: [], meta: {} }));
    await client.get('/v3/catalog/products', { query: { 'id:in': [1, 2], include: 'variants', skip: undefined } });
    const [req] = server.requests;
    expect(req?.method).toBe('GET');
    expect(req?.path).toBe(`${STORE_PREFIX}/v3/catalog/products`);
    expect(req?.rawUrl).toBe(`${STORE_PREFIX}/v3/catalog/products?id:in=1,2&include=variants`);
    expect(req?.headers['x-auth-token']).toBe(TOKEN);
    expect(req?.headers['accept']).toBe('application/json');
    expect(req?.headers['content-type']).toBeUndefined();
  });

  it('sends a JSON body with Content-Type on PUT and returns the schema-parsed body', async () => {
    server.handle((_req, res) => json(res, 200, { data: { id: 3, name: 'Acme' }, meta: {} }));
    const result = await client.put('/v3/pricelists/3', { name: 'Acme' }, {
      schema: z.object({ data: z.object({ id: z.number(), name: z.string() }) }),
    });
    expect(result.data.name).toBe('Acme');
    const [req] = server.requests;
    expect(req?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req?.body ?? '')).toEqual({ name: 'Acme' });
  });

  it('getV3 returns { data, meta } validated by the envelope', async () => {
    server.handle((_req, res) =>
      json(res, 200, {
        data: [{ id: 1 }],
        meta: { pagination: { total: 1, count: 1, per_page: 50, current_page: 1, total_pages: 1, links: { current: '?page=1&limit=50' } } },
      }),
    );
    const { data, meta } = await client.getV3('/v3/pricelists', z.array(z.object({ id: z.number() })), { limit: 50 });
    expect(data).toEqual([{ id: 1 }]);
    expect(meta.pagination?.total_pages).toBe(1);
  });

  it('returns undefined for a 204 No Content', async () => {
    server.handle((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    await expect(client.del('/v3/pricelists/3/records', { query: { 'sku:in': ['A', 'B'] } })).resolves.toBeUndefined();
  });

  it('refuses paths that carry a query string or could change the host', async () => {
    await expect(client.get('/v3/catalog/products?page=2')).rejects.toThrow(TypeError);
    await expect(client.get('//evil.example/v3')).rejects.toThrow(TypeError);
    await expect(client.get('v3/catalog/products')).rejects.toThrow(TypeError);
    expect(server.requests).toHaveLength(0);
  });

  it('does not follow redirects (the token would go with them)', async () => {
    server.handle((_req, res) => {
      res.writeHead(302, { Location: 'http://elsewhere.example/steal' });
      res.end();
    });
    const error = await failure(client.get('/v3/catalog/products'));
    expect(error.kind).toBe('upstream');
    expect(error.message).toContain('unexpected redirect to http://elsewhere.example/steal');
    expect(server.requests).toHaveLength(1);
  });
});

describe('response validation', () => {
  it('a schema mismatch is a validation error naming the request path and the failing field', async () => {
    server.handle((_req, res) => json(res, 200, { data: [{ id: 1, price: '12.50' }], meta: {} }));
    const error = await failure(
      client.getV3('/v3/catalog/products', z.array(z.object({ id: z.number(), price: z.number() }))),
    );
    expect(error.kind).toBe('validation');
    expect(error.status).toBe(200);
    expect(error.message).toContain('GET /v3/catalog/products');
    expect(error.message).toContain('data[0].price');
    expect(error.issues?.[0]?.path).toEqual(['data', 0, 'price']);
  });

  it('invalid JSON in a success response is an upstream error, not a crash', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"data": [');
    });
    const error = await failure(client.get('/v3/catalog/products'));
    expect(error.kind).toBe('upstream');
    expect(error.message).toContain('not valid JSON');
  });
});

describe('HTTP errors map to kinds with actionable messages', () => {
  it('401 → auth, tells you which setting to check, and never leaks the token', async () => {
    // A server echoing the token back must not get it into logs.
    server.handle((_req, res) =>
      json(res, 401, { status: 401, title: `Invalid token ${TOKEN}`, type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes', errors: {} }),
    );
    const error = await failure(client.get('/v3/catalog/products'));
    expect(error.kind).toBe('auth');
    expect(error.status).toBe(401);
    expect(error.message).toContain('GET /v3/catalog/products → 401');
    expect(error.message).toContain('check BIGCOMMERCE_ACCESS_TOKEN');
    expect(error.message).not.toContain(TOKEN);
    expect(JSON.stringify(error.body)).not.toContain(TOKEN);
    expect(String(error.stack)).not.toContain(TOKEN);
    expect(server.requests).toHaveLength(1); // not retried
  });

  it('403 → auth with a scope hint', async () => {
    server.handle((_req, res) => json(res, 403, { status: 403, title: 'You do not have permission', type: 'x', errors: {} }));
    const error = await failure(client.get('/v3/pricelists'));
    expect(error.kind).toBe('auth');
    expect(error.message).toContain('OAuth scope');
  });

  it('404 with a v2 bare-array body → not_found with the server message', async () => {
    server.handle((_req, res) => json(res, 404, [{ status: 404, message: 'The requested resource was not found.' }]));
    const error = await failure(client.get('/v2/orders/999'));
    expect(error.kind).toBe('not_found');
    expect(error.message).toBe('GET /v2/orders/999 → 404 Not Found: The requested resource was not found.');
    expect(error.body.shape).toBe('v2');
  });

  it('422 price-list batch errors → validation, listing the failing records; not retried', async () => {
    server.handle((_req, res) =>
      json(res, 422, {
        batch_errors: [
          { data: { price_list_id: 3, sku: 'ABC', currency: 'usd' }, field_errors: { price: 'must be ≥ 0' } },
          { data: { price_list_id: 3, variant_id: 325, currency: 'usd' }, field_errors: { sale_price: ['must be a number'] } },
        ],
      }),
    );
    const error = await failure(client.put('/v3/pricelists/3/records', [{ sku: 'ABC', currency: 'usd', price: -1 }]));
    expect(error.kind).toBe('validation');
    expect(error.message).toBe(
      'PUT /v3/pricelists/3/records → 422 Unprocessable: 2 batch errors (sku ABC usd: price: must be ≥ 0; variant 325 usd: sale_price: must be a number)',
    );
    expect(error.body.shape).toBe('price_list_batch');
    if (error.body.shape === 'price_list_batch') expect(error.body.value.batch_errors).toHaveLength(2);
    expect(server.requests).toHaveLength(1);
  });

  it('422 v3 problem+json → validation with title and field errors', async () => {
    server.handle((_req, res) => {
      res.writeHead(422, { 'Content-Type': 'application/problem+json' });
      res.end(JSON.stringify({ status: 422, title: 'Input is invalid', type: 'x', errors: { quantity: 'must be an integer' } }));
    });
    const error = await failure(client.put('/v3/inventory/adjustments/absolute', { items: [] }));
    expect(error.kind).toBe('validation');
    expect(error.message).toBe('PUT /v3/inventory/adjustments/absolute → 422 Unprocessable: Input is invalid (quantity: must be an integer)');
    expect(error.body.shape).toBe('v3');
  });

  it('409 → conflict', async () => {
    server.handle((_req, res) => json(res, 409, { status: 409, title: 'Price list name must be unique', type: 'x', errors: {} }));
    const error = await failure(client.post('/v3/pricelists', { name: 'Dup' }));
    expect(error.kind).toBe('conflict');
    expect(error.message).toContain('Price list name must be unique');
  });
});
