import 'server-only';
import { Client, fetchExchange, type AnyVariables, type TypedDocumentNode } from '@urql/core';
import { Kind, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { getConfig } from '@/lib/config';
import { StorefrontGraphqlError } from './errors';

/**
 * The one way server code talks to the GraphQL Storefront API. It owns the auth headers (the impersonation
 * token never leaves the server: `server-only`), the channel endpoint, `?operation=Name` tagging, a timeout,
 * complexity logging and typed errors.
 *
 * Who the request is *for* is a `StorefrontViewer`. Only the session module creates customer viewers, from the
 * verified session cookie; nothing here accepts a customer id from a request.
 */
export type StorefrontViewer = { kind: 'guest' } | { kind: 'customer'; customerId: number };

export const GUEST: StorefrontViewer = { kind: 'guest' };

/** BigCommerce refuses queries above 10,000; log well before that so a growing query is noticed early. */
const COMPLEXITY_WARNING = 5_000;

export function storefrontQuery<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  viewer: StorefrontViewer,
): Promise<Data> {
  return execute('query', document, variables, viewer);
}

export function storefrontMutation<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  viewer: StorefrontViewer,
): Promise<Data> {
  return execute('mutation', document, variables, viewer);
}

async function execute<Data, Variables extends AnyVariables>(
  kind: 'query' | 'mutation',
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  viewer: StorefrontViewer,
): Promise<Data> {
  const operationName = nameOf(document);
  const config = getConfig();
  const endpoint = new URL(config.BIGCOMMERCE_STOREFRONT_GRAPHQL_URL);
  endpoint.searchParams.set('operation', operationName);

  const headers: Record<string, string> = {
    Authorization: `Bearer ${config.BIGCOMMERCE_CUSTOMER_IMPERSONATION_TOKEN}`,
  };
  if (viewer.kind === 'customer') headers['X-Bc-Customer-Id'] = String(viewer.customerId);

  let httpStatus: number | undefined;
  const client = new Client({
    url: endpoint.toString(),
    exchanges: [fetchExchange],
    preferGetMethod: false,
    requestPolicy: 'network-only',
    fetchOptions: () => ({ headers, cache: 'no-store' }),
    fetch: async (input, init) => {
      // urql replaces fetchOptions.signal with its own (for cancellation), so the timeout is added here.
      const timeout = AbortSignal.timeout(config.BIGCOMMERCE_GRAPHQL_TIMEOUT_MS);
      const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
      const response = await fetch(input, { ...init, signal });
      httpStatus = response.status;
      const complexity = Number(response.headers.get('x-bc-graphql-complexity'));
      if (complexity >= COMPLEXITY_WARNING) {
        console.warn(`[graphql] ${operationName} complexity ${complexity} (limit 10000)`);
      }
      return response;
    },
  });

  const result = await (kind === 'query' ? client.query(document, variables) : client.mutation(document, variables)).toPromise();
  if (result.error) {
    const { networkError, graphQLErrors } = result.error;
    if (httpStatus === 401 || httpStatus === 403) {
      throw new StorefrontGraphqlError('auth', operationName, 'the Storefront API refused our token: check BIGCOMMERCE_CUSTOMER_IMPERSONATION_TOKEN and the channel in BIGCOMMERCE_STOREFRONT_GRAPHQL_URL', httpStatus);
    }
    if (httpStatus === 429) throw new StorefrontGraphqlError('rate_limited', operationName, 'rate limited by the Storefront API', httpStatus);
    if (networkError?.name === 'TimeoutError' || networkError?.name === 'AbortError') {
      throw new StorefrontGraphqlError('timeout', operationName, `no answer within ${config.BIGCOMMERCE_GRAPHQL_TIMEOUT_MS} ms`);
    }
    if (httpStatus !== undefined && httpStatus >= 500) {
      throw new StorefrontGraphqlError('upstream', operationName, `the Storefront API answered ${httpStatus}`, httpStatus);
    }
    if (networkError) throw new StorefrontGraphqlError('network', operationName, networkError.message);
    const codes = graphQLErrors.flatMap((e) => (typeof e.extensions.code === 'string' ? [e.extensions.code] : []));
    throw new StorefrontGraphqlError('graphql', operationName, graphQLErrors.map((e) => e.message).join('; '), httpStatus, codes);
  }
  if (!result.data) throw new StorefrontGraphqlError('upstream', operationName, 'empty response', httpStatus);
  return result.data;
}

function nameOf(document: DocumentNode): string {
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return operation?.name?.value ?? 'AnonymousOperation';
}
