import { generateDemoData } from './demo-data/generate';
import type { DemoDataset } from './demo-data/types';
import { startBigCommerceSandbox, type BigCommerceSandbox } from './bigcommerce/server';
import { startNetSuiteEmulator, type NetSuiteEmulator } from './netsuite/server';

export interface LaunchOptions {
  /** BigCommerce sandbox port (0 = any free port). */
  port?: number;
  products?: number;
  seed?: number;
  /** Enforce the Standard-plan quota (150 requests / 30 s). Interactive dev turns it off. */
  rateLimit?: boolean;
  /** Also start the NetSuite emulator (seeded from the same dataset, with its ERP drift) on this port (0 = any). */
  erpPort?: number;
}

export interface LaunchedSandbox {
  bigcommerce: BigCommerceSandbox;
  /** Present when `erpPort` was given. */
  netsuite?: NetSuiteEmulator;
  dataset: DemoDataset;
  /** The environment that points the app and the sync at this sandbox, exactly as for a real store. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * Starts the seeded sandbox and obtains credentials the way a merchant would against a real store: the access
 * token is the sandbox's API account token, and the impersonation token is created through
 * `POST /v3/storefront/api-token-customer-impersonation`.
 */
export async function launchSandbox(options: LaunchOptions = {}): Promise<LaunchedSandbox> {
  const dataset = generateDemoData({ products: options.products, seed: options.seed });
  const bigcommerce = await startBigCommerceSandbox({
    port: options.port ?? 0,
    dataset,
    settings: { storeHash: dataset.store.hash, rateLimit: { enabled: options.rateLimit ?? true, quota: 150, windowMs: 30_000 } },
  });
  const { settings } = bigcommerce;
  const oneYear = Math.floor(Date.now() / 1000) + 365 * 24 * 3600;
  const response = await fetch(`${bigcommerce.url}/stores/${settings.storeHash}/v3/storefront/api-token-customer-impersonation`, {
    method: 'POST',
    headers: { 'x-auth-token': settings.accessToken, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ channel_id: dataset.store.channelId, expires_at: oneYear }),
  });
  if (!response.ok) {
    await bigcommerce.close();
    throw new Error(`sandbox refused to issue an impersonation token: ${response.status} ${await response.text()}`);
  }
  const { data } = (await response.json()) as { data: { token: string } };
  const netsuite = options.erpPort === undefined ? undefined : await startNetSuiteEmulator({ port: options.erpPort, dataset, logErrors: false });

  return {
    bigcommerce,
    dataset,
    env: {
      BIGCOMMERCE_STORE_HASH: settings.storeHash,
      BIGCOMMERCE_ACCESS_TOKEN: settings.accessToken,
      BIGCOMMERCE_CHANNEL_ID: String(dataset.store.channelId),
      BIGCOMMERCE_API_URL: bigcommerce.url,
      BIGCOMMERCE_STOREFRONT_GRAPHQL_URL: `${bigcommerce.url}/graphql`,
      BIGCOMMERCE_CUSTOMER_IMPERSONATION_TOKEN: data.token,
      // Development-only secrets: the sandbox is local and holds demo data only.
      BIGCOMMERCE_WEBHOOK_SECRET: 'sandbox-webhook-secret-0123456789',
      ERP_EVENTS_SECRET: 'sandbox-erp-events-secret-0123456789',
      SESSION_SECRET: 'sandbox-session-secret-0123456789-abcdefghijklmnop',
      // The sandbox is served over plain http on localhost, where a Secure cookie would never come back.
      SESSION_COOKIE_SECURE: 'false',
      ...(netsuite ? netSuiteEnv(netsuite) : {}),
    },
    netsuite,
    close: async () => {
      await netsuite?.close();
      await bigcommerce.close();
    },
  };
}

/** The NetSuite adapter's environment for the emulator: the same variables a real account is configured with. */
function netSuiteEnv(netsuite: NetSuiteEmulator): Record<string, string> {
  const { m2m } = netsuite.credentials;
  return {
    ERP_ADAPTER: 'netsuite',
    NETSUITE_ACCOUNT_ID: netsuite.accountId,
    NETSUITE_REST_BASE: netsuite.restBase,
    NETSUITE_CLIENT_ID: m2m.clientId,
    NETSUITE_CERTIFICATE_ID: m2m.certificateId,
    NETSUITE_PRIVATE_KEY: m2m.privateKeyPem.replace(/\n/g, '\\n'),
    NETSUITE_JWT_ALG: m2m.alg,
  };
}
