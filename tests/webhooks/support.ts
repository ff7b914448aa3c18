import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';

/**
 * Shared by the webhook tests. The route writes to the fixed key `sync:triggers`, so each route test file uses its
 * own Redis DB (below) and deletes only the keys the receiver writes; module tests use a unique stream key instead.
 */
export const ROUTE_TEST_DB = 13;
export const E2E_TEST_DB = 14;
export const TEST_WEBHOOK_SECRET = 'test-webhook-secret-0123456789';

/** A complete, valid app environment (getConfig validates every variable) pointing Redis at `redisUrl`. */
export function appEnv(redisUrl: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    BIGCOMMERCE_STORE_HASH: 'teststore',
    BIGCOMMERCE_ACCESS_TOKEN: 'test-access-token',
    BIGCOMMERCE_API_URL: 'http://127.0.0.1:9',
    BIGCOMMERCE_CUSTOMER_IMPERSONATION_TOKEN: 'header.payload.signature',
    BIGCOMMERCE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
    SESSION_SECRET: 'test-session-secret-0123456789-abcdefghijkl',
    SESSION_COOKIE_SECURE: 'false',
    REDIS_URL: redisUrl,
    ...overrides,
  };
}

export function redisDb(db: number): Redis {
  return new Redis(`redis://127.0.0.1:6379/${db}`, { lazyConnect: false });
}

/** Deletes a trigger stream and its dedup keys (and nothing else). */
export async function deleteTriggerKeys(redis: Redis, streamKey = 'sync:triggers'): Promise<void> {
  const keys = [streamKey];
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', `{${streamKey}}:dedup:*`, 'COUNT', 1000);
    keys.push(...found);
    cursor = next;
  } while (cursor !== '0');
  await redis.del(...keys);
}

export function uniqueStreamKey(): string {
  return `test:triggers:${randomUUID()}`;
}

/** A BigCommerce callback body as the sandbox and BigCommerce send it. */
export function webhookBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    scope: 'store/product/updated',
    store_id: '1001',
    data: { type: 'product', id: 111 },
    hash: randomUUID().replace(/-/g, '').slice(0, 40),
    created_at: 1_700_000_000,
    producer: 'stores/teststore',
    ...overrides,
  };
}

export async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await listen(server);
  const { port } = server.address() as AddressInfo;
  await closeServer(server);
  return port;
}

/**
 * A local HTTP server that hands every request to a Fetch-style handler, the way Next calls a route handler.
 * The sandbox delivers webhooks to it.
 */
export function fetchHandlerServer(handler: (request: Request) => Promise<Response>): Server {
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string') headers.set(name, value);
        else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
      }
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
      const request = new Request(`http://127.0.0.1${req.url ?? '/'}`, { method: req.method ?? 'GET', headers, body });
      handler(request)
        .then(async (response) => {
          res.writeHead(response.status, Object.fromEntries(response.headers));
          res.end(Buffer.from(await response.arrayBuffer()));
        })
        .catch((error: unknown) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(String(error));
        });
    });
  });
}
