import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox';
import { addCustomerGroup, addProduct, asRecord, dataArray } from './price-lists.fixtures';

let sandbox: TestSandbox;
let skus: string[];

beforeAll(async () => {
  // Quota off: this file makes many calls; the rate-limit behaviour has its own test.
  sandbox = await startTestSandbox({ dataset: null, settings: { rateLimit: { enabled: false, quota: 150, windowMs: 30_000 }, priceListUpsertMsPerRecord: 0 } });
  skus = Array.from({ length: 1000 }, (_, i) => `SKU-${String(i).padStart(4, '0')}`);
  for (const sku of skus) addProduct(sandbox.store, { sku });
  addProduct(sandbox.store, { sku: 'PARENT-1', variantSkus: ['PARENT-1-S', 'PARENT-1-M'] });
});
afterAll(() => sandbox.close());

async function createList(name: string): Promise<number> {
  const res = await sandbox.rest('POST', '/v3/pricelists', { name });
  expect(res.status).toBe(200);
  return asRecord(asRecord(res.body).data).id as number;
}

describe('price lists CRUD', () => {
  it('creates, reads, renames, rejects duplicate names and deletes with records', async () => {
    const id = await createList('Wholesale');
    expect((await sandbox.rest('POST', '/v3/pricelists', { name: 'Wholesale' })).status).toBe(409);
    expect((await sandbox.rest('POST', '/v3/pricelists', {})).status).toBe(422);
    const got = await sandbox.rest('GET', `/v3/pricelists/${id}`);
    expect(asRecord(asRecord(got.body).data)).toMatchObject({ id, name: 'Wholesale', active: true });
    const put = await sandbox.rest('PUT', `/v3/pricelists/${id}`, { name: 'Wholesale 2', active: false });
    expect(asRecord(asRecord(put.body).data)).toMatchObject({ name: 'Wholesale 2', active: false });
    await sandbox.rest('PUT', `/v3/pricelists/${id}/records`, [{ sku: 'SKU-0001', currency: 'usd', price: 5 }]);
    expect(sandbox.store.recordsOf(id).size).toBe(1);
    expect((await sandbox.rest('DELETE', `/v3/pricelists/${id}`)).status).toBe(204);
    expect((await sandbox.rest('GET', `/v3/pricelists/${id}`)).status).toBe(404);
    expect(sandbox.store.priceRecords.has(id)).toBe(false);
  });

  it('bulk-deletes by id:in', async () => {
    const a = await createList('Bulk A');
    const b = await createList('Bulk B');
    expect((await sandbox.rest('DELETE', `/v3/pricelists?id:in=${a},${b}`)).status).toBe(204);
    expect(sandbox.store.priceLists.has(a) || sandbox.store.priceLists.has(b)).toBe(false);
  });

  it('pages by page number and by cursor, with the meta blocks the mode calls for', async () => {
    for (let i = 0; i < 5; i++) await createList(`Paged ${i}`);
    const byPage = asRecord(await sandbox.rest('GET', '/v3/pricelists?page=2&limit=2').then((r) => r.body));
    expect(Object.keys(asRecord(byPage.meta))).toEqual(['pagination']);
    const both = asRecord((await sandbox.rest('GET', '/v3/pricelists?limit=2')).body);
    const meta = asRecord(both.meta);
    expect(meta.pagination).toBeDefined();
    const cursor = asRecord(meta.cursor_pagination);
    expect(cursor.end_cursor).toEqual(expect.any(String));
    const seen = dataArray(both).map((l) => l.id as number);
    let after = cursor.end_cursor as string | undefined;
    while (after) {
      const next = asRecord((await sandbox.rest('GET', `/v3/pricelists?limit=2&after=${encodeURIComponent(after)}`)).body);
      expect(Object.keys(asRecord(next.meta))).toEqual(['cursor_pagination']);
      seen.push(...dataArray(next).map((l) => l.id as number));
      const links = asRecord(asRecord(asRecord(next.meta).cursor_pagination).links);
      after = typeof links.next === 'string' ? (asRecord(asRecord(next.meta).cursor_pagination).end_cursor as string) : undefined;
    }
    const all = [...sandbox.store.priceLists.keys()].sort((x, y) => x - y);
    expect(seen).toEqual(all);
    expect((await sandbox.rest('GET', '/v3/pricelists?page=1&after=abc')).status).toBe(422);
  });
});

