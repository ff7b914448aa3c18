import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { startBigCommerceSandbox, type BigCommerceSandbox } from '../../sandbox/bigcommerce/server';
import { generateDemoData } from '../../sandbox/demo-data/generate';
import type { DemoDataset } from '../../sandbox/demo-data/types';
import { startNetSuiteEmulator, type NetSuiteEmulator } from '../../sandbox/netsuite/server';
import { createSyncContext, type SyncContext } from '../../sync/context';
import { createNetSuiteAdapter } from '../../sync/erp/netsuite/config';

/**
 * The sales-rep test world: a BigCommerce sandbox and a NetSuite emulator seeded from one demo dataset, and real
 * Redis. DB 0 is shared by the test files that never flush (each file's keys are its own), so everything here lives
 * under a store hash of its own (every rep, audit and sync key is namespaced by store) and only those keys are
 * removed at the end.
 */
export const REP_TEST_REDIS_DB = 0;

export interface RepWorld {
  dataset: DemoDataset;
  storeHash: string;
  bc: BigCommerceSandbox;
  ns: NetSuiteEmulator;
  redis: Redis;
  ctx: SyncContext;
  /** A sandbox admin call on the NetSuite emulator (`/__sandbox/…`). */
  erpAdmin(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  /** A REST Management API call on the BigCommerce sandbox. */
  bcRest(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

export async function startRepWorld(): Promise<RepWorld> {
  const dataset = generateDemoData({ products: 40 });
  const storeHash = `reptest${randomBytes(4).toString('hex')}`;
  const bc = await startBigCommerceSandbox({ dataset, settings: { storeHash, rateLimit: { enabled: false, quota: 150, windowMs: 30_000 } } });
  const ns = await startNetSuiteEmulator({ dataset, logErrors: false, seedDrift: false });
  const redis = new Redis({ host: '127.0.0.1', port: 6379, db: REP_TEST_REDIS_DB, lazyConnect: true });
  await redis.connect();
  const erp = createNetSuiteAdapter({
    accountId: ns.accountId,
    restBase: ns.restBase,
    m2m: ns.credentials.m2m,
    client: { retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5 }, pageSize: 1000, timeoutMs: 10_000 },
  });
  const ctx = createSyncContext({ storeHash, channelId: 1, apiUrl: bc.url, accessToken: bc.settings.accessToken, redis, erp, restOverrides: { maxRetries: 2 } });
  const call = async (url: string, method: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(url, {
      method,
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
  return {
    dataset,
    storeHash,
    bc,
    ns,
    redis,
    ctx,
    erpAdmin: (method, path, body) => call(`${ns.url}/__sandbox${path}`, method, body),
    bcRest: (method, path, body) => call(`${bc.url}/stores/${storeHash}${path}`, method, body, { 'x-auth-token': bc.settings.accessToken }),
    async close() {
      await deleteStoreKeys(redis, storeHash);
      redis.disconnect();
      await ns.close();
      await bc.close();
    },
  };
}

/** Every key of one test store (sync:, rep:, audit: namespaces), leaving the rest of the shared DB alone. */
export async function deleteStoreKeys(redis: Redis, storeHash: string): Promise<void> {
  for (const pattern of [`sync:${storeHash}:*`, `rep:${storeHash}:*`, `audit:${storeHash}:*`]) {
    const keys = await redis.keys(pattern);
    if (keys.length > 0) await redis.del(...keys);
  }
}
