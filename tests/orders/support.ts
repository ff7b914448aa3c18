import { Redis } from 'ioredis';
import { z } from 'zod';
import { createSyncContext, type SyncContext } from '../../sync/context';
import { createNetSuiteAdapter } from '../../sync/erp/netsuite/config';
import { parseDecimalToMinor } from '../../sync/erp/money';
import { erpCustomerNumberOf } from '../../sync/flows/customer-link';
import { startSyncWorld, type SyncWorld } from '../sync/support';

/**
 * The order post-back's test world: the seeded BigCommerce sandbox and NetSuite emulator (one demo dataset), real
 * Redis on the test file's own DB, and helpers that place orders the way the checkout does (REST v2, a linked
 * buyer, catalog lines at the contract prices, PO in `customer_message`) and read what the ERP holds.
 */
export interface OrderWorld extends SyncWorld {
  buyer: { id: number; customerNumber: string };
  lines: { productId: number; variantId: number; sku: string }[];
  placeOrder(overrides?: Record<string, unknown>): Promise<number>;
  /** The ERP sales orders carrying this BigCommerce order's external id, with their lines. */
  erpOrders(orderId: number): Promise<ErpOrderRow[]>;
  /** Another worker process: its own ERP adapter (so no in-process lock is shared) and Redis connection. */
  otherWorker(): Promise<SyncContext>;
  externalId(orderId: number): string;
  bcOrder(orderId: number): Promise<Record<string, unknown>>;
}

export interface ErpOrderRow {
  id: number;
  tranid: string;
  otherrefnum: string | null;
  memo: string | null;
  /** Minor units, from the emulator's decimal column. */
  shippingCost: number;
  status: string;
  lines: { sku: string; quantity: number; unitPrice: number }[];
}

function cents(decimal: string): number {
  const parsed = parseDecimalToMinor(decimal);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

export const SHIP_TO = {
  first_name: 'Dock',
  last_name: 'Four',
  company: 'Acme Fabrication Works',
  street_1: '1200 Foundry Rd',
  city: 'Toledo',
  state: 'Ohio',
  zip: '43604',
  country: 'United States',
  country_iso2: 'US',
  email: 'receiving@acme-fab.example',
};

export async function startOrderWorld(redisDb: number): Promise<OrderWorld> {
  const world = await startSyncWorld({ redisDb, products: 60 });
  const extra: (() => Promise<void>)[] = [];
  const customers = await world.ctx.rest.getV3('/v3/customers', z.array(z.looseObject({ id: z.number(), notes: z.string().nullish() })), { limit: 50 });
  const linked = customers.data.map((c) => ({ id: c.id, customerNumber: erpCustomerNumberOf(c.notes) })).find((c) => c.customerNumber !== null);
  if (!linked?.customerNumber) throw new Error('the demo store has no customer linked to an ERP customer');
  const products = await world.ctx.rest.getV3(
    '/v3/catalog/products',
    z.array(z.looseObject({ id: z.number(), variants: z.array(z.looseObject({ id: z.number(), sku: z.string() })) })),
    { include: 'variants', limit: 10 },
  );
  const lines = products.data.flatMap((p) => p.variants.slice(0, 1).map((v) => ({ productId: p.id, variantId: v.id, sku: v.sku }))).filter((l) => l.sku !== '');
  const buyer = { id: linked.id, customerNumber: linked.customerNumber };

  const placeOrder = async (overrides: Record<string, unknown> = {}): Promise<number> => {
    const [a, b] = lines;
    if (!a || !b) throw new Error('the demo catalog has too few SKUs');
    const body = {
      customer_id: buyer.id,
      status_id: 11,
      billing_address: SHIP_TO,
      shipping_addresses: [SHIP_TO],
      products: [
        { product_id: a.productId, variant_id: a.variantId, quantity: 3, price_ex_tax: 17.25, price_inc_tax: 17.25 },
        { product_id: b.productId, variant_id: b.variantId, quantity: 1, price_ex_tax: 240, price_inc_tax: 240 },
      ],
      shipping_cost_ex_tax: 12.5,
      shipping_cost_inc_tax: 12.5,
      payment_method: 'On account',
      customer_message: 'PO Number: PO-7781\nDeliver to dock 4, mornings only.',
      ...overrides,
    };
    const created = (await world.ctx.rest.post('/v2/orders', body, { schema: z.looseObject({ id: z.number() }) })) as { id: number };
    return created.id;
  };

  const externalId = (orderId: number) => `bc-${world.ctx.storeHash}-${orderId}`;
  return {
    ...world,
    buyer,
    lines,
    placeOrder,
    externalId,
    async erpOrders(orderId) {
      const orders = await world.ns.sql<Omit<ErpOrderRow, 'lines' | 'shippingCost'> & { shippingcost: string }>(
        `SELECT id, tranid, otherrefnum, memo, shippingcost::text AS shippingcost, status FROM transaction WHERE type = 'SalesOrd' AND externalid = $1 ORDER BY id`,
        [externalId(orderId)],
      );
      return Promise.all(
        orders.map(async ({ shippingcost, ...o }) => {
          const lines = await world.ns.sql<{ sku: string; quantity: number; rate: string }>(
            `SELECT i.itemid AS sku, l.quantity::float AS quantity, l.rate::text AS rate FROM transactionline l JOIN item i ON i.id = l.item WHERE l.transaction = $1 ORDER BY l.id`,
            [o.id],
          );
          return { ...o, shippingCost: cents(shippingcost), lines: lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPrice: cents(l.rate) })) };
        }),
      );
    },
    async otherWorker() {
      const redis = new Redis({ host: '127.0.0.1', port: 6379, db: redisDb, lazyConnect: true });
      await redis.connect();
      extra.push(async () => redis.disconnect());
      const erp = createNetSuiteAdapter({
        accountId: world.ns.accountId,
        restBase: world.ns.restBase,
        m2m: world.ns.credentials.m2m,
        client: { retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5 }, timeoutMs: 10_000 },
      });
      return createSyncContext({
        storeHash: world.ctx.storeHash,
        channelId: 1,
        apiUrl: world.bc.env.BIGCOMMERCE_API_URL ?? '',
        accessToken: world.bc.env.BIGCOMMERCE_ACCESS_TOKEN ?? '',
        redis,
        erp,
      });
    },
    async bcOrder(orderId) {
      return (await world.ctx.rest.get(`/v2/orders/${orderId}`)) as Record<string, unknown>;
    },
    async close() {
      for (const close of extra) await close();
      await world.close();
    },
  };
}
