/**
 * Price-sync benchmark: `npm run bench -- sync [--products N]` (or `npx tsx bench/sync.ts`).
 *
 * A BigCommerce sandbox with the Standard quota enforced (150 requests / 30 s) and the documented price-list upsert
 * concurrency (settings defaults), and a NetSuite emulator, both seeded from the same demo dataset (the emulator
 * with its deliberate drift); Redis DB 15, flushed before and after. Then:
 *
 * 1. a first full price sync with an empty hash store (so every list is read back from BigCommerce first);
 * 2. a 1% change of the ERP's contract prices (SQL on the emulator's `pricing` table + `item.lastmodifieddate`,
 *    exactly what the admin path's `setItemPrice` does, in two statements instead of ~700 HTTP calls);
 * 3. a delta run.
 *
 * For each run it prints wall time, API calls, 429s, upserts, records changed, peak RSS of this process (which also
 * hosts both sandboxes), where the time went (quota pauses, BigCommerce round trips, the rest), and the ratio of the
 * wall time to the quota-bound minimum computed from the sandbox's configured limits:
 *
 *   quota bound   = requests required (calls answered, 429s excluded) / quota × window
 *   latency bound = priceListUpsertMsPerRecord × records upserted (upserts are serial at concurrency 1)
 *   minimum       = max of the two
 *
 * Figures are measured in one run on a noisy machine: nothing here is asserted.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { Redis } from 'ioredis';
import type { BigCommerceRestEvent } from '../lib/bigcommerce/rest';
import { launchSandbox, type LaunchedSandbox } from '../sandbox/launch';
import { startNetSuiteEmulator, type NetSuiteEmulator } from '../sandbox/netsuite/server';
import { createSyncContext, type SyncContext } from '../sync/context';
import type { ContractPricingRead, ErpAdapter } from '../sync/erp/erp';
import { createNetSuiteAdapter } from '../sync/erp/netsuite/config';
import { syncPrices } from '../sync/flows/prices/sync-prices';
import { MAX_RECORDS_PER_UPSERT } from '../sync/flows/prices/record-pusher';
import type { RunStats } from '../sync/state/flow-stats';
import type { Figure } from './sandbox';

/** Not used by any test file (they use 0 and 9–13). */
const REDIS_DB = 15;
/**
 * 10,000 products → 13,494 variants → 70,834 level records over the 6 price levels plus 30,729 in the 2
 * customer-specific lists (each holds its level's SKUs) = 101,563 price records over 8 lists.
 */
const DEFAULT_PRODUCTS = 10_000;
/** Share of the ERP's price records changed before the delta run. */
const DELTA_SHARE_PERCENT = 1;
const MB = 1024 * 1024;

type Category = 'catalog read' | 'list read-back' | 'list/group/assignment reads' | 'customers' | 'setup writes' | 'upserts' | 'deletes' | 'other';

function categorise(method: string, path: string): Category {
  if (method === 'GET' && path === '/v3/catalog/variants') return 'catalog read';
  if (/^\/v3\/pricelists\/\d+\/records$/.test(path)) return method === 'GET' ? 'list read-back' : method === 'PUT' ? 'upserts' : method === 'DELETE' ? 'deletes' : 'other';
  if (method === 'GET' && ['/v3/pricelists', '/v2/customer_groups', '/v3/pricelists/assignments'].includes(path)) return 'list/group/assignment reads';
  if (path === '/v3/customers') return 'customers';
  if (method === 'POST' || method === 'PUT') return 'setup writes';
  return 'other';
}

/** What the REST client reported during one run. */
class Trace {
  calls = 0;
  rateLimited = 0;
  pauses = 0;
  pauseMs = 0;
  requestMs = 0;
  readonly byCategory = new Map<Category, number>();
  /** Seconds from the start of the run to the first and the last response of each kind. */
  readonly spans = new Map<Category, { from: number; to: number }>();
  private readonly started = performance.now();

