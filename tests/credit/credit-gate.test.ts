import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { readCreditView, reserveCredit, type CreditGateDeps } from '@/lib/credit/credit-gate';
import { CreditReservations, PLACED_EXPOSURE_MAX_AGE_MS } from '@/lib/credit/reservations';
import type { CustomerCredit } from '@/sync/erp/erp';
import type { CreditSnapshotRead } from '@/sync/flows/credit/sync-credit';

/**
 * The credit gate with real Redis (DB 0, under a unique key prefix that is deleted afterwards) and an ERP whose
 * answers the test controls: race safety, holds, the ERP-down fallback and every refusal.
 */
const redis = new Redis('redis://127.0.0.1:6379/0');
const prefix = `test:credit:${randomUUID()}`;
afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

const CUSTOMER = 'C-1001';
function credit(overrides: Partial<CustomerCredit> = {}): CustomerCredit {
  return {
    customerNumber: CUSTOMER,
    currency: 'USD',
    creditLimit: 10_000_00,
    balance: 2_000_00,
    unbilledOrders: 1_000_00,
    overdueBalance: 0,
    availableCredit: 7_000_00,
    creditHoldOverride: 'AUTO',
    onHold: false,
    termsDays: 30,
    termsName: 'Net 30',
    ...overrides,
  };
}

let erpCredit: CustomerCredit | null | 'down';
let snapshot: CreditSnapshotRead | null;
let confirmedOrders: Set<number>;
let logs: { event: string; fields: Record<string, unknown> }[];
let deps: CreditGateDeps;

beforeEach(() => {
  erpCredit = credit();
  snapshot = null;
  confirmedOrders = new Set();
  logs = [];
  const run = randomUUID();
  deps = {
    erp: {
      getCredit: async () => {
        if (erpCredit === 'down') throw new Error('ERP 503');
        return erpCredit;
      },
    },
    reservations: new CreditReservations(redis, (customer) => `${prefix}:${run}:${customer}`),
    readSnapshot: async () => snapshot,
    isOrderConfirmed: async (orderId) => confirmedOrders.has(orderId),
    settings: { snapshotMaxAgeMs: 15 * 60_000, snapshotKeptPerMille: 800, holdTtlMs: 10 * 60_000, warnPerMille: 900, liveReadTimeoutMs: 2_000 },
    log: (event, fields) => logs.push({ event, fields }),
  };
});

const usd = (minor: number) => ({ minor, currency: 'USD' });
const reserve = (amount: number, reservationId: string = randomUUID()) => reserveCredit(deps, { customerNumber: CUSTOMER, reservationId, amount: usd(amount) });

