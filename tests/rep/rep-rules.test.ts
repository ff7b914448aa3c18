import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, auditXaddArgs, readAudit, type AuditEntry } from '@/lib/audit/audit-log';
import { checkActing } from '@/lib/rep/acting-authorization';
import type { ActingRecord } from '@/lib/rep/acting-store';
import { accountMatches } from '@/lib/rep/account-search';
import { creditView, orderSummaryView } from '@/lib/rep/account-view';
import { clientAddress } from '@/lib/rep/client-address';
import { repFromSession } from '@/lib/session/session-data';
import type { CreditSnapshotRead } from '@/sync/flows/credit/sync-credit';
import type { AccountBuyer, RepRecord } from '@/sync/flows/reps/rep-directory';
import { deleteStoreKeys, REP_TEST_REDIS_DB } from './rep-world';

/** The rules behind the rep pages and the audit log, each on its own. */
const NOW = Date.parse('2026-03-02T10:00:00Z');
const buyer: AccountBuyer = { customerId: 7, email: 'ethan@acme.example', firstName: 'Ethan', lastName: 'Abara', customerGroupId: 3 };
const rep: RepRecord = { id: '41', email: 'sam@example.com', firstName: 'Samuel', lastName: 'Haddad', accounts: [{ customerNumber: 'C10042', companyName: 'Acme Fabrication Works' }] };
const record: ActingRecord = {
  id: '0b9a2b8e-5f2a-4c1e-9a55-3f1f0d3c2a10',
  rep: { id: '41', name: 'Samuel Haddad', email: 'sam@example.com' },
  buyer: { ...buyer, customerGroupName: 'Acme' },
  company: { customerNumber: 'C10042', name: 'Acme Fabrication Works' },
  reason: 'call',
  startedAt: new Date(NOW - 10 * 60_000).toISOString(),
  expiresAt: new Date(NOW + 50 * 60_000).toISOString(),
};

describe('whether an impersonation may go on', () => {
  it('goes on while unexpired, the rep’s, assigned and the buyer still buying for the account', () => {
    expect(checkActing(record, rep, [buyer], NOW)).toEqual({ allowed: true });
  });

  const cases: [string, RepRecord | null, AccountBuyer[], number, string][] = [
    ['the time box ran out', rep, [buyer], NOW + 50 * 60_000, 'expired'],
    ['the rep is gone from the ERP', null, [buyer], NOW, 'rep-removed'],
    ['it is another rep’s', { ...rep, id: '42' }, [buyer], NOW, 'rep-removed'],
    ['the account was unassigned', { ...rep, accounts: [] }, [buyer], NOW, 'assignment-removed'],
    ['the buyer left the account', rep, [{ ...buyer, customerId: 8 }], NOW, 'buyer-removed'],
  ];
  it.each(cases)('ends when %s', (_why, who, buyers, now, reason) => {
    const verdict = checkActing(record, who, buyers, now);
    expect(verdict.allowed).toBe(false);
    if (!verdict.allowed) expect(verdict.reason).toBe(reason);
  });
});

describe('the rep part of the session cookie', () => {
  it('carries only the rep id, when it signed in and which impersonation it started', () => {
    const rep = { repId: '41', signedInAt: 1, actingId: record.id };
    expect(repFromSession({ rep })).toEqual(rep);
    expect(repFromSession({ rep: { repId: '41', signedInAt: 1 } })).toEqual({ repId: '41', signedInAt: 1 });
  });
  it('treats anything else as no rep', () => {
    expect(repFromSession({})).toBeNull();
    expect(repFromSession({ rep: { repId: '', signedInAt: 1 } })).toBeNull();
    expect(repFromSession({ rep: { repId: '41', signedInAt: 1, actingId: 'not-an-id' } })).toBeNull();
  });
});

describe('rep home search', () => {
  const account = rep.accounts[0] ?? { customerNumber: '', companyName: '' };
  it.each(['', 'acme', 'ACME works', 'c10042', 'abara', 'ethan@acme', 'Fabricatión'])('finds the account for “%s”', (query) => {
    expect(accountMatches(account, [buyer], query)).toBe(true);
  });
  it.each(['sunbelt', 'acme sunbelt', 'C10059'])('does not find it for “%s”', (query) => {
    expect(accountMatches(account, [buyer], query)).toBe(false);
  });
});

