/**
 * NetSuite's paging rules and envelope, shared by SuiteQL and record collections (§4.4): `limit` 1..1000 (default
 * 1000), `offset` a multiple of `limit`, at most 100,000 results reachable, links first/prev/next/last/self.
 */
import { NsHttpError } from './errors';

export interface PageRequest {
  limit: number;
  offset: number;
}

export const MAX_LIMIT = 1000;
export const RESULT_CAP = 100_000;

function intParam(raw: string | null, name: string): number | null {
  if (raw === null) return null;
  if (!/^\d+$/.test(raw)) {
    throw new NsHttpError(400, 'INVALID_PARAMETER', `Invalid value for the ${name} query parameter: ${raw}.`, {
      'o:errorQueryParam': name,
    });
  }
  return Number(raw);
}

export function parsePageRequest(params: URLSearchParams, cap: number = RESULT_CAP): PageRequest {
  const limit = intParam(params.get('limit'), 'limit') ?? MAX_LIMIT;
  const offset = intParam(params.get('offset'), 'offset') ?? 0;
  if (limit < 1 || limit > MAX_LIMIT) {
    throw new NsHttpError(400, 'INVALID_PARAMETER', `The limit query parameter must be between 1 and ${MAX_LIMIT}.`, {
      'o:errorQueryParam': 'limit',
    });
  }
  // [V3] offset must be a multiple of limit; [I] the code name.
  if (offset % limit !== 0) {
    throw new NsHttpError(400, 'INVALID_PARAMETER', 'The offset query parameter must be a multiple of the limit query parameter.', {
      'o:errorQueryParam': 'offset',
    });
  }
  // [I] NetSuite's behaviour past the cap isn't documented; refusing makes a client that ignores the cap fail loudly.
  if (offset >= cap) {
    throw new NsHttpError(400, 'INVALID_PARAMETER', `Only the first ${cap} results can be paged through; use keyset paging.`, {
      'o:errorQueryParam': 'offset',
    });
  }
  return { limit, offset };
}

export interface Envelope<T> {
  links: { rel: string; href: string }[];
  count: number;
  hasMore: boolean;
  offset: number;
  totalResults: number;
  items: T[];
}

/** `selfUrl` is the request URL; link hrefs differ from it only in limit/offset. */
export function envelope<T>(selfUrl: URL, page: PageRequest, totalResults: number, items: T[], cap: number = RESULT_CAP): Envelope<T> {
  const reachable = Math.min(totalResults, cap);
  const hasMore = page.offset + items.length < reachable;
  const at = (offset: number): string => {
    const url = new URL(selfUrl);
    url.searchParams.set('limit', String(page.limit));
    url.searchParams.set('offset', String(offset));
    return url.toString();
  };
  const lastOffset = reachable === 0 ? 0 : Math.floor((reachable - 1) / page.limit) * page.limit;
  const links: { rel: string; href: string }[] = [];
  if (page.offset > 0) {
    links.push({ rel: 'first', href: at(0) }, { rel: 'previous', href: at(Math.max(0, page.offset - page.limit)) });
  }
  if (hasMore) links.push({ rel: 'next', href: at(page.offset + page.limit) });
  links.push({ rel: 'last', href: at(lastOffset) }, { rel: 'self', href: selfUrl.toString() });
  return { links, count: items.length, hasMore, offset: page.offset, totalResults, items };
}
