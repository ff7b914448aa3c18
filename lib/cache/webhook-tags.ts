import type { SyncTrigger } from '@/sync/triggers/trigger';
import { tags } from './manifest';

/**
 * What a BigCommerce webhook invalidates: the same record changed by someone other than the sync (a merchant in
 * the control panel, another app). The sync's own writes echo back as webhooks too; by then its change event has
 * already dropped the exact entries, so the echo costs at most one more refill.
 *
 * Price-list record events name variants only (FACTS §2.5), and cached prices are per product, so they drop the
 * whole list's prices: exact enough for hand edits, which are rare.
 */
export function webhookTags(trigger: Pick<SyncTrigger, 'scope' | 'ids' | 'idsTruncated'>): string[] {
  const ids = (kind: string) => (trigger.ids[kind] ?? []).filter((id): id is number => typeof id === 'number');
  const scope = trigger.scope;
  if (scope.startsWith('store/priceList')) {
    const lists = ids('price_list_id').map(tags.priceList);
    const groups = scope.startsWith('store/priceList/assignment') ? ids('customer_group_id').map(tags.customerGroup) : [];
    // An assignment without a group is the channel's default list, which every pricing context may fall back to.
    const channelDefault = scope.startsWith('store/priceList/assignment') && groups.length === 0 ? [tags.storePricing] : [];
    return [...lists, ...groups, ...channelDefault];
  }
  if (/^store\/(product|sku)\/inventory\//.test(scope) || /^store\/channel\/\d+\/inventory\/product\//.test(scope)) {
    const products = ids('product_id');
    return [...(products.length > 0 && !trigger.idsTruncated ? products.map(tags.inventory) : [tags.allInventory]), tags.inStockListings];
  }
  if (scope.startsWith('store/product/') || scope.startsWith('store/sku/')) {
    const products = ids('product_id');
    const membership = /\/(created|deleted)$/.test(scope) ? [tags.catalogMembership] : [];
    return [...products.map(tags.product), ...membership];
  }
  if (scope.startsWith('store/category/')) return [...ids('category_id').map(tags.category), tags.categoryTree, tags.catalogMembership];
  if (scope.startsWith('store/brand/')) return [tags.brands, tags.catalogMembership];
  if (scope.startsWith('store/customer/') && !scope.startsWith('store/customer/address') && !scope.startsWith('store/customer/payment')) {
    return ids('customer_id').map(tags.customer);
  }
  return [];
}
