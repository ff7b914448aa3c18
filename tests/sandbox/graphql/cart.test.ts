import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGraphqlSandbox, type GraphqlResult, type GraphqlSandbox } from './fixture';

/**
 * The sandbox's Storefront cart (site.cart + Mutation.cart). The tiny store: HX-2 (product 101, variant 1001)
 * has 40 available; Acme's buyer 501 pays 17.25 with 16.00 from 10 units, Beta's buyer 502 pays 18.50, a guest
 * 20.00. Filler FL-1 (product 110) has no stock.
 */
const ACME = 501;
const BETA = 502;
const HX2 = { productEntityId: 101, variantEntityId: 1001 };
const OUT_OF_STOCK = { productEntityId: 110 };

const CART_FIELDS = `entityId version currencyCode amount { value currencyCode } baseAmount { value }
  lineItems { totalQuantity physicalItems { entityId productEntityId variantEntityId sku name quantity
    listPrice { value } salePrice { value } extendedSalePrice { value } originalPrice { value } } }`;
const CREATE = `mutation Create($input: CreateCartInput!) { cart { createCart(input: $input) { cart { ${CART_FIELDS} } } } }`;
const ADD = `mutation Add($input: AddCartLineItemsInput!) { cart { addCartLineItems(input: $input) { cart { ${CART_FIELDS} } } } }`;
const UPDATE = `mutation Update($input: UpdateCartLineItemInput!) { cart { updateCartLineItem(input: $input) { cart { ${CART_FIELDS} } } } }`;
const DELETE_LINE = `mutation DeleteLine($input: DeleteCartLineItemInput!) { cart { deleteCartLineItem(input: $input) {
  deletedLineItemEntityId deletedCartEntityId cart { entityId } } } }`;
const DELETE_CART = `mutation DeleteCart($input: DeleteCartInput!) { cart { deleteCart(input: $input) { deletedCartEntityId } } }`;
const READ = `query Read($id: String) { site { cart(entityId: $id) { ${CART_FIELDS} } } }`;

interface CartLine {
  entityId: string;
  sku: string;
  quantity: number;
  listPrice: { value: number };
  salePrice: { value: number };
  extendedSalePrice: { value: number };
  originalPrice: { value: number };
}
interface Cart {
  entityId: string;
  version: number;
  currencyCode: string;
  amount: { value: number; currencyCode: string };
  baseAmount: { value: number };
  lineItems: { totalQuantity: number; physicalItems: CartLine[] };
}

let sandbox: GraphqlSandbox;
beforeAll(async () => {
  sandbox = await startGraphqlSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.store.carts.clear();
  const hx2 = sandbox.store.products.get(101);
  if (hx2) Object.assign(hx2, { order_quantity_minimum: 0, order_quantity_maximum: 0 });
});

async function run(query: string, input: unknown, customerId?: number): Promise<GraphqlResult> {
  const result = await sandbox.graphql(query, { customerId, variables: { input } });
  expect(result.status).toBe(200);
  return result;
}

/** The cart a successful mutation returned (fails the test on any error). */
function cartOf(result: GraphqlResult, mutation: string): Cart {
  expect(result.body.errors).toBeUndefined();
  return (result.body.data as { cart: Record<string, { cart: Cart }> }).cart[mutation]?.cart as Cart;
}

/** The one error a refused mutation returned, with its CartErrorCode. */
function refusal(result: GraphqlResult, mutation: string): { code: unknown; message: string } {
  expect(result.body.data).toEqual({ cart: { [mutation]: null } });
  const [error, ...more] = result.body.errors ?? [];
  expect(more).toEqual([]);
  return { code: error?.extensions?.code, message: error?.message ?? '' };
}

async function createCart(customerId: number | undefined, quantity: number): Promise<Cart> {
  return cartOf(await run(CREATE, { lineItems: [{ ...HX2, quantity }] }, customerId), 'createCart');
}

async function readCart(id: string, customerId?: number): Promise<Cart | null> {
  const result = await sandbox.graphql(READ, { customerId, variables: { id } });
  expect(result.body.errors).toBeUndefined();
  return (result.body.data as { site: { cart: Cart | null } }).site.cart;
}

