import { v3Error } from './errors';
import type { SandboxResponse } from './types';

const MAX_LIMIT = 250;

export interface PageRequest {
  page: number;
  limit: number;
}

/** Reads `page`/`limit` the way v3 does: defaults 1/50, limit capped at 250; junk → 422-style error. */
export function readPage(query: URLSearchParams, defaultLimit = 50): PageRequest | SandboxResponse {
  const page = query.has('page') ? Number(query.get('page')) : 1;
  const limit = query.has('limit') ? Number(query.get('limit')) : defaultLimit;
  if (!Number.isInteger(page) || page < 1) return v3Error(422, 'Invalid page parameter', { page: 'must be a positive integer' });
  if (!Number.isInteger(limit) || limit < 1) return v3Error(422, 'Invalid limit parameter', { limit: 'must be a positive integer' });
  return { page, limit: Math.min(limit, MAX_LIMIT) };
}

export function isResponse(value: PageRequest | SandboxResponse): value is SandboxResponse {
  return 'status' in value;
}

/** The v3 list envelope: `{ data, meta: { pagination } }` with links in BigCommerce's `?limit=&page=` form. */
export function v3Page<T>(items: readonly T[], { page, limit }: PageRequest, extraQuery = ''): SandboxResponse {
  const total = items.length;
  const totalPages = Math.max(1, Math.ceil(total / limit));
  const data = items.slice((page - 1) * limit, page * limit);
  const link = (p: number) => `?limit=${limit}&page=${p}${extraQuery}`;
  return {
    status: 200,
    body: {
      data,
      meta: {
        pagination: {
          total,
          count: data.length,
          per_page: limit,
          current_page: page,
          total_pages: totalPages,
          links: {
            ...(page > 1 ? { previous: link(page - 1) } : {}),
            current: link(page),
            ...(page < totalPages ? { next: link(page + 1) } : {}),
          },
        },
      },
    },
  };
}

/** v2 lists are bare arrays; past the last page BigCommerce answers 204 No Content. */
export function v2Page<T>(items: readonly T[], { page, limit }: PageRequest): SandboxResponse {
  const data = items.slice((page - 1) * limit, page * limit);
  if (data.length === 0) return { status: 204 };
  return { status: 200, body: data };
}

export function single<T>(data: T): SandboxResponse {
  return { status: 200, body: { data, meta: {} } };
}
