import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectMatchesSpec, sharedSpecsAvailable, SKIP_NOTICE } from '../support/openapi-contract';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';
import { addCustomerGroup, addProduct, asRecord } from '../sandbox/rest/price-lists.fixtures';

const SPEC = 'price_lists.v3.yml';

describe.skipIf(!sharedSpecsAvailable)(`price lists contract (${sharedSpecsAvailable ? SPEC : SKIP_NOTICE})`, () => {
  let sandbox: TestSandbox;
  let listId: number;
  let variantId: number;
  let groupId: number;

  beforeAll(async () => {
    sandbox = await startTestSandbox({ dataset: null, settings: { rateLimit: { enabled: false, quota: 150, windowMs: 30_000 }, priceListUpsertMsPerRecord: 0 } });
    const { variants } = addProduct(sandbox.store, { sku: 'CT-1' });
    variantId = (variants[0] ?? { id: 0 }).id;
    groupId = addCustomerGroup(sandbox.store, 'Contract group');
  });
  afterAll(() => sandbox.close());

  async function check(method: string, path: string, body?: unknown, status?: number): Promise<unknown> {
    const res = await sandbox.rest(method, path, body);
    if (status !== undefined) expect(res.status).toBe(status);
    await expectMatchesSpec({ spec: SPEC, method, path, status: res.status, body: res.body });
    return res.body;
  }

  it('create / get / update / list price lists', async () => {
    const created = await check('POST', '/v3/pricelists', { name: 'Contract' }, 200);
    listId = asRecord(asRecord(created).data).id as number;
    await check('POST', '/v3/pricelists', { name: 'Contract' }, 409);
    await check('GET', `/v3/pricelists/${listId}`, undefined, 200);
    await check('PUT', `/v3/pricelists/${listId}`, { active: true }, 200);
    await check('GET', '/v3/pricelists', undefined, 200);
    await check('GET', '/v3/pricelists?page=1&limit=1', undefined, 200);
    await check('GET', '/v3/pricelists?limit=1&after=MQ==', undefined, 200);
  });

  it('record upsert (200 and partial 422), records list, by variant, single set', async () => {
    await check('PUT', `/v3/pricelists/${listId}/records`, [{ variant_id: variantId, currency: 'usd', price: 10, sale_price: 9, bulk_pricing_tiers: [{ quantity_min: 10, quantity_max: null, type: 'fixed', amount: 8 }] }], 200);
    await check('PUT', `/v3/pricelists/${listId}/records`, [{ sku: 'CT-1', currency: 'eur', price: 5 }, { sku: 'MISSING', currency: 'usd', price: 1 }], 422);
    await check('GET', `/v3/pricelists/${listId}/records?include=bulk_pricing_tiers,sku`, undefined, 200);
    await check('PUT', `/v3/pricelists/${listId}/records/${variantId}/usd`, { price: 11, bulk_pricing_tiers: [{ quantity_min: 5, quantity_max: 9, type: 'percent', amount: 5 }] }, 200);
    // Checked only after the open-ended tier was replaced: see the spec-inconsistency test below.
    await check('GET', `/v3/pricelists/${listId}/records/${variantId}?include=bulk_pricing_tiers,sku`, undefined, 200);
    await check('GET', `/v3/pricelists/${listId}/records/${variantId}/usd`, undefined, 200);
    await check('POST', `/v3/pricelists/${listId}/records`, [{ sku: 'CT-1', currency: 'cad', price: 12 }], 200);
  });

  it('documents a spec inconsistency: getPriceListRecordsByVariantId types tier quantity_max as non-nullable', async () => {
    // getPriceListRecords declares `quantity_max: {type: integer, nullable: true}` ("null indicates that there is no
    // maximum"); the by-variant operation declares plain `integer`. The sandbox sends null for an open-ended tier
    // on both (one record shape), so the by-variant schema rejects it. If this starts passing, the spec was fixed.
    await sandbox.rest('PUT', `/v3/pricelists/${listId}/records/${variantId}/usd`, { price: 11, bulk_pricing_tiers: [{ quantity_min: 5, quantity_max: null, type: 'fixed', amount: 5 }] });
    const res = await sandbox.rest('GET', `/v3/pricelists/${listId}/records/${variantId}?include=bulk_pricing_tiers`);
    await expect(expectMatchesSpec({ spec: SPEC, method: 'GET', path: `/v3/pricelists/${listId}/records/${variantId}`, status: 200, body: res.body })).rejects.toThrow(/quantity_max must be integer/);
    await expectMatchesSpec({ spec: SPEC, method: 'GET', path: `/v3/pricelists/${listId}/records`, status: 200, body: (await sandbox.rest('GET', `/v3/pricelists/${listId}/records?include=bulk_pricing_tiers`)).body });
  });

  it('concurrency 429 body', async () => {
    sandbox.settings.priceListUpsertConcurrency = 0; // every upsert is "one too many"
    await check('PUT', `/v3/pricelists/${listId}/records`, [{ variant_id: variantId, currency: 'usd', price: 1 }], 429);
    sandbox.settings.priceListUpsertConcurrency = 1;
  });

  it('assignments: create, list, upsert one, refuse 26', async () => {
    const res = await sandbox.rest('POST', '/v3/pricelists/assignments', [{ price_list_id: listId, customer_group_id: groupId, channel_id: 1 }]);
    expect(res.status).toBe(200);
    await check('POST', '/v3/pricelists/assignments', Array.from({ length: 26 }, () => ({ price_list_id: listId, channel_id: 1 })), 422);
    await check('POST', '/v3/pricelists/assignments', [{ price_list_id: 99_999 }], 422);
    await check('GET', '/v3/pricelists/assignments', undefined, 200);
    await check('PUT', `/v3/pricelists/${listId}/assignments`, { customer_group_id: groupId, channel_id: 1 }, 200);
  });
});
