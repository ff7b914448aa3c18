import { parseArgs } from 'node:util';
import { describeDemoLogins } from './demo-data/generate';
import { launchSandbox } from './launch';

/**
 * `npm run sandbox`: the emulated BigCommerce store alone, for poking at it with curl or running the sync
 * against it. Flags: --port 4010 --products 2400 --seed N --no-rate-limit
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.SANDBOX_PORT ?? '4010' },
    products: { type: 'string' },
    seed: { type: 'string' },
    'no-rate-limit': { type: 'boolean', default: false },
  },
});

const sandbox = await launchSandbox({
  port: Number(values.port),
  products: values.products ? Number(values.products) : undefined,
  seed: values.seed ? Number(values.seed) : undefined,
  rateLimit: !values['no-rate-limit'],
});

const { env, dataset } = sandbox;
console.log(`BigCommerce sandbox for "${dataset.store.name}" is up:
  REST      ${env.BIGCOMMERCE_API_URL}/stores/${env.BIGCOMMERCE_STORE_HASH}/v3   (X-Auth-Token: ${env.BIGCOMMERCE_ACCESS_TOKEN})
  GraphQL   ${env.BIGCOMMERCE_STOREFRONT_GRAPHQL_URL}
  Faults    ${env.BIGCOMMERCE_API_URL}/__sandbox/faults
  Data      ${dataset.products.length} products, ${dataset.companies.length} companies, ${dataset.buyers.length} buyers
Environment for the app:
${Object.entries(env).map(([k, v]) => `  ${k}=${v}`).join('\n')}
Demo logins:
${describeDemoLogins(dataset).map((row) => `  ${row.role.padEnd(5)} ${row.email}  ${row.password}  (${row.companies.join(', ')})`).join('\n')}
`);

const stop = async () => {
  await sandbox.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
