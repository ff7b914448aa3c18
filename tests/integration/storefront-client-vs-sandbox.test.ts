import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchSandbox, type LaunchedSandbox } from '../../sandbox/launch';

/**
 * The app's GraphQL Storefront client against the sandbox over real HTTP: who a request is for decides the
 * price, and every kind of upstream failure becomes a typed error a page can act on.
 */
type ClientModule = typeof import('@/lib/bigcommerce/graphql/client');
type ProductQueries = typeof import('@/graphql/queries/product');
type LoginModule = typeof import('@/graphql/mutations/login');

let sandbox: LaunchedSandbox;
let client: ClientModule;
let queries: ProductQueries;
let loginDoc: LoginModule;

beforeAll(async () => {
  sandbox = await launchSandbox({ products: 60, rateLimit: false });
  // The client reads its configuration from the environment once, exactly as in the app.
  Object.assign(process.env, sandbox.env, { BIGCOMMERCE_GRAPHQL_TIMEOUT_MS: '300' });
  client = await import('@/lib/bigcommerce/graphql/client');
  queries = await import('@/graphql/queries/product');
  loginDoc = await import('@/graphql/mutations/login');
});

afterAll(async () => {
  await sandbox.close();
});

async function faults(body: Record<string, unknown> | null): Promise<void> {
  const url = `${sandbox.bigcommerce.url}/__sandbox/faults`;
  await fetch(url, body ? { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : { method: 'DELETE' });
}

async function failure(promise: Promise<unknown>) {
  const { StorefrontGraphqlError } = await import('@/lib/bigcommerce/graphql/errors');
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StorefrontGraphqlError);
  return error as InstanceType<typeof StorefrontGraphqlError>;
}

/** The first product variant both buyers have a contract record for, with the records' unit prices. */
function contrastingVariant() {
  const { dataset } = sandbox;
  const [acme, greatLakes] = dataset.companies;
  const buyerOf = (companyId: number) => dataset.buyers.find((b) => b.companyId === companyId);
  const a = acme && buyerOf(acme.id);
  const b = greatLakes && buyerOf(greatLakes.id);
  if (!a || !b || !acme || !greatLakes) throw new Error('demo data lacks two companies with buyers');
  const store = sandbox.bigcommerce.store;
  const listOf = (customerId: number) => {
    const groupId = store.customers.get(customerId)?.customer_group_id;
    return [...store.priceListAssignments.values()].find((x) => x.customer_group_id === groupId)?.price_list_id;
  };
  const listA = listOf(a.id);
  const listB = listOf(b.id);
  if (listA === undefined || listB === undefined) throw new Error('buyers have no price lists');
  for (const record of store.recordsOf(listA).values()) {
    if (record.currency !== 'usd') continue;
    const other = [...store.recordsOf(listB).values()].find((r) => r.variant_id === record.variant_id && r.currency === 'usd');
    if (other && other.calculated_price !== record.calculated_price) {
      return { productId: record.product_id, variantId: record.variant_id, a: { id: a.id, price: record.calculated_price }, b: { id: b.id, price: other.calculated_price } };
    }
  }
  throw new Error('no variant priced differently for the two buyers');
}

describe('storefront GraphQL client', () => {
  it('prices a variant for the customer it is asked for, and differently for another customer', async () => {
    const v = contrastingVariant();
    const priceFor = async (viewer: Parameters<ClientModule['storefrontQuery']>[2]) => {
      const { site } = await client.storefrontQuery(queries.VariantOfferQuery, { productEntityId: v.productId, variantEntityId: v.variantId }, viewer);
      return site.product?.variants.edges?.[0]?.node.prices?.price.value;
    };
    expect(await priceFor({ kind: 'customer', customerId: v.a.id })).toBe(v.a.price);
    expect(await priceFor({ kind: 'customer', customerId: v.b.id })).toBe(v.b.price);
    expect(await priceFor(client.GUEST)).not.toBe(v.a.price);
  });

  it('a refused login is a graphql error carrying the INVALID_CREDENTIALS code', async () => {
    const error = await failure(client.storefrontMutation(loginDoc.LoginMutation, { email: 'nobody@example.com', password: 'x' }, client.GUEST));
    expect(error.kind).toBe('graphql');
    expect(error.codes).toContain('INVALID_CREDENTIALS');
    expect(error.operationName).toBe('Login');
  });

  it('a 5xx becomes an upstream error with the status', async () => {
    await faults({ pathPrefix: '/graphql', error5xxRatio: 1, error5xxStatus: 503 });
    try {
      const error = await failure(client.storefrontQuery(queries.ProductDetailsQuery, { entityId: 1 }, client.GUEST));
      expect(error.kind).toBe('upstream');
      expect(error.status).toBe(503);
    } finally {
      await faults(null);
    }
  });

  it('a 429 becomes a rate_limited error', async () => {
    await faults({ pathPrefix: '/graphql', storm429Requests: 1 });
    try {
      const error = await failure(client.storefrontQuery(queries.ProductDetailsQuery, { entityId: 1 }, client.GUEST));
      expect(error.kind).toBe('rate_limited');
    } finally {
      await faults(null);
    }
  });

  it('an answer slower than BIGCOMMERCE_GRAPHQL_TIMEOUT_MS becomes a timeout error, in about that time', async () => {
    await faults({ pathPrefix: '/graphql', latencyMs: 3_000 });
    try {
      const started = Date.now();
      const error = await failure(client.storefrontQuery(queries.ProductDetailsQuery, { entityId: 1 }, client.GUEST));
      expect(error.kind).toBe('timeout');
      // Generous bound: the point is that it did not wait for the 3 s answer.
      expect(Date.now() - started).toBeLessThan(2_500);
    } finally {
      await faults(null);
    }
  });

  // Last: revoking the token cannot be undone for this sandbox.
  it('a revoked impersonation token is an auth error that names the variable to check', async () => {
    const response = await fetch(`${sandbox.bigcommerce.url}/stores/${sandbox.env.BIGCOMMERCE_STORE_HASH}/v3/storefront/api-token`, {
      method: 'DELETE',
      headers: { 'x-auth-token': sandbox.env.BIGCOMMERCE_ACCESS_TOKEN ?? '', 'sf-api-token': sandbox.env.BIGCOMMERCE_CUSTOMER_IMPERSONATION_TOKEN ?? '' },
    });
    expect(response.status).toBe(200);
    const error = await failure(client.storefrontQuery(queries.ProductDetailsQuery, { entityId: 1 }, client.GUEST));
    expect(error.kind).toBe('auth');
    expect(error.status).toBe(401);
    expect(error.message).toContain('BIGCOMMERCE_CUSTOMER_IMPERSONATION_TOKEN');
  });
});
