import { runErpStreamBenchmark } from './erp/stream-prices';
import { benchDemoData, benchSandbox, type Figure } from './sandbox';
import { runStorefrontBenchmark } from './storefront';
import { runSyncBenchmark } from './sync';

/**
 * `npm run bench`: performance figures measured in one run on this machine. Machines here are noisy, so
 * these are for comparing runs and spotting regressions, never asserted in tests.
 *
 * `npm run bench -- sync [--products N]` runs only the price-sync benchmark (bench/sync.ts: 100k price records under
 * the Standard quota, 2.3–2.8 minutes measured); the plain run ends with it too (it needs Redis: without it the plain
 * run prints why and skips it).
 *
 * `npm run bench -- storefront [--no-build]` runs only the storefront cache benchmark (bench/storefront.ts: upstream
 * calls per 1,000 logged-in views, warm product page vs the same HTML as a static file, ERP price change to price
 * served); the plain run ends with it too, skipped with the reason when it cannot run (no Redis).
 */
const args = process.argv.slice(2);
const print = (figures: Figure[]) => {
  for (const figure of figures) console.log(`${figure.name.padEnd(70)} ${String(figure.value).padStart(10)} ${figure.unit}`);
};

if (args[0] === 'sync') {
  const at = args.indexOf('--products');
  const sync = await runSyncBenchmark(at > 0 ? { products: Number(args[at + 1]) } : {});
  for (const line of sync.lines) console.log(line);
  console.log();
  print(sync.figures);
} else if (args[0] === 'storefront') {
  const storefront = await runStorefrontBenchmark({ build: !args.includes('--no-build') });
  for (const line of storefront.lines) console.log(line);
  console.log();
  print(storefront.figures);
} else if (args.length > 0) {
  console.error(`unknown benchmark "${args.join(' ')}": run \`npm run bench\` for the standing figures, \`npm run bench -- sync\` for the price sync or \`npm run bench -- storefront\` for the storefront cache`);
  process.exitCode = 2;
} else {
  const erp = await runErpStreamBenchmark();
  print([...benchDemoData(), ...(await benchSandbox()), ...erp.figures]);
  for (const run of erp.runs) {
    console.log(`ERP ${run.source}: peak RSS ${run.peakRssMb} MB (growth ${run.rssGrowthMb} MB over ${run.dataMb} MB of data): ${run.bounded ? 'bounded' : 'NOT BOUNDED'}`);
  }
  try {
    const sync = await runSyncBenchmark();
    print(sync.figures);
    for (const line of sync.lines) console.log(line);
  } catch (error) {
    console.log(`price sync benchmark skipped: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const storefront = await runStorefrontBenchmark();
    print(storefront.figures);
    for (const line of storefront.lines) console.log(line);
  } catch (error) {
    console.log(`storefront benchmark skipped: ${error instanceof Error ? error.message : String(error)}`);
  }
}