  onEvent(event: BigCommerceRestEvent): void {
    if (event.type === 'response') {
      this.calls++;
      this.requestMs += event.durationMs;
      const category = categorise(event.method, event.path);
      this.byCategory.set(category, (this.byCategory.get(category) ?? 0) + 1);
      const at = (performance.now() - this.started) / 1000;
      const span = this.spans.get(category);
      this.spans.set(category, { from: span?.from ?? at - event.durationMs / 1000, to: at });
    } else if (event.type === 'rate_limited') {
      this.rateLimited++;
    } else if (event.type === 'rate_limit_pause') {
      this.pauses++;
      this.pauseMs += event.waitMs;
    }
  }

  count(category: Category): number {
    return this.byCategory.get(category) ?? 0;
  }
}

/** Time spent waiting for the ERP adapter (the call and every `next()` of its streams), by the run that asked. */
class ErpTimer {
  ms = 0;

  wrap(erp: ErpAdapter): ErpAdapter {
    const add = (ms: number): void => {
      this.ms += ms;
    };
    const timed = <T>(rows: AsyncIterable<T>): AsyncIterable<T> => {
      return {
        [Symbol.asyncIterator]() {
          const inner = rows[Symbol.asyncIterator]();
          return {
            async next() {
              const started = performance.now();
              try {
                return await inner.next();
              } finally {
                add(performance.now() - started);
              }
            },
          };
        },
      };
    };
    return {
      kind: erp.kind,
      readContractPricing: async (options): Promise<ContractPricingRead> => {
        const started = performance.now();
        const read = await erp.readContractPricing(options);
        add(performance.now() - started);
        return { ...read, priceLevels: timed(read.priceLevels), items: timed(read.items), customers: timed(read.customers) };
      },
      readInventory: (options) => erp.readInventory(options),
      readCredit: (options) => erp.readCredit(options),
      getCredit: (customerNumber) => erp.getCredit(customerNumber),
      readSalesReps: () => erp.readSalesReps(),
      postSalesOrder: (order) => erp.postSalesOrder(order),
      getSalesOrder: (externalId) => erp.getSalesOrder(externalId),
      readOpenInvoices: (customerNumber) => erp.readOpenInvoices(customerNumber),
    };
  }
}

interface ListTotals {
  priceListId: number;
  name: string;
  examined: number;
  changed: number;
  upserts: number;
}

interface RunResult {
  label: string;
  stats: RunStats;
  wallMs: number;
  baselineRssMb: number;
  peakRssMb: number;
  trace: Trace;
  erpMs: number;
  erpRequests: number;
  lists: ListTotals[];
}

interface Limits {
  quota: number;
  windowMs: number;
  upsertConcurrency: number;
  msPerRecord: number;
}

interface Bound {
  required: number;
  quotaMs: number;
  latencyMs: number;
  minimumMs: number;
  dominant: 'quota' | 'upsert latency';
  ratio: number;
  /** With a fixed window, N requests need only ⌈N / quota⌉ − 1 full windows of waiting. */
  fixedWindowFloorMs: number;
}

function boundFor(run: RunResult, limits: Limits): Bound {
  const required = run.trace.calls - run.trace.rateLimited;
  const quotaMs = (required / limits.quota) * limits.windowMs;
  const latencyMs = (limits.msPerRecord * run.stats.changed) / limits.upsertConcurrency;
  const minimumMs = Math.max(quotaMs, latencyMs);
  return {
    required,
    quotaMs,
    latencyMs,
    minimumMs,
    dominant: quotaMs >= latencyMs ? 'quota' : 'upsert latency',
    ratio: run.wallMs / minimumMs,
    fixedWindowFloorMs: Math.max(0, Math.ceil(required / limits.quota) - 1) * limits.windowMs,
  };
}

