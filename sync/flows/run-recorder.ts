import type { SyncContext } from '../context';
import type { RunStats } from '../state/flow-stats';

/** What a flow counted; the recorder adds timing, API-call deltas and persistence. */
export type RunCounts = Pick<RunStats, 'examined' | 'changed' | 'deleted' | 'deadLettered' | 'batches'>;

/**
 * The bookkeeping every flow run shares: when it started, how many API calls and 429s it cost (the context's
 * counters are process-wide, so the run's share is the difference), and recording the result unless it was a dry
 * run. Start one at the top of a run; `finish` at the end.
 */
export function startRun(ctx: SyncContext, flow: string, dryRun: boolean) {
  const startedAt = new Date().toISOString();
  const before = { ...ctx.counters };
  return {
    startedAt,
    async finish(mode: RunStats['mode'], counts: RunCounts): Promise<RunStats> {
      const stats: RunStats = {
        flow,
        mode,
        startedAt,
        finishedAt: new Date().toISOString(),
        ...counts,
        apiCalls: ctx.counters.calls - before.calls,
        rateLimited: ctx.counters.rateLimited - before.rateLimited,
        dryRun,
      };
      if (!dryRun) await ctx.stats.record(stats, true);
      return stats;
    },
  };
}

/** Adds up the pushers' totals for one field. */
export function total<T>(items: readonly T[], pick: (item: T) => number): number {
  return items.reduce((sum, item) => sum + pick(item), 0);
}
