import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSandbox } from '../../support/sandbox';
import type { StoreEvent } from '../../../sandbox/bigcommerce/store/store';
import { productBody, startEmptySandbox, type Envelope, type V3ErrorBody } from './helpers';

interface Product {
  id: number;
  name: string;
  sku: string;
  price: number;
  calculated_price: number;
  categories: number[];
  brand_id: number;
  is_visible: boolean;
  base_variant_id?: number;
  variants?: Variant[];
  custom_fields?: unknown[];
  images?: unknown[];
  bulk_pricing_rules?: unknown[];
}
interface Variant {
  id: number;
  product_id: number;
  sku: string;
  price: number | null;
  calculated_price: number;
  option_values: { id: number; option_id: number; label: string; option_display_name: string }[];
}

let sandbox: TestSandbox;
const events: StoreEvent[] = [];

beforeAll(async () => {
  sandbox = await startEmptySandbox();
  sandbox.store.onEvent((e) => events.push(e));
});
afterAll(() => sandbox.close());

async function createProduct(overrides: Record<string, unknown> = {}): Promise<Product> {
  const res = await sandbox.rest('POST', '/v3/catalog/products', productBody(overrides));
  expect(res.status).toBe(200);
  return (res.body as Envelope<Product>).data;
}

describe('POST /v3/catalog/products', () => {
  it('creates a product with a base variant registered by SKU', async () => {
    const product = await createProduct({ sku: 'BASE-1', custom_fields: [{ name: 'Grade', value: 'A' }] });
    expect(product.calculated_price).toBe(17.25);
    expect(product.variants).toHaveLength(1);
    const base = product.variants?.[0];
    expect(base?.sku).toBe('BASE-1');
    expect(product.base_variant_id).toBe(base?.id);
    expect(sandbox.store.variantIdBySku.get('BASE-1')).toBe(base?.id);
    expect(events).toContainEqual({ scope: 'store/product/created', data: { type: 'product', id: product.id } });
  });

  it('creates option variants from variants[] and announces nothing for the retired base', async () => {
    const product = await createProduct({
      sku: 'SHIRT',
      variants: [
        { sku: 'SHIRT-S', option_values: [{ option_display_name: 'Size', label: 'S' }] },
        { sku: 'SHIRT-L', price: 20, option_values: [{ option_display_name: 'Size', label: 'L' }] },
      ],
    });
    expect(product.variants?.map((v) => v.sku)).toEqual(['SHIRT-S', 'SHIRT-L']);
    expect(product.variants?.[1]?.calculated_price).toBe(20);
    expect(product.base_variant_id).toBeUndefined();
    expect(sandbox.store.variantIdBySku.has('SHIRT')).toBe(false);
    expect(sandbox.store.variantIdBySku.get('SHIRT-L')).toBe(product.variants?.[1]?.id);
  });

  it('answers 422 naming each missing required field', async () => {
    const res = await sandbox.rest('POST', '/v3/catalog/products', { name: 'No price' });
    expect(res.status).toBe(422);
    const body = res.body as V3ErrorBody;
    expect(body.status).toBe(422);
    expect(Object.keys(body.errors).sort()).toEqual(['price', 'type', 'weight']);
    expect(body.errors.price).toBe('error.path.missing');
  });

  it('answers 422 for a wrongly typed field', async () => {
    const res = await sandbox.rest('POST', '/v3/catalog/products', productBody({ price: 'cheap' }));
    expect(res.status).toBe(422);
    expect((res.body as V3ErrorBody).errors.price).toBe('error.expected.jsnumber');
  });

  it('answers 409 for a duplicate name or SKU, and for an unknown brand', async () => {
    const product = await createProduct({ sku: 'DUP-1' });
    expect((await sandbox.rest('POST', '/v3/catalog/products', productBody({ name: product.name }))).status).toBe(409);
    const dupSku = await sandbox.rest('POST', '/v3/catalog/products', productBody({ sku: 'DUP-1' }));
    expect(dupSku.status).toBe(409);
    expect((dupSku.body as V3ErrorBody).errors).toHaveProperty('sku');
    expect((await sandbox.rest('POST', '/v3/catalog/products', productBody({ brand_id: 999 }))).status).toBe(409);
  });
});

