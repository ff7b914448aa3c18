/**
 * The record-collection filter `q` (§4.4.1): operators per field type, AND/OR/(), and NetSuite-style refusals;
 * and the read-only list records priceLevel, pricingGroup, location and currency (§4.8 item 2).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoDataset } from '@/sandbox/demo-data/types';
import type { NetSuiteEmulator } from '@/sandbox/netsuite/server';
import { bearer, call, errorCode, startSeeded } from './support/netsuite';

let ns: NetSuiteEmulator;
let data: DemoDataset;
let auth: string;

beforeAll(async () => {
  ({ ns, data } = await startSeeded());
  auth = await bearer(ns);
});
afterAll(async () => ns.close());

async function ids(type: string, q: string, extra = ''): Promise<string[]> {
  const res = await call(ns, auth, 'GET', `/record/v1/${type}?q=${encodeURIComponent(q)}${extra}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body?.['items'] as { id: string }[]).map((i) => i.id);
}

async function sqlIds(where: string, params: unknown[] = []): Promise<string[]> {
  const rows = await ns.sql<{ id: number }>(`SELECT id FROM customer WHERE ${where} ORDER BY id`, params);
  return rows.map((r) => String(r.id));
}

function company(n: number): DemoDataset['companies'][number] {
  const c = data.companies[n];
  if (!c) throw new Error('dataset too small');
  return c;
}

describe('q filter: operators by field type', () => {
  it('string: IS / START_WITH / CONTAIN / END_WITH (and ENDWITH), case-insensitive, with _NOT', async () => {
    const c = company(2);
    expect(await ids('customer', `entityId IS "${c.erpCustomerNumber}"`)).toEqual([String(c.id)]);
    expect(await ids('customer', `entityid is ${c.erpCustomerNumber.toLowerCase()}`)).toEqual([String(c.id)]);
    const prefix = c.name.slice(0, 4);
    expect(await ids('customer', `companyName START_WITH "${prefix.toUpperCase()}"`)).toEqual(await sqlIds('lower(companyname) LIKE lower($1)', [`${prefix}%`]));
    const middle = c.name.slice(2, 6);
    expect(await ids('customer', `companyName CONTAIN "${middle}"`)).toEqual(await sqlIds('strpos(lower(companyname), lower($1)) > 0', [middle]));
    const suffix = c.name.slice(-3);
    const ending = await sqlIds('lower(companyname) LIKE lower($1)', [`%${suffix}`]);
    expect(await ids('customer', `companyName END_WITH "${suffix}"`)).toEqual(ending);
    expect(await ids('customer', `companyName ENDWITH "${suffix}"`)).toEqual(ending);
    expect(await ids('customer', `entityId IS_NOT "${c.erpCustomerNumber}"`)).toHaveLength(data.companies.length - 1);
  });

  it('number: comparisons, ANY_OF [..], BETWEEN / BETWEEN_NOT [low, high], combined with OR', async () => {
    const [a, b, c] = [company(0), company(1), company(2)];
    expect(await ids('customer', `id ANY_OF [${a.id}, ${c.id}]`)).toEqual([a.id, c.id].sort((x, y) => x - y).map(String));
    const sorted = data.companies.map((x) => x.id).sort((x, y) => x - y);
    const [low = 0, high = 0] = [sorted[1], sorted[3]];
    expect(await ids('customer', `id BETWEEN [${low}, ${high}]`)).toEqual(sorted.slice(1, 4).map(String));
    expect(await ids('customer', `id BETWEEN_NOT [${low}, ${high}]`)).toHaveLength(sorted.length - 3);
    const threshold = Math.floor(a.creditLimit / 100); // minor units → the record's decimal amount
    const expected = await sqlIds('creditlimit >= $1 OR creditlimit <= 10', [threshold]);
    expect(expected.length).toBeGreaterThan(0);
    expect(await ids('customer', `creditLimit GREATER_OR_EQUAL ${threshold} OR creditLimit LESS_OR_EQUAL 10`)).toEqual(expected);
    expect(await ids('customer', `priceLevel EQUAL ${b.priceLevelId}`)).toEqual(await sqlIds('pricelevel = $1', [b.priceLevelId]));
  });

  it('boolean IS / IS_NOT, date operators in the account format M/D/YYYY, EMPTY / EMPTY_NOT, parentheses', async () => {
    expect(await ids('customer', 'isInactive IS false', '&limit=1000')).toHaveLength(data.companies.length);
    expect(await ids('customer', 'isInactive IS_NOT false')).toEqual([]);
    // Seeded rows were last modified on 1/1/2025 (seed.ts SEEDED_AT).
    expect(await ids('customer', 'lastModifiedDate BEFORE "1/1/2025"')).toEqual([]);
    const a = company(0);
    await ns.sql(`UPDATE customer SET externalid = 'ext-filter', lastmodifieddate = now() WHERE id = $1`, [a.id]);
    expect(await ids('customer', 'lastModifiedDate AFTER "1/1/2025"')).toEqual([String(a.id)]);
    expect(await ids('customer', 'lastModifiedDate ON "1/1/2025"')).toHaveLength(data.companies.length - 1);
    expect(await ids('customer', 'externalId EMPTY_NOT')).toEqual([String(a.id)]);
    expect(await ids('customer', 'externalId EMPTY')).toHaveLength(data.companies.length - 1);
    const b = company(1);
    expect(await ids('customer', `(id EQUAL ${a.id} OR id EQUAL ${b.id}) AND externalId EMPTY`)).toEqual([String(b.id)]);
    // AND binds tighter than OR.
    expect(await ids('customer', `id EQUAL ${b.id} OR id EQUAL ${a.id} AND externalId EMPTY`)).toEqual([String(b.id)]);
  });

  it('pages filtered results with the usual envelope; the links keep q', async () => {
    const all = await ids('customer', 'isInactive IS false');
    const res = await call(ns, auth, 'GET', `/record/v1/customer?q=${encodeURIComponent('isInactive IS false')}&limit=2&offset=2`);
    expect(res.body).toMatchObject({ count: 2, offset: 2, totalResults: all.length, hasMore: all.length > 4 });
    expect((res.body?.['items'] as { id: string }[]).map((i) => i.id)).toEqual(all.slice(2, 4));
    const next = (res.body?.['links'] as { rel: string; href: string }[]).find((l) => l.rel === 'next');
    expect(new URL(next?.href ?? 'http://x').searchParams.get('q')).toBe('isInactive IS false');
  });

  it('filters transactions too: entity ANY_OF and tranDate', async () => {
    const customer = company(3);
    const [item] = await ns.sql<{ id: number }>('SELECT id FROM item ORDER BY id LIMIT 1');
    const created = await call(ns, auth, 'POST', '/record/v1/salesOrder', {
      entity: { id: String(customer.id) }, tranDate: '2024-02-29', item: { items: [{ item: { id: String(item?.id) }, quantity: 1, rate: 1 }] },
    });
    const id = created.headers.get('location')?.split('/').pop();
    expect(await ids('salesOrder', `entity ANY_OF [${customer.id}] AND tranDate ON "2/29/2024"`)).toEqual([id]);
  });
});

describe('q filter: refusals (400 INVALID_REQUEST naming q)', () => {
  const refused = [
    ['an operator of another type', 'creditLimit CONTAIN 5'],
    ['an operator NetSuite does not have', 'creditLimit LIKE 5'],
    ['an unknown field', 'nonsense IS "x"'],
    ['an enum field (not filterable)', 'creditHoldOverride IS "ON"'],
    ['a date in another format', 'lastModifiedDate ON "2025-01-01"'],
    ['an impossible date', 'lastModifiedDate ON "2/30/2025"'],
    ['BETWEEN with one value', 'id BETWEEN 5'],
    ['a list for a one-value operator', 'id EQUAL [1, 2]'],
    ['a number field given text', 'creditLimit EQUAL abc'],
    ['a boolean given something else', 'isInactive IS maybe'],
    ['an unclosed parenthesis', '(id EQUAL 1'],
    ['a dangling AND', 'id EQUAL 1 AND'],
  ] as const;
  it.each(refused)('%s: %s', async (_what, q) => {
    const res = await call(ns, auth, 'GET', `/record/v1/customer?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(400);
    expect(errorCode(res.body)).toBe('INVALID_REQUEST');
    expect((res.body?.['o:errorDetails'] as Record<string, string>[])[0]?.['o:errorQueryParam']).toBe('q');
  });
});

describe('list records: priceLevel, pricingGroup, location, currency', () => {
  it('priceLevel: GET by id and the collection, from the seeded levels', async () => {
    const level = data.priceLevels[0];
    if (!level) throw new Error('no price levels');
    const res = await call(ns, auth, 'GET', `/record/v1/pricelevel/${level.id}`);
    expect(res.body).toMatchObject({ id: String(level.id), name: level.name, isInactive: false, isOnline: false });
    const list = await call(ns, auth, 'GET', '/record/v1/priceLevel');
    expect(list.body?.['totalResults']).toBe(data.priceLevels.length);
    expect(await ids('priceLevel', `name IS "${level.name}"`)).toEqual([String(level.id)]);
    // The customer's priceLevel reference now resolves.
    const customer = await call(ns, auth, 'GET', `/record/v1/customer/${company(0).id}`);
    const href = ((customer.body?.['priceLevel'] as { links: { href: string }[] }).links[0]?.href ?? '').replace(ns.restBase, '');
    expect((await call(ns, auth, 'GET', href)).status).toBe(200);
  });

  it('pricingGroup: by id, by eid:, listed; unknown ids are 404 NONEXISTENT_ID', async () => {
    await ns.sql(`INSERT INTO pricinggroup (name, externalid) VALUES ('Fasteners', 'pg-fasteners'), ('Abrasives', NULL)`);
    const byEid = await call(ns, auth, 'GET', '/record/v1/pricingGroup/eid:pg-fasteners');
    expect(byEid.body).toMatchObject({ name: 'Fasteners', externalId: 'pg-fasteners', isInactive: false });
    const byId = await call(ns, auth, 'GET', `/record/v1/pricingGroup/${String(byEid.body?.['id'])}?fields=name`);
    expect(byId.body).toMatchObject({ id: byEid.body?.['id'], name: 'Fasteners' });
    expect(byId.body?.['externalId']).toBeUndefined();
    expect((await call(ns, auth, 'GET', '/record/v1/pricingGroup')).body).toMatchObject({ count: 2, totalResults: 2 });
    const missing = await call(ns, auth, 'GET', '/record/v1/pricingGroup/999');
    expect(missing.status).toBe(404);
    expect(errorCode(missing.body)).toBe('NONEXISTENT_ID');
  });

  it('location: mainAddress is a link stub unless expanded; readable as a sub-resource; eid: is the location code', async () => {
    const loc = data.locations[0];
    if (!loc) throw new Error('no locations');
    const plain = await call(ns, auth, 'GET', `/record/v1/location/eid:${loc.code}`);
    expect(plain.body).toMatchObject({ id: String(loc.id), name: loc.label, externalId: loc.code });
    expect(Object.keys(plain.body?.['mainAddress'] as object)).toEqual(['links']);
    const expanded = await call(ns, auth, 'GET', `/record/v1/location/${loc.id}?expandSubResources=true`);
    expect(expanded.body?.['mainAddress']).toMatchObject({ city: loc.city, zip: loc.postalCode, country: { id: loc.countryCode } });
    expect((await call(ns, auth, 'GET', `/record/v1/location/${loc.id}/mainAddress`)).body).toMatchObject({ city: loc.city });
    expect((await call(ns, auth, 'GET', '/record/v1/location')).body?.['totalResults']).toBe(data.locations.length);
  });

  it('currency: the base currency is id 1', async () => {
    expect((await call(ns, auth, 'GET', '/record/v1/currency/1')).body).toMatchObject({ symbol: 'USD', isBaseCurrency: true });
    expect((await call(ns, auth, 'GET', '/record/v1/currency/2')).body).toMatchObject({ symbol: 'CAD', isBaseCurrency: false });
  });
});
