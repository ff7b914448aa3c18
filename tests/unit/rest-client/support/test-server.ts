import type { BigCommerceRestClientOptions, BigCommerceRestEvent } from '@/lib/bigcommerce/rest';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Sleep } from '@/lib/bigcommerce/rest';

/** What the test server saw, in arrival order. */
export interface RecordedRequest {
  index: number;
  method: string;
  /** Full path including `/stores/{hash}`, without the query. */
  path: string;
  rawUrl: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Handler = (req: RecordedRequest, res: ServerResponse) => void | Promise<void>;

export interface TestServer {
  /** Pass as `apiUrl`. */
  url: string;
  requests: RecordedRequest[];
  /** Replace the handler (scripted per test). */
  handle(handler: Handler): void;
  close(): Promise<void>;
}

export async function startTestServer(handler: Handler = (_req, res) => json(res, 200, {})): Promise<TestServer> {
  let current = handler;
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const recorded: RecordedRequest = {
        index: requests.length,
        method: req.method ?? '',
        path: url.pathname,
        rawUrl: req.url ?? '',
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      void Promise.resolve(current(recorded, res)).catch((error: unknown) => {
        res.statusCode = 599;
        res.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle(next) {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string | number> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(text);
}

export function rateHeaders(left: number, quota: number, resetMs: number, windowMs = 30_000): Record<string, number> {
  // Mixed case on purpose: the client must read them case-insensitively.
  return {
    'X-Rate-Limit-Requests-Left': left,
    'X-Rate-Limit-Requests-Quota': quota,
    'X-Rate-Limit-Time-Reset-Ms': resetMs,
    'X-Rate-Limit-Time-Window-Ms': windowMs,
  };
}

/**
 * Deterministic time: `sleep` records the requested wait and jumps the clock instead of waiting.
 * A sleep aborted before it resolves does not move the clock. The test server can read `now()` too,
 * so client and server agree on when a rate-limit window resets.
 */
export interface FakeClock {
  now: () => number;
  sleep: Sleep;
  /** Every wait the client asked for, in order. */
  sleeps: number[];
}

export function fakeClock(start = 1_000_000): FakeClock {
  let t = start;
  const sleeps: number[] = [];
  const sleep: Sleep = (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      sleeps.push(ms);
      const target = t + ms;
      setImmediate(() => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        t = Math.max(t, target);
        resolve();
      });
    });
  return { now: () => t, sleep, sleeps };
}

export const TOKEN = 'tok_SECRET_1234567890abcdef';
export const STORE_HASH = 'abc123';
export const STORE_PREFIX = `/stores/${STORE_HASH}`;

/** Client options wired to the test server and the fake clock, with deterministic jitter; events recorded when given. */
export function testClientOptions(server: TestServer, clock: FakeClock, events?: BigCommerceRestEvent[]): BigCommerceRestClientOptions {
  return {
    apiUrl: server.url,
    storeHash: STORE_HASH,
    accessToken: TOKEN,
    sleep: clock.sleep,
    now: clock.now,
    random: () => 0.5,
    ...(events ? { onEvent: (e: BigCommerceRestEvent) => events.push(e) } : {}),
  };
}
