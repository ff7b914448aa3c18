import type { FlowName } from '../run-flows';
import type { SyncTrigger } from '../triggers';
import { FLOWS_QUEUE, ORDERS_QUEUE, type SyncJob } from './jobs';

/** One GET page of price records: a trigger naming more variants is checked by a whole reconciliation instead. */
export const MAX_VARIANTS_TO_VERIFY = 250;

/**
 * What a trigger asks the sync to do. Triggers only say *where* something changed; the jobs read current state.
 *
 * BigCommerce events are mostly echoes of the sync's own writes, so the jobs they start must be cheap when nothing
 * differs: a price-record event naming a few records becomes a `verify-prices` check of just those records against
 * the hashes of what the sync last confirmed (one GET per list), and only real drift widens to a repair. A large
 * batch event (the sync's own 1,000-record upserts, a CSV import) becomes one coalesced reconciliation. ERP events
 * start the delta run of the flow that owns the changed data.
 */
export function jobsForTrigger(trigger: SyncTrigger): SyncJob[] {
  const reason = `${trigger.source} ${trigger.scope}`;
  const run = (flow: FlowName, full: boolean): SyncJob => ({ queue: FLOWS_QUEUE, name: 'run', data: { flow, full, reason } });
  const ids = (kind: string): number[] => (trigger.ids[kind] ?? []).map(Number).filter(Number.isSafeInteger);
  const strings = (kind: string): string[] => (trigger.ids[kind] ?? []).map(String);

  if (trigger.source === 'erp-event') {
    switch (trigger.scope) {
      case 'item.price.changed':
      case 'customer.itemprice.changed':
      case 'customer.pricelevel.changed':
        return [run('prices', false)];
      case 'inventory.changed':
        return [run('inventory', false)];
      case 'customer.credit.changed':
      case 'salesorder.billed':
      case 'invoice.paid':
        return [run('credit', false)];
      case 'customer.salesrep.changed':
      case 'employee.changed':
        return [run('reps', false)];
      case 'salesorder.fulfilled': {
        const externalIds = strings('externalId');
        return [{ queue: ORDERS_QUEUE, name: 'order-status', data: { ...(externalIds.length > 0 ? { externalIds } : {}), reason } }];
      }
      default:
        return [];
    }
  }

  switch (trigger.scope) {
    // A new or removed SKU changes which ERP records have somewhere to go.
    case 'store/product/created':
    case 'store/product/deleted':
    case 'store/sku/created':
    case 'store/sku/deleted':
      return [run('prices', true), run('inventory', true)];
    case 'store/product/inventory/updated':
    case 'store/sku/inventory/updated':
      return [{ queue: FLOWS_QUEUE, name: 'reconcile', data: { flow: 'inventory', reason } }];
    // Group membership: a delta only looks at customers the ERP changed, so a hand edit needs the full pass.
    case 'store/customer/created':
    case 'store/customer/updated':
      return [run('prices', true), run('reps', false)];
    case 'store/customer/deleted':
      return [run('reps', false)];
    case 'store/priceList/record/updated':
    case 'store/priceList/record/deleted':
    case 'store/priceList/records/updated':
    case 'store/priceList/records/deleted': {
      const priceListIds = ids('price_list_id');
      const variantIds = ids('variant_id');
      if (priceListIds.length === 0 || variantIds.length === 0 || variantIds.length > MAX_VARIANTS_TO_VERIFY || trigger.idsTruncated) {
        return [{ queue: FLOWS_QUEUE, name: 'reconcile', data: { flow: 'prices', reason } }];
      }
      return [{ queue: FLOWS_QUEUE, name: 'verify-prices', data: { priceListIds, variantIds, reason } }];
    }
    case 'store/priceList/assignment/updated':
    case 'store/priceList/assignment/deleted':
    case 'store/priceList/deleted':
      return [{ queue: FLOWS_QUEUE, name: 'reconcile', data: { flow: 'prices', reason } }];
    case 'store/order/created':
      return ids('order_id').map((orderId) => ({ queue: ORDERS_QUEUE, name: 'post-order', data: { orderId, reason } }));
    default:
      return [];
  }
}
