/**
 * Storefront cache benchmark: `npm run bench -- storefront [--no-build]`.
 *
 * The production build (`next build`, skipped with --no-build) served by `next start`, against a seeded BigCommerce
 * sandbox and NetSuite emulator after a full sync, with Redis DB 7 (flushed before and after). The app reaches the
 * sandbox through a counting proxy, so every Storefront GraphQL and REST call it makes is seen. Buyers sign in
 * through the real sign-in form, one per customer group. Then, in one run:
 *
 * (a) upstream GraphQL calls per 1,000 logged-in page views (product and category pages, buyers of ≥ 6 pricing
 *     contexts, random order), warm: as served, and with every view rendered (kept pages bypassed) so the data
 *     cache alone is measured;
 * (b) a warm logged-in product page under closed-loop load: requests/s, p50/p95, and the ratio to the same HTML
 *     served as a static file by the same server (from `.next/static`, Next's static file path, which the proxy
 *     does not see), measured alternately twice each;
 * (c) 20 ERP price changes, each: the price set in the NetSuite emulator, the price sync's delta run (which
 *     publishes the change event), then the affected buyer's product page polled until it shows the new price.
 *     p50/p95 of the whole, and of the part after the sync landed.
 *
 * Shares ports and `.next` with the end-to-end tests: on a shared machine run it under their lock
 * (`flock /tmp/e2e.lock npm run bench -- storefront`). Nothing here is asserted: machines are noisy.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { launchSandbox, type LaunchedSandbox } from '../sandbox/launch';
import { loadSyncConfig, syncContextFromConfig } from '../sync/config';
import type { SyncContext } from '../sync/context';
import { FLOWS, runFlows } from '../sync/run-flows';
import type { Figure } from './sandbox';
import { percentile, runLoad, type LoadResult } from './storefront/load';
import { signIn } from './storefront/sign-in';
import { UpstreamCounter } from './storefront/upstream-counter';

/** Not used by any test file (the cache tests use 5 and 6). */
const REDIS_DB = 7;
const MIN_CONTEXTS = 6;
const PRODUCT_PAGES = 30;
const CATEGORY_PAGES = 6;
const VIEWS = 1_000;
const VIEW_CONCURRENCY = 4;
const LOAD_CONCURRENCY = 8;
const LOAD_MS = 6_000;
const CHANGES = 20;
const CHANGE_TIMEOUT_MS = 15_000;
const STATIC_DIR = '.next/static/__bench-storefront';
const STATIC_PATH = '/_next/static/__bench-storefront/product.html';
const NEXT_BIN = 'node_modules/next/dist/bin/next';

interface Buyer {
  email: string;
  password: string;
  customerId: number;
  companyId: number;
  group: number;
  cookie: string;
}

export interface StorefrontBenchmark {
  figures: Figure[];
  lines: string[];
}

export async function runStorefrontBenchmark(options: { build?: boolean } = {}): Promise<StorefrontBenchmark> {
  const redisUrl = `redis://127.0.0.1:6379/${REDIS_DB}`;
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  await redis.flushdb();
  let sandbox: LaunchedSandbox | undefined;
  let counter: UpstreamCounter | undefined;
  let app: ChildProcess | undefined;
  try {
    sandbox = await launchSandbox({ port: 0, rateLimit: false, erpPort: 0 });
    const syncEnv = { ...sandbox.env, REDIS_URL: redisUrl };
    const ctx = syncContextFromConfig(loadSyncConfig(syncEnv), redis, { env: syncEnv });
    await runFlows(ctx, FLOWS, { full: true });

    counter = await UpstreamCounter.start(sandbox.bigcommerce.url);
    const port = await freePort();
    const appEnv: Record<string, string> = {
      ...syncEnv,
      BIGCOMMERCE_API_URL: counter.url,
      BIGCOMMERCE_STOREFRONT_GRAPHQL_URL: `${counter.url}/graphql`,
      PORT: String(port),
      NODE_ENV: 'production',
    };
    if (options.build ?? true) await run([NEXT_BIN, 'build'], appEnv, 'next build');
    // Next lists its static files when it starts: the static copy must exist by then (its content is written later).
    mkdirSync(STATIC_DIR, { recursive: true });
    writeFileSync(`${STATIC_DIR}/product.html`, '');
    app = spawn(process.execPath, [NEXT_BIN, 'start', '--port', String(port)], { env: { ...process.env, ...appEnv }, stdio: ['ignore', 'ignore', 'inherit'] });
    const base = `http://127.0.0.1:${port}`;
    await waitUntilServing(`${base}/login`);

    const buyers = await signInBuyers(base, sandbox);
    const pages = catalogPages(sandbox);
    const lines: string[] = [`pricing contexts: ${new Set(buyers.map((b) => b.group)).size} customer groups (${buyers.length} buyers); pages: ${pages.length}`];

    const a = await measureUpstreamCalls(base, buyers, pages, counter);
    lines.push(...a.lines);
    const b = await measureProductPage(base, buyers[0]!, pages[0]!);
    lines.push(...b.lines);
    const c = await measureFreshness(base, buyers, sandbox, ctx);
    lines.push(...c.lines);
    return { figures: [...a.figures, ...b.figures, ...c.figures], lines };
  } finally {
    app?.kill('SIGTERM');
    await counter?.close();
    await sandbox?.close();
    rmSync(STATIC_DIR, { recursive: true, force: true });
    await redis.flushdb();
    redis.disconnect();
  }
}

