import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncContext, type SyncContext } from '../../sync/context';
import type { CustomerCredit, ErpAdapter } from '../../sync/erp/erp';
import { FileDropErpAdapter } from '../../sync/erp/file-drop/adapter';
import { parseDecimalToMinor } from '../../sync/erp/money';
import { readCreditSnapshot, syncCredit } from '../../sync/flows/credit/sync-credit';
import { startSyncWorld, type SyncWorld } from './support';

/**
 * ERP customer credit → Redis snapshots for the checkout credit gate, against the NetSuite emulator and real Redis.
 * Expected figures come from the emulator's own tables (SQL), not from the adapter the sync reads through.
 */
let world: SyncWorld;
beforeAll(async () => {
  world = await startSyncWorld({ redisDb: 10 });
});
afterAll(() => world.close());

interface ErpCredit {
  customerNumber: string;
  currency: string;
  creditLimit: number | null;
  balance: number;
  unbilledOrders: number;
  overdueBalance: number;
  creditHoldOverride: string;
  onHold: boolean;
  termsDays: number | null;
  termsName: string | null;
}

function cents(decimal: string): number {
  const parsed = parseDecimalToMinor(decimal);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

async function erpCredits(): Promise<Map<string, ErpCredit>> {
  const rows = await world.ns.sql<{
    entityid: string;
    currency: string;
    creditlimit: string | null;
    balancesearch: string;
    unbilledorderssearch: string;
    overduebalancesearch: string;
    creditholdoverride: string;
    oncredithold: string;
    daysuntilnetdue: number | null;
    termsname: string | null;
  }>(
    `SELECT c.entityid, cur.symbol AS currency, c.creditlimit, c.balancesearch, c.unbilledorderssearch, c.overduebalancesearch,
       c.creditholdoverride, c.oncredithold, t.daysuntilnetdue, t.name AS termsname
     FROM customer c JOIN currency cur ON cur.id = c.currency LEFT JOIN term t ON t.id = c.terms ORDER BY c.id`,
  );
  return new Map(
    rows.map((r) => [
      r.entityid,
      {
        customerNumber: r.entityid,
        currency: r.currency,
        creditLimit: r.creditlimit === null ? null : cents(String(r.creditlimit)),
        balance: cents(String(r.balancesearch)),
        unbilledOrders: cents(String(r.unbilledorderssearch)),
        overdueBalance: cents(String(r.overduebalancesearch)),
        creditHoldOverride: r.creditholdoverride,
        onHold: r.oncredithold === 'T',
        termsDays: r.daysuntilnetdue,
        termsName: r.termsname,
      },
    ]),
  );
}

async function erpCredit(customerNumber: string): Promise<ErpCredit> {
  const credit = (await erpCredits()).get(customerNumber);
  if (!credit) throw new Error(`no ERP customer ${customerNumber}`);
  return credit;
}

async function snapshot(customerNumber: string) {
  return readCreditSnapshot(world.redis, world.ctx.keys, customerNumber);
}

async function creditEvents(): Promise<string[][]> {
  return (await world.ctx.events.recent(1000)).flatMap((e) => (e.type === 'credit-changed' ? [e.customerNumbers] : []));
}

describe('credit sync', () => {
  it('a first full sync stores every ERP customer’s credit position, in integer minor units', async () => {
    const erp = await erpCredits();
    expect(erp.size).toBeGreaterThan(3);
    const stats = await syncCredit(world.ctx, { full: true });
    expect(stats.mode).toBe('full');
    expect(stats.examined).toBe(erp.size);
    expect(stats.changed).toBe(erp.size);
    expect(stats.batches).toBe(0);
    expect(await world.redis.hlen(world.ctx.keys.creditSnapshots)).toBe(erp.size);

    for (const [number, expected] of erp) {
      const stored = await snapshot(number);
      expect(stored).toMatchObject(expected);
      expect(stored?.availableCredit).toBe(expected.creditLimit === null ? null : expected.creditLimit - expected.balance - expected.unbilledOrders);
      for (const amount of [stored?.balance, stored?.unbilledOrders, stored?.overdueBalance]) expect(Number.isSafeInteger(amount)).toBe(true);
      expect(Date.parse(stored?.syncedAt ?? '')).not.toBeNaN();
      expect(stored?.confirmedAt).toBe(stored?.syncedAt);
    }
    expect(new Set((await creditEvents()).flat())).toEqual(new Set(erp.keys()));
    expect(await snapshot('NO-SUCH-CUSTOMER')).toBeNull();
  });

  it('a second run changes nothing and announces nothing, but confirms the snapshots as still current', async () => {
    const [number] = (await erpCredits()).keys();
    if (!number) throw new Error('no customers');
    const before = await snapshot(number);
    const events = (await creditEvents()).length;
    // A full run re-reads every customer: only the content comparison keeps it from counting them all as changed.
    const full = await syncCredit(world.ctx, { full: true });
    expect(full.examined).toBeGreaterThan(0);
    expect(full.changed).toBe(0);
    const stats = await syncCredit(world.ctx);
    expect(stats.mode).toBe('delta');
    expect(stats.changed).toBe(0);
    expect((await creditEvents()).length).toBe(events);
    // The delta saw no change to this customer, so its figures are confirmed as of that run's start.
    expect((await snapshot(number))?.confirmedAt).toBe(stats.startedAt);
    expect(stats.startedAt > (before?.syncedAt ?? '')).toBe(true);
  });

  it('each credit hold state reaches the snapshot through a delta run, with an event', async () => {
    // The customer owing the most, so a tiny limit puts it over: AUTO must then hold it by itself.
    const customer = [...(await erpCredits()).values()].sort((a, b) => b.balance + b.unbilledOrders - (a.balance + a.unbilledOrders))[0];
    if (!customer) throw new Error('no customers');
    expect(customer.balance + customer.unbilledOrders).toBeGreaterThan(1);
    const steps: { change: Record<string, unknown>; override: string; onHold?: boolean }[] = [
      { change: { creditHoldOverride: 'ON', creditLimit: null }, override: 'ON', onHold: true },
      { change: { creditHoldOverride: 'OFF', creditLimit: '0.01' }, override: 'OFF', onHold: false },
      { change: { creditHoldOverride: 'AUTO' }, override: 'AUTO', onHold: true },
      // AUTO with room under the limit: held only if something is overdue, as the ERP computes it.
      { change: { creditLimit: '99999999.00' }, override: 'AUTO' },
    ];
    for (const step of steps) {
      await world.ns.admin.setCredit(customer.customerNumber, step.change);
      const expected = await erpCredit(customer.customerNumber);
      expect(expected.creditHoldOverride).toBe(step.override);
      if (step.onHold !== undefined) expect(expected.onHold).toBe(step.onHold);

      const stats = await syncCredit(world.ctx);
      expect(stats.mode).toBe('delta');
      expect(stats.changed).toBe(1);
      expect(await snapshot(customer.customerNumber)).toMatchObject(expected);
      expect((await creditEvents()).at(-1)).toEqual([customer.customerNumber]);
    }
  });

  it('a credit limit change is picked up by a delta; a dry run only reports it', async () => {
    const customers = [...(await erpCredits()).values()];
    const customer = customers.find((c) => c.creditLimit !== null && c.creditHoldOverride === 'AUTO' && c.balance + c.unbilledOrders < c.creditLimit) ?? customers[0];
    if (!customer) throw new Error('no customers');
    const raised = (customer.creditLimit ?? 0) + 123_456;
    await world.ns.admin.setCredit(customer.customerNumber, { creditLimit: `${Math.floor(raised / 100)}.${String(raised % 100).padStart(2, '0')}` });
    const before = await snapshot(customer.customerNumber);

    const dry = await syncCredit(world.ctx, { dryRun: true });
    expect(dry.changed).toBe(1);
    expect(await snapshot(customer.customerNumber)).toEqual(before);

    const stats = await syncCredit(world.ctx);
    expect(stats.mode).toBe('delta');
    expect(stats.changed).toBe(1);
    const stored = await snapshot(customer.customerNumber);
    expect(stored?.creditLimit).toBe(raised);
    expect(stored?.availableCredit).toBe(raised - customer.balance - customer.unbilledOrders);
    expect(stored).toMatchObject(await erpCredit(customer.customerNumber));
    expect((await creditEvents()).at(-1)).toEqual([customer.customerNumber]);
  });

  it('a full run drops the snapshot of a customer the ERP no longer returns', async () => {
    const [template] = (await erpCredits()).values();
    if (!template) throw new Error('no customers');
    // A snapshot left from a customer since removed from the ERP must not keep approving orders.
    await world.redis.hset(world.ctx.keys.creditSnapshots, 'C-GONE', JSON.stringify({ ...template, customerNumber: 'C-GONE', syncedAt: new Date().toISOString() }));
    expect(await snapshot('C-GONE')).not.toBeNull();
    const stats = await syncCredit(world.ctx, { full: true });
    expect(stats.deleted).toBe(1);
    expect(stats.changed).toBe(0);
    expect(await snapshot('C-GONE')).toBeNull();
    expect((await creditEvents()).at(-1)).toEqual(['C-GONE']);
  });
});

/** The ERP's credit figures only (what a snapshot must equal), without the sync's timestamps. */
function figures(snapshot: CustomerCredit | null): CustomerCredit | null {
  if (!snapshot) return null;
  const { customerNumber, currency, creditLimit, balance, unbilledOrders, overdueBalance, availableCredit, creditHoldOverride, onHold, termsDays, termsName } = snapshot;
  return { customerNumber, currency, creditLimit, balance, unbilledOrders, overdueBalance, availableCredit, creditHoldOverride, onHold, termsDays, termsName };
}

describe('credit sync: a refused row', () => {
  /** The NetSuite adapter with one customer's row broken the way a faulty adapter would break it (a float amount). */
  function withBrokenRow(customerNumber: string): SyncContext {
    const erp: ErpAdapter = Object.create(world.ctx.erp) as ErpAdapter;
    erp.readCredit = async (options) => {
      const read = await world.ctx.erp.readCredit(options);
      return {
        ...read,
        rows: (async function* () {
          for await (const row of read.rows) yield row.customerNumber === customerNumber ? { ...row, balance: row.balance + 0.5 } : row;
        })(),
      };
    };
    return { ...world.ctx, erp };
  }

  it('is dead-lettered, applies nothing, and leaves the last good snapshot to age instead of looking fresh', async () => {
    const customers = [...(await erpCredits()).values()];
    const [broken, healthy] = customers;
    if (!broken || !healthy) throw new Error('need two customers');
    const before = await snapshot(broken.customerNumber);
    expect(before).not.toBeNull();
    // Both change in the ERP, so both come back in the next delta; one of the two rows is broken.
    await world.ns.admin.setCredit(broken.customerNumber, { creditLimit: '4321.00' });
    await world.ns.admin.setCredit(healthy.customerNumber, { creditLimit: '8765.00' });
    const letters = await world.ctx.deadLetters.size();

    const stats = await syncCredit(withBrokenRow(broken.customerNumber));
    expect(stats.deadLettered).toBe(1);
    const [letter] = (await world.ctx.deadLetters.list()).slice(letters);
    expect(letter?.reason).toContain(`customer ${broken.customerNumber}`);
    expect(letter?.reason).toContain('balance');
    expect(letter?.reason).toContain('fix it in the ERP');
    // Nothing of the refused row landed, and its snapshot keeps the confirmation it had: it ages from there.
    const frozen = await snapshot(broken.customerNumber);
    expect(figures(frozen)).toEqual(figures(before));
    expect(frozen?.confirmedAt).toBe(before?.confirmedAt);
    expect((await snapshot(healthy.customerNumber))?.creditLimit).toBe(876_500);
    expect((await snapshot(healthy.customerNumber))?.confirmedAt).toBe(stats.startedAt);

    // Later runs (a full one included) neither refresh it nor take the customer for gone.
    const full = await syncCredit(withBrokenRow(broken.customerNumber), { full: true });
    expect(full.deleted).toBe(0);
    expect((await snapshot(broken.customerNumber))?.confirmedAt).toBe(before?.confirmedAt);

    // Once the ERP sends good figures again, they apply and are current.
    const fixed = await syncCredit(world.ctx, { full: true });
    const current = await snapshot(broken.customerNumber);
    expect(current).toMatchObject(await erpCredit(broken.customerNumber));
    expect(current?.confirmedAt).toBe(fixed.startedAt);
    expect((await creditEvents()).at(-1)).toContain(broken.customerNumber);
  });

  it('refused by the adapter (a file-drop row with a bad amount): the customer’s last good snapshot ages too', async () => {
    const root = await mkdtemp(join(tmpdir(), 'credit-file-drop-'));
    try {
      await writeFile(join(root, 'customers.csv'), 'customer_number,currency,credit_limit,balance\nC1,USD,1000.00,100.00\nC2,USD,2000.00,200.00\n');
      const ctx = createSyncContext({
        storeHash: 'credit-file-drop',
        channelId: 1,
        apiUrl: world.bc.env.BIGCOMMERCE_API_URL ?? '',
        accessToken: 'unused: the credit flow does not call BigCommerce',
        redis: world.redis,
        erp: new FileDropErpAdapter({ root }),
      });
      const first = await syncCredit(ctx, { full: true });
      const before = await readCreditSnapshot(world.redis, ctx.keys, 'C1');
      expect(before?.confirmedAt).toBe(first.startedAt);

      // A delta drop: C1's balance has three decimals (refused by the adapter), C2's credit limit changed.
      await mkdir(join(root, 'deltas', 'customers'), { recursive: true });
      await writeFile(join(root, 'deltas', 'customers', '20990101T0000Z.csv'), 'customer_number,currency,credit_limit,balance\nC1,USD,1000.00,150.005\nC2,USD,2500.00,200.00\n');
      const stats = await syncCredit(ctx);
      expect(stats.mode).toBe('delta');
      const c1 = await readCreditSnapshot(world.redis, ctx.keys, 'C1');
      expect(c1?.balance).toBe(10_000);
      expect(c1?.confirmedAt).toBe(first.startedAt);
      expect((await readCreditSnapshot(world.redis, ctx.keys, 'C2'))).toMatchObject({ creditLimit: 250_000, confirmedAt: stats.startedAt });
      expect(stats.deadLettered).toBe(1);
      const [letter] = await ctx.deadLetters.list();
      expect(letter?.reason).toMatch(/20990101T0000Z\.csv:line 2:balance/);
      expect(letter?.reason).toContain('customer C1');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