describe('price records', () => {
  it('accepts an upsert of exactly 1,000 items and refuses 1,001 without writing anything', async () => {
    const id = await createList('Big batch');
    const rows = skus.map((sku, i) => ({ sku, currency: 'usd', price: 1 + i / 100 }));
    const ok = await sandbox.rest('PUT', `/v3/pricelists/${id}/records`, rows);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ data: {}, meta: {} });
    expect(sandbox.store.recordsOf(id).size).toBe(1000);
    const other = await createList('Too big');
    const tooMany = await sandbox.rest('PUT', `/v3/pricelists/${other}/records`, [...rows, { sku: 'SKU-0000', currency: 'eur', price: 1 }]);
    expect(tooMany.status).toBe(422);
    expect(sandbox.store.recordsOf(other).size).toBe(0);
  });

  it('applies the good rows of a mixed batch and reports each bad row with field errors', async () => {
    const id = await createList('Mixed');
    const res = await sandbox.rest('PUT', `/v3/pricelists/${id}/records`, [
      { sku: 'SKU-0001', currency: 'usd', price: 10, sale_price: 8 },
      { sku: 'NOPE', currency: 'usd', price: 1 },
      { variant_id: 999_999, currency: 'usd', price: 1 },
      { sku: 'SKU-0002', currency: 'usd', price: -1 },
      { sku: 'SKU-0003', currency: 'xyz', price: 1 },
      { sku: 'SKU-0004', price: 1 },
      { sku: 'SKU-0005', currency: 'usd', price: 3, bulk_pricing_tiers: [{ quantity_min: 1, quantity_max: 10, type: 'fixed', amount: 2 }, { quantity_min: 5, quantity_max: null, type: 'fixed', amount: 1 }] },
      { sku: 'PARENT-1', currency: 'usd', price: 1 },
      { sku: 'PARENT-1-S', currency: 'usd', price: 4 },
    ]);
    expect(res.status).toBe(422);
    const errors = asRecord(res.body).batch_errors as { data: Record<string, unknown>; field_errors: Record<string, string> }[];
    expect(errors.map((e) => Object.keys(e.field_errors)[0])).toEqual(['sku', 'variant_id', 'price', 'currency', 'currency', 'bulk_pricing_tiers', 'sku']);
    expect(errors[0]?.data).toEqual({ price_list_id: id, sku: 'NOPE', currency: 'usd' });
    const records = dataArray((await sandbox.rest('GET', `/v3/pricelists/${id}/records?include=sku`)).body);
    expect(records.map((r) => r.sku).sort()).toEqual(['PARENT-1-S', 'SKU-0001']);
    expect(records.find((r) => r.sku === 'SKU-0001')).toMatchObject({ price: 10, sale_price: 8, calculated_price: 8 });
  });

  it('returns sku and bulk_pricing_tiers only when included, and filters', async () => {
    const id = await createList('Include');
    await sandbox.rest('PUT', `/v3/pricelists/${id}/records`, [
      { sku: 'SKU-0010', currency: 'usd', price: 5, bulk_pricing_tiers: [{ quantity_min: 10, quantity_max: null, type: 'percent', amount: 5 }] },
      { sku: 'SKU-0011', currency: 'eur', price: 7 },
    ]);
    const plain = dataArray((await sandbox.rest('GET', `/v3/pricelists/${id}/records`)).body);
    expect(plain.every((r) => !('sku' in r) && !('bulk_pricing_tiers' in r))).toBe(true);
    const full = dataArray((await sandbox.rest('GET', `/v3/pricelists/${id}/records?include=bulk_pricing_tiers,sku&currency=usd`)).body);
    expect(full).toHaveLength(1);
    expect(full[0]).toMatchObject({ sku: 'SKU-0010', bulk_pricing_tiers: [{ quantity_min: 10, quantity_max: null, type: 'percent', amount: 5 }] });
    expect(dataArray((await sandbox.rest('GET', `/v3/pricelists/${id}/records?price:min=6`)).body)).toHaveLength(1);
    expect(dataArray((await sandbox.rest('GET', `/v3/pricelists/${id}/records?sku:in=SKU-0011`)).body)[0]).toMatchObject({ currency: 'eur' });
  });

  it('sets, reads and deletes a single record by variant and currency', async () => {
    const id = await createList('Single');
    const variantId = sandbox.store.variantIdBySku.get('SKU-0020') as number;
    const put = await sandbox.rest('PUT', `/v3/pricelists/${id}/records/${variantId}/usd`, { price: 9.99 });
    expect(put.status).toBe(200);
    expect((await sandbox.rest('PUT', `/v3/pricelists/${id}/records/${variantId}/usd`, { sale_price: 1 })).status).toBe(422);
    const byVariant = dataArray((await sandbox.rest('GET', `/v3/pricelists/${id}/records/${variantId}`)).body);
    expect(byVariant).toEqual([expect.objectContaining({ variant_id: variantId, price: 9.99, calculated_price: 9.99 })]);
    await sandbox.rest('DELETE', `/v3/pricelists/${id}/records?variant_id:in=${variantId}`);
    expect(sandbox.store.recordsOf(id).size).toBe(0);
  });

  it('creates with POST (≤ 100) and refuses records that already exist', async () => {
    const id = await createList('Post');
    expect((await sandbox.rest('POST', `/v3/pricelists/${id}/records`, [{ sku: 'SKU-0030', currency: 'usd', price: 1 }])).status).toBe(200);
    const again = await sandbox.rest('POST', `/v3/pricelists/${id}/records`, [{ sku: 'SKU-0030', currency: 'usd', price: 2 }]);
    expect(again.status).toBe(422);
    const tooMany = Array.from({ length: 101 }, (_, i) => ({ sku: skus[i], currency: 'cad', price: 1 }));
    expect((await sandbox.rest('POST', `/v3/pricelists/${id}/records`, tooMany)).status).toBe(422);
  });
});

