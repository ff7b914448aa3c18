import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSandbox } from '../../support/sandbox';
import type { StoreEvent } from '../../../sandbox/bigcommerce/store/store';
import { customerBody, startEmptySandbox, type Envelope, type V3ErrorBody } from './helpers';

interface Customer {
  id: number;
  email: string;
  company: string;
  customer_group_id: number;
  address_count: number;
  addresses?: unknown[];
  authentication: { force_password_reset: boolean };
}

let sandbox: TestSandbox;
const events: StoreEvent[] = [];
beforeAll(async () => {
  sandbox = await startEmptySandbox();
  sandbox.store.onEvent((e) => events.push(e));
});
afterAll(() => sandbox.close());

async function create(bodies: Record<string, unknown>[]): Promise<Customer[]> {
  const res = await sandbox.rest('POST', '/v3/customers', bodies);
  expect(res.status).toBe(200);
  return (res.body as Envelope<Customer[]>).data;
}

describe('POST /v3/customers', () => {
  it('creates customers with addresses and a password that validate-credentials accepts', async () => {
    const [customer] = await create([
      customerBody({
        email: 'Pat@Example.com',
        authentication: { new_password: 'S3cret!pass', force_password_reset: true },
        addresses: [{ first_name: 'Pat', last_name: 'B', address1: '1 Main', city: 'Austin', country_code: 'US' }],
      }),
    ]);
    expect(customer?.address_count).toBe(1);
    expect(customer?.authentication.force_password_reset).toBe(true);
    expect(events).toContainEqual(expect.objectContaining({ scope: 'store/customer/created', data: expect.objectContaining({ type: 'customer', id: customer?.id }) }));

    const ok = await sandbox.rest('POST', '/v3/customers/validate-credentials', { email: 'pat@example.com', password: 'S3cret!pass', channel_id: 1 });
    expect(ok.body).toEqual({ is_valid: true, customer_id: customer?.id });
    const bad = await sandbox.rest('POST', '/v3/customers/validate-credentials', { email: 'pat@example.com', password: 'nope' });
    expect(bad.body).toEqual({ is_valid: false, customer_id: null });
  });

  it('validate-credentials answers 422 naming a missing field', async () => {
    const res = await sandbox.rest('POST', '/v3/customers/validate-credentials', { email: 'x@example.com' });
    expect(res.status).toBe(422);
    expect((res.body as V3ErrorBody).errors).toHaveProperty('password');
  });

  it('validate-credentials honours channel-specific access', async () => {
    await create([customerBody({ email: 'ch2@example.com', channel_ids: [2], authentication: { new_password: 'pw-123456' } })]);
    const res = await sandbox.rest('POST', '/v3/customers/validate-credentials', { email: 'ch2@example.com', password: 'pw-123456', channel_id: 1 });
    expect(res.body).toEqual({ is_valid: false, customer_id: null });
  });

  it('refuses more than 10 customers with 413', async () => {
    const res = await sandbox.rest('POST', '/v3/customers', Array.from({ length: 11 }, () => customerBody()));
    expect(res.status).toBe(413);
  });

  it('answers 422 naming the missing field of the failing item', async () => {
    const res = await sandbox.rest('POST', '/v3/customers', [customerBody(), { email: 'no-name@example.com' }]);
    expect(res.status).toBe(422);
    expect(Object.keys((res.body as V3ErrorBody).errors).sort()).toEqual(['[1].first_name', '[1].last_name']);
  });

  it('answers 422 for a duplicate email and an unknown customer group', async () => {
    await create([customerBody({ email: 'taken@example.com' })]);
    const dup = await sandbox.rest('POST', '/v3/customers', [customerBody({ email: 'TAKEN@example.com' })]);
    expect(dup.status).toBe(422);
    expect((dup.body as V3ErrorBody).errors).toHaveProperty('[0].email');
    const group = await sandbox.rest('POST', '/v3/customers', [customerBody({ customer_group_id: 4242 })]);
    expect(group.status).toBe(422);
    expect((group.body as V3ErrorBody).errors).toHaveProperty('[0].customer_group_id');
  });
});

