import type { Redis } from 'ioredis';
import { createBigCommerceRestClient, type BigCommerceRestClient, type BigCommerceRestEvent } from '../lib/bigcommerce/rest';
import type { ErpAdapter } from './erp/erp';
import { ChangeEvents } from './state/change-events';
import { DeadLetterQueue } from './state/dead-letters';
import { FlowStats } from './state/flow-stats';
import { syncKeys, type SyncKeys } from './state/keys';

/**
 * Everything a sync flow needs, built once per process: the BigCommerce REST client (every call goes through its
 * rate-limit-aware loop, so a 429 is a pause, never a failure), Redis state, the ERP adapter, and counters the
 * run reports.
 */
export interface SyncContext {
  storeHash: string;
  channelId: number;
  rest: BigCommerceRestClient;
  redis: Redis;
  erp: ErpAdapter;
  keys: SyncKeys;
  deadLetters: DeadLetterQueue;
  events: ChangeEvents;
  stats: FlowStats;
  counters: ApiCounters;
  log: (message: string, fields?: Record<string, unknown>) => void;
}

export interface ApiCounters {
  calls: number;
  rateLimited: number;
}

export interface SyncContextOptions {
  storeHash: string;
  channelId: number;
  apiUrl: string;
  accessToken: string;
  redis: Redis;
  erp: ErpAdapter;
  log?: SyncContext['log'];
  /** Test hook: make the REST client's backoff fast. */
  restOverrides?: Partial<Parameters<typeof createBigCommerceRestClient>[0]>;
}

export function createSyncContext(options: SyncContextOptions): SyncContext {
  const counters: ApiCounters = { calls: 0, rateLimited: 0 };
  const onEvent = (event: BigCommerceRestEvent) => {
    if (event.type === 'response') counters.calls++;
    if (event.type === 'rate_limited') counters.rateLimited++;
  };
  const rest = createBigCommerceRestClient({
    apiUrl: options.apiUrl,
    storeHash: options.storeHash,
    accessToken: options.accessToken,
    onEvent,
    ...options.restOverrides,
  });
  const keys = syncKeys(options.storeHash);
  return {
    storeHash: options.storeHash,
    channelId: options.channelId,
    rest,
    redis: options.redis,
    erp: options.erp,
    keys,
    deadLetters: new DeadLetterQueue(options.redis, keys.deadLetters),
    events: new ChangeEvents(options.redis, keys.events),
    stats: new FlowStats(options.redis, keys.flowStats),
    counters,
    log: options.log ?? (() => {}),
  };
}
