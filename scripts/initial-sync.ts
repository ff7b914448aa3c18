import { Redis } from 'ioredis';
import { createSyncContext } from '../sync/context';
import { erpAdapterFromEnv, loadSyncConfig } from '../sync/config';
import { FLOWS, runFlows } from '../sync/run-flows';
import { DEFAULT_STREAM_KEY } from '../sync/triggers';

/**
 * Brings a freshly started sandbox store in line with the ERP before the storefront opens, so the demo shows ERP
 * contract prices and stock from the first page. Uses exactly the code and variables `npm run sync` uses.
 */
export async function runInitialSync(env: Record<string, string | undefined>): Promise<void> {
  const config = loadSyncConfig(env);
  const redis = new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2 });
  await redis.connect();
  try {
    const ctx = createSyncContext({
      storeHash: config.BIGCOMMERCE_STORE_HASH,
      channelId: config.BIGCOMMERCE_CHANNEL_ID,
      apiUrl: config.BIGCOMMERCE_API_URL,
      accessToken: config.BIGCOMMERCE_ACCESS_TOKEN,
      redis,
      erp: erpAdapterFromEnv(config, env),
    });
    // The sandbox was just seeded: whatever this Redis remembers about a previous sandbox (list hashes, queued
    // jobs, triggers from its webhooks) is stale.
    const stale = [
      ...(await redis.keys(`sync:${config.BIGCOMMERCE_STORE_HASH}:*`)),
      ...(await redis.keys(`{${DEFAULT_STREAM_KEY}}:dedup:*`)),
      DEFAULT_STREAM_KEY,
    ];
    for (const key of stale) await redis.del(key);
    await runFlows(ctx, FLOWS, { full: true }, (stats) => {
      console.log(`[dev] sync ${stats.flow}: ${stats.changed} changed, ${stats.deleted} removed, ${stats.deadLettered} dead-lettered, ${stats.apiCalls} API calls`);
    });
  } finally {
    redis.disconnect();
  }
}
