import { describe, expect, it } from 'vitest';
import { extractResourceIds, MAX_IDS_PER_KIND } from '@/sync/webhooks/resource-ids';
import { triggerFromWebhook, webhookPayloadSchema } from '@/sync/webhooks/payload';

/** Every `data` shape BigCommerce sends (FACTS §2.5, §3, §6) reduces to ids; nothing else survives. */
describe('extractResourceIds', () => {
  it.each([
    ['product', { type: 'product', id: 12 }, { product_id: [12] }],
    [
      'sku',
      { type: 'sku', id: 7, sku: { product_id: 12, variant_id: 40 } },
      { product_id: [12], sku_id: [7], variant_id: [40] },
    ],
    [
      'product inventory',
      { type: 'product', id: 12, inventory: { product_id: 12, method: 'absolute', value: 5 } },
      { product_id: [12] },
    ],
    [
      'stock changed',
      { variant_id: 40, product_id: 12, location_id: 2 },
      { location_id: [2], product_id: [12], variant_id: [40] },
    ],
    ['price list', { price_list_id: 3 }, { price_list_id: [3] }],
    ['price lists deleted', { price_list_ids: [3, 4] }, { price_list_id: [3, 4] }],
    [
      'batch records',
      [
        { price_list_id: 3, variant_id: 40, currency: 'usd' },
        { price_list_id: 3, variant_id: 41, currency: 'usd' },
      ],
      { price_list_id: [3], variant_id: [40, 41] },
    ],
    [
      'assignment',
      { price_list_id: 3, channel_id: 1, customer_group_id: 9 },
      { channel_id: [1], customer_group_id: [9], price_list_id: [3] },
    ],
    ['company (B2B)', { company_id: 55 }, { company_id: [55] }],
    ['cart coupon', { type: 'cart', id: 'c-1', couponId: 8 }, { cart_id: ['c-1'], coupon_id: [8] }],
  ])('%s', (_name, data, expected) => {
    expect(extractResourceIds(data)).toEqual({ ids: expected, truncated: false });
  });

  it('drops every field that is not an id', () => {
    const { ids } = extractResourceIds({
      type: 'product',
      id: 1,
      name: 'Widget',
      price: 12.5,
      properties: ['name'],
      context: { locale: 'en' },
    });
    expect(ids).toEqual({ product_id: [1] });
  });

  it('keeps at most MAX_IDS_PER_KIND ids per kind and says it truncated', () => {
    const data = Array.from({ length: MAX_IDS_PER_KIND + 500 }, (_, i) => ({ price_list_id: 1, variant_id: i + 1 }));
    const { ids, truncated } = extractResourceIds(data);
    expect(truncated).toBe(true);
    expect(ids.variant_id).toHaveLength(MAX_IDS_PER_KIND);
    expect(ids.price_list_id).toEqual([1]);
  });
});

describe('triggerFromWebhook', () => {
  const payload = (overrides: Record<string, unknown> = {}) =>
    webhookPayloadSchema.parse({
      scope: 'store/product/updated',
      hash: 'abc123',
      data: { type: 'product', id: 5 },
      created_at: 1_700_000_000,
      ...overrides,
    });
  const now = new Date('2026-11-21T10:00:00Z');

  it('makes a trigger of scope and ids only', () => {
    expect(triggerFromWebhook(payload(), now)).toEqual({
      source: 'bigcommerce-webhook',
      scope: 'store/product/updated',
      ids: { product_id: [5] },
      receivedAt: '2026-11-21T10:00:00.000Z',
      occurredAt: '2023-11-14T22:13:20.000Z',
      dedupKey: 'store/product/updated:abc123:1700000000',
    });
  });

  it('gives a later event with identical data (so the same hash) its own dedup key', () => {
    // `hash` is the SHA-1 of `data`, which for a product update is only {type, id}.
    expect(triggerFromWebhook(payload({ created_at: 1_700_000_060 })).dedupKey).not.toBe(
      triggerFromWebhook(payload()).dedupKey,
    );
  });

  it('ignores a trailing slash on the scope', () => {
    expect(triggerFromWebhook(payload({ scope: 'store/product/updated/' })).scope).toBe('store/product/updated');
  });
});
