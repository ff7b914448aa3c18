import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSandbox } from '../../support/sandbox';
import { productBody, startEmptySandbox, type Envelope, type V3ErrorBody } from './helpers';

interface Category {
  id: number;
  parent_id: number;
  name: string;
  custom_url: { url: string };
}

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startEmptySandbox();
});
afterAll(() => sandbox.close());

describe('/v3/catalog/categories', () => {
  it('creates a tree, refuses bad bodies, and deleting a parent detaches products from the whole subtree', async () => {
    const root = ((await sandbox.rest('POST', '/v3/catalog/categories', { name: 'Tools', parent_id: 0 })).body as Envelope<Category>).data;
    const child = ((await sandbox.rest('POST', '/v3/catalog/categories', { name: 'Drills', parent_id: root.id })).body as Envelope<Category>).data;
    expect(child.parent_id).toBe(root.id);
    expect(root.custom_url.url).toBe('/tools/');

    const missing = await sandbox.rest('POST', '/v3/catalog/categories', { name: 'Orphan' });
    expect(missing.status).toBe(422);
    expect((missing.body as V3ErrorBody).errors.parent_id).toBe('error.path.missing');
    expect((await sandbox.rest('POST', '/v3/catalog/categories', { name: 'Drills', parent_id: root.id })).status).toBe(409);
    expect((await sandbox.rest('POST', '/v3/catalog/categories', { name: 'X', parent_id: 9999 })).status).toBe(422);

    const listed = (await sandbox.rest('GET', `/v3/catalog/categories?parent_id=${root.id}`)).body as Envelope<Category[]>;
    expect(listed.data.map((c) => c.name)).toEqual(['Drills']);
    const renamed = await sandbox.rest('PUT', `/v3/catalog/categories/${child.id}`, { name: 'Cordless drills' });
    expect((renamed.body as Envelope<Category>).data.name).toBe('Cordless drills');

    const product = ((await sandbox.rest('POST', '/v3/catalog/products', productBody({ categories: [child.id] }))).body as Envelope<{ id: number }>).data;
    expect((await sandbox.rest('DELETE', `/v3/catalog/categories/${root.id}`)).status).toBe(204);
    expect(sandbox.store.categories.has(child.id)).toBe(false);
    expect(sandbox.store.products.get(product.id)?.categories).toEqual([]);
    expect((await sandbox.rest('GET', `/v3/catalog/categories/${child.id}`)).status).toBe(404);
  });
});

describe('/v3/catalog/brands', () => {
  it('creates, renames, refuses duplicates and unassigns products on delete', async () => {
    const brand = ((await sandbox.rest('POST', '/v3/catalog/brands', { name: 'Makita' })).body as Envelope<{ id: number; name: string }>).data;
    expect((await sandbox.rest('POST', '/v3/catalog/brands', { name: 'makita' })).status).toBe(409);
    expect((await sandbox.rest('POST', '/v3/catalog/brands', {})).status).toBe(422);
    const put = await sandbox.rest('PUT', `/v3/catalog/brands/${brand.id}`, { name: 'Makita Pro' });
    expect((put.body as Envelope<{ name: string }>).data.name).toBe('Makita Pro');
    const product = ((await sandbox.rest('POST', '/v3/catalog/products', productBody({ brand_id: brand.id }))).body as Envelope<{ id: number }>).data;
    expect((await sandbox.rest('DELETE', `/v3/catalog/brands/${brand.id}`)).status).toBe(204);
    expect(sandbox.store.products.get(product.id)?.brand_id).toBe(0);
    expect((await sandbox.rest('GET', `/v3/catalog/brands/${brand.id}`)).status).toBe(404);
  });
});
