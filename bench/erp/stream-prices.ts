/**
 * ERP streaming benchmark: `npx tsx bench/erp/stream-prices.ts`.
 *
 * 1. File drop: writes a 1,000,000-row `prices.csv` (250,000 SKUs × 2 price levels × 2 quantity tiers) into a temp
 *    directory and streams it through `FileDropErpAdapter.readContractPricing()` (validation pass + streaming pass).
 * 2. NetSuite: fills the emulator's pricing table with SQL (generate_series, no HTTP) and streams it through the
 *    NetSuite adapter's paged SuiteQL reads (1000 rows a page, offset then keyset paging past the 100,000 cap).
 *
 * Prints rows/s and peak RSS, and checks memory stays bounded: peak RSS growth over the baseline must stay under a
 * fixed ceiling (96 MB). Holding 1,000,000 parsed rows would take several hundred MB; streaming costs a roughly
 * constant overhead (measured 18, 39 and 42 MB for 0.25, 1 and 2 million rows), so a ceiling, not a share of the
 * file size, is the test that tells the two apart. Exports
 * `runErpStreamBenchmark()` so `bench/run.ts` can include the figures.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startNetSuiteEmulator } from '../../sandbox/netsuite/server';
import { FileDropErpAdapter } from '../../sync/erp/file-drop/adapter';
import { createNetSuiteAdapter } from '../../sync/erp/netsuite/config';

import type { Figure } from '../sandbox';

export interface StreamRun {
  source: 'file-drop' | 'netsuite';
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  /** Size of the data streamed: the CSV file, or the rows × an estimated 40 bytes each for NetSuite. */
  dataMb: number;
  baselineRssMb: number;
  peakRssMb: number;
  rssGrowthMb: number;
  /** Peak RSS growth stayed below `maxGrowthMb` megabytes. */
  bounded: boolean;
}

export interface ErpStreamBenchmark { runs: StreamRun[]; figures: Figure[] }

export interface ErpStreamBenchmarkOptions {
  fileDropRows?: number;
  /** 0 skips the NetSuite run. */
  netSuiteRows?: number;
  /** Peak RSS growth must stay below this many megabytes (default 96). */
  maxGrowthMb?: number;
}

const MB = 1024 * 1024;
const TIERS = [1, 25];
const LEVELS = [1, 2];
const ROWS_PER_SKU = TIERS.length * LEVELS.length;

/** Samples RSS every 20 ms while `work` runs (the reads await I/O, so the timer gets its turns). */
async function measure(work: () => Promise<number>): Promise<{ rows: number; seconds: number; baseline: number; peak: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 20);
  const started = performance.now();
  try {
    const rows = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { rows, seconds: (performance.now() - started) / 1000, baseline, peak };
  } finally {
    clearInterval(timer);
  }
}

function summarise(source: StreamRun['source'], m: Awaited<ReturnType<typeof measure>>, dataBytes: number, maxGrowthMb: number): StreamRun {
  const growth = m.peak - m.baseline;
  const round = (n: number): number => Math.round(n * 10) / 10;
  return {
    source, rows: m.rows, seconds: round(m.seconds), rowsPerSecond: Math.round(m.rows / m.seconds),
    dataMb: round(dataBytes / MB), baselineRssMb: round(m.baseline / MB), peakRssMb: round(m.peak / MB), rssGrowthMb: round(growth / MB),
    bounded: growth < maxGrowthMb * MB,
  };
}

