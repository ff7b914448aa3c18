import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  buildSchema,
  Kind,
  NoUnusedFragmentsRule,
  parse,
  specifiedRules,
  validate,
  visit,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
} from 'graphql';
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

/**
 * Codegen's client preset resolves fragments across files, so a document is validated together with the shared
 * fragments it spreads (transitively). A fragment-only document is validated without the "unused fragment" rule.
 */
function withSharedFragments(document: DocumentNode, fragments: Map<string, FragmentDefinitionNode>): DocumentNode {
  const own = new Set(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [d.name.value] : [])));
  const added: FragmentDefinitionNode[] = [];
  const pending = [document as DocumentNode | FragmentDefinitionNode];
  while (pending.length > 0) {
    visit(pending.pop() as DocumentNode, {
      FragmentSpread(node) {
        const name = node.name.value;
        const fragment = fragments.get(name);
        if (own.has(name) || !fragment) return;
        own.add(name);
        added.push(fragment);
        pending.push(fragment);
      },
    });
  }
  return { ...document, definitions: [...document.definitions, ...added] };
}

function errorsWithFragments(schema: GraphQLSchema, document: DocumentNode, fragments: Map<string, FragmentDefinitionNode>): string[] {
  const full = withSharedFragments(document, fragments);
  const hasOperation = full.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION);
  const rules = hasOperation ? specifiedRules : specifiedRules.filter((rule) => rule !== NoUnusedFragmentsRule);
  return validate(schema, full, rules).map((error) => error.message);
}

describe('GraphQL operations', () => {
  const documents = shippedDocuments();
  const fragments = new Map(
    documents.flatMap(({ document }) => document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : []))),
  );

  it('finds the documents the app ships', () => {
    expect(documents.length).toBeGreaterThan(0);
  });

  it('the validation really rejects a field the real schema lacks', () => {
    const tiny = buildSchema('type Query { site: Site } type Site { name: String }');
    expect(errorsAgainst(tiny, parse('{ site { name } }'))).toEqual([]);
    expect(errorsAgainst(tiny, parse('{ site { contractPrice } }'))).not.toEqual([]);
  });

  it('validates a document together with the shared fragments it spreads, and still catches a bad one', () => {
    const tiny = buildSchema('type Query { site: Site } type Site { name: String }');
    const shared = new Map([['SiteName', parse('fragment SiteName on Site { name }').definitions[0] as FragmentDefinitionNode]]);
    expect(errorsWithFragments(tiny, parse('{ site { ...SiteName } }'), shared)).toEqual([]);
    expect(errorsWithFragments(tiny, parse('fragment SiteName on Site { name }'), new Map())).toEqual([]);
    expect(errorsWithFragments(tiny, parse('{ site { ...Missing } }'), shared)).not.toEqual([]);
  });

  describe.skipIf(!realSdlAvailable)(`against the real Storefront SDL${realSdlAvailable ? '' : ` (${SKIP_NOTICE})`}`, () => {
    const schema = realSdlAvailable ? loadRealStorefrontSchema() : undefined;
    it.each(documents.map((d) => [d.file, d.document] as const))('%s is valid', (_file, document) => {
      expect(errorsWithFragments(schema as GraphQLSchema, document, fragments)).toEqual([]);
    });
  });
});
