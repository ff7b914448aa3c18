import { describe, expect, it } from 'vitest';
import { checkRows, type SkuLookup } from '@/lib/quick-order/check-rows';
import { parseQuickOrder } from '@/lib/quick-order/parse-lines';
import { rowDisplay } from '@/lib/quick-order/quick-order-display';
import { buyerPriceFrom } from '@/lib/pricing/buyer-price';

/** HX-2 at 17.25 for this buyer, 16.00 from 10 units; 40 available. */
const hx2Price = buyerPriceFrom({
  price: { value: 17.25, currencyCode: 'USD' },
  basePrice: { value: 17.25, currencyCode: 'USD' },
  salePrice: null,
  retailPrice: null,
  bulkPricing: [{ __typename: 'BulkPricingFixedPriceDiscount', minimumQuantity: 10, maximumQuantity: null, price: 16 }],
});

function found(overrides: Partial<Extract<SkuLookup, { kind: 'found' }>> = {}): SkuLookup {
  return {
    kind: 'found',
    item: { productEntityId: 101, variantEntityId: 1001, sku: 'HX-2', name: 'Hex Cap Screw', href: '/hx-2' },
    purchasable: true,
    price: hx2Price,
    availableToSell: 40,
    inStock: true,
    minPurchaseQuantity: null,
    maxPurchaseQuantity: null,
    ...overrides,
  };
}

function check(text: string, lookups: Record<string, SkuLookup>, cart: { productEntityId: number; variantEntityId: number; quantity: number }[] = []) {
  return checkRows(parseQuickOrder(text).rows, new Map(Object.entries(lookups)), cart).map(rowDisplay);
}

describe('checking quick-order rows for the buyer', () => {
  it('quotes the buyer price at the volume break the line reaches, and the row total', () => {
    expect(check('HX-2 3', { 'HX-2': found() })[0]).toMatchObject({ ok: true, unitPrice: '$17.25', lineTotal: '$51.75', availability: '40 available' });
    expect(check('HX-2 12', { 'HX-2': found() })[0]).toMatchObject({ ok: true, unitPrice: '$16.00', lineTotal: '$192.00' });
  });

  it('prices a row at the quantity the cart line will have, counting what the cart already holds', () => {
    const [row] = check('HX-2 4', { 'HX-2': found() }, [{ productEntityId: 101, variantEntityId: 1001, quantity: 6 }]);
    expect(row).toMatchObject({ ok: true, unitPrice: '$16.00', lineTotal: '$64.00', availability: '40 available, 6 in your cart' });
  });

  it('refuses more than is available, counting every row of the SKU and the cart', () => {
    const rows = check('HX-2 30\nHX-2 8', { 'HX-2': found() }, [{ productEntityId: 101, variantEntityId: 1001, quantity: 3 }]);
    expect(rows.map((r) => [r.ok, r.problems])).toEqual([
      [false, ['Only 40 available (with the 3 already in your cart).']],
      [false, ['Only 40 available (with the 3 already in your cart).']],
    ]);
  });

  it('explains unknown SKUs with suggestions, parent SKUs with their options, and unreadable lines', () => {
    const rows = check('HX-3 1\nPPE-CRG 2\nHX-2 zero', {
      'HX-3': { kind: 'unknown', suggestions: ['HX-2'] },
      'PPE-CRG': { kind: 'needs-option', productName: 'Cut-Resistant Gloves', choices: ['PPE-CRG-S', 'PPE-CRG-M'] },
    });
    expect(rows.map((r) => [r.lineNumber, r.ok, r.problems, r.suggestions])).toEqual([
      [1, false, ['Unknown SKU "HX-3". Did you mean one of these?'], ['HX-2']],
      [2, false, ['Cut-Resistant Gloves comes in several options: enter the SKU of one.'], ['PPE-CRG-S', 'PPE-CRG-M']],
      [3, false, ['"zero" is not a quantity: use a whole number.'], []],
    ]);
  });

  it.each<[string, Partial<Extract<SkuLookup, { kind: 'found' }>>, string]>([
    ['out of stock', { availableToSell: 0, inStock: false }, 'Out of stock.'],
    ['not purchasable', { purchasable: false }, 'This item cannot be ordered online.'],
    ['without a price for the buyer', { price: null }, 'There is no price for your account on this item: ask your sales rep.'],
    ['below the minimum order', { minPurchaseQuantity: 5 }, 'Minimum order is 5.'],
    ['above the maximum order', { maxPurchaseQuantity: 2 }, 'Maximum order is 2.'],
  ])('refuses an item %s', (_what, lookup, problem) => {
    expect(check('HX-2 3', { 'HX-2': found(lookup) })[0]?.problems).toEqual([problem]);
  });

  it('applies minimum and maximum to the product across its variants and the cart', () => {
    const medium = found({ item: { productEntityId: 102, variantEntityId: 2002, sku: 'GL-M', name: 'Gloves', href: '/gloves' }, minPurchaseQuantity: 6 });
    const large = found({ item: { productEntityId: 102, variantEntityId: 2003, sku: 'GL-L', name: 'Gloves', href: '/gloves' }, minPurchaseQuantity: 6 });
    expect(check('GL-M 2\nGL-L 2', { 'GL-M': medium, 'GL-L': large }).map((r) => r.ok)).toEqual([false, false]);
    expect(check('GL-M 2\nGL-L 2', { 'GL-M': medium, 'GL-L': large }, [{ productEntityId: 102, variantEntityId: 2004, quantity: 2 }]).map((r) => r.ok)).toEqual([true, true]);
  });

  it('shows untracked stock as in stock', () => {
    expect(check('HX-2 500', { 'HX-2': found({ availableToSell: null, inStock: true }) })[0]).toMatchObject({ ok: true, availability: 'In stock' });
  });
});
