import type { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WEBHOOK_SECRET_HEADER } from '@/sync/webhooks/secret-header';
import { appEnv, deleteTriggerKeys, redisDb, ROUTE_TEST_DB, TEST_WEBHOOK_SECRET, webhookBody } from './support';

/**
 * The receiver's exported POST, called as Next calls it, with the real Redis behind it: every refusal records
 * nothing, and a redelivered callback is acknowledged but recorded once.
 */
type Route = typeof import('@/app/api/webhooks/bigcommerce/route');
let route: Route;
let redis: Redis;

beforeAll(async () => {
  Object.assign(process.env, appEnv(`redis://127.0.0.1:6379/${ROUTE_TEST_DB}`));
  route = await import('@/app/api/webhooks/bigcommerce/route');
  redis = redisDb(ROUTE_TEST_DB);
});
beforeEach(() => deleteTriggerKeys(redis));
afterAll(async () => {
  await deleteTriggerKeys(redis);
  await redis.quit();
  const { closeRedis } = await import('@/lib/redis/client');
  await closeRedis();
});

function post(
  body: unknown,
  headers: Record<string, string> = { [WEBHOOK_SECRET_HEADER]: TEST_WEBHOOK_SECRET },
): Promise<Response> {
  return route.POST(
    new Request('http://localhost/api/webhooks/bigcommerce', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

async function answer(response: Response) {
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const streamLength = () => redis.xlen('sync:triggers');

describe('POST /api/webhooks/bigcommerce', () => {
  it.each([
    ['no secret header', {}],
    ['a wrong secret', { [WEBHOOK_SECRET_HEADER]: 'not-the-secret-at-all' }],
    ['the secret with one character changed', { [WEBHOOK_SECRET_HEADER]: `${TEST_WEBHOOK_SECRET.slice(0, -1)}X` }],
    ['the secret in another header', { authorization: TEST_WEBHOOK_SECRET }],
  ])('answers 401 to %s and records nothing', async (_name, headers) => {
    const { status, body } = await answer(await post(webhookBody(), headers));
    expect(status).toBe(401);
    expect(body.error).toContain(WEBHOOK_SECRET_HEADER);
    expect(await streamLength()).toBe(0);
  });

  it.each([
    ['invalid JSON', '{"scope": "store/product/updated",', /not valid JSON/],
    ['a JSON array', '[]', /must be a JSON object/],
    ['no scope', webhookBody({ scope: undefined }), /scope is missing/],
    ['no hash', webhookBody({ hash: undefined }), /hash is missing/],
    ['no data', webhookBody({ data: undefined }), /data is missing/],
    ['data that is a string', webhookBody({ data: 'product 5' }), /data is missing or not an object/],
    ['a scope that is not a webhook scope', webhookBody({ scope: 'DROP TABLE' }), /scope must be a webhook scope/],
  ])('answers 400 to %s, says what is wrong and records nothing', async (_name, body, message) => {
    const result = await answer(await post(body));
    expect(result.status).toBe(400);
    expect(result.body.error).toMatch(message);
    expect(await streamLength()).toBe(0);
  });

  it('names every missing field at once', async () => {
    const { body } = await answer(await post({ producer: 'stores/teststore' }));
    expect(body.error).toMatch(/scope is missing.*hash is missing.*data is missing/);
  });

  it('records a valid callback and answers 200 enqueued', async () => {
    const { status, body } = await answer(await post(webhookBody({ data: { type: 'product', id: 77 } })));
    expect({ status, body }).toEqual({ status: 200, body: { status: 'enqueued' } });
    const entries = await redis.xrange('sync:triggers', '-', '+');
    expect(entries).toHaveLength(1);
    const fields = Object.fromEntries(chunk(entries[0]?.[1] ?? []));
    expect(fields).toMatchObject({
      source: 'bigcommerce-webhook',
      scope: 'store/product/updated',
      ids: '{"product_id":[77]}',
    });
  });

  it('acknowledges the same callback again as a duplicate and still holds one entry', async () => {
    const callback = webhookBody();
    expect(await answer(await post(callback))).toEqual({ status: 200, body: { status: 'enqueued' } });
    expect(await answer(await post(callback))).toEqual({ status: 200, body: { status: 'duplicate' } });
    expect(await streamLength()).toBe(1);
  });

  it('stores ids only, never the rest of the payload', async () => {
    await post(webhookBody({ data: { type: 'product', id: 5, name: 'Confidential widget', price: 9.99 } }));
    const entries = await redis.xrange('sync:triggers', '-', '+');
    expect(JSON.stringify(entries)).not.toMatch(/Confidential|9\.99/);
  });

  it('refuses a body over 1 MB with 413', async () => {
    const { status } = await answer(
      await post(webhookBody({ data: { type: 'product', id: 1, pad: 'x'.repeat(1_100_000) } })),
    );
    expect(status).toBe(413);
    expect(await streamLength()).toBe(0);
  });
});

function chunk(flat: string[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i + 1 < flat.length; i += 2) pairs.push([flat[i] as string, flat[i + 1] as string]);
  return pairs;
}
