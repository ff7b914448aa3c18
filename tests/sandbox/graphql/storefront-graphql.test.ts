import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraphqlSandbox, type GraphqlSandbox } from './fixture';

let sandbox: GraphqlSandbox;
beforeAll(async () => {
  sandbox = await startGraphqlSandbox();
});
afterAll(() => sandbox.close());

const PRICES = `query Prices($id: Int!) { site { product(entityId: $id) { sku prices {
  price { value currencyCode } basePrice { value } salePrice { value } priceRange { min { value } max { value } }
  bulkPricing { __typename minimumQuantity maximumQuantity
    ... on BulkPricingFixedPriceDiscount { price }
    ... on BulkPricingPercentageDiscount { percentOff } } } } } }`;

interface PricesData {
  site: { product: { prices: { price: { value: number }; basePrice: { value: number }; salePrice: null; bulkPricing: unknown[] } } };
}
const pricesOf = async (customerId?: number) => {
  const result = await sandbox.graphql(PRICES, { customerId, variables: { id: 101 } });
  expect(result.body.errors).toBeUndefined();
  return (result.body.data as PricesData).site.product.prices;
};

describe('customer-specific prices', () => {
  it('buyer at Acme sees contract price 17.25 for HX-2, with the 16.00 tier from 10', async () => {
    const prices = await pricesOf(501);
    expect(prices.price.value).toBe(17.25);
    expect(prices.basePrice.value).toBe(17.25);
    expect(prices.salePrice).toBeNull();
    expect(prices.bulkPricing).toEqual([{ __typename: 'BulkPricingFixedPriceDiscount', minimumQuantity: 10, maximumQuantity: null, price: 16 }]);
  });

  it('buyer at Beta sees their own contract price 18.50 for the same product', async () => {
    expect((await pricesOf(502)).price.value).toBe(18.5);
  });

  it('a guest sees the catalog price 20.00 and the catalog bulk tier', async () => {
    const prices = await pricesOf();
    expect(prices.price.value).toBe(20);
    expect(prices.bulkPricing).toEqual([{ __typename: 'BulkPricingPercentageDiscount', minimumQuantity: 50, maximumQuantity: null, percentOff: 10 }]);
  });

  it('an unknown X-Bc-Customer-Id gets the guest view', async () => {
    expect((await pricesOf(999_999)).price.value).toBe(20);
  });
});

describe('customer and login', () => {
  it('customer is the impersonated shopper, with group name', async () => {
    const result = await sandbox.graphql('{ customer { entityId email firstName company customerGroupId customerGroupName } }', { customerId: 501 });
    expect(result.body.data).toMatchObject({ customer: { entityId: 501, email: 'alice@acme.test', firstName: 'Alice', company: 'Acme Manufacturing', customerGroupName: 'Contract A' } });
  });

  it('customer is null for a guest', async () => {
    expect((await sandbox.graphql('{ customer { entityId } }')).body).toEqual({ data: { customer: null } });
  });

  it('login returns the customer for the right password', async () => {
    const result = await sandbox.graphql('mutation { login(email: "alice@acme.test", password: "alice-pass") { customer { entityId } } }');
    expect(result.body).toEqual({ data: { login: { customer: { entityId: 501 } } } });
  });

  it('login refuses a wrong password', async () => {
    const result = await sandbox.graphql('mutation { login(email: "alice@acme.test", password: "nope") { customer { entityId } } }');
    expect(result.body.data).toBeNull();
    expect(result.body.errors?.[0]?.message).toBe('Invalid credentials');
  });

  it('allows only one mutation per request', async () => {
    const result = await sandbox.graphql('mutation { a: logout { result } b: logout { result } }');
    expect(result.status).toBe(200);
    expect(result.body.errors?.[0]?.message).toMatch(/one mutation/i);
  });
});

