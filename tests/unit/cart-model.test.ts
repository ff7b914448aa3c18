import { describe, expect, it } from 'vitest';
import type { CartFieldsFragment } from '@/graphql/generated/graphql';
import { cartDisplay } from '@/lib/cart/cart-display';
import { buyerCartFrom, lineStock, stockByVariant } from '@/lib/cart/cart-model';
import { cartIdFromSession } from '@/lib/session/session-data';

const usd = (value: number) => ({ value, currencyCode: 'USD' });

function line(overrides: Partial<CartFieldsFragment['lineItems']['physicalItems'][number]> = {}): CartFieldsFragment['lineItems']['physicalItems'][number] {
  return {
    entityId: 'line-1',
    productEntityId: 101,
    variantEntityId: 1001,
    sku: 'HX-2',
    name: 'Hex Cap Screw',
    path: '/hx-2/',
    quantity: 12,
    salePrice: usd(16),
    extendedSalePrice: usd(192),
    image: null,
    ...overrides,
  };
}

const cart: CartFieldsFragment = {
  entityId: 'cart-1',
  currencyCode: 'USD',
  amount: usd(226.51),
  lineItems: { totalQuantity: 13, physicalItems: [line(), line({ entityId: 'line-2', variantEntityId: 1010, sku: 'FL-1', path: '/fl-1/', quantity: 1, salePrice: usd(34.51), extendedSalePrice: usd(34.51) })] },
};

describe('the buyer cart model', () => {
  it("keeps BigCommerce's unit prices and totals, in integer cents", () => {
    const model = buyerCartFrom(cart, new Map());
    expect(model.lines.map((l) => [l.sku, l.unitPrice.minor, l.lineTotal.minor, l.href])).toEqual([
      ['HX-2', 1600, 19200, '/hx-2'],
      ['FL-1', 3451, 3451, '/fl-1'],
    ]);
    expect(model.subtotal).toEqual({ minor: 22651, currency: 'USD' });
  });

  it('marks each line with its stock, and says so when stock could not be read', () => {
    const stock = stockByVariant({
      site: {
        products: {
          edges: [
            {
              node: {
                entityId: 101,
                variants: { edges: [{ node: { entityId: 1001, isPurchasable: true, inventory: { isInStock: true, aggregated: { availableToSell: 5 } } } }] },
              },
            },
          ],
        },
      },
    });
    const display = cartDisplay(buyerCartFrom(cart, stock));
    expect(display.lines.map((l) => [l.sku, l.unitPrice, l.lineTotal, l.stock])).toEqual([
      ['HX-2', '$16.00', '$192.00', { label: 'Only 5 available: lower the quantity', tone: 'problem' }],
      ['FL-1', '$34.51', '$34.51', { label: 'No longer available to order', tone: 'problem' }],
    ]);
    expect(display).toMatchObject({ lineCount: 2, totalQuantity: 13, subtotal: '$226.51', problemCount: 2 });
    expect(cartDisplay(buyerCartFrom(cart, null)).lines[0]?.stock).toEqual({ label: 'Stock could not be checked just now', tone: 'warning' });
  });

  it.each([
    [3, { purchasable: true, isInStock: true, availableToSell: 3 }, { kind: 'in-stock', available: 3 }],
    [3, { purchasable: true, isInStock: false, availableToSell: 0 }, { kind: 'out-of-stock' }],
    [3, { purchasable: true, isInStock: true, availableToSell: null }, { kind: 'untracked' }],
    [3, { purchasable: false, isInStock: true, availableToSell: 9 }, { kind: 'unavailable' }],
  ])('line of %i with %o is %o', (quantity, stock, expected) => {
    expect(lineStock(quantity, stock)).toEqual(expected);
  });
});

describe('the cart id in the session', () => {
  const buyer = { customerId: 7, email: 'a@b.example', firstName: 'A', lastName: 'B', company: 'C', customerGroupId: 2, customerGroupName: null, signedInAt: 1 };
  const entityId = 'bb916deb-ddd6-4586-b65b-b8385e0e7a9d';

  it("is the buyer's own cart only", () => {
    expect(cartIdFromSession({ buyer, cart: { entityId, customerId: 7 } })).toBe(entityId);
    expect(cartIdFromSession({ buyer, cart: { entityId, customerId: 8 } })).toBeNull();
    expect(cartIdFromSession({ cart: { entityId, customerId: 7 } })).toBeNull();
    expect(cartIdFromSession({ buyer, cart: { entityId: 'not-a-uuid', customerId: 7 } })).toBeNull();
  });
});
