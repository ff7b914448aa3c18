/**
 * Events that mean BigCommerce state the sync owns may have changed without the sync doing it: catalog changes
 * (new or removed products/variants need price records and inventory), customers (group membership), inventory
 * and price lists edited by hand (drift), and orders to post to the ERP. The sync's own writes echo back too; the
 * worker's content hashes make those no-ops. A suggestion for the worker's schedule, not a contract: pass your own
 * list to `ensureWebhooks`.
 *
 * Orders: `created` starts the post-back; `statusUpdated` catches an order created Incomplete (card checkout) that
 * becomes a real order later, and orders the post skipped while Cancelled/Declined. `store/order/updated` is left
 * out on purpose: it also fires for every write-back and shipment the post-back makes itself, and carries nothing
 * the post needs. The catch-up scan (`sync/flows/orders/catch-up-scan.ts`) covers any event that never arrives.
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
  'store/customer/deleted',
  'store/order/created',
  'store/order/statusUpdated',
  'store/priceList/record/updated',
  'store/priceList/record/deleted',
  'store/priceList/records/updated',
  'store/priceList/records/deleted',
  'store/priceList/assignment/updated',
  'store/priceList/assignment/deleted',
  'store/priceList/deleted',
];
