import type { SyncContext } from './context';
import { syncCredit } from './flows/credit/sync-credit';
import { syncInventory } from './flows/inventory/sync-inventory';
import { syncPrices } from './flows/prices/sync-prices';
import { syncReps } from './flows/reps/sync-reps';
import type { RunStats } from './state/flow-stats';

export const FLOWS = ['prices', 'inventory', 'credit', 'reps'] as const;
export type FlowName = (typeof FLOWS)[number];

export interface FlowRunOptions {
  full?: boolean;
  dryRun?: boolean;
}

const RUNNERS: Record<FlowName, (ctx: SyncContext, options: FlowRunOptions) => Promise<RunStats>> = {
  prices: syncPrices,
  inventory: syncInventory,
  credit: syncCredit,
  // Reps and their accounts are few: every run reads them all (and ends impersonations that lost their grounds).
  reps: (ctx, options) => syncReps(ctx, options),
};

/** Runs the flows one after another (they share the store's API quota, so running them at once gains nothing). */
export async function runFlows(ctx: SyncContext, flows: readonly FlowName[], options: FlowRunOptions, onDone?: (stats: RunStats) => void): Promise<RunStats[]> {
  const results: RunStats[] = [];
  for (const flow of flows) {
    const stats = await RUNNERS[flow](ctx, options);
    onDone?.(stats);
    results.push(stats);
  }
  return results;
}
