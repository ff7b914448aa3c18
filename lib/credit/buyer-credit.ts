import 'server-only';
import { z } from 'zod';
import { getManagementClient } from '@/lib/bigcommerce/management-client';
import { cachedCreditSnapshot } from '@/lib/cache/credit-snapshot';
import { ttlMemo } from '@/lib/cache/ttl-memo';
import { getConfig } from '@/lib/config';
import { getRedis } from '@/lib/redis/client';
import { erpAdapterFromEnv, loadSyncConfig } from '@/sync/config';
import type { ErpAdapter } from '@/sync/erp/erp';
import { readCreditSnapshot } from '@/sync/flows/credit/sync-credit';
import { erpCustomerNumberOf } from '@/sync/flows/customer-link';
import { orderKeys } from '@/sync/flows/orders/keys';
import { OrderLedger } from '@/sync/flows/orders/order-ledger';
import { syncKeys } from '@/sync/state/keys';
import { readCreditView, type CreditGateDeps, type CreditUnavailable, type CreditView } from './credit-gate';
import { CreditReservations, reservationsKey } from './reservations';

/**
 * The credit gate as the storefront uses it: the live ERP adapter (same variables as the sync), the sync's credit
 * snapshots and order ledger in Redis, our reservations beside them. One instance per process (globalThis: Next
 * bundles route handlers and pages separately, and the ERP adapter holds its token).
 */
const holder = globalThis as typeof globalThis & { __creditGate?: CreditGateDeps; __erpAdapter?: ErpAdapter };

export function creditGate(): CreditGateDeps {
  if (holder.__creditGate) return holder.__creditGate;
  const config = getConfig();
  const redis = getRedis();
  const keys = syncKeys(config.BIGCOMMERCE_STORE_HASH);
  const ledger = new OrderLedger(redis, orderKeys(config.BIGCOMMERCE_STORE_HASH));
  holder.__erpAdapter ??= erpAdapterFromEnv(loadSyncConfig());
  holder.__creditGate = {
    erp: holder.__erpAdapter,
    reservations: new CreditReservations(redis, (customerNumber) => reservationsKey(config.BIGCOMMERCE_STORE_HASH, customerNumber)),
    readSnapshot: (customerNumber) => readCreditSnapshot(redis, keys, customerNumber),
    isOrderConfirmed: async (orderId) => (await ledger.posted(orderId)) !== null,
    settings: {
      snapshotMaxAgeMs: config.CREDIT_SNAPSHOT_MAX_AGE_MS,
      snapshotKeptPerMille: config.CREDIT_SNAPSHOT_COUNTS_PERCENT * 10,
      holdTtlMs: 10 * 60_000,
      warnPerMille: config.CREDIT_WARN_PERCENT * 10,
      liveReadTimeoutMs: 5_000,
    },
    log: (event, fields) => console.info(JSON.stringify({ event, at: new Date().toISOString(), ...fields })),
  };
  return holder.__creditGate;
}

const customerNotes = z.object({ data: z.array(z.object({ id: z.number(), notes: z.string().nullish() })) });

/** The ERP customer a BigCommerce buyer orders for (the "ERP customer {n}" link in its notes); changes rarely. */
export const erpCustomerNumberFor = ttlMemo(60_000, async (customerId: number): Promise<string | null> => {
  const response = customerNotes.parse(await getManagementClient().get('/v3/customers', { query: { 'id:in': customerId } }));
  // Only the record of the buyer asked about, never whatever the filter happened to return first.
  return erpCustomerNumberOf(response.data.find((customer) => customer.id === customerId)?.notes);
});

/**
 * The signed-in buyer's credit, for the cart, account and checkout pages. Shown on every cart view, so the ERP's
 * figures are kept for seconds per instance (dropped by the sync's `credit-changed` event) instead of costing an
 * ERP request each time; our own exposure is still read fresh. Placing an order reads the ERP live.
 */
export async function buyerCredit(customerId: number): Promise<CreditView | CreditUnavailable> {
  const customerNumber = await erpCustomerNumberFor(customerId);
  if (!customerNumber) return { unavailable: true, reason: 'unknown-customer', message: 'Your account is not linked to a company account, so on-account ordering is not available.' };
  const gate = creditGate();
  const forDisplay: CreditGateDeps = { ...gate, erp: { getCredit: (number) => cachedCreditSnapshot(number, () => gate.erp.getCredit(number)) } };
  return readCreditView(forDisplay, customerNumber);
}
