import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readAudit } from '@/lib/audit/audit-log';
import { resolveRepRequest } from '@/lib/rep/acting-state';
import { readActing, readActingCart, setActingCart } from '@/lib/rep/acting-store';
import { startActingFor, type StartActingDeps } from '@/lib/rep/start-acting';
import { readAccountBuyers, readRep, repIdByEmail, type RepRecord } from '@/sync/flows/reps/rep-directory';
import { syncReps } from '@/sync/flows/reps/sync-reps';
import { deleteStoreKeys, startRepWorld, type RepWorld } from './rep-world';

/**
 * Acting as a buyer: who may start it (only for an assigned account and one of its buyers, confirmed live with
 * BigCommerce), and how every later request re-authorizes it, ending it with exactly one audit entry when the
 * time box ran out or the rep, the assignment or the buyer is gone.
 */
let world: RepWorld;
let samuel: RepRecord;
let grace: RepRecord;

beforeAll(async () => {
  world = await startRepWorld();
});
afterAll(async () => {
  await world.close();
});
beforeEach(async () => {
  await deleteStoreKeys(world.redis, world.storeHash);
  await syncReps(world.ctx);
  const [first, second] = world.dataset.salesReps;
  const load = async (email: string) => {
    const id = await repIdByEmail(world.redis, world.storeHash, email);
    const rep = id ? await readRep(world.redis, world.storeHash, id) : null;
    if (!rep) throw new Error(`${email} is not in the directory`);
    return rep;
  };
  samuel = await load(first?.email ?? '');
  grace = await load(second?.email ?? '');
});

function deps(overrides: Partial<StartActingDeps> = {}): StartActingDeps {
  return { redis: world.redis, storeHash: world.storeHash, rest: world.ctx.rest, minutes: 60, correlationId: 'corr-test', ...overrides };
}

async function firstBuyerOf(rep: RepRecord, index = 0) {
  const account = rep.accounts[index];
  if (!account) throw new Error('rep has no such account');
  const [buyer] = await readAccountBuyers(world.redis, world.storeHash, account.customerNumber);
  if (!buyer) throw new Error('account has no buyers');
  return { account, buyer };
}

describe('starting to act', () => {
  it('starts for a buyer of an assigned account, with the buyer’s details from BigCommerce and one start entry', async () => {
    const { account, buyer } = await firstBuyerOf(samuel);
    const result = await startActingFor(deps(), samuel, { customerNumber: account.customerNumber, buyerCustomerId: buyer.customerId, reason: 'phone order' });
    if (!result.ok) throw new Error(result.message);
    expect(result.record.buyer).toMatchObject({ customerId: buyer.customerId, email: buyer.email, customerGroupId: buyer.customerGroupId });
    expect(result.record.buyer.customerGroupName).toEqual(expect.any(String));
    expect(Date.parse(result.record.expiresAt) - Date.parse(result.record.startedAt)).toBe(60 * 60_000);
    const entries = await readAudit(world.redis, world.storeHash, { actingId: result.record.id });
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'acting-start', outcome: 'ok', correlationId: 'corr-test',
        rep: { id: samuel.id, name: `${samuel.firstName} ${samuel.lastName}`, email: samuel.email },
        company: { customerNumber: account.customerNumber, name: account.companyName },
        detail: expect.objectContaining({ reason: 'phone order' }),
      }),
    ]);
  });

  it('refuses, and audits, an account assigned to another rep', async () => {
    const { account, buyer } = await firstBuyerOf(grace);
    const result = await startActingFor(deps(), samuel, { customerNumber: account.customerNumber, buyerCustomerId: buyer.customerId, reason: 'tampered form' });
    expect(result).toEqual({ ok: false, message: 'That company is not assigned to you.' });
    const [entry] = await readAudit(world.redis, world.storeHash, { rep: samuel.id });
    expect(entry).toMatchObject({ action: 'acting-start-refused', outcome: 'refused', actingId: null, detail: { requested: { customerNumber: account.customerNumber, buyerCustomerId: buyer.customerId } } });
  });

  it('refuses a buyer of another company paired with an account that is the rep’s', async () => {
    const { account } = await firstBuyerOf(samuel);
    const { buyer: otherBuyer } = await firstBuyerOf(grace);
    const result = await startActingFor(deps(), samuel, { customerNumber: account.customerNumber, buyerCustomerId: otherBuyer.customerId, reason: 'tampered' });
    expect(result.ok).toBe(false);
    expect(await readAudit(world.redis, world.storeHash, { action: 'acting-start-refused' })).toHaveLength(1);
  });

  it('refuses a buyer BigCommerce no longer links to the account, even while the directory still lists them', async () => {
    const { account, buyer } = await firstBuyerOf(samuel, 1);
    const moved = await world.bcRest('PUT', '/v3/customers', [{ id: buyer.customerId, notes: 'ERP customer C99999' }]);
    expect(moved.status).toBe(200);
    const result = await startActingFor(deps(), samuel, { customerNumber: account.customerNumber, buyerCustomerId: buyer.customerId, reason: 'stale directory' });
    expect(result).toEqual({ ok: false, message: `That buyer no longer buys for ${account.companyName}.` });
    await world.bcRest('PUT', '/v3/customers', [{ id: buyer.customerId, notes: `ERP customer ${account.customerNumber}` }]);
  });
});