async function writePricesCsv(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write('price_level,sku,currency,min_quantity,unit_price\n');
  let chunk = '';
  for (let i = 0; i < rows; i += 1) {
    const sku = Math.floor(i / ROWS_PER_SKU);
    const level = LEVELS[Math.floor(i / TIERS.length) % LEVELS.length] ?? 1;
    const tier = TIERS[i % TIERS.length] ?? 1;
    const cents = 1000 + (sku % 9000) - tier + level * 7;
    chunk += `${level},BENCH-${String(sku).padStart(7, '0')},USD,${tier},${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

async function fileDropRun(rows: number, maxGrowthMb: number): Promise<StreamRun> {
  const root = await mkdtemp(join(tmpdir(), 'erp-bench-'));
  try {
    const file = join(root, 'prices.csv');
    await writePricesCsv(file, rows);
    const bytes = (await stat(file)).size;
    const adapter = new FileDropErpAdapter({ root });
    const m = await measure(async () => {
      const read = await adapter.readContractPricing();
      if ((read.rejected ?? []).length > 0) throw new Error(`benchmark file had ${read.rejected?.length} rejected rows`);
      let n = 0;
      for await (const item of read.items) for (const p of item.prices) n += p.tiers.length;
      return n;
    });
    return summarise('file-drop', m, bytes, maxGrowthMb);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

async function netSuiteRun(rows: number, maxGrowthMb: number): Promise<StreamRun> {
  const ns = await startNetSuiteEmulator({ logErrors: false, concurrencyLimit: 10 });
  try {
    const items = Math.ceil(rows / ROWS_PER_SKU);
    await ns.sql(`INSERT INTO currency (id, symbol, name) VALUES (1, 'USD', 'US Dollar')`);
    await ns.sql(`INSERT INTO pricelevel (id, name, isinactive) VALUES ${LEVELS.map((l) => `(${l}, 'Level ${l}', 'F')`).join(', ')}`);
    await ns.sql(`INSERT INTO item (id, itemid, displayname, itemtype, isinactive, lastmodifieddate)
      SELECT 100000 + g, 'BENCH-' || LPAD(g::text, 7, '0'), 'Bench item ' || g, 'InvtPart', 'F', TIMESTAMP '2025-01-01 00:00:00'
      FROM generate_series(0, ${items - 1}) g`);
    await ns.sql(`INSERT INTO pricing (internalid, item, pricelevel, currency, quantity, unitprice, saleunit)
      SELECT 100000 + g, 100000 + g, l, 1, q, ((1000 + (g % 9000) - q + l * 7) / 100.0)::numeric(18,4), 1
      FROM generate_series(0, ${items - 1}) g, (VALUES ${LEVELS.map((l) => `(${l})`).join(', ')}) lv(l), (VALUES ${TIERS.map((t) => `(${t})`).join(', ')}) tv(q)`);
    const adapter = createNetSuiteAdapter({
      accountId: ns.accountId, restBase: ns.restBase, m2m: ns.credentials.m2m,
      client: { retry: { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 50 }, pageSize: 1000, maxConcurrency: 4, timeoutMs: 30_000 },
    });
    const m = await measure(async () => {
      const read = await adapter.readContractPricing();
      let n = 0;
      for await (const item of read.items) for (const p of item.prices) n += p.tiers.length;
      return n;
    });
    return summarise('netsuite', m, items * ROWS_PER_SKU * 40, maxGrowthMb);
  } finally {
    await ns.close();
  }
}

export async function runErpStreamBenchmark(options: ErpStreamBenchmarkOptions = {}): Promise<ErpStreamBenchmark> {
  const share = options.maxGrowthMb ?? 96;
  const runs = [await fileDropRun(options.fileDropRows ?? 1_000_000, share)];
  const nsRows = options.netSuiteRows ?? 100_000;
  if (nsRows > 0) runs.push(await netSuiteRun(nsRows, share));
  const figures = runs.flatMap((r): Figure[] => [
    { name: `ERP ${r.source}: stream ${r.rows.toLocaleString('en-US')} contract price rows`, value: r.rowsPerSecond, unit: 'rows/s' },
    { name: `ERP ${r.source}: peak RSS growth while streaming ${r.dataMb} MB`, value: r.rssGrowthMb, unit: 'MB' },
  ]);
  return { runs, figures };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await runErpStreamBenchmark();
  for (const r of result.runs) {
    console.log(`${r.source.padEnd(9)} ${String(r.rows).padStart(9)} rows in ${r.seconds}s = ${r.rowsPerSecond.toLocaleString('en-US')} rows/s; `
      + `data ${r.dataMb} MB; RSS ${r.baselineRssMb} → peak ${r.peakRssMb} MB (growth ${r.rssGrowthMb} MB) ${r.bounded ? 'bounded' : 'NOT BOUNDED'}`);
  }
  if (result.runs.some((r) => !r.bounded)) process.exitCode = 1;
}