describe('GET /v3/catalog/products', () => {
  it('omits sub-resources unless included, and includes only those asked for', async () => {
    const product = await createProduct({ bulk_pricing_rules: [{ quantity_min: 10, quantity_max: 0, type: 'percent', amount: 5 }] });
    const plain = (await sandbox.rest('GET', `/v3/catalog/products/${product.id}`)).body as Envelope<Product>;
    expect(plain.data).not.toHaveProperty('variants');
    expect(plain.data).not.toHaveProperty('bulk_pricing_rules');
    const withVariants = (await sandbox.rest('GET', `/v3/catalog/products/${product.id}?include=variants,bulk_pricing_rules`)).body as Envelope<Product>;
    expect(withVariants.data.variants).toHaveLength(1);
    expect(withVariants.data.bulk_pricing_rules).toHaveLength(1);
    expect(withVariants.data).not.toHaveProperty('images');
  });

  it('filters by id:in, sku, sku:in, name, keyword, brand, category and visibility', async () => {
    const brand = ((await sandbox.rest('POST', '/v3/catalog/brands', { name: 'Acme' })).body as Envelope<{ id: number }>).data;
    const category = ((await sandbox.rest('POST', '/v3/catalog/categories', { name: 'Fasteners', parent_id: 0 })).body as Envelope<{ id: number }>).data;
    const a = await createProduct({ sku: 'FLT-A', name: 'Hex bolt M8', brand_id: brand.id, categories: [category.id] });
    const b = await createProduct({ sku: 'FLT-B', name: 'Hex nut M8', is_visible: false });
    const ids = async (query: string) =>
      ((await sandbox.rest('GET', `/v3/catalog/products?${query}`)).body as Envelope<Product[]>).data.map((p) => p.id);
    expect(await ids(`id:in=${a.id},${b.id}`)).toEqual([a.id, b.id]);
    expect(await ids('sku=FLT-B')).toEqual([b.id]);
    expect(await ids('sku:in=FLT-A,FLT-B')).toEqual([a.id, b.id]);
    expect(await ids('name=Hex%20nut%20M8')).toEqual([b.id]);
    expect(await ids('keyword=hex')).toEqual([a.id, b.id]);
    expect(await ids(`brand_id=${brand.id}`)).toEqual([a.id]);
    expect(await ids(`categories:in=${category.id}`)).toEqual([a.id]);
    expect(await ids(`is_visible=false&id:in=${a.id},${b.id}`)).toEqual([b.id]);
    expect(await ids(`include_fields=name&id:in=${a.id}`)).toEqual([a.id]);
    const narrow = (await sandbox.rest('GET', `/v3/catalog/products?include_fields=name&id:in=${a.id}`)).body as Envelope<Record<string, unknown>[]>;
    expect(Object.keys(narrow.data[0] ?? {}).sort()).toEqual(['id', 'name']);
  });

  it('answers 422 for a non-integer id:in', async () => {
    const res = await sandbox.rest('GET', '/v3/catalog/products?id:in=1,abc');
    expect(res.status).toBe(422);
    expect((res.body as V3ErrorBody).errors).toHaveProperty('id:in');
  });

  it('walks every page exactly once with meta.pagination', async () => {
    for (let i = 0; i < 7; i++) await createProduct({ sku: `WALK-${i}`, name: `Walk ${i}` });
    const seen: number[] = [];
    let page = 1;
    let totalPages = 0;
    do {
      const res = (await sandbox.rest('GET', `/v3/catalog/products?keyword=walk&limit=3&page=${page}`)).body as Envelope<Product[]>;
      totalPages = res.meta.pagination?.total_pages ?? 0;
      expect(res.meta.pagination?.total).toBe(7);
      seen.push(...res.data.map((p) => p.id));
      page += 1;
    } while (page <= totalPages);
    expect(totalPages).toBe(3);
    expect(new Set(seen).size).toBe(7);
    const past = (await sandbox.rest('GET', '/v3/catalog/products?keyword=walk&limit=3&page=9')).body as Envelope<Product[]>;
    expect(past.data).toEqual([]);
  });

  it('answers 404 for an unknown product', async () => {
    const res = await sandbox.rest('GET', '/v3/catalog/products/999999');
    expect(res.status).toBe(404);
    expect((res.body as V3ErrorBody).status).toBe(404);
  });
});