/** One buyer per customer group (as the sync left them), signed in through the form. */
async function signInBuyers(base: string, sandbox: LaunchedSandbox): Promise<Buyer[]> {
  const store = sandbox.bigcommerce.store;
  const byGroup = new Map<number, Buyer>();
  for (const buyer of sandbox.dataset.buyers) {
    const group = store.customers.get(buyer.id)?.customer_group_id ?? 0;
    if (group === 0 || byGroup.has(group)) continue;
    byGroup.set(group, { email: buyer.email, password: buyer.password, customerId: buyer.id, companyId: buyer.companyId, group, cookie: '' });
  }
  const buyers = [...byGroup.values()];
  if (buyers.length < MIN_CONTEXTS) throw new Error(`the demo store has ${buyers.length} customer groups with buyers; the benchmark needs ${MIN_CONTEXTS}`);
  for (const buyer of buyers) buyer.cookie = await signIn(base, buyer.email, buyer.password);
  return buyers;
}

/** Product pages (with a variant chosen, as a buyer coming from a listing has) and top-level category pages. */
function catalogPages(sandbox: LaunchedSandbox): string[] {
  const products = sandbox.dataset.products.slice(0, PRODUCT_PAGES).map((p) => `${p.path.replace(/\/+$/, '')}?variant=${p.variants[0]?.id ?? ''}`);
  const categories = [...sandbox.bigcommerce.store.categories.values()]
    .filter((c) => c.parent_id === 0)
    .slice(0, CATEGORY_PAGES)
    .map((c) => c.custom_url.url.replace(/\/+$/, ''));
  return [...products, ...categories];
}

async function view(base: string, path: string, buyer: Buyer): Promise<{ html: string; kept: boolean }> {
  const response = await fetch(`${base}${path}`, { headers: { cookie: buyer.cookie } });
  const html = await response.text();
  if (response.status !== 200) throw new Error(`${path} as ${buyer.email} → ${response.status}`);
  return { html, kept: response.headers.get('x-storefront-cache') === 'hit' };
}

/** (a) */
async function measureUpstreamCalls(base: string, buyers: Buyer[], pages: string[], counter: UpstreamCounter) {
  // Warm: every buyer views every page, then again once the pages have been kept.
  for (let pass = 0; pass < 2; pass++) {
    await inParallel(buyers.flatMap((buyer) => pages.map((path) => () => view(base, path, buyer))), VIEW_CONCURRENCY);
    await sleep(1_500);
  }
  const random = seeded(20261122);
  const views = Array.from({ length: VIEWS }, () => ({ buyer: buyers[Math.floor(random() * buyers.length)]!, path: pages[Math.floor(random() * pages.length)]! }));

  counter.reset();
  let kept = 0;
  await inParallel(
    views.map(({ buyer, path }) => async () => {
      if ((await view(base, path, buyer)).kept) kept++;
    }),
    VIEW_CONCURRENCY,
  );
  const asServed = { graphql: counter.graphql, rest: counter.rest, operations: new Map(counter.byOperation) };

  // The same views, each rendered: a query parameter the pages ignore makes every URL new to the page cache.
  counter.reset();
  await inParallel(
    views.map(({ buyer, path }, index) => () => view(base, `${path}${path.includes('?') ? '&' : '?'}bench-view=${index}`, buyer)),
    VIEW_CONCURRENCY,
  );
  await sleep(1_500); // background fills of those renders finish (they read the same cached data)
  const rendered = { graphql: counter.graphql, rest: counter.rest, operations: new Map(counter.byOperation) };

  const per1000 = (n: number) => Math.round((n / VIEWS) * 1000 * 10) / 10;
  const describe = (ops: Map<string, number>) => [...ops].map(([name, n]) => `${name} ${n}`).join(', ') || 'none';
  return {
    figures: [
      { name: `(a) upstream GraphQL calls per 1,000 logged-in views, warm (${buyers.length} contexts)`, value: per1000(asServed.graphql), unit: 'calls' },
      { name: '(a) the same, every view rendered (data cache only)', value: per1000(rendered.graphql), unit: 'calls' },
      { name: '(a) views served from kept pages', value: Math.round((kept / VIEWS) * 100), unit: '%' },
    ],
    lines: [
      `(a) ${VIEWS} views as served: ${asServed.graphql} GraphQL (${describe(asServed.operations)}), ${asServed.rest} REST; ${kept} from kept pages`,
      `(a) ${VIEWS} views rendered: ${rendered.graphql} GraphQL (${describe(rendered.operations)}), ${rendered.rest} REST`,
    ],
  };
}