async function measuredRun(
  label: string,
  ctx: SyncContext,
  probes: { trace: Trace; erp: ErpTimer; ns: NetSuiteEmulator },
  full: boolean,
): Promise<RunResult> {
  const trace = (probes.trace = new Trace());
  probes.erp.ms = 0;
  const erpRequestsBefore = probes.ns.requestLog.length;
  const lists: ListTotals[] = [];
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 25);
  const started = performance.now();
  try {
    const stats = await syncPrices(ctx, {
      full,
      onListTotals: (priceListId, name, totals) => lists.push({ priceListId, name, examined: totals.examined, changed: totals.changed, upserts: totals.upserts }),
    });
    const wallMs = performance.now() - started;
    peak = Math.max(peak, process.memoryUsage.rss());
    return {
      label, stats, wallMs, baselineRssMb: baseline / MB, peakRssMb: peak / MB, trace, lists,
      erpMs: probes.erp.ms, erpRequests: probes.ns.requestLog.length - erpRequestsBefore,
    };
  } finally {
    clearInterval(sampler);
  }
}

/** Waits until the REST client's view of the quota window has expired, so a run starts on a fresh window. */
async function freshWindow(ctx: SyncContext): Promise<void> {
  const { resetAt } = ctx.rest.rateLimit();
  if (resetAt !== undefined && resetAt > Date.now()) await sleep(resetAt - Date.now() + 250);
}

/**
 * Raises the base (quantity 1) price of ~1% of the ERP's (item, level, currency) price records by 1% + 1 cent
 * (tiers stay strictly falling) and stamps the items' lastmodifieddate, as the admin path's setItemPrice does.
 */
async function changeOnePercent(ns: NetSuiteEmulator): Promise<{ rows: number; items: number }> {
  const pick = `quantity = 1 AND MOD(item * 7919 + pricelevel * 104729 + currency * 31, ${Math.round(100 / DELTA_SHARE_PERCENT)}) = 0`;
  const [row] = await ns.sql<{ rows: number; items: number }>(`SELECT COUNT(*)::int AS rows, COUNT(DISTINCT item)::int AS items FROM pricing WHERE ${pick}`);
  await ns.sql(`UPDATE pricing SET unitprice = ROUND(unitprice * 1.01 + 0.01, 2) WHERE ${pick}`);
  await ns.sql(`UPDATE item SET lastmodifieddate = LOCALTIMESTAMP WHERE id IN (SELECT item FROM pricing WHERE ${pick})`);
  return { rows: row?.rows ?? 0, items: row?.items ?? 0 };
}

export interface SyncBenchmark {
  figures: Figure[];
  lines: string[];
}

