/**
 * The metadata catalog as far as the contract sheet describes it (§4.1, from [V3 NS-PY] `openapi()`/`jsonschema()`):
 * - `GET /record/v1/metadata-catalog[?select=a,b]` with `Accept: application/swagger+json` → OpenAPI 3.0 for every
 *   record type, or for those selected;
 * - `GET /record/v1/metadata-catalog/{type}` with `Accept: application/schema+json` → the type's JSON Schema
 *   (`swagger+json` there gives the OpenAPI of that one type, like `select={type}`).
 * Both come from each record type's field list, so the `x-ns-filterable` list (the top-level array NetSuite's
 * JSON Schema carries, as public NetSuite clients read it) is exactly what `q` accepts. The plain catalog listing
 * (any other Accept) is not in the sheet and is refused rather than guessed.
 */
import { NsHttpError, nonexistentId } from '../errors';
import { MEDIA } from '../http';
import type { Json, RecordContext } from './common';
import { isFilterable, type FieldSpec } from './fields';
import { RECORD_TYPES, recordType } from './registry';
import type { RecordType } from './types';

export const SWAGGER_JSON = 'application/swagger+json';
export const SCHEMA_JSON = 'application/schema+json';

const LINKS = { title: 'Links', type: 'array', readOnly: true, items: { $ref: '#/components/schemas/nsLink' } };

function property(spec: FieldSpec): Json {
  const base = { title: spec.title };
  if (spec.name === 'id') return { ...base, type: 'string' };
  const nullable = { nullable: true };
  switch (spec.kind) {
    case 'string':
      return { ...base, type: 'string', ...nullable };
    case 'integer':
      return { ...base, type: 'integer', format: 'int64', ...nullable };
    case 'number':
      return { ...base, type: 'number', format: 'double', ...nullable };
    case 'boolean':
      return { ...base, type: 'boolean', ...nullable };
    case 'date':
      return { ...base, type: 'string', format: 'date', ...nullable };
    case 'date-time':
      return { ...base, type: 'string', format: 'date-time', ...nullable };
    case 'ref':
      return {
        ...base, type: 'object', ...nullable, description: `Reference to a ${spec.ref ?? 'record'} record.`,
        properties: { id: { title: 'Internal identifier', type: 'string' }, refName: { title: 'Reference Name', type: 'string' }, links: LINKS },
      };
    case 'enum':
      return {
        ...base, type: 'object', ...nullable,
        properties: { id: { title: 'Internal identifier', type: 'string', enum: spec.values ?? [] }, refName: { title: 'Reference Name', type: 'string' } },
      };
    default:
      return { ...base, type: 'object', ...nullable, properties: { links: LINKS } };
  }
}

/** The JSON Schema of one record type. */
export function recordSchema(type: RecordType): Json {
  const properties: Json = { links: LINKS };
  for (const spec of type.fields) properties[spec.name] = property(spec);
  return { type: 'object', title: type.name, properties, 'x-ns-filterable': type.fields.filter(isFilterable).map((f) => f.name) };
}

function collectionSchema(type: RecordType): Json {
  return {
    type: 'object',
    properties: {
      links: LINKS,
      count: { type: 'integer', format: 'int64', readOnly: true },
      hasMore: { type: 'boolean', readOnly: true },
      offset: { type: 'integer', format: 'int64', readOnly: true },
      totalResults: { type: 'integer', format: 'int64', readOnly: true },
      items: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, links: LINKS } } },
    },
    title: `${type.name}Collection`,
  };
}

function json(schemaRef: string, media: string): Json {
  return { content: { [media]: { schema: { $ref: `#/components/schemas/${schemaRef}` } } } };
}

