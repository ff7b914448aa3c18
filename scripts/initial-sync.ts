import { Redis } from 'ioredis';
import { loadSyncConfig, syncContextFromConfig } from '../sync/config';
import { FLOWS, runFlows } from '../sync/run-flows';
import { setRepPassword } from '../lib/rep/rep-credentials';
import { DEMO_REP_PASSWORD } from '../sandbox/demo-data/people';
import { repDirectoryKeys } from '../sync/flows/reps/keys';
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
    const ctx = syncContextFromConfig(config, redis, { env });
    // The sandbox was just seeded: whatever this Redis remembers about a previous sandbox (list hashes, queued
    // jobs, triggers from its webhooks) is stale.
    // Rep sign-in state (passwords, impersonations, attempt counts) belongs to that sandbox too; the audit log is
    // append-only and stays.
    const stale = [
      ...(await redis.keys(`sync:${config.BIGCOMMERCE_STORE_HASH}:*`)),
      ...(await redis.keys(`rep:${config.BIGCOMMERCE_STORE_HASH}:*`)),
      ...(await redis.keys(`{${DEFAULT_STREAM_KEY}}:dedup:*`)),
      DEFAULT_STREAM_KEY,
    ];
    for (const key of stale) await redis.del(key);
    await runFlows(ctx, FLOWS, { full: true }, (stats) => {
      console.log(`[dev] sync ${stats.flow}: ${stats.changed} changed, ${stats.deleted} removed, ${stats.deadLettered} dead-lettered, ${stats.apiCalls} API calls`);
    });
    // The sandbox ERP's reps (synced above with the other flows) are the demo's, whose password the README lists;
    // a real store sets each with `npm run rep-password`.
    const repIds = await redis.hkeys(repDirectoryKeys(config.BIGCOMMERCE_STORE_HASH).reps);
    for (const repId of repIds) await setRepPassword(redis, config.BIGCOMMERCE_STORE_HASH, repId, DEMO_REP_PASSWORD);
    console.log(`[dev] ${repIds.length} demo rep password(s) set`);
  } finally {
    redis.disconnect();
  }
}
