import { buildClientSchema, getIntrospectionQuery, printSchema, type IntrospectionQuery } from 'graphql';

/**
 * Reads a store's Storefront GraphQL schema by introspection and prints it as SDL, so codegen can type our
 * documents against a real store's schema (`npm run codegen:store`). Plain Node: used by a script, not the app.
 */
export async function introspectStorefrontSchema(endpoint: string, token: string): Promise<string> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: getIntrospectionQuery(), operationName: 'IntrospectionQuery' }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = (await response.json().catch(() => null)) as { data?: IntrospectionQuery; errors?: { message: string }[] } | null;
  if (!response.ok || !body?.data) {
    const reason = body?.errors?.map((e) => e.message).join('; ') ?? `HTTP ${response.status}`;
    throw new Error(`introspection of ${endpoint} failed: ${reason}. Check the token and the endpoint's channel.`);
  }
  return printSchema(buildClientSchema(body.data));
}