function paths(type: RecordType): Json {
  const error = { default: { description: 'Error response.', ...json('nsError', MEDIA.error) } };
  const query = (name: string, schema: Json, description: string): Json => ({ name, in: 'query', description, schema });
  const idParam = { name: 'id', in: 'path', required: true, description: 'Internal identifier, or eid:{external id}.', schema: { type: 'string' } };
  const collection: Json = {
    get: {
      tags: [type.name], summary: 'Get list of records.',
      parameters: [
        query('q', { type: 'string' }, 'Search query used to filter results.'),
        query('limit', { type: 'integer', default: 1000 }, 'The limit used to specify the number of results on a single page.'),
        query('offset', { type: 'integer', default: 0 }, 'The offset used for selecting a specific page of results.'),
      ],
      responses: { 200: { description: 'Get list of records.', ...json(`${type.name}Collection`, MEDIA.collection) }, ...error },
    },
  };
  if (type.create) collection['post'] = { tags: [type.name], summary: 'Insert record.', requestBody: json(type.name, 'application/json'), responses: { 204: { description: 'Inserted record.' }, ...error } };
  const instance: Json = {
    get: {
      tags: [type.name], summary: 'Get record.',
      parameters: [idParam, query('expandSubResources', { type: 'boolean' }, 'Expand sublists and subrecords.'),
        query('simpleEnumFormat', { type: 'boolean' }, 'Return enumerations as their internal id only.'),
        query('fields', { type: 'string' }, 'The names of the fields and sublists to return.')],
      responses: { 200: { description: 'Get record.', ...json(type.name, MEDIA.singular) }, ...error },
    },
  };
  if (type.update) instance['patch'] = { tags: [type.name], summary: 'Update record.', parameters: [idParam], requestBody: json(type.name, 'application/json'), responses: { 204: { description: 'Updated record.' }, ...error } };
  if (type.create && type.update) {
    instance['put'] = { tags: [type.name], summary: 'Insert or update record (eid: only).', parameters: [idParam], requestBody: json(type.name, 'application/json'), responses: { 204: { description: 'Upserted record.' }, ...error } };
  }
  return { [`/${type.name}`]: collection, [`/${type.name}/{id}`]: instance };
}

/** OpenAPI 3.0 for the given record types. */
export function openApi(ctx: RecordContext, types: readonly RecordType[]): Json {
  const schemas: Json = {
    nsLink: { type: 'object', properties: { rel: { type: 'string' }, href: { type: 'string', format: 'uri' } } },
    nsError: {
      type: 'object',
      properties: {
        type: { type: 'string', format: 'uri' }, title: { type: 'string' }, status: { type: 'integer', format: 'int32' },
        'o:errorDetails': { type: 'array', items: { type: 'object', properties: Object.fromEntries(
          ['detail', 'o:errorCode', 'o:errorPath', 'o:errorQueryParam', 'o:errorHeader', 'o:errorUrl'].map((k) => [k, { type: 'string' }]),
        ) } },
      },
    },
  };
  for (const type of types) {
    schemas[type.name] = recordSchema(type);
    schemas[`${type.name}Collection`] = collectionSchema(type);
  }
  return {
    openapi: '3.0.1',
    info: { title: 'NetSuite REST Record API (emulator)', version: 'v1' },
    servers: [{ url: `${ctx.restBase}/record/v1` }],
    tags: types.map((t) => ({ name: t.name })),
    paths: Object.assign({}, ...types.map(paths)) as Json,
    components: { schemas },
  };
}

function wants(ctx: RecordContext, media: string): boolean {
  return (ctx.accept ?? '').toLowerCase().split(',').some((part) => part.trim().startsWith(media));
}

function unsupportedAccept(): NsHttpError {
  return new NsHttpError(400, 'INVALID_REQUEST', `The metadata catalog answers Accept: ${SWAGGER_JSON} (OpenAPI 3.0) or, for one record type, ${SCHEMA_JSON} (JSON Schema).`, {
    'o:errorHeader': 'Accept',
  });
}

/** `/record/v1/metadata-catalog[/{type}]` → body and media type. */
export function metadataCatalog(ctx: RecordContext, typeName: string | undefined): { body: Json; contentType: string } {
  if (typeName === undefined) {
    if (!wants(ctx, SWAGGER_JSON)) throw unsupportedAccept();
    const select = ctx.query.get('select');
    const types = select === null ? RECORD_TYPES : select.split(',').map((name) => {
      const type = recordType(name.trim());
      if (!type) throw new NsHttpError(400, 'INVALID_PARAMETER', `Unknown record type in select: ${name.trim()}.`, { 'o:errorQueryParam': 'select' });
      return type;
    });
    return { body: openApi(ctx, types), contentType: SWAGGER_JSON };
  }
  const type = recordType(typeName);
  if (!type) throw nonexistentId('metadata-catalog', typeName);
  if (wants(ctx, SCHEMA_JSON)) return { body: recordSchema(type), contentType: SCHEMA_JSON };
  if (wants(ctx, SWAGGER_JSON)) return { body: openApi(ctx, [type]), contentType: SWAGGER_JSON };
  throw unsupportedAccept();
}