describe('limits and errors', () => {
  it('reports the complexity score in X-Bc-Graphql-Complexity', async () => {
    const result = await sandbox.graphql('{ site { products(first: 5) { edges { node { entityId name } } } } }');
    expect(Number(result.headers.get('x-bc-graphql-complexity'))).toBeGreaterThan(0);
  });

  it('refuses a query over 10,000 complexity with BigCommerce\'s message', async () => {
    const query = '{ site { products(first: 50) { edges { node { entityId variants(first: 50) { edges { node { entityId sku upc } } } customFields(first: 50) { edges { node { name value } } } } } } } }';
    const result = await sandbox.graphql(query);
    expect(result.status).toBe(200);
    expect(result.body.errors?.[0]?.message).toMatch(/^The query is too complex as it has a complexity score of \d+ out of 10000\. Please remove some elements and try again$/);
  });

  it('refuses a query deeper than 16', async () => {
    const nest = (n: number): string => (n === 0 ? 'entityId' : `entityId children { ${nest(n - 1)} }`);
    const ok = await sandbox.graphql(`{ site { categoryTree { ${nest(13)} } } }`);
    expect(ok.body.errors).toBeUndefined();
    const tooDeep = await sandbox.graphql(`{ site { categoryTree { ${nest(15)} } } }`);
    expect(tooDeep.body.errors?.[0]?.message).toMatch(/maximum depth of 16/);
  });

  it('answers an invalid query with {errors} and HTTP 200', async () => {
    const result = await sandbox.graphql('{ site { nope } }');
    expect(result.status).toBe(200);
    expect(result.body.errors?.[0]?.message).toMatch(/Cannot query field "nope"/);
  });

  it('refuses more than 50 per page', async () => {
    const result = await sandbox.graphql('{ site { products(first: 51) { edges { cursor } } } }');
    expect(result.body.errors?.[0]?.message).toMatch(/between 1 and 50/);
  });
});

describe('catalog', () => {
  interface Page {
    site: { products: { edges: { node: { entityId: number } }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string } } };
  }
  const PAGE = 'query P($after: String) { site { products(first: 5, after: $after) { edges { node { entityId } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }';

  it('pages through products with cursors until hasNextPage is false', async () => {
    const seen: number[] = [];
    let after: string | undefined;
    for (let page = 0; page < 10; page++) {
      const result = await sandbox.graphql(PAGE, { variables: { after } });
      const products = (result.body.data as Page).site.products;
      seen.push(...products.edges.map((e) => e.node.entityId));
      expect(products.pageInfo.hasPreviousPage).toBe(page > 0);
      if (!products.pageInfo.hasNextPage) break;
      after = products.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
  });

  it('resolves a product path with route(path)', async () => {
    const result = await sandbox.graphql('{ site { route(path: "/hx-2/") { node { __typename ... on Product { entityId name } } } } }');
    expect(result.body.data).toEqual({ site: { route: { node: { __typename: 'Product', entityId: 101, name: 'Hex Cap Screw' } } } });
  });

  it('searches by term within a category tree', async () => {
    const result = await sandbox.graphql(
      '{ site { search { searchProducts(filters: { searchTerm: "hex", categoryEntityIds: [10], searchSubCategories: true }) { products { edges { node { sku } } } } } } }',
    );
    expect(result.body.data).toEqual({ site: { search: { searchProducts: { products: { edges: [{ node: { sku: 'HX-2' } }] } } } } });
  });

  it('reports stock per location and in aggregate', async () => {
    const result = await sandbox.graphql(
      '{ site { product(sku: "HX-2") { inventory { isInStock aggregated { availableToSell } byLocation { edges { node { locationEntityCode availableToSell } } } } } } }',
    );
    expect(result.body.data).toEqual({
      site: { product: { inventory: { isInStock: true, aggregated: { availableToSell: 40 }, byLocation: { edges: [{ node: { locationEntityCode: 'DAL', availableToSell: 40 } }] } } } },
    });
  });

  it('serves the category tree with product counts', async () => {
    const result = await sandbox.graphql('{ site { categoryTree { name productCount hasChildren children { name path productCount } } } }');
    expect(result.body.data).toEqual({
      site: { categoryTree: [{ name: 'Fasteners', productCount: 0, hasChildren: true, children: [{ name: 'Screws', path: '/fasteners/screws/', productCount: 12 }] }] },
    });
  });
});
