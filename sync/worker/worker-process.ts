import type { SyncConfig } from '../config';
import type { SyncContext } from '../context';
import { DEFAULT_SCHEDULES as DEFAULTS } from '../queue/schedules';
import { startSyncWorker } from './start-worker';

/**
 * The long-running worker of `npm run sync -- worker`: runs until SIGINT/SIGTERM, then lets the running job finish
 * its current step (BullMQ waits for active jobs) and exits. A job cut off by kill -9 is picked up again as
 * "stalled" by the next worker, and the flows resume from their confirmed hashes.
 */
export async function runWorkerUntilSignalled(ctx: SyncContext, config: SyncConfig, emit: (event: string, fields: Record<string, unknown>) => void): Promise<void> {
  const webhooks =
    config.SYNC_WEBHOOK_DESTINATION && config.BIGCOMMERCE_WEBHOOK_SECRET
      ? { destination: config.SYNC_WEBHOOK_DESTINATION, secret: config.BIGCOMMERCE_WEBHOOK_SECRET }
      : undefined;
  const worker = await startSyncWorker({
    ctx,
    redisUrl: config.REDIS_URL,
    schedules: { ...DEFAULTS, deltaEveryMs: config.SYNC_DELTA_EVERY_MS, fullCron: config.SYNC_FULL_CRON },
    webhooks,
  });
  emit('worker-started', { deltaEveryMs: config.SYNC_DELTA_EVERY_MS, fullCron: config.SYNC_FULL_CRON, webhookHealth: webhooks ? webhooks.destination : 'off (SYNC_WEBHOOK_DESTINATION unset)' });
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  emit('worker-stopping', {});
  await worker.close();
}
