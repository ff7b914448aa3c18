/**
 * Asynchronous record requests (§4.7.D, §4.8 item 4): `Prefer: respond-async` → 202 + job Location; polling the
 * job and its task; the result; `X-NetSuite-Idempotency-Key` conflicts (400, title Conflict, IDEMPOTENCY_ERROR,
 * Location of the first job), and the key being ignored on synchronous calls.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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
beforeEach(() => void ns.faults.reset());

async function orderBody(): Promise<Record<string, unknown>> {
  const [item] = await ns.sql<{ id: number }>('SELECT id FROM item ORDER BY id LIMIT 1');
  return { entity: { id: String(data.companies[0]?.id) }, item: { items: [{ item: { id: String(item?.id) }, quantity: 1, rate: 10 }] } };
}

function asyncHeaders(key?: string): Record<string, string> {
  return { Prefer: 'respond-async', ...(key ? { 'X-NetSuite-Idempotency-Key': key } : {}) };
}

/** `/services/rest/async/v1/job/7` → a path under the REST base. */
function restPath(location: string | null): string {
  return (location ?? '').replace(/^\/services\/rest/, '');
}

async function orderCount(externalId: string): Promise<number> {
  const [row] = await ns.sql<{ n: number }>(`SELECT COUNT(*)::int AS n FROM transaction WHERE type = 'SalesOrd' AND externalid = $1`, [externalId]);
  return row?.n ?? 0;
}

describe('Prefer: respond-async', () => {
  it('202 + Location of the job; the job is pending, then succeeded; the result is what the request would have answered', async () => {
    ns.faults.set({ asyncJobDelayMs: 300 });
    const res = await call(ns, auth, 'PUT', '/record/v1/salesOrder/eid:bc-async-1', await orderBody(), asyncHeaders(crypto.randomUUID()));
    expect(res.status).toBe(202);
    expect(res.headers.get('preference-applied')).toBe('respond-async');
    expect(res.headers.get('location')).toMatch(/^\/services\/rest\/async\/v1\/job\/\d+$/);
    expect(res.body).toBeUndefined();
    const job = restPath(res.headers.get('location'));

    const pending = await call(ns, auth, 'GET', job);
    expect(pending.body).toMatchObject({ completed: false, progress: 'pending', task: { links: [{ rel: 'self', href: `${ns.restBase}${job}/task` }] } });
    expect((await call(ns, auth, 'GET', `${job}/task/${String(pending.body?.['id'])}/result`)).status).toBe(404);
    expect(await orderCount('bc-async-1')).toBe(0);

    await ns.jobs.settled();
    expect((await call(ns, auth, 'GET', job)).body).toMatchObject({ completed: true, progress: 'succeeded' });
    const tasks = await call(ns, auth, 'GET', `${job}/task`);
    const taskHref = (tasks.body?.['items'] as { links: { href: string }[] }[])[0]?.links[0]?.href ?? '';
    const task = await call(ns, auth, 'GET', taskHref.replace(ns.restBase, ''));
    expect(task.body).toMatchObject({ completed: true, progress: 'succeeded', startTime: expect.any(String), endTime: expect.any(String) });
    const related = (task.body?.['links'] as { rel: string; href: string }[]).find((l) => l.rel === 'related')?.href ?? '';
    const result = await call(ns, auth, 'GET', related.replace(ns.restBase, ''));
    expect(result.status).toBe(204);
    expect(result.headers.get('location')).toMatch(/\/record\/v1\/salesOrder\/\d+$/);
    expect(await orderCount('bc-async-1')).toBe(1);
  });

  it('a reused idempotency key is not run again: 400 Conflict IDEMPOTENCY_ERROR with the first job’s Location', async () => {
    const key = crypto.randomUUID();
    const first = await call(ns, auth, 'PUT', '/record/v1/salesOrder/eid:bc-async-2', await orderBody(), asyncHeaders(key));
    const again = await call(ns, auth, 'PUT', '/record/v1/salesOrder/eid:bc-async-2', await orderBody(), asyncHeaders(key));
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ title: 'Conflict', status: 400, type: 'https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.10' });
    expect(errorCode(again.body)).toBe('IDEMPOTENCY_ERROR');
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect(again.headers.get('preference-applied')).toBe('respond-async');
    await ns.jobs.settled();
    const order = await call(ns, auth, 'GET', '/record/v1/salesOrder/eid:bc-async-2?expandSubResources=true');
    expect((order.body?.['item'] as { items: unknown[] }).items).toHaveLength(1); // the replayed upsert appended nothing
  });

  it('a lost 202 is recovered with the same key: the retry points at the job that did run', async () => {
    ns.faults.set({ rules: [{ kind: 'commit-then-drop', method: 'POST', path: '/record/v1/salesOrder', times: 1 }] });
    const key = crypto.randomUUID();
    const body = { ...(await orderBody()), externalId: 'bc-async-3' };
    await expect(call(ns, auth, 'POST', '/record/v1/salesOrder', body, asyncHeaders(key))).rejects.toThrow();
    const retry = await call(ns, auth, 'POST', '/record/v1/salesOrder', body, asyncHeaders(key));
    expect(errorCode(retry.body)).toBe('IDEMPOTENCY_ERROR');
    await ns.jobs.settled();
    expect((await call(ns, auth, 'GET', restPath(retry.headers.get('location')))).body).toMatchObject({ progress: 'succeeded' });
    expect(await orderCount('bc-async-3')).toBe(1);
  });

  it('the key is ignored on synchronous calls', async () => {
    const key = crypto.randomUUID();
    const headers = { 'X-NetSuite-Idempotency-Key': key };
    expect((await call(ns, auth, 'POST', '/record/v1/salesOrder', await orderBody(), headers)).status).toBe(204);
    expect((await call(ns, auth, 'POST', '/record/v1/salesOrder', await orderBody(), headers)).status).toBe(204);
  });

  it('a request that fails runs to progress "failed" and its result is the error envelope; reads work async too', async () => {
    const bad = await orderBody();
    (bad['item'] as { items: { item: { id: string } }[] }).items[0]!.item = { id: '9999' };
    const res = await call(ns, auth, 'POST', '/record/v1/salesOrder', bad, asyncHeaders());
    expect(res.status).toBe(202);
    await ns.jobs.settled();
    const job = restPath(res.headers.get('location'));
    const status = await call(ns, auth, 'GET', job);
    expect(status.body).toMatchObject({ completed: true, progress: 'failed' });
    const result = await call(ns, auth, 'GET', `${job}/task/${String(status.body?.['id'])}/result`);
    expect(result.status).toBe(400);
    expect((result.body?.['o:errorDetails'] as Record<string, string>[])[0]).toMatchObject({ 'o:errorCode': 'INVALID_CONTENT', 'o:errorPath': 'item.items[0].item' });

    const read = await call(ns, auth, 'GET', `/record/v1/customer/${data.companies[0]?.id}?fields=entityId`, undefined, asyncHeaders());
    await ns.jobs.settled();
    const readJob = restPath(read.headers.get('location'));
    const readId = String((await call(ns, auth, 'GET', readJob)).body?.['id']);
    expect((await call(ns, auth, 'GET', `${readJob}/task/${readId}/result`)).body).toMatchObject({ entityId: data.companies[0]?.erpCustomerNumber });
  });

  it('unknown jobs are 404 NONEXISTENT_ID', async () => {
    const res = await call(ns, auth, 'GET', '/async/v1/job/99999');
    expect(res.status).toBe(404);
    expect(errorCode(res.body)).toBe('NONEXISTENT_ID');
  });
});
