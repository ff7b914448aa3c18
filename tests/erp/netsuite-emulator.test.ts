/**
 * Contract tests of the NetSuite emulator against ERP-CONTRACTS.md §4: auth, the paging and error envelopes,
 * record GET/POST/PUT-upsert semantics (including the sublist append trap), transform, governance and faults.
 */
import { SignJWT, importPKCS8 } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DemoDataset } from '@/sandbox/demo-data/types';
import type { NetSuiteEmulator } from '@/sandbox/netsuite/server';
import { tbaAuthorizationHeader } from '@/sync/erp/netsuite/tba-signer';
import { bearer, call, errorCode, startSeeded, suiteql } from './support/netsuite';

let ns: NetSuiteEmulator;
let data: DemoDataset;
let auth: string;

beforeAll(async () => {
  ({ ns, data } = await startSeeded());
  auth = await bearer(ns);
});
afterAll(async () => ns.close());
beforeEach(() => void ns.faults.reset());

function company(): DemoDataset['companies'][number] {
  const c = data.companies[0];
  if (!c) throw new Error('dataset has no companies');
  return c;
}

async function itemIds(n: number): Promise<string[]> {
  const { body } = await suiteql(ns, auth, `SELECT id FROM item ORDER BY id FETCH FIRST ${n} ROWS ONLY`);
  return (body['items'] as { id: string }[]).map((r) => r.id);
}

async function orderBody(lines = 2): Promise<Record<string, unknown>> {
  const ids = await itemIds(lines);
  return {
    entity: { id: String(company().id) },
    tranDate: '2025-03-14',
    otherRefNum: 'PO-7781',
    item: { items: ids.map((id) => ({ item: { id }, quantity: 2, rate: 17.25, price: { id: '-1' }, location: { id: String(data.locations[0]?.id) } })) },
  };
}

