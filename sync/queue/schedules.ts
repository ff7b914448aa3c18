import { FLOWS } from '../run-flows';
import { FLOWS_QUEUE, ORDERS_QUEUE, type SyncJob } from './jobs';
import type { SyncQueues } from './sync-queues';

export interface ScheduleSettings {
  /** Delta run of every flow. Default 5 minutes. */
  deltaEveryMs: number;
  /** Nightly full reconciliation, a cron pattern in UTC. Default 02:00. */
  fullCron: string;
  /** Webhook health check. Default 15 minutes. */
  webhookHealthEveryMs: number;
  /** Orders whose webhook never came, and ERP status / tracking flowing back. Default 10 and 5 minutes. */
  ordersCatchUpEveryMs: number;
  orderStatusEveryMs: number;
}

export const DEFAULT_SCHEDULES: ScheduleSettings = {
  deltaEveryMs: 5 * 60_000,
  fullCron: '0 2 * * *',
  webhookHealthEveryMs: 15 * 60_000,
  ordersCatchUpEveryMs: 10 * 60_000,
  orderStatusEveryMs: 5 * 60_000,
};

type Repeat = { every: number } | { pattern: string; tz: string };

/** Every schedule the worker keeps, by a stable id: upserting them on each start replaces a changed interval. */
export function scheduleTable(settings: ScheduleSettings): { id: string; repeat: Repeat; job: SyncJob }[] {
  const reason = 'schedule';
  const nightly: Repeat = { pattern: settings.fullCron, tz: 'UTC' };
  return [
    ...FLOWS.map((flow) => ({ id: `delta-${flow}`, repeat: { every: settings.deltaEveryMs }, job: { queue: FLOWS_QUEUE, name: 'run', data: { flow, full: false, reason } } as SyncJob })),
    // Nightly: read BigCommerce back and repair drift (hand edits included), not just re-send from the hash store.
    { id: 'nightly-prices', repeat: nightly, job: { queue: FLOWS_QUEUE, name: 'reconcile', data: { flow: 'prices', reason } } },
    { id: 'nightly-inventory', repeat: nightly, job: { queue: FLOWS_QUEUE, name: 'reconcile', data: { flow: 'inventory', reason } } },
    { id: 'nightly-credit', repeat: nightly, job: { queue: FLOWS_QUEUE, name: 'run', data: { flow: 'credit', full: true, reason } } },
    { id: 'webhook-health', repeat: { every: settings.webhookHealthEveryMs }, job: { queue: FLOWS_QUEUE, name: 'webhook-health', data: { reason } } },
    { id: 'orders-catch-up', repeat: { every: settings.ordersCatchUpEveryMs }, job: { queue: ORDERS_QUEUE, name: 'orders-catch-up', data: { reason } } },
    { id: 'order-status', repeat: { every: settings.orderStatusEveryMs }, job: { queue: ORDERS_QUEUE, name: 'order-status', data: { reason } } },
  ];
}

/** BullMQ v6 job schedulers (the v5 `repeat` option is silently ignored in v6). */
export async function ensureSchedules(queues: SyncQueues, settings: ScheduleSettings = DEFAULT_SCHEDULES): Promise<void> {
  for (const { id, repeat, job } of scheduleTable(settings)) {
    await queues.queue(job.queue).upsertJobScheduler(id, repeat, { name: job.name, data: job.data });
  }
}
