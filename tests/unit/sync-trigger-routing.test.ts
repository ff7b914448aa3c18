import { describe, expect, it } from 'vitest';
import { BigCommerceApiError } from '@/lib/bigcommerce/rest';
import { ErpError } from '@/sync/erp/errors';
import { FlowBusyError } from '@/sync/flows/flow-lock';
import { deduplicationId } from '@/sync/queue/jobs';
import { jobsForTrigger, MAX_VARIANTS_TO_VERIFY } from '@/sync/queue/trigger-routing';
import type { SyncTrigger } from '@/sync/triggers';
import { decideOnFailure } from '@/sync/worker/failure-policy';

const trigger = (source: SyncTrigger['source'], scope: string, ids: SyncTrigger['ids'] = {}): SyncTrigger => ({
  source,
  scope,
  ids,
  receivedAt: '2026-11-21T10:00:00Z',
  dedupKey: 'k',
});
const names = (t: SyncTrigger) => jobsForTrigger(t).map((j) => `${j.queue}/${j.name}:${JSON.stringify({ ...j.data, reason: undefined })}`);

describe('trigger routing', () => {
  it.each([
    ['item.price.changed', 'sync-flows/run:{"flow":"prices","full":false}'],
    ['customer.itemprice.changed', 'sync-flows/run:{"flow":"prices","full":false}'],
    ['customer.pricelevel.changed', 'sync-flows/run:{"flow":"prices","full":false}'],
    ['inventory.changed', 'sync-flows/run:{"flow":"inventory","full":false}'],
    ['customer.credit.changed', 'sync-flows/run:{"flow":"credit","full":false}'],
    ['invoice.paid', 'sync-flows/run:{"flow":"credit","full":false}'],
    ['customer.salesrep.changed', 'sync-flows/run:{"flow":"reps","full":false}'],
    ['employee.changed', 'sync-flows/run:{"flow":"reps","full":false}'],
  ])('an ERP %s event starts the delta run of the flow that owns the data', (scope, job) => {
    expect(names(trigger('erp-event', scope, { sku: ['A-1'] }))).toEqual([job]);
  });

  it('a fulfilment in the ERP asks for that order’s status to flow back', () => {
    expect(names(trigger('erp-event', 'salesorder.fulfilled', { externalId: ['bc-s-1'] }))).toEqual(['sync-orders/order-status:{"externalIds":["bc-s-1"]}']);
  });

  it('a few hand-edited price records are checked cheaply; a large batch or a truncated id list is reconciled instead', () => {
    const few = trigger('bigcommerce-webhook', 'store/priceList/records/updated', { price_list_id: [3], variant_id: [1, 2] });
    expect(names(few)).toEqual(['sync-flows/verify-prices:{"priceListIds":[3],"variantIds":[1,2]}']);
    const many = Array.from({ length: MAX_VARIANTS_TO_VERIFY + 1 }, (_, i) => i + 1);
    expect(names(trigger('bigcommerce-webhook', 'store/priceList/records/updated', { price_list_id: [3], variant_id: many }))).toEqual(['sync-flows/reconcile:{"flow":"prices"}']);
    expect(names({ ...few, idsTruncated: true })).toEqual(['sync-flows/reconcile:{"flow":"prices"}']);
  });

  it('catalog, inventory, customer and order webhooks start the matching work; unknown scopes start nothing', () => {
    expect(names(trigger('bigcommerce-webhook', 'store/sku/created', { sku_id: [9] }))).toEqual(['sync-flows/run:{"flow":"prices","full":true}', 'sync-flows/run:{"flow":"inventory","full":true}']);
    expect(names(trigger('bigcommerce-webhook', 'store/sku/inventory/updated'))).toEqual(['sync-flows/reconcile:{"flow":"inventory"}']);
    expect(names(trigger('bigcommerce-webhook', 'store/customer/updated', { customer_id: [5] }))).toEqual(['sync-flows/run:{"flow":"prices","full":true}', 'sync-flows/run:{"flow":"reps","full":false}']);
    expect(names(trigger('bigcommerce-webhook', 'store/customer/deleted', { customer_id: [5] }))).toEqual(['sync-flows/run:{"flow":"reps","full":false}']);
    expect(names(trigger('bigcommerce-webhook', 'store/order/created', { order_id: [101] }))).toEqual(['sync-orders/post-order:{"orderId":101}']);
    expect(names(trigger('bigcommerce-webhook', 'store/app/uninstalled'))).toEqual([]);
    expect(names(trigger('erp-event', 'vendor.changed'))).toEqual([]);
  });

  it('coalesces runs per flow and mode and posts per order, but never merges targeted checks', () => {
    const run = (full: boolean) => ({ queue: 'sync-flows', name: 'run', data: { flow: 'prices', full, reason: 'x' } }) as const;
    expect(deduplicationId(run(false))).toBe('run-prices-delta');
    expect(deduplicationId(run(true))).toBe('run-prices-full');
    expect(deduplicationId({ queue: 'sync-orders', name: 'post-order', data: { orderId: 7, reason: 'x' } })).toBe('post-order-7');
    expect(deduplicationId({ queue: 'sync-flows', name: 'verify-prices', data: { priceListIds: [1], variantIds: [2], reason: 'x' } })).toBeUndefined();
  });
});

describe('job failure policy', () => {
  const bcError = (kind: 'rate_limited' | 'upstream' | 'auth', status: number) =>
    new BigCommerceApiError({ kind, status, method: 'PUT', path: '/v3/pricelists/1/records', message: String(status), body: undefined as never, attempts: 1 });

  it('pauses the queue until BigCommerce’s quota window resets (bounded) when 429s outlast the client', () => {
    expect(decideOnFailure(bcError('rate_limited', 429), 10_000 + 7_000, 10_000)).toEqual({ action: 'rate-limit', pauseMs: 7_000 });
    expect(decideOnFailure(bcError('rate_limited', 429), undefined, 0)).toEqual({ action: 'rate-limit', pauseMs: 30_000 });
    expect(decideOnFailure(bcError('rate_limited', 429), 5, 10)).toEqual({ action: 'rate-limit', pauseMs: 1_000 });
  });

  it('retries transient failures, gives up at once on ones retrying cannot fix, and waits for a busy flow', () => {
    expect(decideOnFailure(bcError('upstream', 503))).toEqual({ action: 'retry' });
    expect(decideOnFailure(bcError('auth', 401))).toEqual({ action: 'give-up' });
    expect(decideOnFailure(new ErpError('upstream', 'ERP down'))).toEqual({ action: 'retry' });
    expect(decideOnFailure(new ErpError('auth', 'bad certificate'))).toEqual({ action: 'give-up' });
    expect(decideOnFailure(new FlowBusyError('prices'))).toMatchObject({ action: 'later' });
  });
});