describe('authentication', () => {
  it('a request without credentials gets 401 INVALID_LOGIN in the error envelope', async () => {
    const res = await call(ns, '', 'GET', `/record/v1/customer/${company().id}`);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ title: 'Unauthorized', status: 401 });
    expect(errorCode(res.body)).toBe('INVALID_LOGIN');
  });

  it('OAuth 2.0: a JWT assertion signed with the registered key gets a 60-minute bearer token', async () => {
    const key = await importPKCS8(ns.credentials.m2m.privateKeyPem, 'PS256');
    const now = Math.floor(Date.now() / 1000);
    const assertion = await new SignJWT({ scope: 'restlets,rest_webservices' })
      .setProtectedHeader({ typ: 'JWT', alg: 'PS256', kid: ns.credentials.m2m.certificateId })
      .setIssuer(ns.credentials.m2m.clientId).setAudience(`${ns.restBase}/auth/oauth2/v1/token`).setIssuedAt(now).setExpirationTime(now + 3600)
      .sign(key);
    const res = await fetch(`${ns.restBase}/auth/oauth2/v1/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: assertion }),
    });
    const body = (await res.json()) as Record<string, string>;
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ expires_in: '3600', token_type: 'bearer' });
    const ok = await call(ns, `Bearer ${body['access_token']}`, 'GET', `/record/v1/customer/${company().id}`);
    expect(ok.status).toBe(200);
  });

  it('OAuth 2.0: wrong audience, unknown kid and a lifetime over an hour are refused', async () => {
    const key = await importPKCS8(ns.credentials.m2m.privateKeyPem, 'PS256');
    const now = Math.floor(Date.now() / 1000);
    const sign = (kid: string, aud: string, exp: number): Promise<string> =>
      new SignJWT({ scope: ['rest_webservices'] }).setProtectedHeader({ alg: 'PS256', kid }).setIssuer(ns.credentials.m2m.clientId)
        .setAudience(aud).setIssuedAt(now).setExpirationTime(exp).sign(key);
    const tokenUrl = `${ns.restBase}/auth/oauth2/v1/token`;
    for (const assertion of [
      await sign(ns.credentials.m2m.certificateId, 'https://elsewhere.example/token', now + 600),
      await sign('no-such-cert', tokenUrl, now + 600),
      await sign(ns.credentials.m2m.certificateId, tokenUrl, now + 7200),
    ]) {
      const res = await fetch(tokenUrl, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'client_credentials', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: assertion }),
      });
      expect(res.status).toBe(400);
    }
  });

  it('a forged bearer token is refused', async () => {
    const res = await call(ns, 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl', 'GET', `/record/v1/customer/${company().id}`);
    expect(res.status).toBe(401);
  });

  it('TBA: a signed request is accepted and the same header replayed is refused', async () => {
    const url = `${ns.restBase}/record/v1/customer/${company().id}?fields=entityId`;
    const header = tbaAuthorizationHeader({ accountId: ns.accountId, ...ns.credentials.tba }, 'GET', url);
    const first = await fetch(url, { headers: { Authorization: header } });
    expect(first.status).toBe(200);
    expect(((await first.json()) as Record<string, unknown>)['entityId']).toBe(company().erpCustomerNumber);
    const replay = await fetch(url, { headers: { Authorization: header } });
    expect(replay.status).toBe(401);
  });
});

describe('SuiteQL paging envelope', () => {
  const Q = 'SELECT item, pricelevel, currency, quantity, unitprice FROM pricing ORDER BY item, pricelevel, currency, quantity';

  it('pages with count, hasMore, offset, totalResults and next/last/self links; rows have links: [] and string values', async () => {
    const total = (await ns.sql<{ n: number }>('SELECT COUNT(*)::int AS n FROM pricing'))[0]?.n ?? 0;
    expect(total).toBeGreaterThan(4);
    const { status, body } = await suiteql(ns, auth, Q, '?limit=2&offset=2');
    expect(status).toBe(200);
    expect(body).toMatchObject({ count: 2, hasMore: true, offset: 2, totalResults: total });
    const rels = (body['links'] as { rel: string; href: string }[]).map((l) => l.rel);
    expect(rels).toEqual(expect.arrayContaining(['next', 'last', 'self', 'previous', 'first']));
    const next = (body['links'] as { rel: string; href: string }[]).find((l) => l.rel === 'next');
    expect(next?.href).toContain('offset=4');
    const row = (body['items'] as Record<string, unknown>[])[0] ?? {};
    expect(row['links']).toEqual([]);
    for (const key of ['item', 'pricelevel', 'currency', 'quantity', 'unitprice']) expect(typeof row[key]).toBe('string');
  });

  it('the last page says hasMore false and has no next link', async () => {
    const { body } = await suiteql(ns, auth, 'SELECT id FROM currency ORDER BY id', '?limit=1&offset=1');
    expect(body).toMatchObject({ count: 1, hasMore: false, totalResults: 2 });
    expect((body['links'] as { rel: string }[]).some((l) => l.rel === 'next')).toBe(false);
  });

  it('numbers print like NetSuite (no trailing zeros), keys are lower case, null columns are omitted', async () => {
    const { body } = await suiteql(ns, auth, `SELECT 17.5000 AS UnitPrice, NULL AS gone, 'T' AS flag FROM dual`);
    expect((body['items'] as unknown[])[0]).toEqual({ links: [], unitprice: '17.5', flag: 'T' });
  });

  it('offset not a multiple of limit → 400 INVALID_PARAMETER naming offset', async () => {
    const { status, body } = await suiteql(ns, auth, Q, '?limit=10&offset=5');
    expect(status).toBe(400);
    expect(errorCode(body)).toBe('INVALID_PARAMETER');
    expect((body['o:errorDetails'] as Record<string, string>[])[0]?.['o:errorQueryParam']).toBe('offset');
  });

  it('limit over 1000 → 400 INVALID_PARAMETER naming limit', async () => {
    const { status, body } = await suiteql(ns, auth, Q, '?limit=1001');
    expect(status).toBe(400);
    expect((body['o:errorDetails'] as Record<string, string>[])[0]?.['o:errorQueryParam']).toBe('limit');
  });

  it('offsets past the 100k window are refused', async () => {
    const { status } = await suiteql(ns, auth, Q, '?limit=1000&offset=100000');
    expect(status).toBe(400);
  });

  it('requires Prefer: transient', async () => {
    const { status } = await suiteql(ns, auth, Q, '', {});
    expect(status).toBe(400);
  });

  it('bad SQL and writes are refused with 400 INVALID_REQUEST; SuiteQL is read-only', async () => {
    expect(errorCode((await suiteql(ns, auth, 'SELEC nonsense')).body)).toBe('INVALID_REQUEST');
    const write = await suiteql(ns, auth, `UPDATE customer SET creditlimit = 0`);
    expect(write.status).toBe(400);
    const limits = await ns.sql<{ n: number }>('SELECT COUNT(*)::int AS n FROM customer WHERE creditlimit = 0');
    expect(limits[0]?.n).toBe(0);
    expect((await suiteql(ns, auth, 'SELECT * FROM pg_catalog.pg_user')).status).toBe(400);
  });
});

describe('record API', () => {
  it('GET customer by internal id and by eid:, record type matched case-insensitively', async () => {
    await ns.sql(`UPDATE customer SET externalid = 'ext-acme' WHERE id = $1`, [company().id]);
    const byId = await call(ns, auth, 'GET', `/record/v1/CUSTOMER/${company().id}`);
    const byEid = await call(ns, auth, 'GET', '/record/v1/customer/eid:ext-acme');
    expect(byId.status).toBe(200);
    expect(byEid.body?.['id']).toBe(String(company().id));
    expect(byId.body?.['creditHoldOverride']).toEqual({ id: company().creditHoldOverride, refName: expect.any(String) });
    const simple = await call(ns, auth, 'GET', `/record/v1/customer/${company().id}?simpleEnumFormat=true&fields=creditHoldOverride`);
    expect(simple.body?.['creditHoldOverride']).toBe(company().creditHoldOverride);
    expect(simple.body?.['companyName']).toBeUndefined();
  });

  it('unknown ids → 404 NONEXISTENT_ID; malformed ids → 400 INVALID_ID', async () => {
    const missing = await call(ns, auth, 'GET', '/record/v1/salesOrder/eid:does-not-exist');
    expect(missing.status).toBe(404);
    expect(errorCode(missing.body)).toBe('NONEXISTENT_ID');
    expect(errorCode((await call(ns, auth, 'GET', '/record/v1/customer/eid:a|b')).body)).toBe('INVALID_ID');
  });

  it('record collection: ids and links only, NetSuite paging envelope', async () => {
    const res = await call(ns, auth, 'GET', '/record/v1/customer?limit=2&offset=0');
    expect(res.body).toMatchObject({ count: 2, offset: 0, hasMore: true, totalResults: data.companies.length });
    expect(Object.keys((res.body?.['items'] as Record<string, unknown>[])[0] ?? {}).sort()).toEqual(['id', 'links']);
  });

  it('inventoryItem expands locations and the price matrix only with expandSubResources=true', async () => {
    const [itemId] = await itemIds(1);
    const plain = await call(ns, auth, 'GET', `/record/v1/inventoryItem/${itemId}`);
    expect(Object.keys(plain.body?.['locations'] as object)).toEqual(['links']);
    const expanded = await call(ns, auth, 'GET', `/record/v1/inventoryitem/${itemId}?expandSubResources=true`);
    expect((expanded.body?.['locations'] as { items: unknown[] }).items.length).toBe(data.locations.length);
  });

  it('POST salesOrder → 204 with Location of the new record', async () => {
    const res = await call(ns, auth, 'POST', '/record/v1/salesOrder', await orderBody());
    expect(res.status).toBe(204);
    expect(res.headers.get('location')).toMatch(/\/record\/v1\/salesOrder\/\d+$/);
  });

  it('a bad line reference → 400 INVALID_CONTENT with o:errorPath', async () => {
    const body = await orderBody(2);
    (body['item'] as { items: { item: { id: string } }[] }).items[1]!.item = { id: '9999' };
    const res = await call(ns, auth, 'POST', '/record/v1/salesOrder', body);
    expect(res.status).toBe(400);
    expect((res.body?.['o:errorDetails'] as Record<string, string>[])[0]).toMatchObject({ 'o:errorCode': 'INVALID_CONTENT', 'o:errorPath': 'item.items[1].item' });
  });

  it('X-NetSuite-PropertyNameValidation: Error refuses unknown fields', async () => {
    const res = await call(ns, auth, 'POST', '/record/v1/salesOrder', { ...(await orderBody()), custbody_nope: 1 }, { 'X-NetSuite-PropertyNameValidation': 'Error' });
    expect(res.status).toBe(400);
  });

  it('PUT eid: creates on first call; replaying it appends the lines again (the documented sublist trap)', async () => {
    const body = await orderBody(2);
    const first = await call(ns, auth, 'PUT', '/record/v1/salesOrder/eid:bc-test-1001', body);
    expect(first.status).toBe(204);
    const id = first.headers.get('location')?.split('/').pop();
    const replay = await call(ns, auth, 'PUT', '/record/v1/salesOrder/eid:bc-test-1001', body);
    expect(replay.status).toBe(204);
    expect(replay.headers.get('location')?.split('/').pop()).toBe(id);
    const order = await call(ns, auth, 'GET', '/record/v1/salesOrder/eid:bc-test-1001?expandSubResources=true');
    expect((order.body?.['item'] as { items: unknown[] }).items).toHaveLength(4);
  });

  it('PUT eid:?replace=item replaces the sublist instead', async () => {
    const body = await orderBody(2);
    await call(ns, auth, 'PUT', '/record/v1/salesOrder/eid:bc-test-1002', body);
    await call(ns, auth, 'PUT', '/record/v1/salesOrder/eid:bc-test-1002?replace=item', body);
    const order = await call(ns, auth, 'GET', '/record/v1/salesOrder/eid:bc-test-1002?expandSubResources=true');
    expect((order.body?.['item'] as { items: unknown[] }).items).toHaveLength(2);
  });

  it('PUT with an internal id is not an upsert', async () => {
    const res = await call(ns, auth, 'PUT', '/record/v1/salesOrder/5000', await orderBody());
    expect(res.status).toBe(400);
  });

  it('!transform/itemFulfillment ships the order, writes tracking and moves the status B → F', async () => {
    const created = await call(ns, auth, 'PUT', '/record/v1/salesOrder/eid:bc-test-1003', await orderBody(1));
    const id = created.headers.get('location')?.split('/').pop();
    const before = await call(ns, auth, 'GET', `/record/v1/salesOrder/${id}`);
    expect(before.body?.['status']).toMatchObject({ id: 'B' });
    const t = await call(ns, auth, 'POST', `/record/v1/salesOrder/${id}/!transform/itemFulfillment`, { package: { items: [{ packageTrackingNumber: '1Z999' }] } });
    expect(t.status).toBe(204);
    expect(t.headers.get('location')).toMatch(/\/itemFulfillment\/\d+$/);
    const after = await call(ns, auth, 'GET', `/record/v1/salesOrder/${id}`);
    expect(after.body).toMatchObject({ status: { id: 'F' }, linkedTrackingNumbers: '1Z999' });
    const f = await call(ns, auth, 'GET', `/record/v1/itemFulfillment/${t.headers.get('location')?.split('/').pop()}?expandSubResources=true`);
    expect(f.body).toMatchObject({ createdFrom: { id }, shipStatus: { id: 'C' } });
    const again = await call(ns, auth, 'POST', `/record/v1/salesOrder/${id}/!transform/itemFulfillment`, {});
    expect(again.status).toBe(400);
  });
});

describe('governance and faults', () => {
  it('over the concurrency limit → 429 with the error envelope', async () => {
    ns.faults.set({ concurrencyLimit: 1, rules: [{ kind: 'delay', delayMs: 300, path: '/record/v1/customer', times: 1 }] });
    const slow = call(ns, auth, 'GET', `/record/v1/customer/${company().id}`);
    // The delay rule holds the only slot; wait until the emulator is actually busy, not for a fixed time.
    while (ns.gate.active < 1) await new Promise((r) => setImmediate(r));
    const rejected = await call(ns, auth, 'GET', `/record/v1/customer/${company().id}`);
    expect(rejected.status).toBe(429);
    expect(rejected.body).toMatchObject({ status: 429, title: 'Too Many Requests' });
    expect(errorCode(rejected.body)).toBe('CONCURRENCY_LIMIT_EXCEEDED');
    expect((await slow).status).toBe(200);
  });

  it('an outage set through the admin path fails every request until cleared', async () => {
    await fetch(`${ns.url}/__sandbox/faults`, { method: 'POST', body: JSON.stringify({ outage: true }) });
    expect((await call(ns, auth, 'GET', `/record/v1/customer/${company().id}`)).status).toBe(503);
    expect((await suiteql(ns, auth, 'SELECT 1 AS x FROM dual')).status).toBe(503);
    await fetch(`${ns.url}/__sandbox/faults`, { method: 'DELETE' });
    expect((await call(ns, auth, 'GET', `/record/v1/customer/${company().id}`)).status).toBe(200);
  });

  it('admin path rejects a malformed fault config', async () => {
    const res = await fetch(`${ns.url}/__sandbox/faults`, { method: 'POST', body: JSON.stringify({ rules: [{ kind: 'explode' }] }) });
    expect(res.status).toBe(400);
  });

  it('governanceLimits reports the configured limit', async () => {
    const res = await call(ns, auth, 'GET', '/system/v1/governanceLimits');
    expect(res.body).toMatchObject({ accountConcurrencyLimit: 5, integrationLimitType: 'accountLimit' });
  });
});
