import { randomUUID } from 'node:crypto';
import { v3Error } from '../../http/errors';
import type { SandboxResponse } from '../../http/types';

/** Inventory and Locations answer errors as `application/problem+json` (their specs say so). */
export function problem(status: number, title: string, errors: Record<string, unknown> = {}): SandboxResponse {
  const response = v3Error(status, title, errors);
  return { ...response, headers: { ...response.headers, 'content-type': 'application/problem+json' } };
}

/** Inventory writes are asynchronous at BigCommerce and answer only with a transaction id. */
export function transaction(): SandboxResponse {
  return { status: 200, body: { transaction_id: randomUUID() } };
}

export const MAX_UNITS = 2_147_483_647;

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/** `page`/`limit` for inventory reads: default 50; "limit of 1000 items for payload length". */
export function readInventoryPage(query: URLSearchParams): { page: number; limit: number } | SandboxResponse {
  const page = query.has('page') ? Number(query.get('page')) : 1;
  const limit = query.has('limit') ? Number(query.get('limit')) : 50;
  if (!Number.isInteger(page) || page < 1) return problem(422, 'Invalid page parameter', { page: 'must be a positive integer' });
  if (!Number.isInteger(limit) || limit < 1) return problem(422, 'Invalid limit parameter', { limit: 'must be a positive integer' });
  return { page, limit: Math.min(limit, 1000) };
}