describe('what the rep pages show', () => {
  const credit: CreditSnapshotRead = {
    customerNumber: 'C10042', currency: 'USD', creditLimit: 25_000_000, balance: 9_000_050, unbilledOrders: 1_000_000, overdueBalance: 0,
    availableCredit: 14_999_950, creditHoldOverride: 'AUTO', onHold: false, termsDays: 45, termsName: 'Net 45',
    syncedAt: '2026-03-02T09:00:00Z', confirmedAt: '2026-03-02T09:00:00Z',
  };

  it('credit used is balance plus unbilled orders, from integer cents', () => {
    expect(creditView(credit)).toMatchObject({ limit: '$250,000.00', used: '$100,000.50', available: '$149,999.50', overdue: null, holdLabel: 'Not on hold' });
  });

  it('says why an account is held or exempt', () => {
    expect(creditView({ ...credit, onHold: true, creditHoldOverride: 'ON', overdueBalance: 12_345 })).toMatchObject({ onHold: true, holdLabel: 'On credit hold (set in the ERP)', overdue: '$123.45' });
    expect(creditView({ ...credit, creditHoldOverride: 'OFF' }).holdLabel).toBe('Not on hold (exempt from automatic holds)');
    expect(creditView({ ...credit, creditLimit: null, availableCredit: null })).toMatchObject({ limit: 'No limit', available: 'No limit' });
  });

  it('formats the order summary and says when the open count is partial', () => {
    const view = orderSummaryView(
      { lastOrder: { orderId: 105, placedAt: new Date('2026-02-27T16:00:00Z'), total: { minor: 123_456, currency: 'USD' } }, openCount: 2, openTotals: [{ minor: 50_000, currency: 'USD' }], truncated: true },
      50,
    );
    expect(view).toEqual({ lastOrder: { orderId: 105, date: 'Feb 27, 2026', total: '$1,234.56' }, openCount: 2, openTotal: '$500.00', note: "among each buyer's last 50 orders" });
  });
});

describe('client address for sign-in limits', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9'],
    ['198.51.100.1, 203.0.113.9', '203.0.113.9'],
    ['2001:DB8::1', '2001:db8::1'],
    [null, 'unknown'],
    ['evil<script>', 'unknown'],
  ])('%s → %s', (header, expected) => {
    expect(clientAddress(header)).toBe(expected);
  });
});

describe('audit log', () => {
  const storeHash = `reptest${process.pid}audit`;
  let redis: Redis;
  beforeAll(async () => {
    redis = new Redis({ host: '127.0.0.1', port: 6379, db: REP_TEST_REDIS_DB, lazyConnect: true });
    await redis.connect();
    await deleteStoreKeys(redis, storeHash);
  });
  afterAll(async () => {
    await deleteStoreKeys(redis, storeHash);
    redis.disconnect();
  });

  const entry = (action: AuditEntry['action'], overrides: Partial<AuditEntry> = {}): AuditEntry => ({
    action, at: new Date().toISOString(), outcome: 'ok', rep: record.rep,
    buyer: { customerId: 7, email: buyer.email, name: 'Ethan Abara' }, company: record.company, actingId: record.id, correlationId: 'c1', detail: {},
    ...overrides,
  });

  it('reads entries newest first, filtered by rep, buyer, company, impersonation and action', async () => {
    await appendAudit(redis, storeHash, entry('acting-start'));
    await appendAudit(redis, storeHash, entry('cart-add', { detail: { lines: [{ variantEntityId: 1, quantity: 2 }] } }));
    await appendAudit(redis, storeHash, entry('acting-start', { rep: { id: '42', name: 'Grace Kim', email: 'grace@example.com' }, actingId: 'other', buyer: null, company: null }));
    expect((await readAudit(redis, storeHash)).map((e) => e.action)).toEqual(['acting-start', 'cart-add', 'acting-start']);
    expect(await readAudit(redis, storeHash, { rep: 'SAM@example.com' })).toHaveLength(2);
    expect(await readAudit(redis, storeHash, { rep: '42' })).toHaveLength(1);
    expect(await readAudit(redis, storeHash, { buyerCustomerId: 7, action: 'cart-add' })).toEqual([expect.objectContaining({ detail: { lines: [{ variantEntityId: 1, quantity: 2 }] } })]);
    expect(await readAudit(redis, storeHash, { companyNumber: 'C10042', limit: 1 })).toHaveLength(1);
    expect(await readAudit(redis, storeHash, { since: new Date(Date.now() + 60_000) })).toEqual([]);
  });

  it('trims only what is past retention as it appends', () => {
    const args = auditXaddArgs(entry('cart-add'), Date.parse('2027-01-01T00:00:00Z'));
    expect(args.slice(0, 4)).toEqual(['MINID', '~', `${Date.parse('2027-01-01T00:00:00Z') - 400 * 86_400_000}-0`, '*']);
  });
});
