import { buildSchema } from 'graphql';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { introspectStorefrontSchema } from '@/lib/bigcommerce/graphql/introspect';
import { launchSandbox, type LaunchedSandbox } from '../../sandbox/launch';

let sandbox: LaunchedSandbox;
beforeAll(async () => {
  sandbox = await launchSandbox({ products: 10, rateLimit: false });
});
afterAll(() => sandbox.close());

it('introspects a store into SDL that builds, with the types our documents use', async () => {
  const sdl = await introspectStorefrontSchema(sandbox.env.BIGCOMMERCE_STOREFRONT_GRAPHQL_URL ?? '', sandbox.env.BIGCOMMERCE_CUSTOMER_IMPERSONATION_TOKEN ?? '');
  const schema = buildSchema(sdl);
  expect(schema.getType('Product')).toBeDefined();
  expect(schema.getMutationType()?.getFields().login).toBeDefined();
});

it('explains a refused token instead of writing an empty schema', async () => {
  await expect(introspectStorefrontSchema(sandbox.env.BIGCOMMERCE_STOREFRONT_GRAPHQL_URL ?? '', 'not-a-jwt')).rejects.toThrow(/introspection of .* failed: .*Check the token/);
});
