import type { Server } from 'node:http';
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBigCommerceRestClient, type BigCommerceRestClient } from '@/lib/bigcommerce/rest';
import { ensureWebhooks } from '@/sync/webhooks/health';
import { WEBHOOK_SECRET_HEADER } from '@/sync/webhooks/secret-header';
import { smallDataset, startTestSandbox, type TestSandbox } from '../support/sandbox';
import { closeServer, listen } from './support';

/**
 * The webhook health check against the sandbox over HTTP, including a hook the sandbox itself deactivated after
 * its (compressed) retry schedule ran out, exactly as BigCommerce does after ~48 h of failures.
 */
let sandbox: TestSandbox;
let rest: BigCommerceRestClient;
let receiver: Server;
let receiverUrl: string;
let answerWith = 500;
const received: Array<{ url: string; secret: string | undefined }> = [];
const secretHeader = { name: WEBHOOK_SECRET_HEADER, value: 'health-test-secret-0123456789' };

beforeAll(async () => {
  sandbox = await startTestSandbox({
    dataset: await smallDataset(5),
    settings: {
      rateLimit: { enabled: false, quota: 150, windowMs: 30_000 },
      webhooks: { retryScheduleMs: [5, 5, 5], timeoutMs: 1_000, allowInsecureDestinations: true },
    },
  });
  rest = createBigCommerceRestClient({
    apiUrl: sandbox.url,
    storeHash: sandbox.settings.storeHash,
    accessToken: sandbox.settings.accessToken,
  });
  receiver = createServer((req, res) => {
    received.push({ url: req.url ?? '', secret: req.headers[WEBHOOK_SECRET_HEADER] as string | undefined });
    req.resume();
    req.on('end', () => res.writeHead(answerWith).end());
  });
  receiverUrl = await listen(receiver);
});
afterAll(async () => {
  await sandbox.close();
  await closeServer(receiver);
});

const firstProductId = () => [...sandbox.store.products.keys()][0] as number;

async function touchProduct(): Promise<void> {
  const id = firstProductId();
  const result = await sandbox.rest('PUT', `/v3/catalog/products/${id}`, { name: `Renamed ${Date.now()}` });
  expect(result.status).toBe(200);
}

async function settleDeliveries(): Promise<void> {
  const response = await fetch(`${sandbox.url}/__sandbox/webhooks/flush`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ timeout_ms: 10_000, fire_retries_now: true }),
  });
  expect(response.status).toBe(200);
}

async function adminStatus(id: number): Promise<string | undefined> {
  const { body } = await sandbox.rest('GET', '/v3/hooks/admin');
  const hooks = (body as { data: { hooks_list: Array<{ id: number; status: string }> } }).data.hooks_list;
  return hooks.find((h) => h.id === id)?.status;
}

const scopesOf = (refs: Array<{ id: number; scope: string }>) => refs.map((r) => r.scope).sort();

describe('ensureWebhooks', () => {
  it('creates missing hooks, re-activates one BigCommerce deactivated, then reports everything ok', async () => {
    const destination = `${receiverUrl}/deactivated`;
    const first = await ensureWebhooks(rest, { destination, scopes: ['store/product/updated'], secretHeader });
    expect(first).toMatchObject({ reactivated: [], updated: [], ok: [] });
    expect(scopesOf(first.created)).toEqual(['store/product/updated']);
    const hookId = first.created[0]?.id as number;

    // Every delivery fails, retries run out, and the sandbox switches the hook off.
    answerWith = 500;
    await touchProduct();
    await settleDeliveries();
    expect(await adminStatus(hookId)).toBe('deactivated');

    answerWith = 200;
    const second = await ensureWebhooks(rest, {
      destination,
      scopes: ['store/product/updated', 'store/product/deleted/'],
      secretHeader,
    });
    expect(second.reactivated).toEqual([{ id: hookId, scope: 'store/product/updated' }]);
    expect(scopesOf(second.created)).toEqual(['store/product/deleted']);
    expect(second).toMatchObject({ updated: [], ok: [] });
    expect(await adminStatus(hookId)).toBe('active');

    const third = await ensureWebhooks(rest, {
      destination,
      scopes: ['store/product/updated', 'store/product/deleted'],
      secretHeader,
    });
    expect(third).toMatchObject({ created: [], reactivated: [], updated: [] });
    expect(scopesOf(third.ok)).toEqual(['store/product/deleted', 'store/product/updated']);

    // The revived hook delivers again, with the secret header.
    received.length = 0;
    await touchProduct();
    await settleDeliveries();
    expect(received).toEqual([{ url: '/deactivated', secret: secretHeader.value }]);
  });

  it('re-activates a hook switched off by hand and restores a removed secret header, keeping other headers', async () => {
    const destination = `${receiverUrl}/manual`;
    const off = await sandbox.rest('POST', '/v3/hooks', {
      scope: 'store/customer/updated',
      destination,
      is_active: false,
      headers: null,
    });
    const stale = await sandbox.rest('POST', '/v3/hooks', {
      scope: 'store/customer/created',
      destination,
      is_active: true,
      headers: { [WEBHOOK_SECRET_HEADER]: 'an-old-rotated-secret', 'x-tenant': 'acme' },
    });
    const offId = (off.body as { data: { id: number } }).data.id;
    const staleId = (stale.body as { data: { id: number } }).data.id;

    const report = await ensureWebhooks(rest, {
      destination,
      scopes: ['store/customer/updated', 'store/customer/created'],
      secretHeader,
    });
    expect(report).toEqual({
      created: [],
      reactivated: [{ id: offId, scope: 'store/customer/updated' }],
      updated: [{ id: staleId, scope: 'store/customer/created' }],
      ok: [],
    });
    const hooks = sandbox.store.webhooks;
    expect(hooks.get(offId)).toMatchObject({
      is_active: true,
      headers: { [WEBHOOK_SECRET_HEADER]: secretHeader.value },
    });
    expect(hooks.get(staleId)?.headers).toEqual({ 'x-tenant': 'acme', [WEBHOOK_SECRET_HEADER]: secretHeader.value });
  });

  it('leaves hooks for other destinations alone', async () => {
    const other = await sandbox.rest('POST', '/v3/hooks', {
      scope: 'store/order/created',
      destination: `${receiverUrl}/someone-else`,
      is_active: false,
    });
    const otherId = (other.body as { data: { id: number } }).data.id;
    const report = await ensureWebhooks(rest, {
      destination: `${receiverUrl}/mine`,
      scopes: ['store/order/created'],
      secretHeader,
    });
    expect(scopesOf(report.created)).toEqual(['store/order/created']);
    expect(sandbox.store.webhooks.get(otherId)?.is_active).toBe(false);
  });
});
