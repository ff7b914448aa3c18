import { Worker, type Job, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { SyncContext } from '../context';
import { queueConnection, queuePrefix } from '../queue/connection';
import { FLOWS_QUEUE, ORDERS_QUEUE, type FlowJob, type OrderJob } from '../queue/jobs';
import { ensureSchedules, type ScheduleSettings } from '../queue/schedules';
import { SyncQueues } from '../queue/sync-queues';
import { startTriggerPump } from '../queue/trigger-pump';
import { handleFlowJob } from './flow-jobs';
import { guardedProcessor } from './guarded-processor';
import { handleOrderJob } from './order-jobs';
import type { WebhookHealthSettings } from './webhook-health-job';

export interface SyncWorkerOptions {
  ctx: SyncContext;
  /** BullMQ opens its own connections (blocking reads) from this URL. */
  redisUrl: string;
  /** false: no schedules (tests, or a second worker process: schedules are kept by one). */
  schedules: ScheduleSettings | false;
  webhooks?: WebhookHealthSettings;
  /** Tests shorten backoff. */
  jobOptions?: JobsOptions;
  triggerStreamKey?: string;
  /** How often a blocked trigger read returns (also bounds how long `close()` takes). */
  pumpBlockMs?: number;
}

export interface RunningSyncWorker {
  queues: SyncQueues;
  close(): Promise<void>;
}

/**
 * `npm run sync -- worker`: the queue worker, the trigger pump (webhooks and ERP events → jobs) and the schedules.
 * Flow runs are one at a time across every worker process (global concurrency 1): they share the store's API quota,
 * and price-list upserts allow only one or two in flight per store. Order jobs (post-back, catch-up scan, status
 * flow-back) run beside them in their own queue, so an order never waits behind a long price run.
 */
export async function startSyncWorker(options: SyncWorkerOptions): Promise<RunningSyncWorker> {
  const { ctx } = options;
  // Passed-in connections are not closed by BullMQ, so every one is kept here and closed last.
  const connections: Redis[] = [];
  const connect = () => connections[connections.push(queueConnection(options.redisUrl)) - 1]!;
  const pumpReader = connect();
  const queues = new SyncQueues(queueConnection(options.redisUrl), ctx.storeHash, options.jobOptions);
  await queues.flows.setGlobalConcurrency(1);
  if (options.schedules) await ensureSchedules(queues, options.schedules);

  const prefix = queuePrefix(ctx.storeHash);
  // BullMQ checks a manual rate limit only when a limiter is configured; this one is far above any real job rate.
  const limiter = { max: 1_000, duration: 1_000 };
  const flows: Worker = new Worker(
    FLOWS_QUEUE,
    guardedProcessor(FLOWS_QUEUE, ctx, () => flows, (job: Job) => handleFlowJob({ ctx, queues, webhooks: options.webhooks }, { name: job.name, data: job.data } as FlowJob)),
    { connection: connect(), prefix, concurrency: 1, limiter },
  );
  // Orders are mostly ERP calls, each order under its own lock: a few at once keeps a checkout burst moving.
  const orders: Worker = new Worker(
    ORDERS_QUEUE,
    guardedProcessor(ORDERS_QUEUE, ctx, () => orders, (job: Job) => handleOrderJob(ctx, queues, { name: job.name, data: job.data } as OrderJob)),
    { connection: connect(), prefix, concurrency: 4, limiter },
  );
  const workers = [flows, orders];
  for (const worker of workers) {
    worker.on('completed', (job) => ctx.log('job done', { queue: worker.name, job: job.name, id: job.id, reason: (job.data as { reason?: string }).reason }));
    worker.on('failed', (job, error) => ctx.log('job attempt failed', { queue: worker.name, job: job?.name, id: job?.id, attempts: job?.attemptsMade, error: error.message }));
    worker.on('error', (error) => ctx.log('worker error', { queue: worker.name, error: error.message }));
  }

  const pump = startTriggerPump(pumpReader, queues, ctx.deadLetters, {
    cursorKey: ctx.keys.triggerCursor,
    streamKey: options.triggerStreamKey,
    blockMs: options.pumpBlockMs,
    log: ctx.log,
  });

  return {
    queues,
    async close() {
      await pump.stop();
      await Promise.all(workers.map((w) => w.close()));
      await queues.close();
      for (const c of connections) c.disconnect();
    },
  };
}
