import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { queuePrefix } from './connection';
import { deduplicationId, FLOWS_QUEUE, ORDERS_QUEUE, type QueueName, type SyncJob } from './jobs';

/**
 * Retries back off exponentially with jitter (so a fleet recovering from an outage does not retry in lockstep);
 * after the last attempt the worker writes the job to the dead-letter queue. Finished jobs are kept a day for
 * inspection, failed ones a week.
 */
export const JOB_ATTEMPTS = 5;
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: JOB_ATTEMPTS,
  backoff: { type: 'exponential', delay: 5_000, jitter: 0.5 },
  removeOnComplete: { age: 24 * 3600, count: 1_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5_000 },
};

/**
 * The producer side of the sync queues: the trigger pump, the schedules and the CLI add jobs here. It owns the
 * connection it is given (BullMQ does not close passed-in connections) and closes it on `close()`.
 */
export class SyncQueues {
  readonly flows: Queue;
  readonly orders: Queue;

  constructor(
    private readonly connection: Redis,
    storeHash: string,
    jobOptions: JobsOptions = DEFAULT_JOB_OPTIONS,
  ) {
    const common = { connection, prefix: queuePrefix(storeHash), defaultJobOptions: jobOptions };
    this.flows = new Queue(FLOWS_QUEUE, common);
    this.orders = new Queue(ORDERS_QUEUE, common);
  }

  queue(name: QueueName): Queue {
    return name === FLOWS_QUEUE ? this.flows : this.orders;
  }

  async add(job: SyncJob): Promise<void> {
    const dedupId = deduplicationId(job);
    await this.queue(job.queue).add(job.name, job.data, dedupId ? { deduplication: { id: dedupId, keepLastIfActive: true } } : {});
  }

  async addAll(jobs: readonly SyncJob[]): Promise<void> {
    for (const job of jobs) await this.add(job);
  }

  async close(): Promise<void> {
    await Promise.all([this.flows.close(), this.orders.close()]);
    this.connection.disconnect();
  }
}