/** (b) */
async function measureProductPage(base: string, buyer: Buyer, path: string) {
  for (let i = 0; i < 3 && !(await view(base, path, buyer)).kept; i++) await sleep(500);
  const { html, kept } = await view(base, path, buyer);
  if (!kept) throw new Error(`${path} was not kept for ${buyer.email}: the warm measurement would measure rendering`);
  writeFileSync(`${STATIC_DIR}/product.html`, html);
  const staticUrl = `${base}${STATIC_PATH}`;
  const served = await (await fetch(staticUrl)).text();
  if (served !== html) throw new Error('the static copy is not the same HTML');

  // Plain (no compression asked for) and as browsers ask (they all accept gzip; the server then compresses both
  // answers on every request).
  const modes: { label: string; encoding: Record<string, string> }[] = [
    { label: 'uncompressed', encoding: {} },
    { label: 'gzip, as browsers ask', encoding: { 'accept-encoding': 'gzip, deflate, br' } },
  ];
  const figures: Figure[] = [];
  const lines: string[] = [];
  for (const { label, encoding } of modes) {
    const pageHeaders = { cookie: buyer.cookie, ...encoding };
    await runLoad(`${base}${path}`, { concurrency: LOAD_CONCURRENCY, durationMs: 1_000, headers: pageHeaders }); // warm-up
    await runLoad(staticUrl, { concurrency: LOAD_CONCURRENCY, durationMs: 1_000, headers: encoding });
    const page: LoadResult[] = [];
    const file: LoadResult[] = [];
    for (let round = 0; round < 2; round++) {
      page.push(await runLoad(`${base}${path}`, { concurrency: LOAD_CONCURRENCY, durationMs: LOAD_MS, headers: pageHeaders }));
      file.push(await runLoad(staticUrl, { concurrency: LOAD_CONCURRENCY, durationMs: LOAD_MS, headers: encoding }));
    }
    const mean = (results: LoadResult[], key: 'perSecond' | 'p50Ms' | 'p95Ms') => results.reduce((sum, r) => sum + r[key], 0) / results.length;
    const pageRps = mean(page, 'perSecond');
    const fileRps = mean(file, 'perSecond');
    const failures = [...page, ...file].reduce((sum, r) => sum + r.failures, 0);
    figures.push(
      { name: `(b) warm logged-in product page, ${label}`, value: Math.round(pageRps), unit: `req/s, p50 ${mean(page, 'p50Ms').toFixed(2)} / p95 ${mean(page, 'p95Ms').toFixed(2)} ms` },
      { name: `(b) same HTML as a static file, same server, ${label}`, value: Math.round(fileRps), unit: `req/s, p50 ${mean(file, 'p50Ms').toFixed(2)} / p95 ${mean(file, 'p95Ms').toFixed(2)} ms` },
      { name: `(b) ratio product page / static file, ${label} (target ≥ 0.5)`, value: Number((pageRps / fileRps).toFixed(2)), unit: '×' },
    );
    lines.push(`(b) ${label}: rounds page ${page.map((r) => Math.round(r.perSecond)).join(', ')} req/s, file ${file.map((r) => Math.round(r.perSecond)).join(', ')} req/s; ${failures} failed requests`);
  }
  lines.unshift(`(b) ${path} (${Math.round(html.length / 1024)} KB) as ${buyer.email}, concurrency ${LOAD_CONCURRENCY}, ${LOAD_MS / 1000} s × 2 rounds each`);
  return { figures, lines };
}

