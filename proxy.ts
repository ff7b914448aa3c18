import type { NextFetchEvent, NextRequest } from 'next/server';
import { pageCacheProxy } from '@/lib/cache/page-cache';

/**
 * Serves kept catalog pages without rendering them, and lets requests that may change a session's pages drop
 * them (lib/cache/page-cache.ts). Everything else passes straight through.
 */
export function proxy(request: NextRequest, event: NextFetchEvent): Response {
  return pageCacheProxy(request, event);
}

export const config = {
  // Everything but static assets. API routes and `.html` paths (some stores' product URLs) are matched too: a POST
  // anywhere may change what a session's kept pages show.
  matcher: ['/((?!_next/static|_next/image|favicon\\.ico|.*\\.(?:js|css|map|png|jpe?g|gif|svg|webp|avif|ico|woff2?|ttf|txt|xml|json)$).*)'],
};
