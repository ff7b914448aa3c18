import { BigCommerceApiError } from './errors';
import type { V3Response } from './schemas/v3-envelope';
import type { QueryParams } from './url';

/** BigCommerce caps `limit` at 250 on v2 and v3 lists; we default to the cap to save requests. */
export const MAX_PAGE_LIMIT = 250;

export function pageLimit(query: QueryParams | undefined): number {
  const requested = Number(query?.limit ?? MAX_PAGE_LIMIT);
  if (!Number.isInteger(requested) || requested < 1) return MAX_PAGE_LIMIT;
  return Math.min(requested, MAX_PAGE_LIMIT);
}

function firstPage(query: QueryParams | undefined): number {
  const page = Number(query?.page ?? 1);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/**
 * Walks a v3 collection by `page`/`limit` until `meta.pagination.current_page >= total_pages`.
 * Passing `page` makes BigCommerce answer with offset `pagination` only (price lists would
 * otherwise add `cursor_pagination`). Stops early on an empty page, and refuses to loop forever
 * if the server ignores `page`.
 */
export async function* walkV3Pages<T>(
  fetchPage: (query: QueryParams) => Promise<V3Response<T[]>>,
  context: { method: string; path: string },
  query: QueryParams | undefined,
): AsyncGenerator<T[], void, undefined> {
  const limit = pageLimit(query);
  for (let page = firstPage(query); ; page += 1) {
    const { data, meta } = await fetchPage({ ...query, page, limit });
    if (data.length > 0) yield data;
    const pagination = meta.pagination;
    if (pagination === undefined) {
      // No offset meta (shouldn't happen when `page` is sent): fall back to the short-page rule.
      if (data.length < limit) return;
      continue;
    }
    if (pagination.current_page !== page) {
      throw new BigCommerceApiError({
        kind: 'upstream',
        message: `${context.method} ${context.path} → asked for page ${page} but got current_page ${pagination.current_page}; stopping so the walk cannot loop`,
        status: 200,
        method: context.method,
        path: context.path,
        body: { shape: 'none' },
        attempts: 1,
      });
    }
    if (data.length === 0 || pagination.current_page >= pagination.total_pages) return;
  }
}

/**
 * Walks a v2 bare-array collection by `page`/`limit`. v2 has no meta, so the end is a 204 No
 * Content (what BigCommerce sends past the last page), an empty array, or a short page (saves
 * the extra request that would only return 204).
 */
export async function* walkV2Pages<T>(
  fetchPage: (query: QueryParams) => Promise<T[] | undefined>,
  query: QueryParams | undefined,
): AsyncGenerator<T[], void, undefined> {
  const limit = pageLimit(query);
  for (let page = firstPage(query); ; page += 1) {
    const rows = await fetchPage({ ...query, page, limit });
    if (rows === undefined || rows.length === 0) return;
    yield rows;
    if (rows.length < limit) return;
  }
}
