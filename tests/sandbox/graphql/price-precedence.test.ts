import { describe, expect, it } from 'vitest';
import { resolveVariantPrices, pricingGroupFor, type PricingData } from '../../../sandbox/bigcommerce/pricing';
import { BcStore } from '../../../sandbox/bigcommerce/store/store';
import type { BcBulkPricingTier, BcCustomerGroup, BcPriceRecord, BcProduct, BcVariant } from '../../../sandbox/bigcommerce/store/types';

/** Hand-built stores: one product (catalog 20.00, variant 7) and whatever lists/groups a rule needs. */
const GROUP = 5;
const CHANNEL = 1;

function makeProduct(overrides: Partial<BcProduct> = {}, variant: Partial<BcVariant> = {}): BcProduct {
  const v = { id: 7, product_id: 1, sku: 'HX-2', price: null, sale_price: null, retail_price: null, map_price: null, ...variant } as BcVariant;
  return { id: 1, price: 20, sale_price: 0, retail_price: 0, map_price: 0, categories: [3], bulk_pricing_rules: [], variants: [v], ...overrides } as BcProduct;
}

function makeStore(): BcStore {
  const store = new BcStore({ storeHash: 't', defaultCurrency: 'USD' });
  store.customerGroups.set(GROUP, group(GROUP, []));
  return store;
}

function group(id: number, rules: BcCustomerGroup['discount_rules'], guests = false): BcCustomerGroup {
  return { id, name: `g${id}`, is_default: false, category_access: { type: 'all' }, discount_rules: rules, is_group_for_guests: guests, date_created: '', date_modified: '' };
}

function addList(store: BcStore, id: number, assignment: { group: number | null; channel: number | null } | null, price: number, extra: Partial<BcPriceRecord> = {}, active = true): void {
  store.priceLists.set(id, { id, name: `list ${id}`, active, date_created: '', date_modified: '' });
  if (assignment) {
    store.priceListAssignments.set(id, { id, price_list_id: id, customer_group_id: assignment.group, channel_id: assignment.channel });
  }
  const currency = extra.currency ?? 'usd';
  store.recordsOf(id).set(BcStore.recordKey(7, currency), {
    price_list_id: id, variant_id: 7, product_id: 1, sku: 'HX-2', currency, price, sale_price: null, retail_price: null, map_price: null,
    calculated_price: price, bulk_pricing_tiers: [], date_created: '', date_modified: '', ...extra,
  });
}

function resolve(store: PricingData, product = makeProduct(), context: { group?: number | null; currency?: string; quantity?: number; channel?: number } = {}) {
  const variant = product.variants[0] as BcVariant;
  const result = resolveVariantPrices(store, product, variant, {
    customerGroupId: context.group === undefined ? GROUP : context.group,
    channelId: context.channel ?? CHANNEL,
    currency: context.currency ?? 'USD',
    quantity: context.quantity,
  });
  if (!result) throw new Error('no price');
  return result;
}

