import type { SyncContext } from '../context';
import { scanForUnpostedOrders } from '../flows/orders/catch-up-scan';
import { postOrder } from '../flows/orders/post-order';
import { flowbackOpenOrders, flowbackOrder, orderIdFromExternalId } from '../flows/orders/status-flowback';
import { ORDERS_QUEUE, type OrderJob } from '../queue/jobs';
import type { SyncQueues } from '../queue/sync-queues';

/** Runs one job of the orders queue (post-back to the ERP, the catch-up scan, ERP status flowing back). */
export async function handleOrderJob(ctx: SyncContext, queues: SyncQueues, job: OrderJob): Promise<unknown> {
  switch (job.name) {
    case 'post-order':
      return postOrder(ctx, job.data.orderId);
    case 'orders-catch-up': {
      const scan = await scanForUnpostedOrders(ctx);
      const reason = 'catch-up scan: no post-back recorded';
      await queues.addAll(scan.orderIds.map((orderId) => ({ queue: ORDERS_QUEUE, name: 'post-order', data: { orderId, reason } }) as const));
      return scan;
    }
    case 'order-status': {
      if (!job.data.externalIds) {
        const pass = await flowbackOpenOrders(ctx);
        // One order's failure does not stop the pass; it is reported and retried on the next one.
        for (const failure of pass.failures) ctx.log('order status flow-back failed', { orderId: failure.orderId, kind: failure.kind, reason: failure.reason });
        return { examined: pass.examined, applied: pass.applied.length, failed: pass.failures.length };
      }
      const ours = job.data.externalIds.map((id) => orderIdFromExternalId(ctx.storeHash, id)).filter((id): id is number => id !== null);
      const results = [];
      for (const orderId of ours) results.push(await flowbackOrder(ctx, orderId));
      return results;
    }
  }
}
