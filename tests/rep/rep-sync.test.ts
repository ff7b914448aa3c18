import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readAudit } from '@/lib/audit/audit-log';
import { readActing, startActing, type ActingRecord } from '@/lib/rep/acting-store';
import { actingAuditEntry } from '@/lib/rep/audit-entries';
import type { ErpAdapter, SalesRep } from '@/sync/erp/erp';
import { repDirectoryKeys } from '@/sync/flows/reps/keys';
import { readAccountBuyers, readRep, repIdByEmail } from '@/sync/flows/reps/rep-directory';
import { syncReps } from '@/sync/flows/reps/sync-reps';
import { deleteStoreKeys, startRepWorld, type RepWorld } from './rep-world';

/**
 * The reps flow: ERP reps and assignments plus each assigned account's BigCommerce buyers into the rep directory,
 * replaced whole on every run, and impersonations the new directory no longer allows ended with one audit entry.
 */
let world: RepWorld;

beforeAll(async () => {
  world = await startRepWorld();
});
afterAll(async () => {
  await world.close();
});
beforeEach(async () => {
  await deleteStoreKeys(world.redis, world.storeHash);
});

const companyOf = (id: number) => {
  const company = world.dataset.companies.find((c) => c.id === id);
  if (!company) throw new Error(`no company ${id}`);
  return company;
};

async function actingFor(repEmail: string, companyId: number): Promise<ActingRecord> {
  const repId = await repIdByEmail(world.redis, world.storeHash, repEmail);
  const rep = repId ? await readRep(world.redis, world.storeHash, repId) : null;
  const company = companyOf(companyId);
  const [buyer] = await readAccountBuyers(world.redis, world.storeHash, company.erpCustomerNumber);
  if (!rep || !buyer) throw new Error('the directory lacks the rep or the buyer');
  const now = Date.now();
  const record: ActingRecord = {
    id: crypto.randomUUID(),
    rep: { id: rep.id, name: `${rep.firstName} ${rep.lastName}`, email: rep.email },
    buyer: { ...buyer, customerGroupName: null },
    company: { customerNumber: company.erpCustomerNumber, name: company.name },
    reason: 'test',
    startedAt: new Date(now).toISOString(),
    expiresAt: new Date(now + 60 * 60_000).toISOString(),
  };
  await startActing(world.redis, world.storeHash, record, actingAuditEntry(record, 'acting-start', 'ok', 'test-start'));
  return record;
}

