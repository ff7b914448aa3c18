import type { FlowName } from '../run-flows';

/**
 * What the sync queues carry. A job says what to do, never what the data is: every handler reads current state
 * from the ERP and BigCommerce, so a duplicate, late or replayed job is harmless (idempotent by construction).
 */
export const FLOWS_QUEUE = 'sync-flows';
export const ORDERS_QUEUE = 'sync-orders';
export type QueueName = typeof FLOWS_QUEUE | typeof ORDERS_QUEUE;

export type ReconcilableFlow = 'prices' | 'inventory';

export type FlowJob =
  | { name: 'run'; data: { flow: FlowName; full: boolean; reason: string } }
  /** Read BigCommerce back and repair what differs from the ERP (someone edited it by hand). */
  | { name: 'reconcile'; data: { flow: ReconcilableFlow; reason: string } }
  /** Compare just these records with what the sync last confirmed; repair only if they differ (cheap echo check). */
  | { name: 'verify-prices'; data: { priceListIds: number[]; variantIds: number[]; reason: string } }
  | { name: 'webhook-health'; data: { reason: string } };

export type OrderJob =
  | { name: 'post-order'; data: { orderId: number; reason: string } }
  | { name: 'order-status'; data: { externalIds?: string[]; reason: string } }
  | { name: 'orders-catch-up'; data: { reason: string } };

export type SyncJob = ({ queue: typeof FLOWS_QUEUE } & FlowJob) | ({ queue: typeof ORDERS_QUEUE } & OrderJob);

/**
 * Coalesces bursts: while a job with this id waits, more triggers for it add nothing; while one runs, exactly one
 * follow-up is kept (BullMQ `keepLastIfActive`), because the running one may have read the ERP before the change.
 */
export function deduplicationId(job: SyncJob): string | undefined {
  switch (job.name) {
    case 'run':
      return `run-${job.data.flow}-${job.data.full ? 'full' : 'delta'}`;
    case 'reconcile':
      return `reconcile-${job.data.flow}`;
    case 'verify-prices':
      return undefined;
    case 'webhook-health':
    case 'orders-catch-up':
      return job.name;
    case 'post-order':
      return `post-order-${job.data.orderId}`;
    case 'order-status':
      return job.data.externalIds ? undefined : 'order-status-all';
  }
}
