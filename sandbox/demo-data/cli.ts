/**
 * Command line for the demo dataset:
 *   npx tsx sandbox/demo-data/cli.ts [--products 100000] [--seed 7] [--out file.json]
 * Without --out it prints a summary of counts (and the demo logins); with --out it writes the dataset as JSON.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_PRODUCT_COUNT, DEFAULT_SEED, describeDemoLogins, generateDemoData } from './generate';
import type { DemoDataset } from './types';

function main(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: {
      products: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help === true) {
    process.stdout.write('usage: tsx sandbox/demo-data/cli.ts [--products N] [--seed N] [--out file.json]\n');
    return;
  }
  const products = parseInteger('--products', values.products, DEFAULT_PRODUCT_COUNT);
  const seed = parseInteger('--seed', values.seed, DEFAULT_SEED);

  const started = performance.now();
  const dataset = generateDemoData({ seed, products });
  const elapsedMs = Math.round(performance.now() - started);

  if (values.out !== undefined) {
    writeFileSync(values.out, JSON.stringify(dataset));
    process.stdout.write(
      `wrote ${values.out} (${dataset.products.length} products, seed ${seed}) in ${elapsedMs} ms\n`,
    );
    return;
  }
  process.stdout.write(summary(dataset, elapsedMs));
}

function parseInteger(flag: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isSafeInteger(value)) throw new RangeError(`${flag} must be an integer, got "${raw}"`);
  return value;
}

function summary(dataset: DemoDataset, elapsedMs: number): string {
  const variants = dataset.products.reduce((n, p) => n + p.variants.length, 0);
  const optioned = dataset.products.filter((p) => p.options.length > 0).length;
  const rows: [string, number][] = [
    ['brands', dataset.brands.length],
    ['categories', dataset.categories.length],
    ['products', dataset.products.length],
    ['  with options', optioned],
    ['  with bulk pricing', dataset.products.filter((p) => p.bulkPricingRules.length > 0).length],
    ['variants (sellable SKUs)', variants],
    ['locations', dataset.locations.length],
    ['stock rows', dataset.stock.length],
    ['price levels', dataset.priceLevels.length],
    ['contract price rows', dataset.contractPrices.length],
    ['customer item prices', dataset.customerItemPrices.length],
    ['companies', dataset.companies.length],
    ['buyers', dataset.buyers.length],
    ['sales reps', dataset.salesReps.length],
  ];
  const lines = [`Demo dataset, seed ${dataset.seed}, generated in ${elapsedMs} ms`];
  for (const [label, count] of rows) lines.push(`  ${label.padEnd(28)}${count.toLocaleString('en-US')}`);
  lines.push('', 'Demo logins:');
  for (const login of describeDemoLogins(dataset)) {
    const role = login.role === 'rep' ? 'rep' : login.isCompanyAdmin ? 'admin' : 'buyer';
    lines.push(`  ${login.email.padEnd(44)}${login.password.padEnd(18)}${role.padEnd(7)}${login.companies.join('; ')}`);
  }
  return `${lines.join('\n')}\n`;
}

main(process.argv.slice(2));
