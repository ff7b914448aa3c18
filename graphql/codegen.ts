import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types for every GraphQL document in `graphql/` and `app/`, generated from a committed schema so CI needs no
 * network. The default schema is the sandbox's, a tested strict subset of BigCommerce's real Storefront SDL: an
 * operation that type-checks here works on both. CODEGEN_SCHEMA can point at an introspected real store schema.
 */
const config: CodegenConfig = {
  schema: process.env.CODEGEN_SCHEMA ?? 'sandbox/bigcommerce/graphql/schema.graphql',
  documents: ['graphql/**/*.ts', 'app/**/*.{ts,tsx}', '!graphql/generated/**', '!graphql/codegen.ts'],
  ignoreNoDocuments: false,
  generates: {
    'graphql/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        // BigCommerce sends BigDecimal as a JSON number; lib/money converts it to integer minor units at once.
        scalars: { BigDecimal: 'number', Long: 'number', DateTime: 'string' },
      },
    },
  },
};

export default config;
