/**
 * Shared pieces of the record API: the request context, reference objects (`{id, refName, links}`), body field
 * readers that fail with INVALID_CONTENT + `o:errorPath`, and response shaping (`fields`, `simpleEnumFormat`, null
 * fields omitted).
 */
import type { Db } from '../db';
import { NsHttpError } from '../errors';
import { isPlainObject } from '../http';

export interface RecordContext {
  db: Db;
  /** `http://host:port/services/rest` */
  restBase: string;
  query: URLSearchParams;
  /** `X-NetSuite-PropertyNameValidation: Error` makes unknown body fields fail instead of being ignored. */
  strictPropertyNames: boolean;
  /** The request's Accept header (the metadata catalog answers by media type). */
  accept?: string;
}

export type Json = Record<string, unknown>;
/** A Postgres transaction handle or the db itself: both have `query`. */
export type Queryable = Pick<Db, 'query'>;

export function selfLink(ctx: RecordContext, path: string): { rel: string; href: string }[] {
  return [{ rel: 'self', href: `${ctx.restBase}/record/v1/${path}` }];
}

export function ref(ctx: RecordContext, type: string, id: number | string | null | undefined, refName?: string | null): Json | undefined {
  if (id === null || id === undefined) return undefined;
  return { links: selfLink(ctx, `${type}/${id}`), id: String(id), ...(refName ? { refName } : {}) };
}

export function enumValue(id: string, refName: string): Json {
  return { id, refName };
}

/** Reads `{ "id": "123" }` or `{ "id": 123 }`; undefined when absent. */
export function readRefId(body: Json, key: string, path: string = key): number | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (isPlainObject(value)) {
    const id = value['id'];
    if ((typeof id === 'string' && /^-?\d+$/.test(id)) || (typeof id === 'number' && Number.isInteger(id))) return Number(id);
  }
  throw invalidContent(`Invalid reference for field ${key}; expected {"id": "<internal id>"}.`, path);
}

export function readEnumId(body: Json, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (isPlainObject(value) && typeof value['id'] === 'string') return value['id'];
  throw invalidContent(`Invalid value for field ${key}; expected {"id": "<code>"}.`, key);
}

export function readNumber(body: Json, key: string, path: string = key): number | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  // The pricing sublist writes quantity as {"value": 5} (§4.7.A); accept that form too.
  const raw = isPlainObject(value) ? value['value'] : value;
  if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
  throw invalidContent(`Invalid number for field ${key}.`, path);
}

export function readString(body: Json, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  throw invalidContent(`Invalid string for field ${key}.`, key);
}

export function invalidContent(detail: string, path?: string): NsHttpError {
  return new NsHttpError(400, 'INVALID_CONTENT', `Error while accessing resource: ${detail}`, path ? { 'o:errorPath': path } : {});
}

/** The documented wording for a bad reference (§4.5 sample). */
export function invalidFieldValue(value: number | string, field: string, path: string): NsHttpError {
  return invalidContent(`You have entered an Invalid Field Value ${value} for the following field: ${field}`, path);
}

export function checkPropertyNames(ctx: RecordContext, body: Json, allowed: readonly string[], prefix = ''): void {
  if (!ctx.strictPropertyNames) return;
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) throw invalidContent(`Unknown field name ${prefix}${key}.`, `${prefix}${key}`);
  }
}

/** Applies `fields=` and `simpleEnumFormat=true`, and drops undefined/null fields (NetSuite omits nulls). */
export function shape(ctx: RecordContext, record: Json, enumKeys: readonly string[]): Json {
  const fieldsParam = ctx.query.get('fields');
  const wanted = fieldsParam ? new Set(fieldsParam.split(',').map((f) => f.trim())) : null;
  const simpleEnums = ctx.query.get('simpleEnumFormat') === 'true';
  const out: Json = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined || value === null) continue;
    if (wanted && key !== 'links' && key !== 'id' && !wanted.has(key)) continue;
    out[key] = simpleEnums && enumKeys.includes(key) && isPlainObject(value) ? value['id'] : value;
  }
  return out;
}

export function expandSubResources(ctx: RecordContext): boolean {
  return ctx.query.get('expandSubResources') === 'true';
}

/** A sublist as GET returns it: a link stub, or with `expandSubResources=true` the full collection shape. */
export function sublist(ctx: RecordContext, path: string, items: Json[]): Json {
  if (!expandSubResources(ctx)) return { links: selfLink(ctx, path) };
  return { links: selfLink(ctx, path), items, count: items.length, hasMore: false, offset: 0, totalResults: items.length };
}

/** Numeric columns arrive as strings from Postgres; JSON record fields are numbers. */
export function num(value: unknown): number | undefined {
  if (value === null || value === undefined) return undefined;
  return Number(value);
}

export function isoDate(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  const d = value instanceof Date ? value : new Date(String(value));
  return d.toISOString().slice(0, 10);
}

export function isoDateTime(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  const d = value instanceof Date ? value : new Date(String(value));
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
