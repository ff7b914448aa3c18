import type { IncomingHttpHeaders } from 'node:http';
import { verifyStorefrontToken } from '../auth/storefront-tokens';
import { pricingGroupFor } from '../pricing';
import type { SandboxSettings } from '../settings';
import type { BcStore } from '../store/store';
import type { GraphqlContext } from './context';

export type RequestContextResult = { ok: true; context: GraphqlContext } | { ok: false; message: string };

/**
 * Authenticates a GraphQL request and decides whose view it gets. X-Bc-Customer-Id is honoured only with a
 * customer impersonation token (the only token the docs tie it to); with storefront or private tokens it is
 * ignored. An id that is not a number or names no customer yields the guest view [inferred: BigCommerce does
 * not document this case].
 */
export async function requestContext(input: {
  store: BcStore;
  settings: SandboxSettings;
  channelId: number;
  headers: IncomingHttpHeaders;
}): Promise<RequestContextResult> {
  const { store, settings, channelId, headers } = input;
  const verified = await verifyStorefrontToken({ store, settings, channelId, authorization: single(headers.authorization) });
  if (!verified.ok) return verified;

  const customerHeader = single(headers['x-bc-customer-id']);
  const customerId = customerHeader !== undefined && /^\d+$/.test(customerHeader.trim()) ? Number(customerHeader) : undefined;
  const customer = verified.token.token_type === 'impersonation' && customerId !== undefined ? store.customers.get(customerId) : undefined;

  return {
    ok: true,
    context: {
      store,
      settings,
      channelId,
      token: verified.token,
      customer,
      customerGroupId: pricingGroupFor(store, customer),
      origin: `http://${single(headers.host) ?? '127.0.0.1'}`,
    },
  };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