describe('prices for the buyer who owns the cart', () => {
  it('buyer at Acme gets a UUID cart with HX-2 at the contract price 17.25', async () => {
    const cart = await createCart(ACME, 3);
    expect(cart.entityId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(cart.currencyCode).toBe('USD');
    expect(cart.lineItems.physicalItems).toEqual([
      expect.objectContaining({ sku: 'HX-2', quantity: 3, listPrice: { value: 17.25 }, salePrice: { value: 17.25 }, extendedSalePrice: { value: 51.75 }, originalPrice: { value: 20 } }),
    ]);
    expect(cart.amount).toEqual({ value: 51.75, currencyCode: 'USD' });
    expect(cart.baseAmount.value).toBe(51.75);
  });

  it('the 16.00 volume break applies once the line reaches 10', async () => {
    const cart = await createCart(ACME, 3);
    const line = cart.lineItems.physicalItems[0] as CartLine;
    const updated = cartOf(await run(UPDATE, { cartEntityId: cart.entityId, lineItemEntityId: line.entityId, data: { lineItem: { ...HX2, quantity: 10 } } }, ACME), 'updateCartLineItem');
    expect(updated.lineItems.physicalItems[0]).toMatchObject({ quantity: 10, listPrice: { value: 16 }, extendedSalePrice: { value: 160 } });
    expect(updated.amount.value).toBe(160);
  });

  it("buyer at Beta's cart holds Beta's price 18.50, a guest's the catalog 20.00", async () => {
    expect((await createCart(BETA, 2)).lineItems.physicalItems[0]?.listPrice.value).toBe(18.5);
    expect((await createCart(undefined, 2)).lineItems.physicalItems[0]?.listPrice.value).toBe(20);
  });

  it('a price-list change reaches a cart already built', async () => {
    const cart = await createCart(ACME, 1);
    const record = [...sandbox.store.priceRecords.values()].flatMap((records) => [...records.values()]).find((r) => r.variant_id === 1001 && r.price === 17.25);
    if (!record) throw new Error('Acme record for HX-2 not found');
    record.price = 17.1;
    try {
      expect((await readCart(cart.entityId, ACME))?.lineItems.physicalItems[0]?.listPrice.value).toBe(17.1);
    } finally {
      record.price = 17.25;
    }
  });
});

describe('changing lines', () => {
  it('adding the same variant again adds to its line, and bumps the version', async () => {
    const cart = await createCart(ACME, 3);
    const added = cartOf(await run(ADD, { cartEntityId: cart.entityId, data: { lineItems: [{ sku: 'HX-2', quantity: 2 }] } }, ACME), 'addCartLineItems');
    expect(added.lineItems.physicalItems.map((l) => [l.sku, l.quantity])).toEqual([['HX-2', 5]]);
    expect(added.version).toBe(cart.version + 1);
  });

  it('refuses a change made against an older version with CART_CONFLICT', async () => {
    const cart = await createCart(ACME, 3);
    cartOf(await run(ADD, { cartEntityId: cart.entityId, data: { lineItems: [{ ...HX2, quantity: 1 }] } }, ACME), 'addCartLineItems');
    const stale = await run(ADD, { cartEntityId: cart.entityId, version: cart.version, data: { lineItems: [{ ...HX2, quantity: 1 }] } }, ACME);
    expect(refusal(stale, 'addCartLineItems').code).toBe('CART_CONFLICT');
    expect((await readCart(cart.entityId, ACME))?.lineItems.totalQuantity).toBe(4);
  });

  it('removing a line leaves the rest; removing the last line deletes the cart', async () => {
    const cart = await createCart(ACME, 3);
    const lineId = (cart.lineItems.physicalItems[0] as CartLine).entityId;
    const result = await run(DELETE_LINE, { cartEntityId: cart.entityId, lineItemEntityId: lineId }, ACME);
    expect(result.body).toEqual({ data: { cart: { deleteCartLineItem: { deletedLineItemEntityId: lineId, deletedCartEntityId: cart.entityId, cart: null } } } });
    expect(await readCart(cart.entityId, ACME)).toBeNull();
  });

  it('deleteCart deletes it', async () => {
    const cart = await createCart(ACME, 1);
    expect((await run(DELETE_CART, { cartEntityId: cart.entityId }, ACME)).body).toEqual({ data: { cart: { deleteCart: { deletedCartEntityId: cart.entityId } } } });
    expect(await readCart(cart.entityId, ACME)).toBeNull();
  });

  it('an unknown line item is ITEM_NOT_FOUND', async () => {
    const cart = await createCart(ACME, 1);
    const result = await run(DELETE_LINE, { cartEntityId: cart.entityId, lineItemEntityId: '00000000-0000-4000-8000-000000000000' }, ACME);
    expect(refusal(result, 'deleteCartLineItem').code).toBe('ITEM_NOT_FOUND');
  });
});

describe('refusals leave the cart as it was', () => {
  const cases: [string, unknown, string][] = [
    ['an unknown product', { productEntityId: 9999, quantity: 1 }, 'INVALID_PRODUCT'],
    ['an unknown SKU', { sku: 'NOPE-1', quantity: 1 }, 'SKU_NOT_FOUND'],
    ['a variant of another product', { productEntityId: 101, variantEntityId: 1010, quantity: 1 }, 'INVALID_PRODUCT'],
    ['quantity 0', { ...HX2, quantity: 0 }, 'INVALID_ITEM_QUANTITY'],
    ['a negative quantity', { ...HX2, quantity: -2 }, 'INVALID_ITEM_QUANTITY'],
    ['an out-of-stock product', { ...OUT_OF_STOCK, quantity: 1 }, 'INSUFFICIENT_STOCK'],
    ['more than the 40 available, counting the 3 already in the cart', { ...HX2, quantity: 38 }, 'INSUFFICIENT_STOCK'],
  ];

  it.each(cases)('refuses %s', async (_what, line, code) => {
    const cart = await createCart(ACME, 3);
    const result = await run(ADD, { cartEntityId: cart.entityId, data: { lineItems: [{ ...HX2, quantity: 1 }, line] } }, ACME);
    expect(refusal(result, 'addCartLineItems').code).toBe(code);
    const after = await readCart(cart.entityId, ACME);
    expect(after?.lineItems.physicalItems.map((l) => [l.sku, l.quantity])).toEqual([['HX-2', 3]]);
    expect(after?.version).toBe(cart.version);
  });

  it('creates no cart when a line is refused', async () => {
    const result = await run(CREATE, { lineItems: [{ ...HX2, quantity: 41 }] }, ACME);
    expect(refusal(result, 'createCart')).toEqual({ code: 'INSUFFICIENT_STOCK', message: 'Not enough stock for HX-2: 40 available, 41 requested.' });
    expect(sandbox.store.carts.size).toBe(0);
  });

  it("enforces the product's minimum and maximum purchase quantity on the line total", async () => {
    Object.assign(sandbox.store.products.get(101) ?? {}, { order_quantity_minimum: 5, order_quantity_maximum: 12 });
    expect(refusal(await run(CREATE, { lineItems: [{ ...HX2, quantity: 4 }] }, ACME), 'createCart').code).toBe('MINIMUM_QUANTITY_NOT_MET');
    const cart = await createCart(ACME, 5);
    const line = cart.lineItems.physicalItems[0] as CartLine;
    expect(refusal(await run(ADD, { cartEntityId: cart.entityId, data: { lineItems: [{ ...HX2, quantity: 8 }] } }, ACME), 'addCartLineItems').code).toBe(
      'MAXIMUM_QUANTITY_EXCEEDED',
    );
    const lowered = await run(UPDATE, { cartEntityId: cart.entityId, lineItemEntityId: line.entityId, data: { lineItem: { ...HX2, quantity: 2 } } }, ACME);
    expect(refusal(lowered, 'updateCartLineItem').code).toBe('MINIMUM_QUANTITY_NOT_MET');
  });
});

describe('a cart belongs to the customer it was created for', () => {
  it("Beta's buyer and a guest can neither read nor change Acme's cart", async () => {
    const cart = await createCart(ACME, 3);
    const line = cart.lineItems.physicalItems[0] as CartLine;
    expect(await readCart(cart.entityId, BETA)).toBeNull();
    expect(await readCart(cart.entityId)).toBeNull();

    const add = await run(ADD, { cartEntityId: cart.entityId, data: { lineItems: [{ ...HX2, quantity: 1 }] } }, BETA);
    expect(refusal(add, 'addCartLineItems')).toEqual({ code: 'CART_NOT_FOUND', message: 'Cart not found.' });
    const update = await run(UPDATE, { cartEntityId: cart.entityId, lineItemEntityId: line.entityId, data: { lineItem: { ...HX2, quantity: 9 } } });
    expect(refusal(update, 'updateCartLineItem').code).toBe('CART_NOT_FOUND');
    expect(refusal(await run(DELETE_CART, { cartEntityId: cart.entityId }, BETA), 'deleteCart').code).toBe('CART_NOT_FOUND');

    const mine = await readCart(cart.entityId, ACME);
    expect(mine?.lineItems.physicalItems.map((l) => [l.sku, l.quantity, l.listPrice.value])).toEqual([['HX-2', 3, 17.25]]);
  });

  it('an unknown cart id reads as null', async () => {
    expect(await readCart('3f2b8c1e-0000-4000-8000-000000000000', ACME)).toBeNull();
  });
});
