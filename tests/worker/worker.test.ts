import { Job, Queue, Worker } from 'bullmq';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BigCommerceApiError } from '../../lib/bigcommerce/rest';
import { syncPrices } from '../../sync/flows/prices/sync-prices';
import { recordKey } from '../../sync/flows/prices/price-record';
import { queueConnection } from '../../sync/queue/connection';
import { replayDeadLetters } from '../../sync/queue/dead-letter-jobs';
import { DEFAULT_SCHEDULES, ensureSchedules } from '../../sync/queue/schedules';
import { SyncQueues } from '../../sync/queue/sync-queues';
import { recordTrigger, type SyncTrigger } from '../../sync/triggers';
import { guardedProcessor } from '../../sync/worker/guarded-processor';
import { startSyncWorker, type RunningSyncWorker } from '../../sync/worker/start-worker';
import { setFaults, startSyncWorld, type SyncWorld } from '../sync/support';
import { appEnv, closeServer, fetchHandlerServer, listen } from '../webhooks/support';

/**
 * The queue worker against the sandbox, the NetSuite emulator and real Redis: triggers become jobs, jobs run the
 * flows, failures retry and then dead-letter, dead letters replay, and 429 storms pause instead of failing.
 */
const REDIS_DB = 3;
// The receivers' own stream key, so ERP events delivered over HTTP reach this worker.
const STREAM = 'sync:triggers';
const ERP_EVENTS_SECRET = 'test-erp-events-secret-0123456789';
let world: SyncWorld;
let worker: RunningSyncWorker;

const fastRetries = { attempts: 3, backoff: { type: 'fixed' as const, delay: 50 }, removeOnComplete: false, removeOnFail: false };

beforeAll(async () => {
  world = await startSyncWorld({ redisDb: REDIS_DB, products: 60 });
  await syncPrices(world.ctx, { full: true });
  worker = await startSyncWorker({
    ctx: world.ctx,
    redisUrl: `redis://127.0.0.1:6379/${REDIS_DB}`,
    schedules: false,
    jobOptions: fastRetries,
    triggerStreamKey: STREAM,
    pumpBlockMs: 100,
  });
}, 120_000);
afterAll(async () => {
  await worker?.close();
  await world?.close();
});
afterEach(async () => {
  await setFaults(world, null);
  world.ns.faults.reset();
});

