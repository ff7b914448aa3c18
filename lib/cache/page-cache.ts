import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { SESSION_COOKIE_NAME } from '@/lib/session/session';
import { ensureFollowing } from './follower';
import { invalidateTags } from './invalidate';
import { cacheEntries, PROFILES, tags } from './manifest';
import { closePageFill, openPageFill, PAGE_FILL_HEADER } from './page-fill';
import { cacheRuntime, dropLocally, invalidatedSince, type CacheRuntime } from './runtime';

/**
 * Whole catalog pages (product and category) kept in process memory per session, served by the proxy without
 * rendering. Rendering a page costs far more than its data once the data is cached; a kept page costs a lookup.
 *
 * - Keyed by a digest of the session cookie, so a page is only ever served back to the session it was rendered
 *   for: the header names the buyer, so pages are per buyer even where their data is per pricing context.
 * - A miss is rendered the ordinary way for the visitor; the proxy then renders it once more in the background
 *   (a request to this server carrying a fill id) to keep it. Every cache read of that render reports its tags
 *   (page-fill.ts), so the page is dropped by exactly the invalidations that drop its data, and lives no longer
 *   than the shortest-lived data it shows. A render that read anything uncached, failed, or was overtaken by an
 *   invalidation is not kept; neither is anything but a 200 HTML answer of a page that declared itself keepable.
 * - Any other request of the session that may change something (a POST: server actions, sign-out, the cart)
 *   drops that session's pages here at once and in every instance through the invalidation stream.
 * - Full-page loads only: the router's RSC requests are rendered as usual (next.config.mjs `skipProxyUrlNormalize`
 *   lets the proxy see their headers).
 * - Only in production (`next start`): in development pages change with the code.
 */

/**
 * Encoded once when kept. Not compressed: Next compresses what the proxy answers itself (and drops a
 * Content-Encoding the proxy sets), so a pre-compressed body would reach the browser compressed twice.
 */
interface KeptPage {
  body: Uint8Array<ArrayBuffer>;
  headers: [string, string][];
}

const REPLAYED_HEADERS = ['content-type', 'cache-control', 'vary', 'link', 'x-robots-tag'];

