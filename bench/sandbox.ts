import { performance } from 'node:perf_hooks';
import { createBigCommerceRestClient } from '../lib/bigcommerce/rest';
import { generateDemoData } from '../sandbox/demo-data/generate';
import { launchSandbox } from '../sandbox/launch';

export interface Figure {
  name: string;
  value: number;
  unit: string;
}

/** Demo-data generation at the default and the benchmark scale. */
export function benchDemoData(): Figure[] {
  const figures: Figure[] = [];
  for (const products of [2_400, 100_000]) {
    const start = performance.now();
    const dataset = generateDemoData({ products });
    const ms = performance.now() - start;
    figures.push({ name: `generate ${products.toLocaleString('en-US')} products (${dataset.contractPrices.length.toLocaleString('en-US')} contract rows)`, value: Math.round(ms), unit: 'ms' });
  }
  return figures;
}

/**
 * Through the same client the sync uses: batch price upserts (1,000 rows, one at a time as BigCommerce allows)
 * and GraphQL product reads as a guest and as a contract buyer (price resolution by precedence).
 */
export async function benchSandbox(): Promise<Figure[]> {
  const sandbox = await launchSandbox({ port: 0, rateLimit: false });
  try {
    const { env, dataset } = sandbox;
    const bc = createBigCommerceRestClient({ apiUrl: env.BIGCOMMERCE_API_URL!, storeHash: env.BIGCOMMERCE_STORE_HASH!, accessToken: env.BIGCOMMERCE_ACCESS_TOKEN! });
    const skus = dataset.products.flatMap((p) => p.variants.map((v) => v.sku)).slice(0, 3_000);
    const batches = [0, 1, 2].map((b) => skus.slice(b * 1000, b * 1000 + 1000).map((sku, i) => ({ sku, currency: 'usd', price: 10 + (i % 90) / 10 })));
    const upsertStart = performance.now();
    for (const batch of batches) await bc.put('/v3/pricelists/1/records', batch);
    const upsertMs = performance.now() - upsertStart;

    const buyer = dataset.buyers[0]!;
    const query = JSON.stringify({
      query: 'query P($id: Int!) { site { product(entityId: $id) { name prices { price { value } bulkPricing { minimumQuantity } } } } }',
      variables: { id: dataset.products[5]!.id },
    });
    const read = async (customerId?: number) => {
      const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${env.BIGCOMMERCE_CUSTOMER_IMPERSONATION_TOKEN}` };
      if (customerId) headers['x-bc-customer-id'] = String(customerId);
      const start = performance.now();
      const response = await fetch(env.BIGCOMMERCE_STOREFRONT_GRAPHQL_URL!, { method: 'POST', headers, body: query });
      await response.json();
      return performance.now() - start;
    };
    const p50 = async (customerId?: number) => {
      for (let i = 0; i < 20; i++) await read(customerId); // warm-up
      const samples: number[] = [];
      for (let i = 0; i < 200; i++) samples.push(await read(customerId));
      samples.sort((a, b) => a - b);
      return samples[100]!;
    };
    const guest = await p50();
    const customer = await p50(buyer.id);
    return [
      { name: 'price-list upsert, 3 × 1,000 rows', value: Math.round((3000 / upsertMs) * 1000), unit: 'rows/s' },
      { name: 'GraphQL product read p50, guest', value: Number(guest.toFixed(2)), unit: 'ms' },
      { name: 'GraphQL product read p50, contract buyer', value: Number(customer.toFixed(2)), unit: 'ms' },
      { name: 'ratio buyer / guest (cost of per-buyer price resolution)', value: Number((customer / guest).toFixed(2)), unit: '×' },
    ];
  } finally {
    await sandbox.close();
  }
}
