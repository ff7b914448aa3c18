/**
 * Events that mean BigCommerce state the sync owns may have changed without the sync doing it: catalog changes
 * (new or removed products/variants need price records and inventory), customers (group membership), inventory
 * and price lists edited by hand (drift). The sync's own writes echo back too; the worker's content hashes make
 * those no-ops. A suggestion for the worker's schedule, not a contract: pass your own list to `ensureWebhooks`.
 */
export const DEFAULT_SYNC_WEBHOOK_SCOPES: readonly string[] = [
  'store/product/created',
  'store/product/deleted',
  'store/sku/created',
  'store/sku/deleted',
  'store/product/inventory/updated',
  'store/sku/inventory/updated',
  'store/customer/created',
  'store/customer/updated',
  'store/priceList/record/updated',
  'store/priceList/record/deleted',
  'store/priceList/records/updated',
  'store/priceList/records/deleted',
  'store/priceList/assignment/updated',
  'store/priceList/assignment/deleted',
  'store/priceList/deleted',
];
