import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectMatchesSpec, sharedSpecsAvailable, SKIP_NOTICE } from '../support/openapi-contract';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';
import { addProduct, asRecord, dataArray } from '../sandbox/rest/price-lists.fixtures';

/** LocationResponse's properties in locations.v3.yml. */
const LOCATION_KEYS = ['id', 'code', 'label', 'description', 'managed_by_external_source', 'type_id', 'enabled', 'operating_hours', 'time_zone', 'created_at', 'updated_at', 'address', 'storefront_visibility', 'special_hours'];

describe.skipIf(!sharedSpecsAvailable)(`inventory & locations contract (${sharedSpecsAvailable ? 'inventory.v3.yml, locations.v3.yml' : SKIP_NOTICE})`, () => {
  let sandbox: TestSandbox;
  let productId: number;

  beforeAll(async () => {
    sandbox = await startTestSandbox({ dataset: null, settings: { rateLimit: { enabled: false, quota: 150, windowMs: 30_000 } } });
    productId = addProduct(sandbox.store, { sku: 'CI-1', tracking: 'product' }).product.id;
    addProduct(sandbox.store, { sku: 'CI-2', variantSkus: ['CI-2-A'] });
  });
  afterAll(() => sandbox.close());

  async function check(spec: string, method: string, path: string, body: unknown, status: number): Promise<void> {
    const res = await sandbox.rest(method, path, body);
    expect(res.status).toBe(status);
    await expectMatchesSpec({ spec, method, path, status, body: res.body });
  }

  it('adjustments: absolute 200, relative 200, 422 problem bodies', async () => {
    await check('inventory.v3.yml', 'POST', '/v3/inventory/adjustments/relative', { items: [{ location_id: 1, product_id: productId, quantity: 1 }] }, 422);
    await check('inventory.v3.yml', 'PUT', '/v3/inventory/adjustments/absolute', { items: [{ location_id: 1, product_id: productId, quantity: 5 }, { location_id: 1, sku: 'CI-2-A', quantity: 3 }] }, 200);
    await check('inventory.v3.yml', 'POST', '/v3/inventory/adjustments/relative', { items: [{ location_id: 1, sku: 'CI-2-A', quantity: -1 }] }, 200);
    await check('inventory.v3.yml', 'PUT', '/v3/inventory/adjustments/absolute', { items: [{ location_id: 1, sku: 'CI-1', quantity: 1 }] }, 422);
  });

  it('items: all locations, one location, settings', async () => {
    await check('inventory.v3.yml', 'GET', '/v3/inventory/items', undefined, 200);
    await check('inventory.v3.yml', 'GET', '/v3/inventory/locations/1/items', undefined, 200);
    await check('inventory.v3.yml', 'GET', '/v3/inventory/locations/77/items', undefined, 404);
    await check('inventory.v3.yml', 'PUT', '/v3/inventory/locations/1/items', { settings: [{ identity: { sku: 'CI-2-A' }, safety_stock: 1 }] }, 200);
    await check('inventory.v3.yml', 'PUT', '/v3/inventory/locations/1/items', { settings: [{ identity: { sku: 'CI-2-A' } }] }, 422);
  });

  /**
   * locations.v3.yml itself fails openapi-backend's document validation (OAS 3.0 boolean `exclusiveMinimum:
   * false` among ~70 errors), so `expectMatchesSpec` cannot load it. Until it can, the responses are checked
   * against the spec's LocationResponse / SimpleTransactionResponse / ErrorResponse shapes by hand; once the spec
   * loads, the real contract check runs instead.
   */
  async function checkLocation(method: string, path: string, body: unknown, status: number): Promise<Record<string, unknown>> {
    const res = await sandbox.rest(method, path, body);
    expect(res.status).toBe(status);
    try {
      await expectMatchesSpec({ spec: 'locations.v3.yml', method, path, status, body: res.body });
    } catch (error) {
      // openapi-backend logs the invalid document and then knows no operations.
      if (!/not valid OpenAPI|has no operation/.test(String(error))) throw error;
      const shape = asRecord(res.body);
      if (status >= 400) expect(shape).toMatchObject({ status, title: expect.any(String), type: expect.any(String), errors: expect.any(Object) });
      else if (method !== 'GET') expect(shape).toEqual({ transaction_id: expect.any(String) });
      else for (const location of dataArray(shape)) expect(Object.keys(location).sort()).toEqual([...LOCATION_KEYS].sort());
    }
    return asRecord(res.body ?? {});
  }

  it('locations: create, list, update, delete refusal', async () => {
    const address = { address1: '1 Main', city: 'Austin', state: 'TX', zip: '78701', email: 'a@example.com', geo_coordinates: { latitude: 1, longitude: 2 }, country_code: 'US' };
    await checkLocation('POST', '/v3/inventory/locations', [{ code: 'CL', label: 'Contract loc', time_zone: 'UTC', address }], 200);
    await checkLocation('POST', '/v3/inventory/locations', [{ label: 'No address' }], 422);
    await checkLocation('PUT', '/v3/inventory/locations', [{ id: 2, label: 'Renamed' }], 200);
    await checkLocation('GET', '/v3/inventory/locations', undefined, 200);
    await checkLocation('DELETE', '/v3/inventory/locations?location_id:in=1', undefined, 422);
    await checkLocation('DELETE', '/v3/inventory/locations?location_id:in=2', undefined, 200);
  });
});
