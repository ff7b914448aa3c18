import { isResponse, readPage } from '../../http/pagination';
import type { SandboxResponse } from '../../http/types';
import { badQuery } from './shared';

/**
 * Price Lists' two paging styles (FACTS §5): `page` → only `meta.pagination`; `before`/`after` → only
 * `meta.cursor_pagination`; neither (or only `limit`) → both. Cursors are opaque base64 strings over a sort key
 * that orders the collection, so a cursor stays valid after its own row is deleted.
 */
export interface PagingRequest {
  limit: number;
  page: number;
  mode: 'page' | 'cursor' | 'both';
  after?: string;
  before?: string;
}

export function readPaging(query: URLSearchParams): PagingRequest | SandboxResponse {
  const base = readPage(query);
  if (isResponse(base)) return base;
  const after = query.get('after') ?? undefined;
  const before = query.get('before') ?? undefined;
  const hasPage = query.has('page');
  if (after !== undefined && before !== undefined) return badQuery("'before' cannot be used with 'after'", 'before');
  if (hasPage && (after !== undefined || before !== undefined)) return badQuery("cursor parameters cannot be used with 'page'", 'page');
  const mode = hasPage ? 'page' : after !== undefined || before !== undefined ? 'cursor' : 'both';
  return { ...base, mode, ...(after !== undefined ? { after: decode(after) } : {}), ...(before !== undefined ? { before: decode(before) } : {}) };
}

export function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64');
}

function decode(cursor: string): string {
  return Buffer.from(cursor, 'base64').toString('utf8');
}

/** Zero-padded so string order equals numeric order. */
export function idKey(id: number): string {
  return String(id).padStart(12, '0');
}

/** `items` must already be sorted by `keyOf` ascending. */
export function pagedList<T>(items: readonly T[], keyOf: (item: T) => string, paging: PagingRequest, extraQuery = ''): SandboxResponse {
  const meta: Record<string, unknown> = {};
  let data: readonly T[];
  if (paging.mode === 'cursor') {
    data = cursorSlice(items, keyOf, paging);
  } else {
    data = items.slice((paging.page - 1) * paging.limit, paging.page * paging.limit);
    const totalPages = Math.max(1, Math.ceil(items.length / paging.limit));
    const link = (p: number) => `?limit=${paging.limit}&page=${p}${extraQuery}`;
    meta.pagination = {
      total: items.length,
      count: data.length,
      per_page: paging.limit,
      current_page: paging.page,
      total_pages: totalPages,
      links: {
        ...(paging.page > 1 ? { previous: link(paging.page - 1) } : {}),
        current: link(paging.page),
        ...(paging.page < totalPages ? { next: link(paging.page + 1) } : {}),
      },
    };
  }
  if (paging.mode !== 'page') meta.cursor_pagination = cursorMeta(items, data, keyOf, paging, extraQuery);
  return { status: 200, body: { data, meta } };
}

function cursorSlice<T>(items: readonly T[], keyOf: (item: T) => string, paging: PagingRequest): readonly T[] {
  if (paging.before !== undefined) {
    const before = paging.before;
    const earlier = items.filter((item) => keyOf(item) < before);
    return earlier.slice(Math.max(0, earlier.length - paging.limit));
  }
  const after = paging.after;
  const later = after === undefined ? items : items.filter((item) => keyOf(item) > after);
  return later.slice(0, paging.limit);
}

function cursorMeta<T>(
  all: readonly T[],
  data: readonly T[],
  keyOf: (item: T) => string,
  paging: PagingRequest,
  extraQuery: string,
): Record<string, unknown> {
  const first = data[0];
  const last = data[data.length - 1];
  const start = first === undefined ? undefined : keyOf(first);
  const end = last === undefined ? undefined : keyOf(last);
  const current =
    paging.after !== undefined
      ? `?limit=${paging.limit}&after=${encodeCursor(paging.after)}${extraQuery}`
      : paging.before !== undefined
        ? `?limit=${paging.limit}&before=${encodeCursor(paging.before)}${extraQuery}`
        : `?limit=${paging.limit}${extraQuery}`;
  const hasNext = end !== undefined && all.some((item) => keyOf(item) > end);
  const hasPrevious = start !== undefined && all.some((item) => keyOf(item) < start);
  return {
    count: data.length,
    per_page: paging.limit,
    ...(start !== undefined ? { start_cursor: encodeCursor(start) } : {}),
    ...(end !== undefined ? { end_cursor: encodeCursor(end) } : {}),
    links: {
      ...(hasPrevious && start !== undefined ? { previous: `?limit=${paging.limit}&before=${encodeCursor(start)}${extraQuery}` } : {}),
      current,
      ...(hasNext && end !== undefined ? { next: `?limit=${paging.limit}&after=${encodeCursor(end)}${extraQuery}` } : {}),
    },
  };
}