export async function runSyncBenchmark(options: { products?: number } = {}): Promise<SyncBenchmark> {
  const products = options.products ?? DEFAULT_PRODUCTS;
  const lines: string[] = [];
  const setupStarted = performance.now();
  let bc: LaunchedSandbox | undefined;
  let ns: NetSuiteEmulator | undefined;
  const redis = new Redis({ host: '127.0.0.1', port: 6379, db: REDIS_DB, lazyConnect: true });
  redis.on('error', () => {}); // connect() below rejects with the cause; no unhandled-error noise meanwhile
  try {
    await redis.connect().catch((error: unknown) => {
      throw new Error(`Redis is not reachable at 127.0.0.1:6379 (DB ${REDIS_DB}): ${error instanceof Error ? error.message : String(error)}; start redis-server`);
    });
    await redis.flushdb();
    bc = await launchSandbox({ products, rateLimit: true });
    ns = await startNetSuiteEmulator({ dataset: bc.dataset, logErrors: false, seedDrift: true });
    const { settings } = bc.bigcommerce;
    const limits: Limits = {
      quota: settings.rateLimit.quota,
      windowMs: settings.rateLimit.windowMs,
      upsertConcurrency: settings.priceListUpsertConcurrency,
      msPerRecord: settings.priceListUpsertMsPerRecord,
    };
    if (!settings.rateLimit.enabled) throw new Error('the sandbox quota is not enforced');

    const probes = { trace: new Trace(), erp: new ErpTimer(), ns };
    // Our own event handler replaces the context's, so it keeps ctx.counters (RunStats.apiCalls, .rateLimited) as the
    // context's does; no request (so no event) happens before `ctx` is assigned.
    const ctx = createSyncContext({
      storeHash: bc.env.BIGCOMMERCE_STORE_HASH ?? '',
      channelId: 1,
      apiUrl: bc.env.BIGCOMMERCE_API_URL ?? '',
      accessToken: bc.env.BIGCOMMERCE_ACCESS_TOKEN ?? '',
      redis,
      erp: probes.erp.wrap(createNetSuiteAdapter({
        accountId: ns.accountId,
        restBase: ns.restBase,
        m2m: ns.credentials.m2m,
        client: { retry: { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 50 }, pageSize: 1000, timeoutMs: 30_000 },
      })),
      restOverrides: {
        maxRetries: 6,
        onEvent: (event) => {
          if (event.type === 'response') ctx.counters.calls++;
          if (event.type === 'rate_limited') ctx.counters.rateLimited++;
          probes.trace.onEvent(event);
        },
      },
    });
    const variants = bc.dataset.products.reduce((n, p) => n + p.variants.length, 0);
    const setupMs = performance.now() - setupStarted;

    // The launch's impersonation-token request opened a quota window: start the first run on a fresh one.
    bc.bigcommerce.rateLimiter.reset();
    const first = await measuredRun('first full run', ctx, probes, true);
    const records = first.lists.reduce((n, l) => n + l.examined, 0);

    const change = await changeOnePercent(ns);
    await freshWindow(ctx);
    const delta = await measuredRun('1% delta run', ctx, probes, false);

    const line = (text = '') => lines.push(text);
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const n = (value: number) => value.toLocaleString('en-US');
    line(`price sync benchmark: ${n(products)} products, ${n(variants)} variants, ${n(records)} price records over ${first.lists.length} lists `
      + `(${first.lists.map((l) => n(l.examined)).join(' + ')})${records < 100_000 ? '  ← FEWER THAN 100,000' : ''}`);
    line(`sandbox: quota ${limits.quota} requests / ${s(limits.windowMs)} enforced, upsert concurrency ${limits.upsertConcurrency}, `
      + `${limits.msPerRecord} ms per upserted record; REST client reserve 10% (≤ ${limits.quota - Math.max(1, Math.round(limits.quota * 0.1))} requests used per window); setup ${s(setupMs)}`);

    for (const run of [first, delta]) {
      const b = boundFor(run, limits);
      const other = run.wallMs - run.trace.pauseMs - run.trace.requestMs - run.erpMs;
      line();
      line(`${run.label} (${run.stats.mode}): wall ${s(run.wallMs)}, API calls ${n(run.trace.calls)}, 429s ${run.trace.rateLimited}, `
        + `upserts ${run.stats.batches}, records changed ${n(run.stats.changed)}, deleted ${run.stats.deleted}, dead-lettered ${run.stats.deadLettered}, `
        + `ERP items examined ${n(run.stats.examined)}, peak RSS ${run.peakRssMb.toFixed(0)} MB (+${(run.peakRssMb - run.baselineRssMb).toFixed(0)} MB over the ${run.baselineRssMb.toFixed(0)} MB at the start; whole process, both sandboxes included)`);
      line(`  calls by kind (first–last response, s into the run): ${[...run.trace.byCategory]
        .map(([k, v]) => `${k} ${v} (${run.trace.spans.get(k)?.from.toFixed(1)}–${run.trace.spans.get(k)?.to.toFixed(1)})`).join(', ')}`);
      line(`  time: quota pauses ${s(run.trace.pauseMs)} (${run.trace.pauses}), BigCommerce round trips ${s(run.trace.requestMs)}, `
        + `waiting for the ERP ${s(run.erpMs)} (${run.erpRequests} NetSuite requests), the rest (Redis, hashing, records) ${s(other)}`);
      line(`  minimum: quota bound ${n(b.required)} / ${limits.quota} × ${s(limits.windowMs)} = ${s(b.quotaMs)}; upsert-latency bound `
        + `${limits.msPerRecord} ms × ${n(run.stats.changed)} = ${s(b.latencyMs)} → ${b.dominant} dominates; `
        + `ratio measured / minimum = ${b.ratio.toFixed(2)} (target ≤ 1.1)`);
      if (b.required <= limits.quota) {
        line(`  (${n(b.required)} requests fit in one window: no quota wait is needed at all, so the quota bound overstates the minimum; the run is bound by its own work)`);
      } else if (b.dominant === 'quota') {
        line(`  (fixed window: ${n(b.required)} requests need ${Math.ceil(b.required / limits.quota) - 1} full window(s) of waiting = ${s(b.fixedWindowFloorMs)} + the work of the last window; `
          + `excess of the wall time over the quota bound ${s(run.wallMs - b.quotaMs)}, against ${s(run.erpMs)} waiting for the ERP that no quota pause overlapped)`);
      }
    }

    // First run: what the requests would be without the read-back (the hash store already knowing BigCommerce's state).
    const readBack = first.trace.count('list read-back');
    const withoutReadBack = boundFor(first, limits).required - readBack;
    line();
    line(`first run without the read-back: ${n(withoutReadBack)} requests → quota bound ${s((withoutReadBack / limits.quota) * limits.windowMs)}; `
      + `the read-back of the lists costs ${readBack} GETs (250 records a page)`);

    const expectedUpserts = delta.lists.reduce((a, l) => a + Math.ceil(l.changed / MAX_RECORDS_PER_UPSERT), 0);
    const fixedReads = delta.trace.count('catalog read') + delta.trace.count('list/group/assignment reads');
    const expectedFixed = Math.ceil(variants / 250) + 3;
    line(`delta: ${n(change.rows)} ERP price rows changed on ${n(change.items)} items; records changed per list `
      + `${delta.lists.map((l) => l.changed).join(' + ')} = ${n(delta.stats.changed)} (${((delta.stats.changed / records) * 100).toFixed(2)}% of ${n(records)})`);
    line(`delta calls ${delta.trace.calls} = upserts ${delta.trace.count('upserts')} (Σ⌈changed per list / 1,000⌉ = ${expectedUpserts}) `
      + `+ fixed reads ${fixedReads} (expected ⌈${n(variants)} variants / 250⌉ + 3 = ${expectedFixed}) + other ${delta.trace.calls - delta.trace.count('upserts') - fixedReads}; `
      + `${delta.trace.calls === expectedUpserts + expectedFixed ? 'as expected' : 'DIFFERS from the expectation'}`);

    const firstBound = boundFor(first, limits);
    const figures: Figure[] = [
      { name: `price sync first full run, ${n(records)} records over ${first.lists.length} lists, Standard quota`, value: Number((first.wallMs / 1000).toFixed(1)), unit: 's' },
      { name: 'price sync first full run: API calls', value: first.trace.calls, unit: 'calls' },
      { name: 'price sync first full run: 429s', value: first.trace.rateLimited, unit: '429s' },
      { name: `price sync first full run: ratio to quota-bound minimum (${firstBound.dominant})`, value: Number(firstBound.ratio.toFixed(2)), unit: '×' },
      { name: 'price sync first full run: peak RSS (process incl. sandboxes)', value: Math.round(first.peakRssMb), unit: 'MB' },
      { name: `price sync 1% delta run (${n(delta.stats.changed)} records changed)`, value: Number((delta.wallMs / 1000).toFixed(1)), unit: 's' },
      { name: 'price sync 1% delta run: API calls', value: delta.trace.calls, unit: 'calls' },
      { name: `price sync 1% delta run: upserts (Σ⌈changed per list / 1,000⌉ = ${expectedUpserts})`, value: delta.stats.batches, unit: 'upserts' },
    ];
    return { figures, lines };
  } finally {
    if (redis.status === 'ready') await redis.flushdb();
    redis.disconnect();
    await ns?.close();
    await bc?.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--products');
  const result = await runSyncBenchmark(at > 0 ? { products: Number(process.argv[at + 1]) } : {});
  for (const text of result.lines) console.log(text);
}
