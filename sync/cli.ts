import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { isBigCommerceApiError } from '../lib/bigcommerce/rest';
import type { SyncContext } from './context';
import { ErpError } from './erp/errors';
import { loadSyncConfig, SyncConfigError, syncContextFromConfig, type SyncConfig } from './config';
import { reconcileInventory } from './flows/inventory/reconcile-inventory';
import { reconcilePrices } from './flows/prices/reconcile-prices';
import { queueConnection } from './queue/connection';
import { replayDeadLetters } from './queue/dead-letter-jobs';
import { SyncQueues } from './queue/sync-queues';
import { runWorkerUntilSignalled } from './worker/worker-process';
import { FLOWS, runFlows, type FlowName } from './run-flows';
import type { RunStats } from './state/flow-stats';

/**
 * `npm run sync -- <command>`, cron-friendly:
 *   prices | inventory | credit | reps | all  [--full] [--dry-run]
 *   reconcile [--fix]        drift report for prices and inventory; exit 1 while drift remains
 *   worker                   long-running: queue worker, trigger pump and schedules (stops on SIGINT/SIGTERM)
 *   dlq list                 dead-lettered records and jobs with their reasons
 *   dlq replay <id>|--all    re-run dead-lettered jobs (records: re-run their flow); dlq remove <id> drops one
 *   status                   last run, lag and DLQ size per flow
 * Exit codes: 0 clean, 1 finished with dead-lettered records (or drift), 2 configuration or connection error.
 * Human-readable lines on a terminal, JSON lines otherwise (for log shippers).
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    full: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    fix: { type: 'boolean', default: false },
    all: { type: 'boolean', default: false },
  },
});
const [command = 'help', subcommand, argument] = positionals;
const human = process.stdout.isTTY === true;

function emit(event: string, fields: Record<string, unknown>): void {
  if (!human) {
    console.log(JSON.stringify({ event, at: new Date().toISOString(), ...fields }));
    return;
  }
  const details = Object.entries(fields)
    .map(([key, value]) => `${key}=${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
    .join(' ');
  console.log(`[sync] ${event} ${details}`);
}

function summary(stats: RunStats): Record<string, unknown> {
  const { flow, mode, examined, changed, deleted, deadLettered, batches, apiCalls, rateLimited, dryRun } = stats;
  const seconds = (Date.parse(stats.finishedAt) - Date.parse(stats.startedAt)) / 1000;
  return { flow, mode, dryRun, examined, changed, deleted, deadLettered, batches, apiCalls, rateLimited, seconds };
}

async function connect(): Promise<{ ctx: SyncContext; config: SyncConfig; close: () => void }> {
  const config = loadSyncConfig();
  const redis = new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2, retryStrategy: () => null });
  redis.on('error', () => {}); // reported once below, not on every reconnect attempt
  try {
    await redis.connect();
  } catch (error) {
    throw new SyncConfigError(`cannot reach Redis at REDIS_URL=${config.REDIS_URL} (${error instanceof Error ? error.message : String(error)}): start redis-server or fix the URL`);
  }
  const ctx = syncContextFromConfig(config, redis, { log: (message, fields) => emit('log', { message, ...fields }) });
  return { ctx, config, close: () => redis.disconnect() };
}

async function main(): Promise<number> {
  if (command === 'help' || command === '--help') {
    console.log('usage: npm run sync -- prices|inventory|credit|reps|all [--full] [--dry-run] | reconcile [--fix] | worker | dlq list|replay <id>|replay --all|remove <id> | status');
    return 0;
  }
  const { ctx, config, close } = await connect();
  try {
    if (command === 'all' || (FLOWS as readonly string[]).includes(command)) {
      const flows: FlowName[] = command === 'all' ? [...FLOWS] : [command as FlowName];
      const results = await runFlows(ctx, flows, { full: values.full, dryRun: values['dry-run'] }, (stats) => emit('flow-finished', summary(stats)));
      return results.some((r) => r.deadLettered > 0) ? 1 : 0;
    }
    if (command === 'reconcile') {
      const prices = await reconcilePrices(ctx, { fix: values.fix });
      emit('drift', { flow: 'prices', ...prices });
      const inventory = await reconcileInventory(ctx, { fix: values.fix });
      emit('drift', { flow: 'inventory', ...inventory });
      return prices.remaining + inventory.remaining > 0 ? 1 : 0;
    }
    if (command === 'worker') {
      await runWorkerUntilSignalled(ctx, config, emit);
      return 0;
    }
    if (command === 'dlq' && subcommand === 'list') {
      for (const letter of await ctx.deadLetters.list()) emit('dead-letter', { id: letter.id, flow: letter.flow, at: letter.at, reason: letter.reason });
      return 0;
    }
    if (command === 'dlq' && subcommand === 'remove' && argument) {
      const found = (await ctx.deadLetters.get(argument)) !== null;
      await ctx.deadLetters.remove([argument]);
      emit(found ? 'dead-letter-removed' : 'dead-letter-not-found', { id: argument });
      return found ? 0 : 1;
    }
    if (command === 'dlq' && subcommand === 'replay' && (argument || values.all)) {
      const queues = new SyncQueues(queueConnection(config.REDIS_URL), ctx.storeHash);
      try {
        const outcome = await replayDeadLetters(ctx.deadLetters, queues, values.all ? 'all' : [argument as string]);
        for (const id of outcome.replayed) emit('replayed', { id, note: 'queued; a running worker (npm run sync -- worker) picks it up' });
        for (const skipped of outcome.skipped) emit('not-replayed', skipped);
        return outcome.skipped.length > 0 ? 1 : 0;
      } finally {
        await queues.close();
      }
    }
    if (command === 'status') {
      for (const flow of FLOWS) emit('flow-status', { flow, ...(await ctx.stats.health(flow)) });
      emit('dlq', { size: await ctx.deadLetters.size() });
      const { lastCheckAt = null, lastRepairAt = null } = await ctx.redis.hgetall(ctx.keys.webhookHealth);
      emit('webhooks', { lastCheckAt, lastRepairAt });
      return 0;
    }
    console.error(`unknown command "${[command, subcommand].filter(Boolean).join(' ')}"; run "npm run sync -- help"`);
    return 2;
  } finally {
    close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof SyncConfigError || (error instanceof ErpError && error.kind === 'auth')) {
      console.error(`[sync] configuration or connection: ${error.message}`);
      process.exit(2);
    }
    const connection =
      (error instanceof ErpError && error.kind === 'upstream' && error.details.status === undefined) ||
      (isBigCommerceApiError(error) && error.kind === 'network') ||
      (error instanceof Error && /ECONNREFUSED|ENOTFOUND|ETIMEDOUT/.test(`${error.message} ${String(error.cause ?? '')}`));
    console.error(`[sync] ${connection ? 'connection error' : 'failed'}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(connection ? 2 : 1);
  },
);
