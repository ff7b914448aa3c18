import type { Redis } from 'ioredis';
import { z } from 'zod';
import { createSyncContext, type SyncContext } from './context';
import type { ErpAdapter } from './erp/erp';
import { createNetSuiteAdapter, netSuiteConfigFromEnv } from './erp/netsuite/config';

/**
 * What the sync job needs from the environment: the store (REST only: no storefront token, no session secret),
 * Redis, and which ERP adapter with its own variables (sync/erp/netsuite/README.md). A missing or malformed value
 * is a ConfigError whose message names the variable; the CLI exits 2 with it.
 */
const schema = z.object({
  BIGCOMMERCE_STORE_HASH: z.string({ error: 'is missing: the store hash (the part after /stores/ in API paths)' }).regex(/^[a-z0-9]+$/, 'must be lower-case letters and digits'),
  BIGCOMMERCE_ACCESS_TOKEN: z.string({ error: 'is missing: the API account access token (X-Auth-Token)' }).min(8, 'looks too short for an access token'),
  BIGCOMMERCE_CHANNEL_ID: z.coerce.number().int().positive().default(1),
  BIGCOMMERCE_API_URL: z.url({ protocol: /^https?$/ }).default('https://api.bigcommerce.com'),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
  ERP_ADAPTER: z.enum(['netsuite'], { error: 'must be "netsuite" (the file-drop adapter is configured in code for now)' }).default('netsuite'),
  // The worker's schedules (`npm run sync -- worker`).
  SYNC_DELTA_EVERY_MS: z.coerce.number().int().min(10_000, 'must be at least 10000 (10 s)').default(5 * 60_000),
  SYNC_FULL_CRON: z.string().regex(/^(\S+\s+){4}\S+$/, 'must be a 5-field cron pattern in UTC, e.g. "0 2 * * *"').default('0 2 * * *'),
  // Where BigCommerce should deliver webhooks (our public `/api/webhooks/bigcommerce` URL) and the shared secret
  // it sends; without them the worker's webhook health check is skipped.
  SYNC_WEBHOOK_DESTINATION: z.url({ protocol: /^https?$/ }).optional(),
  BIGCOMMERCE_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
});

export type SyncConfig = z.output<typeof schema>;

export class SyncConfigError extends Error {
  override readonly name = 'SyncConfigError';
}

export function loadSyncConfig(env: Record<string, string | undefined> = process.env): SyncConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new SyncConfigError(result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('\n'));
  }
  return result.data;
}

export function erpAdapterFromEnv(config: SyncConfig, env: Record<string, string | undefined> = process.env): ErpAdapter {
  switch (config.ERP_ADAPTER) {
    case 'netsuite':
      return createNetSuiteAdapter(netSuiteConfigFromEnv(env));
  }
}

/** The sync context for a validated configuration: the store's REST client, this Redis and the configured ERP. */
export function syncContextFromConfig(config: SyncConfig, redis: Redis, options: { env?: Record<string, string | undefined>; log?: SyncContext['log'] } = {}): SyncContext {
  return createSyncContext({
    storeHash: config.BIGCOMMERCE_STORE_HASH,
    channelId: config.BIGCOMMERCE_CHANNEL_ID,
    apiUrl: config.BIGCOMMERCE_API_URL,
    accessToken: config.BIGCOMMERCE_ACCESS_TOKEN,
    redis,
    erp: erpAdapterFromEnv(config, options.env),
    log: options.log,
  });
}
