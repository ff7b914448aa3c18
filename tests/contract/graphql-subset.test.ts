import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SANDBOX_SDL_URL, sandboxSchema } from '../../sandbox/bigcommerce/graphql/schema';
import { sharedSpecsAvailable } from '../support/openapi-contract';
import { loadRealStorefrontSchema, realSdlAvailable, subsetViolations } from '../support/graphql-sdl';

/**
 * The sandbox's GraphQL schema must be a strict subset of BigCommerce's real Storefront schema, so that any
 * operation that validates against the sandbox also validates against production.
 * Without ../shared the suite is skipped; openapi-contract.ts prints the one-line notice (SKIP_NOTICE).
 */
describe.skipIf(!sharedSpecsAvailable || !realSdlAvailable)('sandbox GraphQL schema ⊂ real Storefront schema', () => {
  it('every type, field, argument, input field and enum value exists identically in the real SDL', () => {
    const ours = buildSchema(readFileSync(SANDBOX_SDL_URL, 'utf8'));
    expect(subsetViolations(ours, loadRealStorefrontSchema())).toEqual([]);
  });

  it('the executable schema (with resolvers) is the same SDL', () => {
    expect(subsetViolations(sandboxSchema(), loadRealStorefrontSchema())).toEqual([]);
  });
});

// The comparison itself, on tiny hand-written schemas, so a broken checker cannot pass silently.
describe('subsetViolations', () => {
  const real = buildSchema(`
    type Query { product(entityId: Int, sku: String, required: Int!): Product, list(first: Int = 10): [Product!]! }
    type Product { entityId: Int!, name: String!, price: Float }
    enum Sort { A_TO_Z Z_TO_A }
    input Filter { term: String, must: Int! }
  `);

  it('accepts an identical subset', () => {
    const ours = buildSchema('type Query { product(required: Int!, sku: String): Product } type Product { entityId: Int! }');
    expect(subsetViolations(ours, real)).toEqual([]);
  });

  it('flags a field whose nullability differs', () => {
    const ours = buildSchema('type Query { product(required: Int!): Product } type Product { entityId: Int }');
    expect(subsetViolations(ours, real)).toEqual(['field Product.entityId is Int here but Int! in the real schema']);
  });

  it('flags an invented field, type, enum value and argument', () => {
    const ours = buildSchema(`
      type Query { product(required: Int!, color: String): Product, sorted(s: Sort): Int }
      type Product { entityId: Int!, colour: String }
      enum Sort { A_TO_Z NEWEST }
    `);
    expect(subsetViolations(ours, real).sort()).toEqual(
      [
        'Query.product(color) does not exist in the real schema',
        'field Product.colour does not exist in the real schema',
        'field Query.sorted does not exist in the real schema',
        'enum value Sort.NEWEST does not exist in the real schema',
      ].sort(),
    );
  });

  it('flags a missing required argument and a changed default', () => {
    const ours = buildSchema('type Query { product(sku: String): Product, list(first: Int = 50): [Product!]! } type Product { name: String! }');
    expect(subsetViolations(ours, real).sort()).toEqual(
      ['Query.list(first) defaults to 50 here but 10 in the real schema', 'Query.product(required) is required in the real schema but missing here'].sort(),
    );
  });

  it('flags an input field of the wrong type and a missing required input field', () => {
    const ours = buildSchema('type Query { x(f: Filter): Int } input Filter { term: Int }');
    const problems = subsetViolations(ours, real);
    expect(problems).toContain('input Filter(term) is Int here but String in the real schema');
    expect(problems).toContain('input Filter(must) is required in the real schema but missing here');
  });
});
