import 'server-only';
import { getConfig } from '@/lib/config';
import { createBigCommerceRestClient, type BigCommerceRestClient } from './rest';

/**
 * The app's one REST Management API client. It lives on globalThis because Next bundles route handlers and pages
 * as separate module graphs, and the rate-limit budget must be shared by all of them (STACK.md §1).
 */
const holder = globalThis as typeof globalThis & { __bcManagementClient?: BigCommerceRestClient };

export function getManagementClient(): BigCommerceRestClient {
  if (!holder.__bcManagementClient) {
    const config = getConfig();
    holder.__bcManagementClient = createBigCommerceRestClient({
      apiUrl: config.BIGCOMMERCE_API_URL,
      storeHash: config.BIGCOMMERCE_STORE_HASH,
      accessToken: config.BIGCOMMERCE_ACCESS_TOKEN,
      // Storefront reads sit on a page render: fail fast rather than hold the page for a long retry chain.
      timeoutMs: 5_000,
      maxRetries: 1,
    });
  }
  return holder.__bcManagementClient;
}