describe('price precedence (BigCommerce order of operations)', () => {
  it('group+channel list beats group-only list', () => {
    const store = makeStore();
    addList(store, 1, { group: GROUP, channel: null }, 18);
    addList(store, 2, { group: GROUP, channel: CHANNEL }, 17.25);
    const r = resolve(store);
    expect(r.price).toBe(172_500);
    expect(r.source).toEqual({ kind: 'price_list', level: 'group_and_channel', priceListId: 2 });
  });

  it('group-only list applies when the group has no list on this channel', () => {
    const store = makeStore();
    addList(store, 1, { group: GROUP, channel: null }, 18);
    addList(store, 2, { group: GROUP, channel: 2 }, 17.25);
    expect(resolve(store).source).toEqual({ kind: 'price_list', level: 'group', priceListId: 1 });
  });

  it('a group → price_list discount rule counts as a group-only list', () => {
    const store = makeStore();
    addList(store, 1, null, 16.5);
    store.customerGroups.set(GROUP, group(GROUP, [{ type: 'price_list', price_list_id: 1 }]));
    expect(resolve(store).price).toBe(165_000);
  });

  it('group list beats group discount and channel default list', () => {
    const store = makeStore();
    addList(store, 1, { group: GROUP, channel: null }, 18);
    addList(store, 2, { group: null, channel: CHANNEL }, 15);
    store.customerGroups.set(GROUP, group(GROUP, [{ type: 'all', method: 'percent', amount: '50' }]));
    expect(resolve(store).price).toBe(180_000);
  });

  it('group discount applies to the catalog price when the group has no list', () => {
    const store = makeStore();
    store.customerGroups.set(GROUP, group(GROUP, [{ type: 'all', method: 'percent', amount: '10.0000' }]));
    const r = resolve(store);
    expect(r.price).toBe(180_000);
    expect(r.basePrice).toBe(200_000);
    expect(r.source).toEqual({ kind: 'group_discount', rule: 'all' });
  });

  it('group discount beats the channel default list', () => {
    const store = makeStore();
    addList(store, 2, { group: null, channel: CHANNEL }, 15);
    store.customerGroups.set(GROUP, group(GROUP, [{ type: 'all', method: 'price', amount: '1' }]));
    expect(resolve(store).price).toBe(190_000);
  });

  it('product discount rule beats category rule beats store-wide rule', () => {
    const store = makeStore();
    store.customerGroups.set(
      GROUP,
      group(GROUP, [
        { type: 'all', method: 'percent', amount: '50' },
        { type: 'category', category_id: 3, method: 'price', amount: '2' },
        { type: 'product', product_id: 1, method: 'fixed', amount: '12.34' },
      ]),
    );
    expect(resolve(store).price).toBe(123_400);
    store.customerGroups.set(GROUP, group(GROUP, [{ type: 'all', method: 'percent', amount: '50' }, { type: 'category', category_id: 3, method: 'price', amount: '2' }]));
    expect(resolve(store).price).toBe(180_000);
  });

  it('group discount is never applied to price-list prices', () => {
    const store = makeStore();
    addList(store, 2, { group: null, channel: CHANNEL }, 15);
    store.customerGroups.set(GROUP, group(GROUP, [{ type: 'category', category_id: 99, method: 'percent', amount: '50' }]));
    // The rule does not match this product, so the channel default list applies, undiscounted.
    expect(resolve(store).price).toBe(150_000);
  });

  it('channel default list applies to shoppers whose group has nothing', () => {
    const store = makeStore();
    addList(store, 2, { group: null, channel: CHANNEL }, 15);
    expect(resolve(store).source).toEqual({ kind: 'price_list', level: 'channel_default', priceListId: 2 });
    expect(resolve(store, makeProduct(), { group: null }).price).toBe(150_000);
  });

  it('catalog price applies when nothing else does: variant price, else product price', () => {
    const store = makeStore();
    expect(resolve(store).price).toBe(200_000);
    expect(resolve(store, makeProduct({}, { price: 22.5 })).price).toBe(225_000);
  });

  it('catalog sale price becomes the calculated price', () => {
    const r = resolve(makeStore(), makeProduct({ sale_price: 18.99 }));
    expect(r.salePrice).toBe(189_900);
    expect(r.price).toBe(189_900);
    expect(r.basePrice).toBe(200_000);
  });

  it('record sale price becomes the calculated price, base stays the record price', () => {
    const store = makeStore();
    addList(store, 1, { group: GROUP, channel: CHANNEL }, 17.25, { sale_price: 16.99 });
    const r = resolve(store);
    expect([r.basePrice, r.salePrice, r.price]).toEqual([172_500, 169_900, 169_900]);
  });

  it('inactive lists are ignored', () => {
    const store = makeStore();
    addList(store, 1, { group: GROUP, channel: CHANNEL }, 10, {}, false);
    addList(store, 2, { group: GROUP, channel: null }, 18);
    expect(resolve(store).price).toBe(180_000);
  });

  it('a chosen list without a record for the variant falls back to the catalog price', () => {
    const store = makeStore();
    addList(store, 1, { group: GROUP, channel: CHANNEL }, 17.25);
    store.recordsOf(1).clear();
    addList(store, 2, { group: null, channel: CHANNEL }, 15);
    expect(resolve(store).source).toEqual({ kind: 'catalog' });
    expect(resolve(store).price).toBe(200_000);
  });

  it('records in another currency do not apply; the catalog price is converted instead', () => {
    const store = makeStore();
    addList(store, 1, { group: GROUP, channel: CHANNEL }, 17.25);
    const r = resolve(store, makeProduct(), { currency: 'CAD' });
    expect(r.source).toEqual({ kind: 'catalog' });
    expect(r.currency).toBe('CAD');
    expect(r.price).toBe(274_000); // 20.00 USD × 1.37
  });

  it('a record in the requested currency applies as is', () => {
    const store = makeStore();
    addList(store, 1, { group: GROUP, channel: CHANNEL }, 23.5, { currency: 'cad' });
    expect(resolve(store, makeProduct(), { currency: 'cad' }).price).toBe(235_000);
  });
});

describe('bulk pricing', () => {
  const tiers: BcBulkPricingTier[] = [
    { quantity_min: 10, quantity_max: 49, type: 'fixed', amount: 16 },
    { quantity_min: 50, quantity_max: null, type: 'percent', amount: 12.5 },
  ];
  const catalogRule = { id: 1, quantity_min: 5, quantity_max: 0, type: 'price' as const, amount: 1.5 };

  it('record tiers replace product bulk pricing', () => {
    const store = makeStore();
    addList(store, 1, { group: GROUP, channel: CHANNEL }, 17.25, { bulk_pricing_tiers: tiers });
    const r = resolve(store, makeProduct({ bulk_pricing_rules: [catalogRule] }), { quantity: 10 });
    expect(r.bulkTiers.map((t) => t.type)).toEqual(['fixed', 'percent']);
    expect(r.priceAtQuantity).toBe(160_000);
    expect(resolve(store, makeProduct(), { quantity: 50 }).priceAtQuantity).toBe(150_900); // 17.25 − 12.5% = 15.09375 → 15.09
    expect(resolve(store, makeProduct(), { quantity: 5 }).priceAtQuantity).toBe(172_500);
  });

  it('variants without a record keep product bulk_pricing_rules (max 0 = open-ended)', () => {
    const r = resolve(makeStore(), makeProduct({ bulk_pricing_rules: [catalogRule] }), { quantity: 500 });
    expect(r.bulkTiers).toEqual([{ minimumQuantity: 5, maximumQuantity: null, type: 'price', amount: 15_000 }]);
    expect(r.priceAtQuantity).toBe(185_000);
  });
});

describe('shopper group', () => {
  it('guests use the guest group when the store has one, else no group', () => {
    const store = makeStore();
    expect(pricingGroupFor(store, undefined)).toBeNull();
    store.customerGroups.set(9, group(9, [], true));
    expect(pricingGroupFor(store, undefined)).toBe(9);
  });
});
