import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSandbox } from '../../support/sandbox';
import { customerBody, startEmptySandbox } from './helpers';

interface Group {
  id: number;
  name: string;
  discount_rules: { type: string; price_list_id?: number; method?: string; amount?: string }[];
}
type V2Error = { status: number; message: string; details?: Record<string, string> }[];

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startEmptySandbox();
});
afterAll(() => sandbox.close());

async function createGroup(body: Record<string, unknown>): Promise<Group> {
  const res = await sandbox.rest('POST', '/v2/customer_groups', body);
  expect(res.status).toBe(200);
  return res.body as Group;
}

describe('/v2/customer_groups', () => {
  it('creates, reads, updates, counts and deletes groups', async () => {
    const group = await createGroup({ name: 'Gold', discount_rules: [{ type: 'all', method: 'percent', amount: 5 }] });
    expect(group.discount_rules).toEqual([{ type: 'all', method: 'percent', amount: '5' }]);
    expect(((await sandbox.rest('GET', `/v2/customer_groups/${group.id}`)).body as Group).name).toBe('Gold');
    const put = await sandbox.rest('PUT', `/v2/customer_groups/${group.id}`, { name: 'Gold+' , discount_rules: [] });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ name: 'Gold+', discount_rules: [] });
    expect((await sandbox.rest('GET', '/v2/customer_groups/count')).body).toEqual({ count: sandbox.store.customerGroups.size });
    expect((await sandbox.rest('DELETE', `/v2/customer_groups/${group.id}`)).status).toBe(204);
    const gone = await sandbox.rest('GET', `/v2/customer_groups/${group.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual([{ status: 404, message: 'The requested resource was not found.' }]);
  });

  it('lists as a bare array, pages, and answers 204 past the last page', async () => {
    for (const name of ['P1', 'P2', 'P3']) await createGroup({ name });
    const page1 = await sandbox.rest('GET', '/v2/customer_groups?limit=2&page=1');
    expect(page1.status).toBe(200);
    expect(Array.isArray(page1.body)).toBe(true);
    expect(page1.body as Group[]).toHaveLength(2);
    const total = sandbox.store.customerGroups.size;
    const last = Math.ceil(total / 2);
    expect((await sandbox.rest('GET', `/v2/customer_groups?limit=2&page=${last}`)).status).toBe(200);
    const past = await sandbox.rest('GET', `/v2/customer_groups?limit=2&page=${last + 1}`);
    expect(past.status).toBe(204);
    expect(past.body).toBeUndefined();
    expect(((await sandbox.rest('GET', '/v2/customer_groups?name=P2')).body as Group[]).map((g) => g.name)).toEqual(['P2']);
  });

  it('answers v2 errors: 400 for a missing name, 409 for a duplicate name', async () => {
    const missing = await sandbox.rest('POST', '/v2/customer_groups', {});
    expect(missing.status).toBe(400);
    expect((missing.body as V2Error)[0]?.message).toContain("'name'");
    await createGroup({ name: 'Unique' });
    const dup = await sandbox.rest('POST', '/v2/customer_groups', { name: 'unique' });
    expect(dup.status).toBe(409);
    expect((dup.body as V2Error)[0]?.status).toBe(409);
  });

  it('refuses a price list together with customer group discounts', async () => {
    sandbox.store.priceLists.set(77, { id: 77, name: 'Contract', active: true, date_created: '', date_modified: '' });
    const res = await sandbox.rest('POST', '/v2/customer_groups', {
      name: 'Mixed',
      discount_rules: [
        { type: 'price_list', price_list_id: 77 },
        { type: 'all', method: 'percent', amount: '10' },
      ],
    });
    expect(res.status).toBe(400);
    expect((res.body as V2Error)[0]?.details?.invalid_reason).toContain('cannot assign Price Lists');
    const ok = await createGroup({ name: 'Listed', discount_rules: [{ type: 'price_list', price_list_id: 77 }] });
    expect(ok.discount_rules).toEqual([{ type: 'price_list', price_list_id: 77 }]);
    const unknownList = await sandbox.rest('PUT', `/v2/customer_groups/${ok.id}`, { discount_rules: [{ type: 'price_list', price_list_id: 78 }] });
    expect(unknownList.status).toBe(400);
  });

  it('unassigns customers when their group is deleted', async () => {
    const group = await createGroup({ name: 'Doomed' });
    const created = await sandbox.rest('POST', '/v3/customers', [customerBody({ customer_group_id: group.id })]);
    const customerId = (created.body as { data: { id: number }[] }).data[0]?.id ?? 0;
    await sandbox.rest('DELETE', `/v2/customer_groups/${group.id}`);
    expect(sandbox.store.customers.get(customerId)?.customer_group_id).toBe(0);
  });

  it('answers 404 for unknown ids on PUT and DELETE', async () => {
    expect((await sandbox.rest('PUT', '/v2/customer_groups/99999', { name: 'x' })).status).toBe(404);
    expect((await sandbox.rest('DELETE', '/v2/customer_groups/99999')).status).toBe(404);
  });
});
