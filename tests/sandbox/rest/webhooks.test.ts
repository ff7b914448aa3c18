import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox';
import { asRecord, dataArray } from './price-lists.fixtures';
import { startReceiver } from './webhooks.receiver';

let sandbox: TestSandbox;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeEach(async () => {
  // Retry schedule compressed to milliseconds: three retries.
  sandbox = await startTestSandbox({ dataset: null, settings: { rateLimit: { enabled: false, quota: 150, windowMs: 30_000 }, webhooks: { retryScheduleMs: [5, 5, 5], timeoutMs: 2_000, allowInsecureDestinations: true } } });
  receiver = await startReceiver();
});
afterEach(async () => {
  await sandbox.close();
  await receiver.close();
});

async function hook(scope: string, extra: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const res = await sandbox.rest('POST', '/v3/hooks', { scope, destination: receiver.url, ...extra });
  expect(res.status).toBe(200);
  return asRecord(asRecord(res.body).data);
}

async function flush(): Promise<Record<string, unknown>> {
  const res = await fetch(`${sandbox.url}/__sandbox/webhooks/flush`, { method: 'POST', body: JSON.stringify({ timeout_ms: 10_000 }) });
  return asRecord(await res.json());
}

async function deliveries(): Promise<Record<string, unknown>[]> {
  return dataArray(await (await fetch(`${sandbox.url}/__sandbox/webhooks/deliveries`)).json());
}

describe('/v3/hooks management', () => {
  it('creates, lists, updates and deletes, enforcing uniqueness, limits and required fields', async () => {
    const created = await hook('store/priceList/created', { headers: { 'x-secret': 's3cret' } });
    expect(created).toMatchObject({ scope: 'store/priceList/created', destination: receiver.url, is_active: true, client_id: sandbox.settings.clientId, headers: { 'x-secret': 's3cret' } });
    expect((await sandbox.rest('POST', '/v3/hooks', { scope: 'store/priceList/created', destination: receiver.url })).status).toBe(422);
    expect((await sandbox.rest('POST', '/v3/hooks', { scope: 'store/order/created' })).status).toBe(422);
    for (let i = 0; i < 9; i++) await sandbox.rest('POST', '/v3/hooks', { scope: 'store/order/created', destination: `${receiver.url}/${i}` });
    expect((await sandbox.rest('POST', '/v3/hooks', { scope: 'store/order/created', destination: `${receiver.url}/9` })).status).toBe(200);
    expect((await sandbox.rest('POST', '/v3/hooks', { scope: 'store/order/created', destination: `${receiver.url}/10` })).status).toBe(422);
    expect(dataArray((await sandbox.rest('GET', '/v3/hooks?scope=store/order/created')).body)).toHaveLength(10);
    expect((await sandbox.rest('PUT', `/v3/hooks/${String(created.id)}`, {})).status).toBe(422);
    const updated = await sandbox.rest('PUT', `/v3/hooks/${String(created.id)}`, { is_active: false });
    expect(asRecord(asRecord(updated.body).data).is_active).toBe(false);
    const deleted = await sandbox.rest('DELETE', `/v3/hooks/${String(created.id)}`);
    expect(deleted.status).toBe(200);
    expect(asRecord(asRecord(deleted.body).data).id).toBe(created.id);
    expect((await sandbox.rest('GET', `/v3/hooks/${String(created.id)}`)).status).toBe(404);
  });

  it('refuses non-https or non-443 destinations when insecure destinations are not allowed', async () => {
    sandbox.settings.webhooks.allowInsecureDestinations = false;
    expect((await sandbox.rest('POST', '/v3/hooks', { scope: 'store/order/created', destination: 'http://example.com/hook' })).status).toBe(422);
    expect((await sandbox.rest('POST', '/v3/hooks', { scope: 'store/order/created', destination: 'https://example.com:8443/hook' })).status).toBe(422);
    expect((await sandbox.rest('POST', '/v3/hooks', { scope: 'store/order/created', destination: 'https://example.com/hook', is_active: false })).status).toBe(200);
  });
});

