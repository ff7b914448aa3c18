/**
 * The metadata catalog (§4.1): OpenAPI 3.0 with `Accept: application/swagger+json` (all types or `select=`), JSON
 * Schema for one type with `Accept: application/schema+json`; its `x-ns-filterable` list is what `q` accepts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetSuiteEmulator } from '@/sandbox/netsuite/server';
import { bearer, call, errorCode, startSeeded } from './support/netsuite';

let ns: NetSuiteEmulator;
let auth: string;

beforeAll(async () => {
  ({ ns } = await startSeeded({}, 10));
  auth = await bearer(ns);
});
afterAll(async () => ns.close());

const SWAGGER = { Accept: 'application/swagger+json' };
const SCHEMA = { Accept: 'application/schema+json' };

interface Schema {
  type: string;
  properties: Record<string, { type: string; format?: string }>;
  'x-ns-filterable': string[];
}

describe('metadata catalog', () => {
  it('swagger+json: an OpenAPI 3.0 document covering every emulated record type', async () => {
    const res = await call(ns, auth, 'GET', '/record/v1/metadata-catalog', undefined, SWAGGER);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/swagger+json');
    const doc = res.body as { openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, Schema> } };
    expect(doc.openapi).toBe('3.0.1');
    for (const type of ['customer', 'inventoryItem', 'salesOrder', 'itemFulfillment', 'invoice', 'priceLevel', 'pricingGroup', 'location', 'currency']) {
      expect(doc.paths[`/${type}`]?.['get'], type).toBeDefined();
      expect(doc.components.schemas[type]?.type, type).toBe('object');
    }
    expect(Object.keys(doc.paths['/salesOrder/{id}'] ?? {}).sort()).toEqual(['get', 'patch', 'put']);
    expect(doc.paths['/priceLevel']?.['post']).toBeUndefined(); // read-only in the emulator
    expect(doc.components.schemas['customer']?.properties['creditLimit']).toMatchObject({ type: 'number', format: 'double' });
  });

  it('select= restricts the document; an unknown type is refused', async () => {
    const res = await call(ns, auth, 'GET', '/record/v1/metadata-catalog?select=customer,salesorder', undefined, SWAGGER);
    const doc = res.body as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths).sort()).toEqual(['/customer', '/customer/{id}', '/salesOrder', '/salesOrder/{id}']);
    const bad = await call(ns, auth, 'GET', '/record/v1/metadata-catalog?select=customer,nope', undefined, SWAGGER);
    expect(bad.status).toBe(400);
    expect(errorCode(bad.body)).toBe('INVALID_PARAMETER');
  });

  it('schema+json: one type’s JSON Schema; every x-ns-filterable field works in q, and the others are refused', async () => {
    const res = await call(ns, auth, 'GET', '/record/v1/metadata-catalog/customer', undefined, SCHEMA);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/schema+json');
    const schema = res.body as unknown as Schema;
    expect(schema.properties['lastModifiedDate']).toMatchObject({ type: 'string', format: 'date-time' });
    expect(schema.properties['creditHoldOverride']).toMatchObject({ type: 'object' });
    expect(schema['x-ns-filterable']).toEqual(expect.arrayContaining(['entityId', 'creditLimit', 'lastModifiedDate']));
    expect(schema['x-ns-filterable']).not.toContain('creditHoldOverride');
    for (const name of Object.keys(schema.properties).filter((n) => n !== 'links')) {
      const res = await call(ns, auth, 'GET', `/record/v1/customer?limit=1&q=${encodeURIComponent(`${name} EMPTY_NOT`)}`);
      expect(res.status, name).toBe(schema['x-ns-filterable'].includes(name) ? 200 : 400);
    }
  });

  it('swagger+json on one type gives that type’s OpenAPI; other Accept values, unknown types and writes are refused', async () => {
    const one = await call(ns, auth, 'GET', '/record/v1/metadata-catalog/invoice', undefined, SWAGGER);
    expect(Object.keys((one.body as { paths: object }).paths)).toEqual(['/invoice', '/invoice/{id}']);
    const plain = await call(ns, auth, 'GET', '/record/v1/metadata-catalog', undefined, { Accept: 'application/json' });
    expect(plain.status).toBe(400);
    expect((plain.body?.['o:errorDetails'] as Record<string, string>[])[0]?.['o:errorHeader']).toBe('Accept');
    expect((await call(ns, auth, 'GET', '/record/v1/metadata-catalog/nope', undefined, SCHEMA)).status).toBe(404);
    expect((await call(ns, auth, 'POST', '/record/v1/metadata-catalog', {}, SWAGGER)).status).toBe(405);
  });
});
