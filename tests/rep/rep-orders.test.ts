import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { accountOrderSummary } from '@/lib/rep/order-summary';
import { startRepWorld, type RepWorld } from './rep-world';

/** The rep home's order figures come from BigCommerce's v2 orders of the account's buyers. */
let world: RepWorld;
let line: { product_id: number; variant_id: number };

beforeAll(async () => {
  world = await startRepWorld();
  const products = await world.ctx.rest.getV3('/v3/catalog/products', z.array(z.looseObject({ id: z.number(), variants: z.array(z.looseObject({ id: z.number() })) })), { include: 'variants', limit: 1 });
  const product = products.data[0];
  if (!product?.variants[0]) throw new Error('empty catalog');
  line = { product_id: product.id, variant_id: product.variants[0].id };
});
afterAll(async () => {
  await world.close();
});

const ADDRESS = { first_name: 'Dock', last_name: 'Four', street_1: '1 Dock Rd', city: 'Toledo', state: 'Ohio', zip: '43604', country: 'United States', country_iso2: 'US', email: 'r@example.com' };

async function placeOrder(customerId: number, statusId: number, price: number): Promise<number> {
  const created = await world.ctx.rest.post(
    '/v2/orders',
    { customer_id: customerId, status_id: statusId, billing_address: ADDRESS, products: [{ ...line, quantity: 1, price_ex_tax: price, price_inc_tax: price }] },
    { schema: z.looseObject({ id: z.number() }) },
  );
  return created.id;
}

describe('account order summary', () => {
  it('has no last order and nothing open for buyers who never ordered', async () => {
    const [a, b] = world.dataset.buyers.filter((x) => x.companyId === 2);
    expect(await accountOrderSummary(world.ctx.rest, [a?.id ?? 0, b?.id ?? 0])).toEqual({ lastOrder: null, openCount: 0, openTotals: [], truncated: false });
  });

  it('takes the newest order across the account’s buyers and adds up the open ones in integer cents', async () => {
    const [a, b, c] = world.dataset.buyers.filter((x) => x.companyId === 1);
    if (!a || !b || !c) throw new Error('three buyers per company');
    await placeOrder(a.id, 10, 100.1); // Completed: not open
    await placeOrder(b.id, 11, 20.2); // Awaiting Fulfillment
    const newest = await placeOrder(a.id, 1, 0.3); // Pending
    const otherCompany = world.dataset.buyers.find((x) => x.companyId === 3);
    await placeOrder(otherCompany?.id ?? 0, 11, 999); // another account's order is never counted
    const summary = await accountOrderSummary(world.ctx.rest, [a.id, b.id, c.id]);
    expect(summary.lastOrder?.orderId).toBe(newest);
    expect(summary.lastOrder?.total).toEqual({ minor: 30, currency: 'USD' });
    expect(summary.openCount).toBe(2);
    expect(summary.openTotals).toEqual([{ minor: 2050, currency: 'USD' }]);
  });
});