describe('webhook delivery', () => {
  it('POSTs the documented payload with the hook’s custom headers, also to wildcard scopes', async () => {
    await hook('store/priceList/created', { headers: { 'x-shared-secret': 'abc' } });
    await hook('store/priceList/*');
    const res = await sandbox.rest('POST', '/v3/pricelists', { name: 'Hooked' });
    const id = asRecord(asRecord(res.body).data).id;
    expect(asRecord(await flush()).settled).toBe(true);
    expect(receiver.received).toHaveLength(2);
    const withHeader = receiver.received.find((r) => r.headers['x-shared-secret'] === 'abc');
    expect(withHeader?.headers['content-type']).toContain('application/json');
    const payload = withHeader?.body ?? {};
    expect(payload).toEqual({
      scope: 'store/priceList/created',
      store_id: sandbox.store.storeId,
      data: { price_list_id: id },
      hash: createHash('sha1').update(JSON.stringify({ price_list_id: id })).digest('hex'),
      created_at: expect.any(Number),
      producer: `stores/${sandbox.settings.storeHash}`,
    });
  });

  it('sends a batch record event with an array of records', async () => {
    await hook('store/priceList/records/created');
    const product = (await import('./price-lists.fixtures')).addProduct(sandbox.store, { sku: 'WH-1' });
    const id = asRecord(asRecord((await sandbox.rest('POST', '/v3/pricelists', { name: 'Batch' })).body).data).id;
    await sandbox.rest('PUT', `/v3/pricelists/${String(id)}/records`, [{ sku: 'WH-1', currency: 'usd', price: 1 }]);
    await flush();
    expect(receiver.received[0]?.body.data).toEqual([{ price_list_id: id, variant_id: product.variants[0]?.id, currency: 'usd' }]);
  });

  it('retries failed deliveries on the schedule until one succeeds', async () => {
    receiver.setStatuses([500, 503, 200]);
    const created = await hook('store/priceList/created');
    await sandbox.rest('POST', '/v3/pricelists', { name: 'Retry' });
    expect(asRecord(await flush()).settled).toBe(true);
    expect(receiver.received).toHaveLength(3);
    const [delivery] = await deliveries();
    expect(delivery).toMatchObject({ hook_id: created.id, status: 'delivered' });
    expect((delivery?.attempts as Record<string, unknown>[]).map((a) => a.status)).toEqual([500, 503, 200]);
    expect(asRecord(asRecord((await sandbox.rest('GET', `/v3/hooks/${String(created.id)}`)).body).data).is_active).toBe(true);
  });

  it('deactivates the hook once the final retry fails', async () => {
    receiver.setStatuses([500]);
    const created = await hook('store/priceList/created');
    await sandbox.rest('POST', '/v3/pricelists', { name: 'Doomed' });
    await flush();
    expect(receiver.received).toHaveLength(4); // first attempt + 3 retries
    const [delivery] = await deliveries();
    expect(delivery?.status).toBe('failed');
    expect(asRecord(asRecord((await sandbox.rest('GET', `/v3/hooks/${String(created.id)}`)).body).data).is_active).toBe(false);
    const admin = asRecord(asRecord((await sandbox.rest('GET', '/v3/hooks/admin')).body).data);
    expect(admin.hooks_list).toEqual([expect.objectContaining({ id: created.id, status: 'deactivated' })]);
    // Inactive hooks get nothing further.
    await sandbox.rest('POST', '/v3/pricelists', { name: 'Ignored' });
    await flush();
    expect(receiver.received).toHaveLength(4);
  });

  it('honours the drop and duplicate faults', async () => {
    await hook('store/priceList/created');
    sandbox.faults.set({ webhookDropRatio: 1 });
    await sandbox.rest('POST', '/v3/pricelists', { name: 'Dropped' });
    await flush();
    expect(receiver.received).toHaveLength(0);
    expect((await deliveries()).map((d) => d.status)).toEqual(['dropped']);
    sandbox.faults.set({ webhookDuplicateRatio: 1 });
    await sandbox.rest('POST', '/v3/pricelists', { name: 'Twice' });
    await flush();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[0]?.body.hash).toBe(receiver.received[1]?.body.hash);
  });

  it('delivers inventory events with the documented data', async () => {
    await hook('store/product/*');
    const { addProduct } = await import('./price-lists.fixtures');
    const { product } = addProduct(sandbox.store, { sku: 'INV-HOOK', tracking: 'product' });
    await sandbox.rest('PUT', '/v3/inventory/adjustments/absolute', { items: [{ location_id: 1, product_id: product.id, quantity: 5 }] });
    await flush();
    expect(receiver.received[0]?.body).toMatchObject({
      scope: 'store/product/inventory/updated',
      data: { type: 'product', id: product.id, inventory: { product_id: product.id, method: 'absolute', value: 5 } },
    });
  });
});
