import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox';
import { addProduct, asRecord, dataArray } from './price-lists.fixtures';

let sandbox: TestSandbox;
let simple: { productId: number; variantId: number };
let multi: { productId: number; variantIds: number[] };

beforeAll(async () => {
  sandbox = await startTestSandbox({ dataset: null, settings: { rateLimit: { enabled: false, quota: 150, windowMs: 30_000 } } });
  const a = addProduct(sandbox.store, { sku: 'INV-SIMPLE', tracking: 'product' });
  simple = { productId: a.product.id, variantId: (a.variants[0] ?? { id: 0 }).id };
  const b = addProduct(sandbox.store, { sku: 'INV-MULTI', variantSkus: ['INV-MULTI-S', 'INV-MULTI-M'], tracking: 'variant' });
  multi = { productId: b.product.id, variantIds: b.variants.map((v) => v.id) };
  for (let i = 0; i < 2001; i++) addProduct(sandbox.store, { sku: `BULK-${i}`, variantSkus: [`BULK-${i}-V`] });
});
afterAll(() => sandbox.close());

const title = (body: unknown) => asRecord(body).title;

describe('locations', () => {
  it('always has location 1, creates, updates and refuses to delete location 1', async () => {
    const list = dataArray((await sandbox.rest('GET', '/v3/inventory/locations')).body);
    expect(list.map((l) => l.id)).toContain(1);
    const address = { address1: '1 Main St', city: 'Austin', state: 'TX', zip: '78701', email: 'wh@example.com', geo_coordinates: { latitude: 30, longitude: -97 }, country_code: 'US' };
    const created = await sandbox.rest('POST', '/v3/inventory/locations', [{ code: 'WH2', label: 'Warehouse 2', time_zone: 'America/Chicago', type_id: 'PHYSICAL', address }]);
    expect(created.status).toBe(200);
    expect(asRecord(created.body).transaction_id).toEqual(expect.any(String));
    expect((await sandbox.rest('POST', '/v3/inventory/locations', [{ code: 'WH2', label: 'Dup', time_zone: 'UTC', address }])).status).toBe(422);
    const wh2 = dataArray((await sandbox.rest('GET', '/v3/inventory/locations?location_code:in=WH2')).body)[0];
    expect(wh2).toMatchObject({ code: 'WH2', label: 'Warehouse 2' });
    expect((await sandbox.rest('PUT', '/v3/inventory/locations', [{ id: wh2?.id, label: 'Warehouse Two' }])).status).toBe(200);
    expect(sandbox.store.locations.get(wh2?.id as number)?.label).toBe('Warehouse Two');
    const refused = await sandbox.rest('DELETE', '/v3/inventory/locations?location_id:in=1');
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('adjustments', () => {
  it('refuses a relative adjustment before an absolute one, with the documented message', async () => {
    const res = await sandbox.rest('POST', '/v3/inventory/adjustments/relative', { items: [{ location_id: 1, product_id: simple.productId, quantity: 2 }] });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(title(res.body)).toBe(`Items with identity: [product_id ${simple.productId}] requires absolute adjustment before relative`);
  });

  it('sets absolute stock, then applies relative deltas, updating catalog totals', async () => {
    const abs = await sandbox.rest('PUT', '/v3/inventory/adjustments/absolute', { reason: 'count', items: [{ location_id: 1, product_id: simple.productId, quantity: 10 }] });
    expect(abs.status).toBe(200);
    expect(asRecord(abs.body).transaction_id).toEqual(expect.any(String));
    const rel = await sandbox.rest('POST', '/v3/inventory/adjustments/relative', { items: [{ location_id: 1, product_id: simple.productId, quantity: -3 }] });
    expect(rel.status).toBe(200);
    expect(sandbox.store.products.get(simple.productId)?.inventory_level).toBe(7);
    const negative = await sandbox.rest('POST', '/v3/inventory/adjustments/relative', { items: [{ location_id: 1, product_id: simple.productId, quantity: -8 }] });
    expect(negative.status).toBe(422);
    expect(sandbox.store.products.get(simple.productId)?.inventory_level).toBe(7);
  });

  it('enforces product- versus variant-level tracking', async () => {
    const byVariant = await sandbox.rest('PUT', '/v3/inventory/adjustments/absolute', { items: [{ location_id: 1, variant_id: simple.variantId, quantity: 1 }] });
    expect(byVariant.status).toBe(422);
    expect(title(byVariant.body)).toBe(`[Item with variant_id ${simple.variantId} is tracked by product, please update stock by product id]`);
    const byProduct = await sandbox.rest('PUT', '/v3/inventory/adjustments/absolute', { items: [{ location_id: 1, product_id: multi.productId, quantity: 1 }] });
    expect(byProduct.status).toBe(422);
    const ok = await sandbox.rest('PUT', '/v3/inventory/adjustments/absolute', {
      items: [{ location_id: 1, sku: 'INV-MULTI-S', quantity: 4 }, { location_id: 1, variant_id: multi.variantIds[1], quantity: 6 }],
    });
    expect(ok.status).toBe(200);
    expect(sandbox.store.products.get(multi.productId)?.inventory_level).toBe(10);
    expect(sandbox.store.variants.get(multi.variantIds[0] as number)?.inventory_level).toBe(4);
  });

  it('rejects quantities above 2,147,483,647 and more than 2,000 items', async () => {
    const huge = await sandbox.rest('PUT', '/v3/inventory/adjustments/absolute', { items: [{ location_id: 1, sku: 'INV-MULTI-S', quantity: 2_147_483_648 }] });
    expect(huge.status).toBe(422);
    const items = Array.from({ length: 2001 }, (_, i) => ({ location_id: 1, sku: `BULK-${i}-V`, quantity: 1 }));
    expect((await sandbox.rest('PUT', '/v3/inventory/adjustments/absolute', { items })).status).toBe(422);
    expect((await sandbox.rest('PUT', '/v3/inventory/adjustments/absolute', { items: items.slice(0, 2000) })).status).toBe(200);
  });
});

describe('items', () => {
  it('lists items with per-location stock and settings, filtered, and updates settings', async () => {
    const settings = await sandbox.rest('PUT', '/v3/inventory/locations/1/items', { settings: [{ identity: { sku: 'INV-MULTI-S' }, safety_stock: 1, bin_picking_number: 'A1' }] });
    expect(settings.status).toBe(200);
    const missing = await sandbox.rest('PUT', '/v3/inventory/locations/1/items', { settings: [{ identity: { sku: 'INV-MULTI-S' } }] });
    expect(asRecord(asRecord(missing.body).errors)['setting.0.settings']).toBe('At least one setting must be specified: warning_level, is_in_stock or safety_stock');
    const all = dataArray((await sandbox.rest('GET', '/v3/inventory/items?sku:in=INV-MULTI-S&location_id:in=1')).body);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ identity: { sku: 'INV-MULTI-S', product_id: multi.productId }, locations: [expect.objectContaining({ location_id: 1, total_inventory_onhand: 4, available_to_sell: 3, settings: expect.objectContaining({ safety_stock: 1, bin_picking_number: 'A1' }) })] });
    const atLocation = dataArray((await sandbox.rest('GET', `/v3/inventory/locations/1/items?variant_id:in=${multi.variantIds[1]}`)).body);
    expect(atLocation[0]).toMatchObject({ total_inventory_onhand: 6, available_to_sell: 6 });
    expect((await sandbox.rest('GET', '/v3/inventory/locations/999/items')).status).toBe(404);
    const page = asRecord((await sandbox.rest('GET', '/v3/inventory/items?limit=10&page=2')).body);
    expect(asRecord(asRecord(page.meta).pagination)).toMatchObject({ current_page: 2, per_page: 10, count: 10 });
  });
});