describe('GET /v3/customers', () => {
  it('filters by id:in, email:in, company:in and customer_group_id:in; addresses only with include', async () => {
    const groupRes = await sandbox.rest('POST', '/v2/customer_groups', { name: 'Wholesale A' });
    const groupId = (groupRes.body as { id: number }).id;
    const [a, b] = await create([
      customerBody({ company: 'Initech', customer_group_id: groupId, addresses: [{ first_name: 'A', last_name: 'B', address1: 'x', city: 'y', country_code: 'US' }] }),
      customerBody({ company: 'Globex' }),
    ]);
    const ids = async (query: string) => ((await sandbox.rest('GET', `/v3/customers?${query}`)).body as Envelope<Customer[]>).data.map((c) => c.id);
    expect(await ids(`id:in=${a?.id},${b?.id}`)).toEqual([a?.id, b?.id]);
    expect(await ids(`email:in=${b?.email}`)).toEqual([b?.id]);
    expect(await ids('company:in=initech,Globex')).toEqual([a?.id, b?.id]);
    expect(await ids(`customer_group_id:in=${groupId}`)).toEqual([a?.id]);
    const plain = (await sandbox.rest('GET', `/v3/customers?id:in=${a?.id}`)).body as Envelope<Customer[]>;
    expect(plain.data[0]).not.toHaveProperty('addresses');
    const withAddresses = (await sandbox.rest('GET', `/v3/customers?id:in=${a?.id}&include=addresses`)).body as Envelope<Customer[]>;
    expect(withAddresses.data[0]?.addresses).toHaveLength(1);
  });

  it('pages with meta.pagination', async () => {
    const res = (await sandbox.rest('GET', '/v3/customers?limit=2&page=1')).body as Envelope<Customer[]>;
    expect(res.data).toHaveLength(2);
    expect(res.meta.pagination?.per_page).toBe(2);
    expect(res.meta.pagination?.total).toBe(sandbox.store.customers.size);
  });
});

describe('PUT /v3/customers', () => {
  it('updates customers and a new password', async () => {
    const [customer] = await create([customerBody()]);
    const res = await sandbox.rest('PUT', '/v3/customers', [{ id: customer?.id, company: 'Umbrella', authentication: { new_password: 'n3w-pass' } }]);
    expect(res.status).toBe(200);
    expect((res.body as Envelope<Customer[]>).data[0]?.company).toBe('Umbrella');
    expect(sandbox.store.passwords.get(customer?.id ?? 0)).toBe('n3w-pass');
    expect(events).toContainEqual(expect.objectContaining({ scope: 'store/customer/updated' }));
  });

  it('answers 422 for a missing id and for an unknown id', async () => {
    const missing = await sandbox.rest('PUT', '/v3/customers', [{ company: 'x' }]);
    expect(missing.status).toBe(422);
    expect((missing.body as V3ErrorBody).errors).toHaveProperty('[0].id');
    const unknown = await sandbox.rest('PUT', '/v3/customers', [{ id: 999999, company: 'x' }]);
    expect(unknown.status).toBe(422);
  });

  it('refuses more than 10 customers with 413', async () => {
    const res = await sandbox.rest('PUT', '/v3/customers', Array.from({ length: 11 }, (_, i) => ({ id: i + 1 })));
    expect(res.status).toBe(413);
  });

  it('allows 3 concurrent PUTs and answers 429 to the rest', async () => {
    const [customer] = await create([customerBody()]);
    const results = await Promise.all(Array.from({ length: 6 }, () => sandbox.rest('PUT', '/v3/customers', [{ id: customer?.id, notes: 'x' }])));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
    // Once they are done, the slots are free again.
    expect((await sandbox.rest('PUT', '/v3/customers', [{ id: customer?.id, notes: 'y' }])).status).toBe(200);
  });
});

describe('DELETE /v3/customers', () => {
  it('deletes by id:in, forgets passwords, and is a no-op without a query', async () => {
    const [a] = await create([customerBody({ authentication: { new_password: 'pw-abcdef' } })]);
    const before = sandbox.store.customers.size;
    expect((await sandbox.rest('DELETE', '/v3/customers')).status).toBe(204);
    expect(sandbox.store.customers.size).toBe(before);
    expect((await sandbox.rest('DELETE', `/v3/customers?id:in=${a?.id}`)).status).toBe(204);
    expect(sandbox.store.customers.has(a?.id ?? 0)).toBe(false);
    expect(sandbox.store.passwords.has(a?.id ?? 0)).toBe(false);
    expect(events).toContainEqual({ scope: 'store/customer/deleted', data: { type: 'customer', id: a?.id } });
    expect((await sandbox.rest('DELETE', '/v3/customers?id:in=abc')).status).toBe(422);
  });
});