describe('price list assignments', () => {
  it('creates ≤ 25, refuses 26, validates references, filters and needs a filter to delete', async () => {
    const id = await createList('Assigned');
    const groups = Array.from({ length: 26 }, (_, i) => addCustomerGroup(sandbox.store, `Group ${i}`));
    const items = groups.map((g) => ({ price_list_id: id, customer_group_id: g, channel_id: 1 }));
    expect((await sandbox.rest('POST', '/v3/pricelists/assignments', items)).status).toBe(422);
    expect(sandbox.store.priceListAssignments.size).toBe(0);
    expect((await sandbox.rest('POST', '/v3/pricelists/assignments', items.slice(0, 25))).status).toBe(200);
    const bad = await sandbox.rest('POST', '/v3/pricelists/assignments', [{ price_list_id: id, customer_group_id: 99_999 }, { price_list_id: id, channel_id: 42 }]);
    expect(bad.status).toBe(422);
    expect(asRecord(asRecord(bad.body).meta)).toEqual({ saved_records: 0 });
    const listed = dataArray((await sandbox.rest('GET', `/v3/pricelists/assignments?customer_group_id=${groups[0]}`)).body);
    expect(listed).toEqual([expect.objectContaining({ price_list_id: id, customer_group_id: groups[0], channel_id: 1 })]);
    expect((await sandbox.rest('DELETE', '/v3/pricelists/assignments')).status).toBe(422);
    expect((await sandbox.rest('DELETE', `/v3/pricelists/assignments?price_list_id=${id}`)).status).toBe(204);
    expect(sandbox.store.priceListAssignments.size).toBe(0);
    const put = await sandbox.rest('PUT', `/v3/pricelists/${id}/assignments`, { customer_group_id: groups[25], channel_id: 1 });
    expect(put.status).toBe(200);
    expect((await sandbox.rest('PUT', `/v3/pricelists/${id}/assignments`, { customer_group_id: 99_999, channel_id: 1 })).status).toBe(404);
  });
});