async function until<T>(probe: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function queueIdle(): Promise<boolean> {
  const counts = await worker.queues.flows.getJobCounts('waiting', 'active', 'delayed');
  return (counts.waiting ?? 0) + (counts.active ?? 0) + (counts.delayed ?? 0) === 0;
}

let seq = 0;
function erpTrigger(scope: string, ids: SyncTrigger['ids']): SyncTrigger {
  seq += 1;
  return { source: 'erp-event', scope, ids, receivedAt: new Date().toISOString(), dedupKey: `${scope}:${seq}` };
}

/** A level-1 SKU, its variant and the level's BigCommerce list. */
async function levelOneRecord() {
  const [sku, variantId] = [...world.bc.bigcommerce.store.variantIdBySku.entries()][3]!;
  const target = JSON.parse((await world.redis.hget(world.ctx.keys.pricingTargets, 'level:1')) ?? 'null') as { priceListId: number };
  return { sku, variantId, priceListId: target.priceListId };
}

async function bcPrice(priceListId: number, variantId: number): Promise<number | undefined> {
  const response = await world.ctx.rest.get(`/v3/pricelists/${priceListId}/records`, { query: { variant_id: variantId, currency: 'usd' } });
  return ((response as { data: { price: number }[] }).data[0] ?? undefined)?.price;
}

async function completedJobs(name: string, reason?: RegExp): Promise<number> {
  return (await worker.queues.flows.getJobs(['completed'])).filter((j) => j.name === name && (!reason || reason.test(j.data.reason))).length;
}

describe('sync worker', () => {
  it('an ERP price-change event recorded as a trigger reaches the BigCommerce price list through the queue', async () => {
    const { sku, variantId, priceListId } = await levelOneRecord();
    await world.ns.admin.setItemPrice(sku, { priceLevelId: 1, unitPrice: '123.45' });
    await recordTrigger(world.redis, erpTrigger('item.price.changed', { sku: [sku] }), { streamKey: STREAM });
    expect(await until(async () => (await bcPrice(priceListId, variantId)) === 123.45)).toBe(true);
  });

  it('a burst of 30 triggers for one flow coalesces into at most two runs', async () => {
    const before = await completedJobs('run');
    const { sku } = await levelOneRecord();
    await world.ns.admin.setItemPrice(sku, { priceLevelId: 1, unitPrice: '98.76' });
    for (let i = 0; i < 30; i++) await recordTrigger(world.redis, erpTrigger('item.price.changed', { sku: [sku] }), { streamKey: STREAM });
    await until(async () => (await queueIdle()) && (await completedJobs('run')) > before);
    const runs = (await completedJobs('run')) - before;
    expect(runs).toBeGreaterThanOrEqual(1);
    expect(runs).toBeLessThanOrEqual(2);
  });

  it('an ERP outage retries with backoff, then dead-letters the job with its reason; replay after recovery lands it', async () => {
    const { sku, variantId, priceListId } = await levelOneRecord();
    await world.ns.admin.setItemPrice(sku, { priceLevelId: 1, unitPrice: '55.10' });
    world.ns.faults.set({ outage: true });
    await worker.queues.add({ queue: 'sync-flows', name: 'run', data: { flow: 'prices', full: false, reason: 'test outage' } });
    const letter = await until(async () => (await world.ctx.deadLetters.list()).find((l) => l.flow === 'sync-flows/run'));
    expect(letter.reason).toMatch(/gave up after 3 attempts/);
    expect(letter.payload).toMatchObject({ job: { queue: 'sync-flows', name: 'run', data: { flow: 'prices', full: false } } });
    expect(await bcPrice(priceListId, variantId)).not.toBe(55.1);

    world.ns.faults.reset();
    const outcome = await replayDeadLetters(world.ctx.deadLetters, worker.queues, [letter.id]);
    expect(outcome.replayed).toEqual([letter.id]);
    expect(await world.ctx.deadLetters.get(letter.id)).toBeNull();
    expect(await until(async () => (await bcPrice(priceListId, variantId)) === 55.1)).toBe(true);
  });

  it('a job that meets 429s beyond the client’s patience pauses the whole queue and is not charged an attempt', async () => {
    const queue = new Queue('test-guarded', { connection: worker.queues.flows.opts.connection as never, prefix: 'test' });
    const starts: number[] = [];
    const ctx = { ...world.ctx, rest: { ...world.ctx.rest, rateLimit: () => ({ ...world.ctx.rest.rateLimit(), resetAt: Date.now() + 400 }) } };
    const rateLimited = new BigCommerceApiError({ kind: 'rate_limited', status: 429, method: 'PUT', path: '/v3/pricelists/1/records', message: '429', body: undefined as never, attempts: 21 });
    const lettersBefore = await world.ctx.deadLetters.size();
    const guarded: Worker = new Worker(
      'test-guarded',
      guardedProcessor('sync-flows', ctx, () => guarded, async () => {
        starts.push(Date.now());
        if (starts.length <= 2) throw rateLimited;
        return 'done';
      }),
      { connection: queueConnection(`redis://127.0.0.1:6379/${REDIS_DB}`), prefix: 'test', limiter: { max: 1_000, duration: 1_000 } },
    );
    try {
      const job = await queue.add('run', { reason: 'storm' }, { attempts: 2 });
      const finished = await until(async () => {
        const state = await job.getState();
        return state === 'completed' || state === 'failed' ? state : undefined;
      });
      const done = await Job.fromId(queue, job.id!);
      expect(finished).toBe('completed');
      // Two paused starts and the successful one; with attempts: 2, charging the pauses would have failed it.
      expect(done?.attemptsStarted).toBe(3);
      expect(done?.attemptsMade).toBe(1);
      expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(300);
      expect(await world.ctx.deadLetters.size()).toBe(lettersBefore);
    } finally {
      await guarded.close();
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });

  it('a price record edited by hand is caught by the webhook echo check and repaired; the sync’s own echo costs one read', async () => {
    const { variantId, priceListId } = await levelOneRecord();
    const trigger = (): SyncTrigger => ({
      source: 'bigcommerce-webhook',
      scope: 'store/priceList/record/updated',
      ids: { price_list_id: [priceListId], variant_id: [variantId] },
      receivedAt: new Date().toISOString(),
      dedupKey: `record-updated:${++seq}`,
    });
    // Earlier tests' runs must have confirmed their hashes, or their last write would look like drift here.
    await until(queueIdle);
    const correct = await bcPrice(priceListId, variantId);

    // An echo: nothing differs, so no repair run is queued.
    await recordTrigger(world.redis, trigger(), { streamKey: STREAM });
    await until(async () => (await completedJobs('verify-prices')) >= 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await completedJobs('run', /^repair/)).toBe(0);
    expect((await worker.queues.flows.getJobs(['waiting', 'active'])).filter((j) => /^repair/.test(j.data.reason))).toEqual([]);

    // A hand edit: the check forgets that record's confirmed hash and a full run puts the ERP price back.
    await world.ctx.rest.put(`/v3/pricelists/${priceListId}/records`, [{ variant_id: variantId, currency: 'usd', price: 1.23 }]);
    expect(await world.redis.hget(world.ctx.keys.priceRecordHashes(priceListId), recordKey(variantId, 'usd'))).not.toBeNull();
    await recordTrigger(world.redis, trigger(), { streamKey: STREAM });
    // The repair is a full run: give it room on a loaded machine.
    expect(await until(async () => (await bcPrice(priceListId, variantId)) === correct, 90_000)).toBe(true);
    expect(await completedJobs('run', /^repair 1 price record/)).toBe(1);
  }, 120_000);

  it('a malformed trigger is dead-lettered and does not stall the ones after it', async () => {
    await world.redis.xadd(STREAM, '*', 'source', 'erp-event', 'scope', '', 'ids', 'not json');
    const { sku, variantId, priceListId } = await levelOneRecord();
    await world.ns.admin.setItemPrice(sku, { priceLevelId: 1, unitPrice: '33.30' });
    await recordTrigger(world.redis, erpTrigger('item.price.changed', { sku: [sku] }), { streamKey: STREAM });
    expect(await until(async () => (await bcPrice(priceListId, variantId)) === 33.3)).toBe(true);
    const letter = (await world.ctx.deadLetters.list()).find((l) => l.flow === 'triggers');
    expect(letter?.reason).toMatch(/malformed/);
  });

  it('keeps the schedules: a delta of every flow every 5 minutes, nightly reconciliation at 02:00 UTC, webhook health', async () => {
    // Another store's prefix, so this test's scheduled jobs are not picked up by the running worker.
    const queues = new SyncQueues(queueConnection(`redis://127.0.0.1:6379/${REDIS_DB}`), 'schedulestest');
    try {
      await ensureSchedules(queues, DEFAULT_SCHEDULES);
      await ensureSchedules(queues, { ...DEFAULT_SCHEDULES, deltaEveryMs: 60_000 }); // a restart with a new interval
      const flows = new Map((await queues.flows.getJobSchedulers()).map((s) => [s.key, s]));
      expect([...flows.keys()].sort()).toEqual(['delta-credit', 'delta-inventory', 'delta-prices', 'delta-reps', 'nightly-credit', 'nightly-inventory', 'nightly-prices', 'webhook-health']);
      expect(flows.get('delta-prices')).toMatchObject({ every: 60_000, template: { data: { flow: 'prices', full: false } } });
      expect(flows.get('nightly-prices')).toMatchObject({ pattern: '0 2 * * *', tz: 'UTC', name: 'reconcile' });
      const orders = (await queues.orders.getJobSchedulers()).map((s) => s.key).sort();
      expect(orders).toEqual(['order-status', 'orders-catch-up']);
    } finally {
      await queues.flows.obliterate({ force: true });
      await queues.orders.obliterate({ force: true });
      await queues.close();
    }
  });

  it('an ERP change delivered over HTTP with a valid signature reaches BigCommerce; a wrongly signed one records nothing', async () => {
    Object.assign(process.env, appEnv(`redis://127.0.0.1:6379/${REDIS_DB}`, { ERP_EVENTS_SECRET }));
    const route = await import('@/app/api/erp/events/route');
    const answers: number[] = [];
    const server = fetchHandlerServer(async (request) => {
      const response = await route.POST(request);
      answers.push(response.status);
      return response;
    });
    const base = await listen(server);
    const admin = `${world.ns.url}/__sandbox/webhooks`;
    const register = (secret: string) => fetch(admin, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: `${base}/api/erp/events`, secret }) });
    try {
      const { sku, variantId, priceListId } = await levelOneRecord();
      await register('not-the-secret-0123456789');
      const streamBefore = await world.redis.xlen(STREAM);
      await world.ns.admin.setItemPrice(sku, { priceLevelId: 1, unitPrice: '21.21' });
      await world.ns.admin.settled();
      expect(answers).toEqual([401]);
      expect(await world.redis.xlen(STREAM)).toBe(streamBefore);

      await register(ERP_EVENTS_SECRET);
      await world.ns.admin.setItemPrice(sku, { priceLevelId: 1, unitPrice: '22.22' });
      await world.ns.admin.settled();
      expect(answers).toEqual([401, 200]);
      expect(await until(async () => (await bcPrice(priceListId, variantId)) === 22.22)).toBe(true);
    } finally {
      await fetch(admin, { method: 'DELETE' });
      await closeServer(server);
      const { closeRedis } = await import('@/lib/redis/client');
      await closeRedis();
    }
  });
});
