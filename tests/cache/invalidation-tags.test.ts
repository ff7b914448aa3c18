import { describe, expect, it } from 'vitest';
import { changeEventTags } from '@/lib/cache/change-event-tags';
import { tags } from '@/lib/cache/manifest';
import { webhookTags } from '@/lib/cache/webhook-tags';
import { triggerFromWebhook, webhookPayloadSchema } from '@/sync/webhooks/payload';

/** What each change drops: exact where the source says exactly what changed, wider where it cannot. */
describe('sync change events', () => {
  it('a price-list change drops that list’s prices of the named products only', () => {
    expect(changeEventTags({ type: 'price-list-changed', priceListId: 5, productIds: [40, 41], variantIds: [400, 410] })).toEqual([tags.price(5, 40), tags.price(5, 41)]);
  });

  it('records removed without known products drop the whole list', () => {
    expect(changeEventTags({ type: 'price-list-changed', priceListId: 5, productIds: [], variantIds: [400] })).toEqual([tags.priceList(5)]);
  });

  it('a stock change drops those products’ stock and every in-stock-only listing', () => {
    expect(changeEventTags({ type: 'inventory-changed', locationIds: [1], productIds: [40], variantIds: [400] })).toEqual([tags.inventory(40), tags.inStockListings]);
    expect(changeEventTags({ type: 'inventory-changed', locationIds: [1], productIds: [], variantIds: [400] })).toEqual([tags.allInventory, tags.inStockListings]);
  });

  it('buyers moved to another group lose their group lookup, and the group its lists', () => {
    expect(changeEventTags({ type: 'customer-group-changed', customerIds: [11, 12], customerGroupId: 3 })).toEqual([tags.customer(11), tags.customer(12), tags.customerGroup(3)]);
  });

  it('a credit change drops those customers’ snapshots', () => {
    expect(changeEventTags({ type: 'credit-changed', customerNumbers: ['C100'] })).toEqual([tags.credit('C100')]);
  });
});

describe('BigCommerce webhooks (changes made by someone else)', () => {
  const tagsOf = (scope: string, data: unknown) =>
    webhookTags(triggerFromWebhook(webhookPayloadSchema.parse({ scope, data, hash: 'a1b2c3', created_at: 1_700_000_000, store_id: '1', producer: 'stores/abc' })));

  it('a product edited in the control panel drops everything cached about it', () => {
    expect(tagsOf('store/product/updated', { type: 'product', id: 40 })).toEqual([tags.product(40)]);
  });

  it('a product created or deleted also changes which products listings show', () => {
    expect(tagsOf('store/product/created', { type: 'product', id: 40 })).toEqual([tags.product(40), tags.catalogMembership]);
    expect(tagsOf('store/sku/deleted', { type: 'sku', id: 400, sku: { product_id: 40, variant_id: 400 } })).toEqual([tags.product(40), tags.catalogMembership]);
  });

  it('stock set by hand drops that product’s stock', () => {
    expect(tagsOf('store/sku/inventory/updated', { type: 'sku', id: 400, inventory: { product_id: 40, variant_id: 400, method: 'absolute', value: 5 } })).toEqual([
      tags.inventory(40),
      tags.inStockListings,
    ]);
    expect(tagsOf('store/channel/1/inventory/product/stock_changed', { product_id: 40, variant_id: 400, location_id: 2 })).toEqual([tags.inventory(40), tags.inStockListings]);
  });

  it('price-list records edited by hand drop the list (the event names variants, cached prices are per product)', () => {
    expect(tagsOf('store/priceList/records/updated', [{ price_list_id: 5, variant_id: 400, currency: 'usd' }, { price_list_id: 5, variant_id: 401, currency: 'usd' }])).toEqual([tags.priceList(5)]);
  });

  it('a re-pointed assignment drops the group’s lists, and a channel default list every context’s', () => {
    expect(tagsOf('store/priceList/assignment/updated', { price_list_id: 5, channel_id: 1, customer_group_id: 3 })).toEqual([tags.priceList(5), tags.customerGroup(3)]);
    expect(tagsOf('store/priceList/assignment/updated', { price_list_id: 6, channel_id: 1 })).toEqual([tags.priceList(6), tags.storePricing]);
  });

  it('a customer edited by hand (maybe moved to another group) loses the group lookup', () => {
    expect(tagsOf('store/customer/updated', { type: 'customer', id: 11 })).toEqual([tags.customer(11)]);
  });

  it('orders change nothing the storefront caches', () => {
    expect(tagsOf('store/order/created', { type: 'order', id: 100 })).toEqual([]);
  });
});
