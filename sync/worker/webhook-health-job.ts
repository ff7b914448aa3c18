import type { SyncContext } from '../context';
import type { SyncQueues } from '../queue/sync-queues';
import { ensureWebhooks, type WebhookHealthReport } from '../webhooks/health';
import { DEFAULT_SYNC_WEBHOOK_SCOPES } from '../webhooks/scopes';
import { WEBHOOK_SECRET_HEADER } from '../webhooks/secret-header';

export interface WebhookHealthSettings {
  /** Our receiver's public URL (`…/api/webhooks/bigcommerce`). */
  destination: string;
  secret: string;
}

/**
 * The scheduled webhook check. When a hook had to be created, re-activated or repaired, events were probably missed
 * while it was off, so the repair is recorded (`sync:{store}:webhook-health`, read by `status`) and a reconciliation
 * of prices and inventory plus an orders catch-up scan are queued to find what was missed.
 */
export async function checkWebhookHealth(ctx: SyncContext, queues: SyncQueues, settings: WebhookHealthSettings): Promise<WebhookHealthReport> {
  const report = await ensureWebhooks(ctx.rest, {
    destination: settings.destination,
    scopes: DEFAULT_SYNC_WEBHOOK_SCOPES,
    secretHeader: { name: WEBHOOK_SECRET_HEADER, value: settings.secret },
  });
  const repaired = [...report.created, ...report.reactivated, ...report.updated];
  const checkedAt = new Date().toISOString();
  const record: Record<string, string> = { lastCheckAt: checkedAt, lastReport: JSON.stringify(report) };
  if (repaired.length > 0) {
    record.lastRepairAt = checkedAt;
    ctx.log('webhooks repaired; reconciling what they may have missed', { created: report.created.length, reactivated: report.reactivated.length, updated: report.updated.length });
    const reason = 'webhooks were repaired: events may have been missed';
    await queues.addAll([
      { queue: 'sync-flows', name: 'reconcile', data: { flow: 'prices', reason } },
      { queue: 'sync-flows', name: 'reconcile', data: { flow: 'inventory', reason } },
      { queue: 'sync-orders', name: 'orders-catch-up', data: { reason } },
    ]);
  }
  await ctx.redis.hset(ctx.keys.webhookHealth, record);
  return report;
}