const MAX_CONCURRENT_FILLS = 4;
const FILL_TIMEOUT_MS = 15_000;
const GUEST_SESSION = 'guest';
/** The session cookie's value, read straight from the header: this runs on every page request. */
const SESSION_COOKIE = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE_NAME}=([^;]*)`);

/** Pages being rendered to keep, and URLs that answered with something not to keep (a cart, a redirect), until when. */
interface FillState {
  inFlight: Set<string>;
  notKeepable: Map<string, number>;
}
const HOLDER = Symbol.for('b2b-storefront.page-fill-state');
const fillState = (): FillState => ((globalThis as unknown as Record<symbol, FillState>)[HOLDER] ??= { inFlight: new Set(), notKeepable: new Map() });
const MAX_REMEMBERED_URLS = 10_000;

export function pageCacheProxy(request: NextRequest, event: NextFetchEvent): Response {
  if (process.env.NODE_ENV !== 'production' || request.headers.has(PAGE_FILL_HEADER)) return NextResponse.next();
  const session = sessionDigest(request);
  const runtime = cacheRuntime();
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    if (session !== GUEST_SESSION) forgetSession(runtime, session, event);
    return NextResponse.next();
  }
  if (!isDocumentRequest(request)) return NextResponse.next();
  const url = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  const entry = cacheEntries.page<KeptPage>(runtime.store, session, url);
  const kept = runtime.pages.get<KeptPage>(entry.key, Date.now());
  if (kept) {
    runtime.health.counters.pageHits++;
    return new Response(kept.value.body, { status: 200, headers: kept.value.headers });
  }
  runtime.health.counters.pageMisses++;
  if (request.method === 'GET' && !((fillState().notKeepable.get(url) ?? 0) > Date.now())) {
    event.waitUntil(fillPage(runtime, entry.key, url, request.headers.get('cookie'), tags.session(session)));
  }
  return NextResponse.next();
}

function withoutAcceptEncoding(vary: string | null): string | null {
  const kept = (vary ?? '').split(',').map((v) => v.trim()).filter((v) => v !== '' && v.toLowerCase() !== 'accept-encoding');
  return kept.length > 0 ? kept.join(', ') : null;
}

/** Full HTML documents only: not the router's RSC requests or prefetches, not API routes. */
function isDocumentRequest(request: NextRequest): boolean {
  const { pathname, searchParams } = request.nextUrl;
  if (pathname.startsWith('/api/') || pathname.startsWith('/_next/') || searchParams.has('_rsc')) return false;
  return !['rsc', 'next-router-prefetch', 'next-router-state-tree', 'next-router-segment-prefetch', 'next-action'].some((header) => request.headers.has(header));
}

function sessionDigest(request: NextRequest): string {
  const cookie = SESSION_COOKIE.exec(request.headers.get('cookie') ?? '')?.[1];
  return cookie ? createHash('sha256').update(cookie).digest('base64url') : GUEST_SESSION;
}

function forgetSession(runtime: CacheRuntime, session: string, event: NextFetchEvent): void {
  const tag = tags.session(session);
  dropLocally(runtime, [tag]);
  event.waitUntil(
    invalidateTags([tag], 'session request').catch((error: unknown) => {
      // Other instances still drop the session's pages within the page TTL.
      console.warn('[cache] could not announce a session change to other instances:', error instanceof Error ? error.message : error);
    }),
  );
}

async function fillPage(runtime: CacheRuntime, key: string, url: string, cookie: string | null, sessionTag: string): Promise<void> {
  const { inFlight, notKeepable } = fillState();
  if (inFlight.has(key) || inFlight.size >= MAX_CONCURRENT_FILLS) return;
  inFlight.add(key);
  ensureFollowing(runtime);
  const id = randomUUID();
  const started = Date.now();
  openPageFill(id, PROFILES.page.ttlSeconds);
  try {
    // This server itself, as `next start` records it (the request's own Host may be a load balancer's).
    const origin = process.env.__NEXT_PRIVATE_ORIGIN ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
    const response = await fetch(new URL(url, origin), {
      headers: { [PAGE_FILL_HEADER]: id, accept: 'text/html', ...(cookie ? { cookie } : {}) },
      redirect: 'manual',
      signal: AbortSignal.timeout(FILL_TIMEOUT_MS),
    });
    const html = await response.text();
    const fill = closePageFill(id);
    if (response.status !== 200 || fill?.keepable !== true) {
      // Not a page to keep at this URL (another route, a redirect, a 404): no render to keep it for a while.
      if (notKeepable.size >= MAX_REMEMBERED_URLS) notKeepable.clear();
      notKeepable.set(url, Date.now() + PROFILES.page.ttlSeconds * 1000);
    }
    const pageTags = [...(fill?.tags ?? []), sessionTag];
    const keepable =
      response.status === 200 &&
      (response.headers.get('content-type') ?? '').startsWith('text/html') &&
      !response.headers.has('set-cookie') &&
      fill?.keepable === true &&
      fill.refused === null &&
      !invalidatedSince(runtime, pageTags, started);
    if (!keepable || !fill) {
      runtime.health.counters.pagesRefused++;
      return;
    }
    const now = Date.now();
    const headers = REPLAYED_HEADERS.flatMap((name): [string, string][] => {
      // Next's compression adds Accept-Encoding to Vary on every answer, this one too.
      const value = name === 'vary' ? withoutAcceptEncoding(response.headers.get(name)) : response.headers.get(name);
      return value === null ? [] : [[name, value]];
    });
    headers.push(['x-storefront-cache', 'hit']);
    const body = new TextEncoder().encode(html);
    runtime.pages.set<KeptPage>(key, { value: { body, headers }, freshUntil: now + fill.ttlSeconds * 1000, expiresAt: now + fill.ttlSeconds * 1000, tags: pageTags, size: body.byteLength });
    runtime.health.counters.pagesStored++;
  } catch (error) {
    runtime.health.counters.pagesRefused++;
    console.warn(`[cache] could not keep ${url}:`, error instanceof Error ? error.message : error);
  } finally {
    closePageFill(id);
    inFlight.delete(key);
  }
}
