import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchSandbox, type LaunchedSandbox } from '../../sandbox/launch';
import type { SyncContext } from '../../sync/context';
import { loadSyncConfig, syncContextFromConfig } from '../../sync/config';
import { reconcilePrices } from '../../sync/flows/prices/reconcile-prices';
import { syncPrices } from '../../sync/flows/prices/sync-prices';

/**
 * The resumability promise, tested the way it fails in production: the sync CLI is killed with SIGKILL in the
 * middle of a full price run (no finally, no lock release), then run again. The second run must send only what the
 * first did not confirm, and BigCommerce must end equal to the ERP.
 */
const REDIS_DB = 4;
let sandbox: LaunchedSandbox;
let env: Record<string, string>;
let redis: Redis;
let ctx: SyncContext;

beforeAll(async () => {
  sandbox = await launchSandbox({ products: 400, erpPort: 0, rateLimit: false });
  env = { ...sandbox.env, REDIS_URL: `redis://127.0.0.1:6379/${REDIS_DB}` };
  redis = new Redis(env.REDIS_URL!);
  await redis.flushdb();
  ctx = syncContextFromConfig(loadSyncConfig(env), redis, { env });
}, 120_000);
afterAll(async () => {
  await redis?.flushdb();
  redis?.disconnect();
  await sandbox?.close();
});

/** `npm run sync -- …`, but as one node process: through npx, SIGKILL would hit the wrapper and spare the sync. */
function syncCli(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'sync/cli.ts', ...args], { env: { ...process.env, ...env }, stdio: 'ignore' });
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

async function setLatency(ms: number): Promise<void> {
  const url = `${sandbox.bigcommerce.url}/__sandbox/faults`;
  await fetch(url, ms > 0 ? { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pathPrefix: '/v3/pricelists', latencyMs: ms }) } : { method: 'DELETE' });
}

describe('sync CLI killed with SIGKILL', () => {
  it('resumes from its confirmed batches and ends with the same state as an uninterrupted run', async () => {
    const total = (await syncPrices(ctx, { full: true, dryRun: true })).batches;
    expect(total).toBeGreaterThanOrEqual(4);

    // Slow price-list calls so the kill lands mid-run, after two batches were confirmed (each publishes an event).
    await setLatency(400);
    const first = syncCli(['prices', '--full']);
    const events = ctx.keys.events;
    const started = Date.now();
    while ((await redis.xlen(events)) < 2) {
      if (Date.now() - started > 60_000) throw new Error('the first run never confirmed two batches');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    first.kill('SIGKILL');
    expect(await exited(first)).toBeNull();
    await setLatency(0);

    // The killed run's lock was never released; it expires on its own within a minute. Don't wait for it here.
    expect(await redis.exists(ctx.keys.flowLock('prices'))).toBe(1);
    await redis.del(ctx.keys.flowLock('prices'));

    const left = (await syncPrices(ctx, { full: true, dryRun: true })).batches;
    expect(left).toBeLessThanOrEqual(total - 2);
    expect(left).toBeGreaterThan(0);

    const second = syncCli(['prices', '--full']);
    expect(await exited(second)).not.toBe(2);
    const resumed = (await ctx.stats.health('prices')).lastRun;
    expect(resumed?.dryRun).toBe(false);
    expect(resumed?.batches).toBe(left);
    expect((await reconcilePrices(ctx)).remaining).toBe(0);
  }, 180_000);
});
