import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildSchema, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SKIP_NOTICE } from '../support/openapi-contract';
import { loadRealStorefrontSchema, realSdlAvailable } from '../support/graphql-sdl';

/**
 * Every GraphQL document the app ships (the `graphql(\`...\`)` calls in graphql/ and app/) must be valid against
 * BigCommerce's real Storefront SDL, not only against the sandbox's subset: an operation that passes here works
 * on a real store.
 */
const ROOT = join(import.meta.dirname, '../..');
const SOURCE_DIRS = ['graphql', 'app', 'components', 'lib'];

function sourceFiles(dir: string): string[] {
  const full = join(ROOT, dir);
  return readdirSync(full).flatMap((name) => {
    const path = join(full, name);
    if (name === 'generated' || name === 'node_modules') return [];
    if (statSync(path).isDirectory()) return sourceFiles(relative(ROOT, path));
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function shippedDocuments(): { file: string; document: DocumentNode }[] {
  return SOURCE_DIRS.flatMap((dir) => sourceFiles(dir)).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/graphql\(\s*`([\s\S]*?)`/g)].map((match) => ({
      file: relative(ROOT, file),
      document: parse(match[1] ?? ''),
    })),
  );
}

function errorsAgainst(schema: GraphQLSchema, document: DocumentNode): string[] {
  return validate(schema, document).map((error) => error.message);
}

describe('GraphQL operations', () => {
  const documents = shippedDocuments();

  it('finds the documents the app ships', () => {
    expect(documents.length).toBeGreaterThan(0);
  });

  it('the validation really rejects a field the real schema lacks', () => {
    const tiny = buildSchema('type Query { site: Site } type Site { name: String }');
    expect(errorsAgainst(tiny, parse('{ site { name } }'))).toEqual([]);
    expect(errorsAgainst(tiny, parse('{ site { contractPrice } }'))).not.toEqual([]);
  });

  describe.skipIf(!realSdlAvailable)(`against the real Storefront SDL${realSdlAvailable ? '' : ` (${SKIP_NOTICE})`}`, () => {
    const schema = realSdlAvailable ? loadRealStorefrontSchema() : undefined;
    it.each(documents.map((d) => [d.file, d.document] as const))('%s is valid', (_file, document) => {
      expect(errorsAgainst(schema as GraphQLSchema, document)).toEqual([]);
    });
  });
});