describe('PUT/DELETE /v3/catalog/products', () => {
  it('updates one product, renaming the base variant SKU in the lookup', async () => {
    const product = await createProduct({ sku: 'REN-1' });
    const res = await sandbox.rest('PUT', `/v3/catalog/products/${product.id}`, { sku: 'REN-2', price: 9.5 });
    expect(res.status).toBe(200);
    const updated = (res.body as Envelope<Product>).data;
    expect(updated.calculated_price).toBe(9.5);
    expect(updated.variants?.[0]?.calculated_price).toBe(9.5);
    expect(sandbox.store.variantIdBySku.has('REN-1')).toBe(false);
    expect(sandbox.store.variantIdBySku.get('REN-2')).toBe(updated.variants?.[0]?.id);
    expect(events).toContainEqual({ scope: 'store/product/updated', data: { type: 'product', id: product.id } });
  });

  it('batch-updates up to 10 products and refuses 11 with 413', async () => {
    const products = await Promise.all(Array.from({ length: 3 }, () => createProduct()));
    const ok = await sandbox.rest('PUT', '/v3/catalog/products', products.map((p) => ({ id: p.id, is_featured: true })));
    expect(ok.status).toBe(200);
    expect((ok.body as Envelope<Product[]>).data).toHaveLength(3);
    const tooMany = await sandbox.rest('PUT', '/v3/catalog/products', Array.from({ length: 11 }, (_, i) => ({ id: i + 1 })));
    expect(tooMany.status).toBe(413);
    expect((tooMany.body as V3ErrorBody).title).toContain('maximum items allowed in the array is 10');
  });

  it('refuses a batch with a missing id (422 naming the item) without changing anything', async () => {
    const product = await createProduct();
    const res = await sandbox.rest('PUT', '/v3/catalog/products', [{ id: product.id, price: 1 }, { price: 2 }]);
    expect(res.status).toBe(422);
    expect((res.body as V3ErrorBody).errors).toHaveProperty('[1].id');
    expect(sandbox.store.products.get(product.id)?.price).toBe(17.25);
  });

  it('deletes a product, its variants and their SKU lookups', async () => {
    const product = await createProduct({ sku: 'DEL-1' });
    expect((await sandbox.rest('DELETE', `/v3/catalog/products/${product.id}`)).status).toBe(204);
    expect(sandbox.store.variantIdBySku.has('DEL-1')).toBe(false);
    expect((await sandbox.rest('GET', `/v3/catalog/products/${product.id}`)).status).toBe(404);
    expect((await sandbox.rest('DELETE', `/v3/catalog/products/${product.id}`)).status).toBe(404);
  });
});

