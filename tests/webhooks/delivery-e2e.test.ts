import type { Server } from 'node:http';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBigCommerceRestClient } from '@/lib/bigcommerce/rest';
import { readTriggers } from '@/sync/triggers';
import { ensureWebhooks } from '@/sync/webhooks/health';
import { WEBHOOK_SECRET_HEADER } from '@/sync/webhooks/secret-header';
import { smallDataset, startTestSandbox, type TestSandbox } from '../support/sandbox';
import {
  appEnv,
  closeServer,
  deleteTriggerKeys,
  E2E_TEST_DB,
  fetchHandlerServer,
  listen,
  redisDb,
  TEST_WEBHOOK_SECRET,
} from './support';

/**
 * Real delivery: the sandbox POSTs callbacks over HTTP to the route handler (behind a tiny local server standing
 * in for Next), with the hook registered by `ensureWebhooks`. Even when every delivery is sent twice, a change
 * becomes exactly one trigger; a later change to the same product is not mistaken for a duplicate.
 */
let sandbox: TestSandbox;
let redis: Redis;
let server: Server;
const answers: Array<{ status: number; body: unknown }> = [];

beforeAll(async () => {
  sandbox = await startTestSandbox({
    dataset: await smallDataset(5),
    settings: {
      rateLimit: { enabled: false, quota: 150, windowMs: 30_000 },
      webhooks: { retryScheduleMs: [5], timeoutMs: 2_000, allowInsecureDestinations: true },
    },
  });
  Object.assign(
    process.env,
    appEnv(`redis://127.0.0.1:6379/${E2E_TEST_DB}`, {
      BIGCOMMERCE_STORE_HASH: sandbox.settings.storeHash,
      BIGCOMMERCE_API_URL: sandbox.url,
    }),
  );
  const route = await import('@/app/api/webhooks/bigcommerce/route');
  server = fetchHandlerServer(async (request) => {
    const response = await route.POST(request);
    answers.push({ status: response.status, body: await response.clone().json() });
    return response;
  });
  const base = await listen(server);
  const rest = createBigCommerceRestClient({
    apiUrl: sandbox.url,
    storeHash: sandbox.settings.storeHash,
    accessToken: sandbox.settings.accessToken,
  });
  const report = await ensureWebhooks(rest, {
    destination: `${base}/api/webhooks/bigcommerce`,
    scopes: ['store/product/updated'],
    secretHeader: { name: WEBHOOK_SECRET_HEADER, value: TEST_WEBHOOK_SECRET },
  });
  expect(report.created).toHaveLength(1);
  redis = redisDb(E2E_TEST_DB);
});
beforeEach(async () => {
  answers.length = 0;
  await deleteTriggerKeys(redis);
  await fetch(`${sandbox.url}/__sandbox/webhooks/deliveries`, { method: 'DELETE' });
});
afterAll(async () => {
  await deleteTriggerKeys(redis);
  await redis.quit();
  await closeServer(server);
  await sandbox.close();
  const { closeRedis } = await import('@/lib/redis/client');
  await closeRedis();
});

async function setFaults(body: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${sandbox.url}/__sandbox/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

async function renameProduct(id: number): Promise<void> {
  expect((await sandbox.rest('PUT', `/v3/catalog/products/${id}`, { name: `Renamed ${Date.now()}` })).status).toBe(200);
  const flushed = await fetch(`${sandbox.url}/__sandbox/webhooks/flush`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"timeout_ms":10000}',
  });
  expect(flushed.status).toBe(200);
}

async function deliveries(): Promise<Array<{ copy: number; status: string; attempts: Array<{ status?: number }> }>> {
  const response = await fetch(`${sandbox.url}/__sandbox/webhooks/deliveries`);
  return (
    (await response.json()) as { data: Array<{ copy: number; status: string; attempts: Array<{ status?: number }> }> }
  ).data;
}

/** Waits until the wall clock enters a new second: BigCommerce's `created_at` has one-second resolution. */
async function nextSecond(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1_000 - (Date.now() % 1_000) + 20));
}

describe('webhook delivery end to end', () => {
  const productId = () => [...sandbox.store.products.keys()][0] as number;

  it('turns a change delivered twice into exactly one trigger', async () => {
    await setFaults({ webhookDuplicateRatio: 1 });
    try {
      await renameProduct(productId());
    } finally {
      sandbox.faults.clear();
    }
    const sent = await deliveries();
    expect(sent.map((d) => [d.copy, d.status, d.attempts.map((a) => a.status)])).toEqual([
      [1, 'delivered', [200]],
      [2, 'delivered', [200]],
    ]);
    expect(answers.map((a) => a.body).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual([
      { status: 'duplicate' },
      { status: 'enqueued' },
    ]);

    const { entries } = await readTriggers(redis);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.trigger).toMatchObject({
      source: 'bigcommerce-webhook',
      scope: 'store/product/updated',
      ids: { product_id: [productId()] },
    });
  });

  it('records a later change to the same product again (same hash, later created_at)', async () => {
    await renameProduct(productId());
    await nextSecond();
    await renameProduct(productId());
    const { entries } = await readTriggers(redis);
    expect(entries.map((e) => e.trigger.ids)).toEqual([{ product_id: [productId()] }, { product_id: [productId()] }]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
  });
});
