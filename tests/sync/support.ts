import { Redis } from 'ioredis';
import { launchSandbox, type LaunchedSandbox } from '../../sandbox/launch';
import { startNetSuiteEmulator, type NetSuiteEmulator } from '../../sandbox/netsuite/server';
import { createSyncContext, type SyncContext } from '../../sync/context';
import { createNetSuiteAdapter } from '../../sync/erp/netsuite/config';

/**
 * A BigCommerce sandbox and a NetSuite emulator seeded from the same demo dataset (with the emulator's deliberate
 * drift, so the ERP disagrees with BigCommerce at start), real Redis on its own database per test file, and a
 * sync context wired to all three.
 */
export interface SyncWorld {
  bc: LaunchedSandbox;
  ns: NetSuiteEmulator;
  redis: Redis;
  ctx: SyncContext;
  close(): Promise<void>;
}

export async function startSyncWorld(options: { redisDb: number; products?: number; rateLimit?: boolean }): Promise<SyncWorld> {
  const bc = await launchSandbox({ products: options.products ?? 120, rateLimit: options.rateLimit ?? false });
  const ns = await startNetSuiteEmulator({ dataset: bc.dataset, logErrors: false, seedDrift: true });
  const redis = new Redis({ host: '127.0.0.1', port: 6379, db: options.redisDb, lazyConnect: true });
  await redis.connect();
  await redis.flushdb();
  const erp = createNetSuiteAdapter({
    accountId: ns.accountId,
    restBase: ns.restBase,
    m2m: ns.credentials.m2m,
    client: { retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5 }, pageSize: 1000, timeoutMs: 10_000 },
  });
  const ctx = createSyncContext({
    storeHash: bc.env.BIGCOMMERCE_STORE_HASH ?? '',
    channelId: 1,
    apiUrl: bc.env.BIGCOMMERCE_API_URL ?? '',
    accessToken: bc.env.BIGCOMMERCE_ACCESS_TOKEN ?? '',
    redis,
    erp,
    restOverrides: { maxRetries: 6 },
  });
  return {
    bc,
    ns,
    redis,
    ctx,
    async close() {
      await redis.flushdb();
      redis.disconnect();
      await ns.close();
      await bc.close();
    },
  };
}

export async function setFaults(world: SyncWorld, faults: Record<string, unknown> | null): Promise<void> {
  const url = `${world.bc.bigcommerce.url}/__sandbox/faults`;
  const response = await fetch(url, faults ? { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) } : { method: 'DELETE' });
  if (!response.ok) throw new Error(`faults ${response.status} ${await response.text()}`);
}
