import type { DemoDataset, DemoProduct } from '../../../sandbox/demo-data/types';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox';
import { issueDevImpersonationToken } from '../../../sandbox/bigcommerce/auth/storefront-tokens';

/**
 * A hand-made store small enough to know every price: HX-2 lists at 20.00 with a 10%-off-from-50 catalog
 * tier; Acme (Contract A) pays 17.25 with 16.00 from 10 units; Beta (Contract B) pays 18.50. Eleven filler
 * products make paging observable.
 */
function product(id: number, sku: string, name: string, price: number, extra: Partial<DemoProduct> = {}): DemoProduct {
  return {
    id,
    sku,
    name,
    path: `/${sku.toLowerCase()}/`,
    description: `<p>${name} for industrial use.</p>`,
    brandId: 1,
    categoryIds: [11],
    price,
    salePrice: null,
    retailPrice: null,
    cost: Math.round(price / 2),
    weightGrams: 100,
    isFeatured: false,
    inventoryTracking: 'product',
    images: [{ url: `/images/products/${id}-1.svg`, alt: name, isThumbnail: true }],
    specs: [{ name: 'Material', value: 'Steel' }],
    options: [],
    variants: [{ id: id + 900, sku, optionValues: [], price: null, upc: '' }],
    bulkPricingRules: [],
    unitOfMeasure: 'EA',
    ...extra,
  };
}

export function tinyDataset(): DemoDataset {
  const address = { street1: '1 Main St', city: 'Dallas', state: 'TX', postalCode: '75001', countryCode: 'US', phone: '555-0100' };
  const company = (id: number, name: string, priceLevelId: number) => ({
    id,
    erpCustomerNumber: `C${id}`,
    name,
    priceLevelId,
    currency: 'USD' as const,
    termsDays: 30,
    creditLimit: 1_000_000,
    balance: 0,
    unbilledOrders: 0,
    overdueBalance: 0,
    creditHoldOverride: 'AUTO' as const,
    salesRepId: null,
    address,
  });
  const fillers = Array.from({ length: 11 }, (_, i) => product(110 + i, `FL-${i + 1}`, `Filler ${i + 1}`, 1000 + i * 100));
  return {
    seed: 1,
    store: { hash: 'sandbox1', name: 'Tiny Supply', defaultCurrency: 'USD', channelId: 1 },
    brands: [{ id: 1, name: 'Acme Fasteners', slug: 'acme-fasteners' }],
    categories: [
      { id: 10, parentId: null, name: 'Fasteners', slug: 'fasteners', description: 'All fasteners', sortOrder: 0 },
      { id: 11, parentId: 10, name: 'Screws', slug: 'screws', description: 'Screws', sortOrder: 0 },
    ],
    products: [
      product(101, 'HX-2', 'Hex Cap Screw', 2000, { isFeatured: true, bulkPricingRules: [{ quantityMin: 50, quantityMax: null, type: 'percent', percentOff: 10 }] }),
      ...fillers,
    ],
    locations: [{ id: 2, code: 'DAL', label: 'Dallas', city: 'Dallas', state: 'TX', postalCode: '75001', countryCode: 'US' }],
    stock: [{ sku: 'HX-2', locationId: 2, onHand: 50, committed: 10, backordered: 0, available: 40 }],
    priceLevels: [
      { id: 1, name: 'Contract A', currencies: ['USD'] },
      { id: 2, name: 'Contract B', currencies: ['USD'] },
    ],
    contractPrices: [
      { priceLevelId: 1, sku: 'HX-2', currency: 'USD', breaks: [{ minQuantity: 1, unitPrice: 1725 }, { minQuantity: 10, unitPrice: 1600 }] },
      { priceLevelId: 2, sku: 'HX-2', currency: 'USD', breaks: [{ minQuantity: 1, unitPrice: 1850 }] },
    ],
    customerItemPrices: [],
    companies: [company(1, 'Acme Manufacturing', 1), company(2, 'Beta Industrial', 2)],
    buyers: [
      { id: 501, email: 'alice@acme.test', password: 'alice-pass', firstName: 'Alice', lastName: 'Able', companyId: 1, role: 'admin' },
      { id: 502, email: 'bob@beta.test', password: 'bob-pass', firstName: 'Bob', lastName: 'Baker', companyId: 2, role: 'buyer' },
    ],
    salesReps: [],
  };
}

export interface GraphqlResult {
  status: number;
  headers: Headers;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

export interface GraphqlSandbox extends TestSandbox {
  devToken: string;
  /** POSTs to /graphql; `token` null sends no Authorization header. */
  graphql(query: string, options?: { token?: string | null; customerId?: number | string; variables?: Record<string, unknown> }): Promise<GraphqlResult>;
}

export async function startGraphqlSandbox(): Promise<GraphqlSandbox> {
  const sandbox = await startTestSandbox({ dataset: tinyDataset(), settings: { rateLimit: { enabled: false, quota: 150, windowMs: 30_000 } } });
  const devToken = await issueDevImpersonationToken(sandbox.settings);
  return Object.assign(sandbox, {
    devToken,
    async graphql(query: string, options: { token?: string | null; customerId?: number | string; variables?: Record<string, unknown> } = {}) {
      const token = options.token === undefined ? devToken : options.token;
      const response = await fetch(`${sandbox.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token === null ? {} : { authorization: `Bearer ${token}` }),
          ...(options.customerId === undefined ? {} : { 'x-bc-customer-id': String(options.customerId) }),
        },
        body: JSON.stringify({ query, variables: options.variables }),
      });
      return { status: response.status, headers: response.headers, body: (await response.json()) as GraphqlResult['body'] };
    },
  });
}