describe('variants', () => {
  it('creates, reads, updates and deletes variants, keeping the SKU lookup in sync', async () => {
    const product = await createProduct({ sku: 'VAR', variants: [{ sku: 'VAR-RED', option_values: [{ option_display_name: 'Colour', label: 'Red' }] }] });
    const created = await sandbox.rest('POST', `/v3/catalog/products/${product.id}/variants`, {
      sku: 'VAR-BLUE',
      price: 12,
      option_values: [{ option_display_name: 'Colour', label: 'Blue' }],
    });
    expect(created.status).toBe(200);
    const blue = (created.body as Envelope<Variant>).data;
    expect(sandbox.store.variants.get(blue.id)?.sku).toBe('VAR-BLUE');
    expect(events).toContainEqual({ scope: 'store/sku/created', data: { type: 'sku', id: blue.id, sku: { product_id: product.id, variant_id: blue.id } } });

    const list = (await sandbox.rest('GET', `/v3/catalog/products/${product.id}/variants`)).body as Envelope<Variant[]>;
    expect(list.data.map((v) => v.sku)).toEqual(['VAR-RED', 'VAR-BLUE']);

    const put = await sandbox.rest('PUT', `/v3/catalog/products/${product.id}/variants/${blue.id}`, { sku: 'VAR-NAVY', price: null });
    expect(put.status).toBe(200);
    expect((put.body as Envelope<Variant>).data.calculated_price).toBe(17.25);
    expect(sandbox.store.variantIdBySku.has('VAR-BLUE')).toBe(false);
    expect(sandbox.store.variantIdBySku.get('VAR-NAVY')).toBe(blue.id);

    expect((await sandbox.rest('DELETE', `/v3/catalog/products/${product.id}/variants/${blue.id}`)).status).toBe(204);
    expect(sandbox.store.variants.has(blue.id)).toBe(false);
    expect((await sandbox.rest('GET', `/v3/catalog/products/${product.id}/variants/${blue.id}`)).status).toBe(404);
  });

  it('refuses a duplicate SKU (409) and a variant without option values (422)', async () => {
    const product = await createProduct({ sku: 'VD', variants: [{ sku: 'VD-1', option_values: [{ option_display_name: 'Size', label: 'S' }] }] });
    const dup = await sandbox.rest('POST', `/v3/catalog/products/${product.id}/variants`, { sku: 'VD-1', option_values: [{ option_display_name: 'Size', label: 'M' }] });
    expect(dup.status).toBe(409);
    const bad = await sandbox.rest('POST', `/v3/catalog/products/${product.id}/variants`, { sku: 'VD-2' });
    expect(bad.status).toBe(422);
    expect((bad.body as V3ErrorBody).errors).toHaveProperty('option_values');
  });

  it('GET /v3/catalog/variants filters by sku, sku:in and id:in', async () => {
    const product = await createProduct({ sku: 'GV', variants: [1, 2, 3].map((n) => ({ sku: `GV-${n}`, option_values: [{ option_display_name: 'N', label: String(n) }] })) });
    const [v1, v2, v3] = product.variants ?? [];
    const skus = async (query: string) => ((await sandbox.rest('GET', `/v3/catalog/variants?${query}`)).body as Envelope<Variant[]>).data.map((v) => v.sku);
    expect(await skus('sku=GV-2')).toEqual(['GV-2']);
    expect(await skus('sku:in=GV-1,GV-3')).toEqual(['GV-1', 'GV-3']);
    expect(await skus(`id:in=${v1?.id},${v3?.id}`)).toEqual(['GV-1', 'GV-3']);
    expect(await skus(`product_id:in=${product.id}`)).toEqual(['GV-1', 'GV-2', 'GV-3']);
    void v2;
  });

  it('batch-updates variants (≤ 50) and refuses 51 with 413', async () => {
    const product = await createProduct({ sku: 'BV', variants: [1, 2].map((n) => ({ sku: `BV-${n}`, option_values: [{ option_display_name: 'N', label: String(n) }] })) });
    const ids = (product.variants ?? []).map((v) => v.id);
    const ok = await sandbox.rest('PUT', '/v3/catalog/variants', ids.map((id) => ({ id, price: 3.33 })));
    expect(ok.status).toBe(200);
    expect((ok.body as Envelope<Variant[]>).data.map((v) => v.calculated_price)).toEqual([3.33, 3.33]);
    const tooMany = await sandbox.rest('PUT', '/v3/catalog/variants', Array.from({ length: 51 }, () => ({ id: ids[0], price: 1 })));
    expect(tooMany.status).toBe(413);
    expect(sandbox.store.variants.get(ids[0] ?? 0)?.price).toBe(3.33);
  });

  it('refuses a variant batch with an unknown id as 422 batch_errors, changing nothing', async () => {
    const product = await createProduct({ sku: 'BE' });
    const baseId = product.variants?.[0]?.id ?? 0;
    const res = await sandbox.rest('PUT', '/v3/catalog/variants', [{ id: baseId, price: 1 }, { id: 987654, price: 2 }]);
    expect(res.status).toBe(422);
    const body = res.body as { batch_errors: V3ErrorBody[] };
    expect(body.batch_errors[0]?.errors).toHaveProperty('[1].id');
    expect(sandbox.store.variants.get(baseId)?.price).toBeNull();
  });
});