/** (c) */
async function measureFreshness(base: string, buyers: Buyer[], sandbox: LaunchedSandbox, ctx: SyncContext) {
  const { dataset } = sandbox;
  const admin = sandbox.netsuite?.admin;
  if (!admin) throw new Error('the NetSuite emulator is not running');
  const store = sandbox.bigcommerce.store;
  // Buyers priced by their level's list (no contract of their own), and SKUs of that level without overrides.
  const subjects = buyers
    .map((buyer) => ({ buyer, company: dataset.companies.find((c) => c.id === buyer.companyId)! }))
    .filter(({ company }) => !dataset.customerItemPrices.some((p) => p.companyId === company.id));
  const changes = Array.from({ length: CHANGES }, (_, i) => {
    const { buyer, company } = subjects[i % subjects.length]!;
    const prices = dataset.contractPrices.filter((p) => p.priceLevelId === company.priceLevelId && p.currency === 'USD');
    const price = prices[Math.floor(i / subjects.length) + 3]!;
    const variant = store.variants.get(store.variantIdBySku.get(price.sku.toUpperCase()) ?? -1);
    const product = variant && dataset.products.find((p) => p.id === variant.product_id);
    if (!variant || !product) throw new Error(`no variant for ${price.sku}`);
    return { buyer, levelId: company.priceLevelId, sku: price.sku, path: `${product.path.replace(/\/+$/, '')}?variant=${variant.id}` };
  });

  const totals: number[] = [];
  const afterSync: number[] = [];
  const syncRuns: number[] = [];
  for (const [index, change] of changes.entries()) {
    // The page is warm and kept before the change: what is measured is invalidation, not a cold miss.
    await view(base, change.path, change.buyer);
    await sleep(300);
    const before = shownPrice((await view(base, change.path, change.buyer)).html);
    const cents = Number((before ?? '$0').replace(/[$,]/g, '')) * 100;
    const next = ((Math.round(cents) + 111 + index) / 100).toFixed(2);

    const started = performance.now();
    await admin.setItemPrice(change.sku, { priceLevelId: change.levelId, unitPrice: next });
    await runFlows(ctx, ['prices'], {});
    const landed = performance.now();
    const wanted = `$${Number(next).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
    while (shownPrice((await view(base, change.path, change.buyer)).html) !== wanted) {
      if (performance.now() - started > CHANGE_TIMEOUT_MS) throw new Error(`${change.path} did not show ${wanted} to ${change.buyer.email} within ${CHANGE_TIMEOUT_MS} ms`);
      await sleep(20);
    }
    const served = performance.now();
    totals.push(served - started);
    afterSync.push(served - landed);
    syncRuns.push(landed - started);
  }
  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  const ms = (value: number) => Math.round(value);
  return {
    figures: [
      { name: `(c) ERP price change → new price served, p50 over ${CHANGES} changes`, value: ms(percentile(sorted(totals), 0.5)), unit: 'ms' },
      { name: '(c) ERP price change → new price served, p95 (target ≤ 2000)', value: ms(percentile(sorted(totals), 0.95)), unit: 'ms' },
      { name: '(c) of which the price sync delta run, p50', value: ms(percentile(sorted(syncRuns), 0.5)), unit: 'ms' },
      { name: '(c) sync landed → served, p50 / p95', value: ms(percentile(sorted(afterSync), 0.5)), unit: `/ ${ms(percentile(sorted(afterSync), 0.95))} ms` },
    ],
    lines: [`(c) ${CHANGES} changes over ${new Set(changes.map((c) => c.buyer.email)).size} buyers; totals ${sorted(totals).map(ms).join(' ')} ms`],
  };
}

function shownPrice(html: string): string | undefined {
  return /data-testid="product-price"[^>]*>([^<]+)</.exec(html)?.[1];
}

async function inParallel(tasks: (() => Promise<unknown>)[], concurrency: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < tasks.length) await tasks[next++]!();
    }),
  );
}

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** Runs a command to the end; its output is shown only if it fails. */
function run(args: string[], env: Record<string, string>, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${what} exited with ${code}:\n${output.slice(-4_000)}`))));
  });
}

async function waitUntilServing(url: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
