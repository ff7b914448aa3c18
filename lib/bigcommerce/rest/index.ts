// The one BigCommerce REST Management API client (v2 + v3). Usable from Next server code and from
// plain Node scripts (the sync worker), so it deliberately does not import 'server-only'.
export { createBigCommerceRestClient, type BigCommerceRestClient } from './client';
export type {
  BigCommerceRestClientOptions,
  CallOptions,
  HttpMethod,
  RequestOptions,
  SchemaOption,
} from './types';
export { BigCommerceApiError, isBigCommerceApiError, type BigCommerceErrorKind } from './errors';
export type { BigCommerceErrorBody } from './error-body';
export type { BigCommerceRestEvent, BigCommerceRestEventHandler } from './events';
export type { RateLimitSnapshot } from './rate-limit-budget';
export type { Sleep } from './clock';
export type { QueryParams, QueryValue } from './url';
export { MAX_PAGE_LIMIT } from './pagination';
export * from './schemas';
