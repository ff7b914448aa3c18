import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DemoDataset } from '../demo-data/types';
import { registerAdminRoutes } from './admin/routes';
import { registerWebhookAdminRoutes } from './admin/webhook-admin';
import { openHostedCheckout, payHostedCheckout } from './checkout/hosted-checkout';
import { FaultInjector } from './faults';
import { handleGraphqlRequest } from './graphql/handler';
import { ConcurrencyLimiter } from './http/concurrency';
import { dispatchRest, readBody, send } from './http/dispatch';
import { v3Error } from './http/errors';
import { StoreRateLimiter } from './http/rate-limit';
import { Router } from './http/router';
import type { SandboxContext } from './http/types';
import { renderPlaceholderSvg } from './images';
import { registerRestRoutes } from './rest/index';
import { defaultSettings, type SandboxSettings } from './settings';
import { seedStore } from './seed/index';
import { BcStore } from './store/store';
import { WebhookDispatcher } from './webhooks/dispatcher';

export interface StartOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Seed data; null starts an empty store (only channel 1 and location 1, as a new store has). */
  dataset?: DemoDataset | null;
  settings?: Partial<SandboxSettings>;
}

export interface BigCommerceSandbox {
  /** e.g. http://127.0.0.1:4010: REST at `${url}/stores/{hash}/v3`, GraphQL at `${url}/graphql`. */
  url: string;
  store: BcStore;
  settings: SandboxSettings;
  faults: FaultInjector;
  rateLimiter: StoreRateLimiter;
  webhooks: WebhookDispatcher;
  close(): Promise<void>;
}

/** Starts one emulated BigCommerce store (REST Management API + GraphQL Storefront API) on localhost. */
export async function startBigCommerceSandbox(options: StartOptions = {}): Promise<BigCommerceSandbox> {
  const settings = defaultSettings(options.settings);
  const faults = new FaultInjector();
  const rateLimiter = new StoreRateLimiter(() => settings.rateLimit);
  const concurrency = new ConcurrencyLimiter();
  const dataset = options.dataset ?? null;

  // The store object is replaced on reset; everything reads it through `state`.
  const state = { store: makeStore(settings, dataset) };
  const ctx = (): SandboxContext => ({ store: state.store, settings, concurrency, clientId: settings.clientId });

  const webhooks = new WebhookDispatcher(settings, faults);
  const restRouter = new Router();
  registerRestRoutes(restRouter);
  const adminRouter = new Router();
  registerAdminRoutes(adminRouter, {
    settings,
    faults,
    rateLimiter,
    reseed: () => {
      state.store = makeStore(settings, dataset);
      webhooks.attach(state.store);
    },
  });
  registerWebhookAdminRoutes(adminRouter, webhooks);

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[sandbox] unexpected error', error);
      if (!res.headersSent) send(res, v3Error(500, 'Internal Server Error'));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox.local');
    let rawBody: string;
    try {
      rawBody = await readBody(req);
    } catch {
      return send(res, v3Error(413, 'Request body too large'));
    }

    if (url.pathname.startsWith('/__sandbox/')) {
      const route = adminRouter.match(req.method ?? 'GET', url.pathname);
      if (!route || route === 'method_not_allowed') return send(res, v3Error(404, 'Unknown sandbox admin route'));
      let body: unknown;
      try {
        body = rawBody ? JSON.parse(rawBody) : undefined;
      } catch {
        return send(res, v3Error(400, 'The request body is not valid JSON.'));
      }
      const request = { method: req.method ?? 'GET', path: url.pathname, params: route.params, query: url.searchParams, headers: req.headers, body };
      return send(res, await route.handler(request, ctx()));
    }

    const image = /^\/images\/products\/(\d+)-(\d+)\.svg$/.exec(url.pathname);
    if (image && req.method === 'GET') {
      const productId = Number(image[1]);
      const product = state.store.products.get(productId);
      if (!product) return send(res, { status: 404, rawBody: 'image not found', headers: { 'content-type': 'text/plain' } });
      const svg = renderPlaceholderSvg(product.name, productId, Number(image[2]));
      return send(res, { status: 200, rawBody: svg, headers: { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' } });
    }

    if (url.pathname === '/graphql') {
      if (req.method !== 'POST') return send(res, { status: 405, body: { errors: [{ message: 'Use POST for GraphQL requests.' }] } });
      const latency = faults.latencyFor('/graphql');
      if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
      const fault = faults.decide('/graphql');
      if (fault.kind === 'error5xx') return send(res, { status: fault.status, body: { errors: [{ message: 'Internal Server Error (injected by the sandbox)' }] } });
      if (fault.kind !== 'none') return send(res, { status: 429, body: { errors: [{ message: 'Too many requests' }] } });
      return send(res, await handleGraphqlRequest({ store: state.store, settings, channelId: 1, headers: req.headers, rawBody }));
    }

    // The storefront domain's hosted checkout, where createCartRedirectUrls links lead.
    if (url.pathname === '/cart.php' && req.method === 'GET') return send(res, openHostedCheckout(state.store, url.searchParams));
    if (url.pathname === '/checkout/pay' && req.method === 'POST') return send(res, payHostedCheckout(state.store, rawBody));

    if (url.pathname.startsWith('/stores/')) {
      return send(res, await dispatchRest(req, url, rawBody, { router: restRouter, ctx: ctx(), rateLimiter, faults }));
    }
    return send(res, v3Error(404, 'Not found'));
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  webhooks.attach(state.store);
  const address = server.address() as AddressInfo;

  return {
    url: `http://${options.host ?? '127.0.0.1'}:${address.port}`,
    get store() {
      return state.store;
    },
    settings,
    faults,
    rateLimiter,
    webhooks,
    async close() {
      await webhooks.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

function makeStore(settings: SandboxSettings, dataset: DemoDataset | null): BcStore {
  const store = new BcStore({ storeHash: settings.storeHash, defaultCurrency: dataset?.store.defaultCurrency ?? 'USD' });
  seedStore(store, dataset);
  return store;
}
