import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { introspectStorefrontSchema } from '../lib/bigcommerce/graphql/introspect';
import { loadConfig } from '../lib/config';

/**
 * `npm run codegen:store`: introspects the store the environment points at (a real store, or the sandbox when
 * started with `npm run sandbox`), saves its schema to graphql/store-schema.graphql and regenerates the document
 * types against it. A type error afterwards means one of our documents uses something that store lacks.
 */
const OUT = 'graphql/store-schema.graphql';
const config = loadConfig();
const sdl = await introspectStorefrontSchema(config.BIGCOMMERCE_STOREFRONT_GRAPHQL_URL, config.BIGCOMMERCE_CUSTOMER_IMPERSONATION_TOKEN);
writeFileSync(OUT, sdl);
console.log(`[codegen:store] wrote ${OUT} from ${config.BIGCOMMERCE_STOREFRONT_GRAPHQL_URL}`);
const result = spawnSync('npx', ['graphql-codegen', '--config', 'graphql/codegen.ts'], { stdio: 'inherit', env: { ...process.env, CODEGEN_SCHEMA: OUT } });
process.exit(result.status ?? 1);
