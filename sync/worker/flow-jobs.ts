import type { SyncContext } from '../context';
import { reconcilePrices } from '../flows/prices/reconcile-prices';
import { verifyPriceRecords } from '../flows/prices/verify-records';
import type { FlowJob } from '../queue/jobs';
import type { SyncQueues } from '../queue/sync-queues';
import { runFlows } from '../run-flows';
import { checkWebhookHealth, type WebhookHealthSettings } from './webhook-health-job';
import { reconcileInventory } from '../flows/inventory/reconcile-inventory';

export interface FlowJobDeps {
  ctx: SyncContext;
  queues: SyncQueues;
  /** Absent: the store has no public URL for webhooks configured, so the health check has nothing to keep. */
  webhooks?: WebhookHealthSettings;
}

/** Runs one job of the flows queue and returns what it did (kept on the completed job for inspection). */
export async function handleFlowJob(deps: FlowJobDeps, job: FlowJob): Promise<unknown> {
  const { ctx, queues } = deps;
  switch (job.name) {
    case 'run': {
      const [stats] = await runFlows(ctx, [job.data.flow], { full: job.data.full });
      return stats;
    }
    case 'reconcile':
      return job.data.flow === 'prices' ? reconcilePrices(ctx, { fix: true }) : reconcileInventory(ctx, { fix: true });
    case 'verify-prices': {
      const check = await verifyPriceRecords(ctx, job.data.priceListIds, job.data.variantIds);
      if (check.drifted.length > 0) {
        ctx.log('price records changed outside the sync; repairing', { records: check.drifted.slice(0, 10), count: check.drifted.length });
        await queues.add({ queue: 'sync-flows', name: 'run', data: { flow: 'prices', full: true, reason: `repair ${check.drifted.length} price record(s) edited outside the sync` } });
      }
      return check;
    }
    case 'webhook-health':
      if (!deps.webhooks) return { skipped: 'SYNC_WEBHOOK_DESTINATION is not set' };
      return checkWebhookHealth(ctx, queues, deps.webhooks);
  }
}
