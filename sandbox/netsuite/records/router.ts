/**
 * `/record/v1/…` routing: record types matched case-insensitively (§4.1), internal ids and `eid:` keys, collection
 * paging and the `q` filter (§4.4.1), POST → 204 + Location, PUT `eid:` upsert (the only way to upsert, §4.7.D),
 * PATCH, sub-resource GET, `!transform`, and the metadata catalog.
 */
import { NsHttpError, nonexistentId } from '../errors';
import { isPlainObject } from '../http';
import { envelope, parsePageRequest } from '../paging';
import { listIds, resolveId, type RecordKey } from './collection';
import type { Json, RecordContext } from './common';
import { compileFilter } from './filter';
import { metadataCatalog } from './metadata';
import { recordType } from './registry';

/** What the server should send: a JSON body, or 204 with a Location. */
export type RecordResult = { status: 200; body: unknown; collection?: boolean; contentType?: string } | { status: 204; location: string };

const EXTERNAL_ID = /^[A-Za-z0-9_-]+$/;

function parseKey(raw: string): RecordKey {
  if (/^\d+$/.test(raw)) return { internalId: Number(raw) };
  if (raw.startsWith('eid:')) {
    const externalId = raw.slice(4);
    // "letters, numbers, underscore and hyphen" [V NS-EID]; `|` would be read as a multi-select delimiter.
    if (EXTERNAL_ID.test(externalId)) return { externalId };
  }
  throw new NsHttpError(400, 'INVALID_ID', `The record instance ID ${raw} is not valid.`); // [I] code name
}

function keyText(key: RecordKey): string {
  return 'internalId' in key ? String(key.internalId) : `eid:${key.externalId}`;
}

function notAllowed(method: string, path: string): NsHttpError {
  return new NsHttpError(405, 'METHOD_NOT_ALLOWED', `The ${method} method is not supported for ${path} by the emulator.`);
}

function asBody(body: unknown): Json {
  if (!isPlainObject(body)) throw new NsHttpError(400, 'INVALID_CONTENT', 'The request body must be a JSON object.');
  return body;
}

/** Postgres unique violations on externalid become NetSuite-style content errors ([I] wording). */
async function mapDbErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if ((error as { code?: string }).code === '23505') {
      throw new NsHttpError(400, 'INVALID_CONTENT', 'Error while accessing resource: A record with this external ID already exists.', { 'o:errorPath': 'externalId' });
    }
    throw error;
  }
}

export async function routeRecord(ctx: RecordContext, method: string, segments: string[], body: unknown, selfUrl: URL): Promise<RecordResult> {
  const [typeName, rawKey, third, fourth, ...rest] = segments;
  if (typeName?.toLowerCase() === 'metadata-catalog' && third === undefined) {
    if (method !== 'GET') throw notAllowed(method, 'metadata-catalog');
    const { body: catalog, contentType } = metadataCatalog(ctx, rawKey);
    return { status: 200, body: catalog, contentType };
  }
  const type = typeName === undefined ? undefined : recordType(typeName);
  if (!type || rest.length > 0) {
    throw new NsHttpError(404, 'NONEXISTENT_ID', `Record type ${typeName ?? '(none)'} is not available in the emulator.`);
  }
  const location = (id: number, t: string = type.name): string => `${ctx.restBase}/record/v1/${t}/${id}`;

  if (rawKey === undefined) {
    if (method === 'GET') {
      const page = parsePageRequest(ctx.query);
      const q = ctx.query.get('q');
      const filter = q === null ? null : compileFilter(q, type.fields);
      const { ids, total } = await listIds(ctx, type, page, filter);
      const items = ids.map((id) => ({ links: [{ rel: 'self', href: location(id) }], id: String(id) }));
      return { status: 200, body: envelope(selfUrl, page, total, items), collection: true };
    }
    if (method === 'POST' && type.create) {
      const create = type.create;
      const id = await mapDbErrors(() => create(ctx, asBody(body)));
      return { status: 204, location: location(id) };
    }
    throw notAllowed(method, type.name);
  }

  const key = parseKey(rawKey);
  if (third === undefined) {
    if (method === 'PUT') {
      // "You can only use the upsert operation when you use an external ID in the request URL and … PUT."
      if (!('externalId' in key)) throw new NsHttpError(400, 'INVALID_REQUEST', 'Upsert requires an external ID (eid:) in the URL.');
      if (!type.create || !type.update) throw notAllowed(method, type.name);
      const { create, update } = type;
      const existing = await resolveId(ctx, type, key);
      if (existing !== null) {
        await mapDbErrors(() => update(ctx, existing, asBody(body)));
        return { status: 204, location: location(existing) }; // [I] Location on PUT
      }
      const id = await mapDbErrors(() => create(ctx, asBody(body), key.externalId));
      return { status: 204, location: location(id) };
    }
    const id = await resolveId(ctx, type, key);
    if (id === null) throw nonexistentId(type.name, keyText(key));
    if (method === 'GET') return { status: 200, body: await type.get(ctx, id) };
    if (method === 'PATCH' && type.update) {
      const update = type.update;
      await mapDbErrors(() => update(ctx, id, asBody(body)));
      return { status: 204, location: location(id) };
    }
    throw notAllowed(method, type.name);
  }

  const id = await resolveId(ctx, type, key);
  if (id === null) throw nonexistentId(type.name, keyText(key));
  if (third === '!transform' && fourth !== undefined && method === 'POST' && type.transform) {
    const result = await type.transform(ctx, id, fourth, body === undefined ? {} : asBody(body));
    return { status: 204, location: location(result.id, result.type) };
  }
  if (fourth === undefined && method === 'GET' && type.getSublist) {
    const sub = await type.getSublist(ctx, id, third);
    if (sub) return { status: 200, body: sub };
  }
  throw notAllowed(method, `${type.name}/${third}`);
}
