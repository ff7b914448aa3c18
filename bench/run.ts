import { runErpStreamBenchmark } from './erp/stream-prices';
import { benchDemoData, benchSandbox, type Figure } from './sandbox';

/**
 * `npm run bench`: performance figures measured in one run on this machine. Machines here are noisy, so
 * these are for comparing runs and spotting regressions, never asserted in tests.
 */
const erp = await runErpStreamBenchmark();
const figures: Figure[] = [...benchDemoData(), ...(await benchSandbox()), ...erp.figures];
for (const figure of figures) console.log(`${figure.name.padEnd(70)} ${String(figure.value).padStart(10)} ${figure.unit}`);
for (const run of erp.runs) {
  console.log(`ERP ${run.source}: peak RSS ${run.peakRssMb} MB (growth ${run.rssGrowthMb} MB over ${run.dataMb} MB of data): ${run.bounded ? 'bounded' : 'NOT BOUNDED'}`);
}
