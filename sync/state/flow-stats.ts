import type { Redis } from 'ioredis';

/** What one run of a flow did, for the CLI, logs and the "is the sync healthy" question. */
export interface RunStats {
  flow: string;
  mode: 'full' | 'delta';
  startedAt: string;
  finishedAt: string;
  /** ERP records read. */
  examined: number;
  /** Records written to BigCommerce (created or changed). */
  changed: number;
  deleted: number;
  /** Records sent to the dead-letter queue. */
  deadLettered: number;
  /** Batch write requests sent (price-record upserts, inventory adjustments). */
  batches: number;
  apiCalls: number;
  rateLimited: number;
  dryRun: boolean;
}

export interface FlowHealth {
  lastRun: RunStats | null;
  lastSuccessAt: string | null;
  /** Seconds since the last successful run, null if none. */
  lagSeconds: number | null;
}

export class FlowStats {
  constructor(
    private readonly redis: Redis,
    private readonly keyOf: (flow: string) => string,
  ) {}

  async record(stats: RunStats, succeeded: boolean): Promise<void> {
    const fields: Record<string, string> = { lastRun: JSON.stringify(stats) };
    if (succeeded) fields.lastSuccessAt = stats.finishedAt;
    await this.redis.hset(this.keyOf(stats.flow), fields);
  }

  async health(flow: string, now = Date.now()): Promise<FlowHealth> {
    const { lastRun, lastSuccessAt } = await this.redis.hgetall(this.keyOf(flow));
    return {
      lastRun: lastRun ? (JSON.parse(lastRun) as RunStats) : null,
      lastSuccessAt: lastSuccessAt ?? null,
      lagSeconds: lastSuccessAt ? Math.round((now - Date.parse(lastSuccessAt)) / 1000) : null,
    };
  }
}
