import { afterEach, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox';
import { addProduct, asRecord } from './price-lists.fixtures';

let sandbox: TestSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

describe('price-list upsert concurrency cap', () => {
  it('answers the documented 429 to a second upsert while the first is processing, then accepts again', async () => {
    // 5 rows × 300 ms: the first upsert holds the store's only slot long enough for the second to collide.
    sandbox = await startTestSandbox({ dataset: null, settings: { priceListUpsertConcurrency: 1, priceListUpsertMsPerRecord: 300 } });
    for (let i = 0; i < 5; i++) addProduct(sandbox.store, { sku: `C-${i}` });
    const list = await sandbox.rest('POST', '/v3/pricelists', { name: 'Concurrent' });
    const id = asRecord(asRecord(list.body).data).id as number;
    const rows = Array.from({ length: 5 }, (_, i) => ({ sku: `C-${i}`, currency: 'usd', price: 1 }));
    const first = sandbox.rest('PUT', `/v3/pricelists/${id}/records`, rows);
    const second = await sandbox.rest('PUT', `/v3/pricelists/${id}/records`, rows);
    const firstResult = await first;
    expect([firstResult.status, second.status].sort()).toEqual([200, 429]);
    const refused = firstResult.status === 429 ? firstResult : second;
    expect(refused.body).toEqual({ status: 429, title: 'Too many requests', type: '/api-docs/getting-started/api-status-codes', errors: {} });
    const after = await sandbox.rest('PUT', `/v3/pricelists/${id}/records`, rows.slice(0, 1));
    expect(after.status).toBe(200);
  });

  it('allows two concurrent upserts when the cap is configured to 2 (the operation text)', async () => {
    sandbox = await startTestSandbox({ dataset: null, settings: { priceListUpsertConcurrency: 2, priceListUpsertMsPerRecord: 100 } });
    for (let i = 0; i < 5; i++) addProduct(sandbox.store, { sku: `D-${i}` });
    const id = asRecord(asRecord((await sandbox.rest('POST', '/v3/pricelists', { name: 'Two' })).body).data).id as number;
    const rows = Array.from({ length: 5 }, (_, i) => ({ sku: `D-${i}`, currency: 'usd', price: 2 }));
    const results = await Promise.all([sandbox.rest('PUT', `/v3/pricelists/${id}/records`, rows), sandbox.rest('PUT', `/v3/pricelists/${id}/records`, rows)]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
  });
});

describe('store-wide rate limit', () => {
  it('sends the rate-limit headers and answers 429 once the quota is spent', async () => {
    sandbox = await startTestSandbox({ dataset: null, settings: { rateLimit: { enabled: true, quota: 3, windowMs: 60_000 } } });
    const first = await sandbox.rest('GET', '/v3/pricelists');
    expect(first.status).toBe(200);
    expect(first.headers.get('x-rate-limit-requests-quota')).toBe('3');
    expect(first.headers.get('x-rate-limit-requests-left')).toBe('2');
    expect(first.headers.get('x-rate-limit-time-window-ms')).toBe('60000');
    expect(first.headers.get('x-rate-limit-time-reset-ms')).not.toBeNull();
    await sandbox.rest('GET', '/v3/pricelists');
    await sandbox.rest('GET', '/v3/inventory/items');
    const limited = await sandbox.rest('GET', '/v3/hooks');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-rate-limit-requests-left')).toBe('0');
    expect(limited.headers.get('x-retry-after')).not.toBeNull();
  });
});