describe('every request re-authorizes', () => {
  async function started(minutes = 60, now?: Date) {
    const { account, buyer } = await firstBuyerOf(samuel);
    const result = await startActingFor(deps({ minutes, ...(now ? { now } : {}) }), samuel, { customerNumber: account.customerNumber, buyerCustomerId: buyer.customerId, reason: 'call' });
    if (!result.ok) throw new Error(result.message);
    return result.record;
  }

  it('lets the rep act while the time box runs and the assignment holds', async () => {
    const record = await started();
    const state = await resolveRepRequest(world.redis, world.storeHash, { repId: samuel.id, actingId: record.id }, Date.now(), 'req-1');
    expect(state.rep?.id).toBe(samuel.id);
    expect(state.acting?.record.id).toBe(record.id);
  });

  it('ends an expired impersonation on the next request, once, however many requests race', async () => {
    const record = await started(60, new Date(Date.now() - 61 * 60_000));
    const states = await Promise.all(
      Array.from({ length: 6 }, (_, i) => resolveRepRequest(world.redis, world.storeHash, { repId: samuel.id, actingId: record.id }, Date.now(), `req-${i}`)),
    );
    expect(states.every((s) => s.acting === null && s.rep?.id === samuel.id)).toBe(true);
    const entries = await readAudit(world.redis, world.storeHash, { actingId: record.id });
    expect(entries.map((e) => e.action)).toEqual(['acting-expired', 'acting-start']);
    expect(entries[0]?.detail).toMatchObject({ reason: 'expired', by: 'request' });
  });

  it('ends it on the next request once the assignment is removed in the ERP and the sync has run', async () => {
    const record = await started();
    await world.erpAdmin('PUT', `/customers/${record.company.customerNumber}/sales-rep`, { salesRep: grace.email });
    // The directory as the sync would write it, without the sync's own sweep: the request must catch it alone.
    const read = await world.ctx.erp.readSalesReps();
    for await (const rep of read.rows) {
      if (rep.id !== samuel.id) continue;
      const current = await readRep(world.redis, world.storeHash, samuel.id);
      await world.redis.hset(`sync:${world.storeHash}:reps:directory`, samuel.id, JSON.stringify({ ...current, accounts: rep.accounts }));
    }
    const state = await resolveRepRequest(world.redis, world.storeHash, { repId: samuel.id, actingId: record.id }, Date.now(), 'req-after');
    expect(state.acting).toBeNull();
    expect(state.rep?.accounts.map((a) => a.customerNumber)).not.toContain(record.company.customerNumber);
    const [entry] = await readAudit(world.redis, world.storeHash, { actingId: record.id });
    expect(entry).toMatchObject({ action: 'acting-revoked', correlationId: 'req-after', detail: { reason: 'assignment-removed' } });
    await world.erpAdmin('PUT', `/customers/${record.company.customerNumber}/sales-rep`, { salesRep: samuel.email });
  });

  it('ignores, and leaves alone, another rep’s impersonation id in this rep’s cookie', async () => {
    const record = await started();
    const state = await resolveRepRequest(world.redis, world.storeHash, { repId: grace.id, actingId: record.id }, Date.now(), 'req-other');
    expect(state.acting).toBeNull();
    expect(await readActing(world.redis, world.storeHash, record.id)).not.toBeNull();
    expect(await readAudit(world.redis, world.storeHash, { actingId: record.id })).toHaveLength(1);
  });

  it('keeps the acting cart with the impersonation, and never brings an ended one back', async () => {
    const record = await started(60, new Date(Date.now() - 61 * 60_000));
    await setActingCart(world.redis, world.storeHash, record.id, '11111111-2222-4333-8444-555555555555');
    expect(await readActingCart(world.redis, world.storeHash, record.id)).toBe('11111111-2222-4333-8444-555555555555');
    await resolveRepRequest(world.redis, world.storeHash, { repId: samuel.id, actingId: record.id }, Date.now(), 'req-end');
    await setActingCart(world.redis, world.storeHash, record.id, '99999999-2222-4333-8444-555555555555');
    expect(await readActing(world.redis, world.storeHash, record.id)).toBeNull();
    const [ended] = await readAudit(world.redis, world.storeHash, { actingId: record.id });
    expect(ended?.detail).toMatchObject({ cartId: '11111111-2222-4333-8444-555555555555' });
  });

  it('treats a rep the ERP no longer lists as nobody', async () => {
    await world.redis.hdel(`sync:${world.storeHash}:reps:directory`, samuel.id);
    const state = await resolveRepRequest(world.redis, world.storeHash, { repId: samuel.id }, Date.now(), 'req-gone');
    expect(state).toEqual({ rep: null, acting: null });
  });
});
