/**
 * Entry point of the demo dataset: `generateDemoData()` builds the whole distributor (catalog, stock, contract
 * pricing, companies and logins) from one seed. Same seed and options ⇒ deep-equal dataset, because every random
 * draw comes from a seeded stream (`random.ts`) and nothing reads the clock.
 *
 * Each part draws from its own named stream, so changing the product count leaves companies, credit positions and
 * demo logins exactly as they were.
 */
import { buildBrands, buildCategories, buildProducts } from './catalog';
import { buildCompanies, COMPANY_PROFILES } from './companies';
import { buildContractPrices, buildCustomerItemPrices, buildPriceLevels } from './contracts';
import { buildPeople } from './people';
import { streamFor } from './random';
import { buildLocations, buildStock } from './stock';
import type { DemoDataset, GenerateOptions } from './types';

export { DEMO_BUYER_PASSWORD, DEMO_REP_PASSWORD } from './people';
export { describeDemoLogins, type DemoLogin } from './logins';
export { CAD_PER_USD } from './contracts';

export const DEFAULT_SEED = 20261121;
export const DEFAULT_PRODUCT_COUNT = 2_400;
/** The documented ceiling (types.ts: "Scales to 100,000 for benchmarks"); larger runs risk memory, not correctness. */
export const MAX_PRODUCT_COUNT = 100_000;

export const DEMO_STORE = {
  hash: 'sandbox1',
  name: 'Northwind Industrial Supply (sandbox)',
  defaultCurrency: 'USD',
  channelId: 1,
} as const satisfies DemoDataset['store'];

export function generateDemoData(options: GenerateOptions = {}): DemoDataset {
  const seed = options.seed ?? DEFAULT_SEED;
  const productCount = options.products ?? DEFAULT_PRODUCT_COUNT;
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new RangeError(`seed must be a non-negative safe integer, got ${seed}`);
  }
  if (!Number.isInteger(productCount) || productCount < 1 || productCount > MAX_PRODUCT_COUNT) {
    throw new RangeError(`products must be an integer from 1 to ${MAX_PRODUCT_COUNT}, got ${productCount}`);
  }

  const brands = buildBrands();
  const { categories, leaves } = buildCategories();
  const products = buildProducts(productCount, streamFor(seed, 'catalog'), leaves, brands);
  const locations = buildLocations();
  const stock = buildStock(streamFor(seed, 'stock'), products, locations);
  const priceLevels = buildPriceLevels();
  const contractPrices = buildContractPrices(streamFor(seed, 'contracts'), products);

  const companies = buildCompanies(streamFor(seed, 'companies'));
  const { buyers, salesReps } = buildPeople(streamFor(seed, 'people'), companies, COMPANY_PROFILES);
  // The reps' assignments are the single source; each company points back at the one rep that lists it.
  for (const rep of salesReps) {
    for (const companyId of rep.companyIds) {
      const company = companies.find((c) => c.id === companyId);
      if (company !== undefined) company.salesRepId = rep.id;
    }
  }

  const customerItemPrices = buildCustomerItemPrices(
    streamFor(seed, 'customer-prices'),
    contractPrices,
    companies.flatMap((company, index) => {
      const count = COMPANY_PROFILES[index]?.customerItemPrices ?? 0;
      return count > 0 ? [{ company, count }] : [];
    }),
  );

  return {
    seed,
    store: { ...DEMO_STORE },
    brands,
    categories,
    products,
    locations,
    stock,
    priceLevels,
    contractPrices,
    customerItemPrices,
    companies,
    buyers,
    salesReps,
  };
}
