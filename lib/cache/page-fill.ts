import 'server-only';
import { headers } from 'next/headers';
import type { CacheProfile } from './manifest';

/**
 * What a page render read, while the page cache renders a page to keep it (page-cache.ts). The render is an
 * ordinary request carrying a fill id in a header; every cache read during it reports its tags and profile here,
 * so the kept HTML is dropped by exactly the invalidations that drop its data. A render that read anything the
 * cache could not vouch for (a failed load, a viewer whose pricing context is unknown) refuses the fill.
 */
export const PAGE_FILL_HEADER = 'x-storefront-page-fill';

export interface PageFill {
  tags: Set<string>;
  /** The shortest TTL among the profiles read: the page lives no longer than its most short-lived data. */
  ttlSeconds: number;
  /** Set once a catalog page's data layer says the page may be kept (catalogPageMayBeKept). */
  keepable: boolean;
  /** Why the page must not be kept, once anything says so. */
  refused: string | null;
}

const HOLDER = Symbol.for('b2b-storefront.page-fills');
const fills = (): Map<string, PageFill> => ((globalThis as unknown as Record<symbol, Map<string, PageFill>>)[HOLDER] ??= new Map());

export function openPageFill(id: string, maxTtlSeconds: number): void {
  fills().set(id, { tags: new Set(), ttlSeconds: maxTtlSeconds, keepable: false, refused: null });
}

export function closePageFill(id: string): PageFill | undefined {
  const fill = fills().get(id);
  fills().delete(id);
  return fill;
}

/** The fill the current request renders for, if it is one. Outside a request (tests, scripts) there is none. */
async function currentPageFill(): Promise<PageFill | undefined> {
  if (fills().size === 0) return undefined;
  try {
    const id = (await headers()).get(PAGE_FILL_HEADER);
    return id ? fills().get(id) : undefined;
  } catch {
    return undefined;
  }
}

export async function notePageReads(tags: Iterable<string>, profiles: Iterable<CacheProfile>): Promise<void> {
  const fill = await currentPageFill();
  if (!fill) return;
  for (const tag of tags) fill.tags.add(tag);
  for (const profile of profiles) fill.ttlSeconds = Math.min(fill.ttlSeconds, profile.ttlSeconds);
}

export async function refusePageFill(reason: string): Promise<void> {
  const fill = await currentPageFill();
  if (fill) fill.refused ??= reason;
}

/**
 * Called by the data layer of pages whose every read goes through the cache (catalog product and category
 * pages): only those may be kept. Anything else a page shows is either part of the session (the page cache keys
 * by it) or changes only by the buyer's own requests, which drop their kept pages (page-cache.ts).
 */
export async function catalogPageMayBeKept(): Promise<void> {
  const fill = await currentPageFill();
  if (fill) fill.keepable = true;
}
