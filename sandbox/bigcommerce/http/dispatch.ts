import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { FaultInjector } from '../faults';
import type { Router } from './router';
import type { StoreRateLimiter } from './rate-limit';
import { methodNotAllowed, tooManyRequests, unauthorized, v3Error } from './errors';
import type { SandboxContext, SandboxResponse } from './types';

/**
 * Serves `/stores/{store_hash}/(v2|v3)/…` the way the real Management API does, in this order: unknown store →
 * 404, bad token → 401, spent quota → 429, injected faults, malformed JSON → 400, then the route. Every
 * response, errors included, carries the rate-limit headers.
 */
export async function dispatchRest(
  req: IncomingMessage,
  url: URL,
  rawBody: string,
  deps: { router: Router; ctx: SandboxContext; rateLimiter: StoreRateLimiter; faults: FaultInjector },
): Promise<SandboxResponse> {
  const { router, ctx, rateLimiter, faults } = deps;
  const match = /^\/stores\/([^/]+)(\/v[23]\/.*)$/.exec(url.pathname);
  if (!match || match[1] !== ctx.settings.storeHash) return v3Error(404, 'Store not found');
  const path = (match[2] as string).replace(/\/+$/, '');

  if (!tokenMatches(req.headers['x-auth-token'], ctx.settings.accessToken)) return unauthorized();

  const limit = rateLimiter.take();
  const withLimitHeaders = (response: SandboxResponse): SandboxResponse => ({
    ...response,
    headers: { ...limit.headers, ...response.headers },
  });
  if (!limit.allowed) return withLimitHeaders(tooManyRequests());

  const latency = faults.latencyFor(path);
  if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
  const fault = faults.decide(path);
  if (fault.kind === 'storm429') {
    return withLimitHeaders({
      ...tooManyRequests(),
      headers: { 'x-rate-limit-requests-left': '0', 'x-retry-after': String(Math.ceil(Number(limit.headers['x-rate-limit-time-reset-ms']) / 1000)) },
    });
  }
  if (fault.kind === 'overload429') return tooManyRequests(); // deliberately without rate-limit headers
  if (fault.kind === 'error5xx') return withLimitHeaders(v3Error(fault.status, 'Internal Server Error (injected by the sandbox)'));

  let body: unknown;
  if (rawBody.length > 0) {
    try {
      body = JSON.parse(rawBody);
    } catch {
      return withLimitHeaders(v3Error(400, 'The request body is not valid JSON.', { body: 'malformed JSON' }));
    }
  }

  const route = router.match(req.method ?? 'GET', path);
  if (route === undefined) return withLimitHeaders(v3Error(404, 'Route not found'));
  if (route === 'method_not_allowed') return withLimitHeaders(methodNotAllowed());
  try {
    const response = await route.handler(
      { method: req.method ?? 'GET', path, params: route.params, query: url.searchParams, headers: req.headers, body },
      ctx,
    );
    return withLimitHeaders(response);
  } catch (error) {
    // A handler bug must look like BigCommerce's 500, never crash the sandbox.
    console.error('[sandbox] handler error', req.method, path, error);
    return withLimitHeaders(v3Error(500, 'Internal Server Error'));
  }
}

function tokenMatches(header: string | string[] | undefined, expected: string): boolean {
  if (typeof header !== 'string') return false;
  const a = Buffer.from(header);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function readBody(req: IncomingMessage, maxBytes = 20 * 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) throw new Error('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function send(res: ServerResponse, response: SandboxResponse): void {
  const headers: Record<string, string> = { ...response.headers };
  let payload = '';
  if (response.rawBody !== undefined) payload = response.rawBody;
  else if (response.body !== undefined && response.status !== 204) {
    payload = JSON.stringify(response.body);
    headers['content-type'] ??= 'application/json';
  }
  res.writeHead(response.status, headers);
  res.end(payload);
}