describe('credit gate', () => {
  it('20 concurrent checkouts of 1,000.00 against 7,000.00 of headroom: exactly 7 pass and the total never exceeds it', async () => {
    const decisions = await Promise.all(Array.from({ length: 20 }, () => reserve(1_000_00)));
    const allowed = decisions.filter((d) => d.allowed);
    expect(allowed).toHaveLength(7);
    expect(await deps.reservations.exposure(CUSTOMER)).toBe(7_000_00);
    for (const refused of decisions.filter((d) => !d.allowed)) {
      expect(refused).toMatchObject({ refusal: 'insufficient', available: 0, shortfall: 1_000_00 });
    }
  });

  it('refuses an order over the available credit with the available amount and the shortfall', async () => {
    expect(await reserve(4_000_00)).toMatchObject({ allowed: true, availableAfter: 3_000_00 });
    expect(await reserve(3_500_00)).toMatchObject({ allowed: false, refusal: 'insufficient', available: 3_000_00, shortfall: 500_00 });
  });

  it('a released hold frees its credit; a hold left by a dead process lapses; a retried placement replaces its own hold', async () => {
    const first = await reserve(6_000_00, 'checkout-a');
    expect(first.allowed).toBe(true);
    expect((await reserve(6_000_00, 'checkout-a')).allowed).toBe(true); // the same checkout again: not counted twice
    expect((await reserve(2_000_00)).allowed).toBe(false);
    await deps.reservations.release(CUSTOMER, 'checkout-a');
    expect((await reserve(2_000_00)).allowed).toBe(true);

    await deps.reservations.reserve(CUSTOMER, 'crashed', 5_000_00, 7_000_00, 1_000, Date.now() - 2_000);
    expect(await deps.reservations.exposure(CUSTOMER)).toBe(2_000_00);
  });

  it('a placed order stays exposure until the ERP confirms it, then the ERP’s own unbilled figure carries it', async () => {
    const decision = await reserve(5_000_00, 'checkout-b');
    expect(await deps.reservations.markPlaced(CUSTOMER, 'checkout-b', 101)).toBe(true);
    expect(decision.allowed).toBe(true);
    expect((await reserve(3_000_00)).allowed).toBe(false);

    confirmedOrders.add(101);
    erpCredit = credit({ unbilledOrders: 6_000_00 });
    const view = await readCreditView(deps, CUSTOMER);
    expect(view).toMatchObject({ pendingExposure: 0, available: 2_000_00 });
  });

  it('a checkout that already became an order cannot reserve again under its id (a retried form is not a second hold)', async () => {
    expect((await reserve(2_000_00, 'checkout-c')).allowed).toBe(true);
    await deps.reservations.markPlaced(CUSTOMER, 'checkout-c', 102);
    expect(await reserve(2_000_00, 'checkout-c')).toMatchObject({ allowed: false, refusal: 'already-placed' });
    expect(await deps.reservations.exposure(CUSTOMER)).toBe(2_000_00);
  });

  it('a confirmed order stops counting only against live ERP figures; a snapshot may predate it', async () => {
    await reserve(3_000_00, 'checkout-d');
    await deps.reservations.markPlaced(CUSTOMER, 'checkout-d', 103);
    confirmedOrders.add(103);
    erpCredit = 'down';
    snapshot = { ...credit(), syncedAt: new Date().toISOString(), confirmedAt: new Date(Date.now() - 60_000).toISOString() };
    expect(await readCreditView(deps, CUSTOMER)).toMatchObject({ source: { kind: 'snapshot' }, pendingExposure: 3_000_00 });
    erpCredit = credit({ unbilledOrders: 4_000_00 });
    expect(await readCreditView(deps, CUSTOMER)).toMatchObject({ source: { kind: 'live' }, pendingExposure: 0, available: 4_000_00 });
  });

  it('an order the ERP never confirms stops counting after a week instead of shrinking the credit line for good', async () => {
    await reserve(3_000_00, 'checkout-e');
    await deps.reservations.markPlaced(CUSTOMER, 'checkout-e', 104);
    expect(await deps.reservations.exposure(CUSTOMER)).toBe(3_000_00);
    await deps.reservations.settle(CUSTOMER, async () => false, Date.now() + PLACED_EXPOSURE_MAX_AGE_MS + 1);
    expect(await deps.reservations.exposure(CUSTOMER)).toBe(0);
  });

  it('refuses on hold, without a limit, and in another currency, each with a message saying why', async () => {
    erpCredit = credit({ onHold: true, creditHoldOverride: 'ON' });
    expect(await reserve(1_00)).toMatchObject({ allowed: false, refusal: 'on-hold', message: expect.stringMatching(/credit hold/) });
    erpCredit = credit({ creditLimit: null, availableCredit: null });
    expect(await reserve(1_00)).toMatchObject({ allowed: false, refusal: 'no-limit' });
    erpCredit = credit({ currency: 'CAD' });
    expect(await reserve(1_00)).toMatchObject({ allowed: false, refusal: 'currency-mismatch', message: expect.stringMatching(/CAD/) });
    erpCredit = null;
    expect(await reserve(1_00)).toMatchObject({ allowed: false, refusal: 'unknown-customer' });
    expect(await deps.reservations.exposure(CUSTOMER)).toBe(0);
  });

  it('with the ERP down, decides on a fresh snapshot counting only 80 % of it, and refuses on a stale or missing one', async () => {
    erpCredit = 'down';
    expect(await reserve(1_00)).toMatchObject({ allowed: false, refusal: 'erp-unreachable' });

    snapshot = { ...credit(), syncedAt: new Date().toISOString(), confirmedAt: new Date(Date.now() - 60_000).toISOString() };
    // 7,000.00 available per the snapshot; 80 % of it counts.
    expect(await reserve(5_700_00)).toMatchObject({ allowed: false, refusal: 'insufficient', available: 5_600_00 });
    expect(await reserve(5_600_00)).toMatchObject({ allowed: true, availableAfter: 0 });

    snapshot = { ...snapshot, confirmedAt: new Date(Date.now() - 16 * 60_000).toISOString() };
    expect(await reserve(1_00)).toMatchObject({ allowed: false, refusal: 'erp-unreachable', message: expect.stringMatching(/pay by card/) });
    const logged = logs.find((l) => l.event === 'credit: ERP unreachable, considering the snapshot' && (l.fields.snapshotAgeMs as number) > 15 * 60_000);
    expect(logged?.fields).toMatchObject({ customerNumber: CUSTOMER, error: 'ERP 503', maxAgeMs: 15 * 60_000 });
  });

  it('logs every decision with its inputs', async () => {
    await reserve(1_000_00, 'logged');
    const entry = logs.find((l) => l.event === 'credit decision');
    expect(entry?.fields).toMatchObject({ customerNumber: CUSTOMER, reservationId: 'logged', amount: 1_000_00, allowed: true, source: { kind: 'live' }, erp: { limit: 10_000_00, balance: 2_000_00, unbilled: 1_000_00, onHold: false } });
  });

  it('warns near the limit', async () => {
    erpCredit = credit({ balance: 8_500_00, unbilledOrders: 600_00 });
    expect(await readCreditView(deps, CUSTOMER)).toMatchObject({ available: 900_00, nearLimit: true });
    erpCredit = credit();
    expect(await readCreditView(deps, CUSTOMER)).toMatchObject({ available: 7_000_00, nearLimit: false });
  });
});