describe('reps sync', () => {
  it('writes each rep with its assigned accounts and each account’s buyers, and leaves house accounts out', async () => {
    const stats = await syncReps(world.ctx);
    expect(stats).toMatchObject({ flow: 'reps', examined: 2, deleted: 0, deadLettered: 0 });
    for (const demoRep of world.dataset.salesReps) {
      const repId = await repIdByEmail(world.redis, world.storeHash, demoRep.email.toUpperCase());
      const rep = repId ? await readRep(world.redis, world.storeHash, repId) : null;
      expect(rep?.accounts.map((a) => a.customerNumber)).toEqual(demoRep.companyIds.map((id) => companyOf(id).erpCustomerNumber));
      for (const id of demoRep.companyIds) {
        const buyers = await readAccountBuyers(world.redis, world.storeHash, companyOf(id).erpCustomerNumber);
        expect(buyers.map((b) => b.email)).toEqual(world.dataset.buyers.filter((b) => b.companyId === id).map((b) => b.email));
      }
    }
    const house = world.dataset.companies.find((c) => c.salesRepId === null);
    expect(await readAccountBuyers(world.redis, world.storeHash, house?.erpCustomerNumber ?? '')).toEqual([]);
    // A second run over unchanged data changes nothing.
    expect((await syncReps(world.ctx)).changed).toBe(0);
  });

  it('a dry run reports and writes nothing', async () => {
    const stats = await syncReps(world.ctx, { dryRun: true });
    expect(stats.changed).toBeGreaterThan(0);
    expect(await world.redis.exists(repDirectoryKeys(world.storeHash).reps)).toBe(0);
  });

  it('moving an account to another rep in the ERP moves it in the directory and ends the old rep’s impersonation once', async () => {
    await syncReps(world.ctx);
    const [first, second] = world.dataset.salesReps;
    if (!first || !second) throw new Error('two reps');
    const companyId = first.companyIds[0] ?? 0;
    const acting = await actingFor(first.email, companyId);
    const kept = await actingFor(first.email, first.companyIds[1] ?? 0);

    const moved = await world.erpAdmin('PUT', `/customers/${companyOf(companyId).erpCustomerNumber}/sales-rep`, { salesRep: second.email });
    expect(moved.status).toBe(200);
    await syncReps(world.ctx);

    const firstRep = await readRep(world.redis, world.storeHash, acting.rep.id);
    expect(firstRep?.accounts.map((a) => a.customerNumber)).not.toContain(companyOf(companyId).erpCustomerNumber);
    expect(await readActing(world.redis, world.storeHash, acting.id)).toBeNull();
    expect(await readActing(world.redis, world.storeHash, kept.id)).not.toBeNull();
    const ended = await readAudit(world.redis, world.storeHash, { actingId: acting.id });
    expect(ended.map((e) => e.action)).toEqual(['acting-revoked', 'acting-start']);
    expect(ended[0]?.detail).toMatchObject({ reason: 'assignment-removed', by: 'sweep' });

    // Another run finds nothing more to end.
    await syncReps(world.ctx);
    expect(await readAudit(world.redis, world.storeHash, { actingId: acting.id })).toHaveLength(2);
    await world.erpAdmin('PUT', `/customers/${companyOf(companyId).erpCustomerNumber}/sales-rep`, { salesRep: first.email });
  });

  it('a rep made inactive in the ERP is removed, and so are its impersonations', async () => {
    await syncReps(world.ctx);
    const [, second] = world.dataset.salesReps;
    if (!second) throw new Error('two reps');
    const acting = await actingFor(second.email, second.companyIds[0] ?? 0);
    await world.erpAdmin('PATCH', `/employees/${second.email}`, { isInactive: true });
    const stats = await syncReps(world.ctx);
    expect(stats.deleted).toBe(1);
    expect(await repIdByEmail(world.redis, world.storeHash, second.email)).toBeNull();
    expect(await readRep(world.redis, world.storeHash, acting.rep.id)).toBeNull();
    const entries = await readAudit(world.redis, world.storeHash, { actingId: acting.id, action: 'acting-revoked' });
    expect(entries).toHaveLength(1);
    expect(entries[0]?.detail).toMatchObject({ reason: 'rep-removed' });
    await world.erpAdmin('PATCH', `/employees/${second.email}`, { isInactive: false });
  });

  it('an expired impersonation is ended by the sync’s sweep with an expiry entry', async () => {
    await syncReps(world.ctx);
    const [first] = world.dataset.salesReps;
    const acting = await actingFor(first?.email ?? '', first?.companyIds[0] ?? 0);
    // Make it due: the index and the record both say it expired a minute ago.
    const past = { ...acting, expiresAt: new Date(Date.now() - 60_000).toISOString() };
    await world.redis.hset(`rep:${world.storeHash}:acting:${acting.id}`, 'record', JSON.stringify(past));
    await syncReps(world.ctx);
    const entries = await readAudit(world.redis, world.storeHash, { actingId: acting.id, action: 'acting-expired' });
    expect(entries).toHaveLength(1);
    expect(await readActing(world.redis, world.storeHash, acting.id)).toBeNull();
  });

  it('dead-letters reps that cannot sign in (no e-mail, shared e-mail) and keeps the others', async () => {
    const reps: SalesRep[] = [
      { id: '1', email: 'ok@example.com', firstName: 'Ok', lastName: 'Rep', accounts: [] },
      { id: '2', email: '', firstName: 'No', lastName: 'Mail', accounts: [] },
      { id: '3', email: 'Same@example.com', firstName: 'A', lastName: 'Twin', accounts: [] },
      { id: '4', email: 'same@example.com ', firstName: 'B', lastName: 'Twin', accounts: [] },
    ];
    const erp: ErpAdapter = Object.create(world.ctx.erp) as ErpAdapter;
    erp.readSalesReps = async () => ({ rows: (async function* () { yield* reps; })() });
    const stats = await syncReps({ ...world.ctx, erp });
    expect(stats).toMatchObject({ examined: 4, deadLettered: 3 });
    expect(await world.redis.hkeys(repDirectoryKeys(world.storeHash).reps)).toEqual(['1']);
    const letters = await world.ctx.deadLetters.list();
    expect(letters.map((l) => l.reason).join('\n')).toMatch(/shares the e-mail same@example.com/);
  });
});
