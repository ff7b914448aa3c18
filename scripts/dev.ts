import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { describeDemoLogins } from '../sandbox/demo-data/generate';
import { launchSandbox, type LaunchedSandbox } from '../sandbox/launch';
import { ensureLocalRedis } from './ensure-redis';
import { runInitialSync } from './initial-sync';

/**
 * `npm run dev`: with no BIGCOMMERCE_STORE_HASH set, starts Redis if needed and the seeded sandbox, points the
 * app at it and runs Next on http://localhost:3000. With real credentials in the environment it only runs Next:
 * the same code, no sandbox. `--prod` builds and serves the production bundle (used by the end-to-end tests).
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    'sandbox-port': { type: 'string', default: process.env.SANDBOX_PORT ?? '4010' },
    'erp-port': { type: 'string', default: process.env.NETSUITE_EMULATOR_PORT ?? '4020' },
    prod: { type: 'boolean', default: false },
    /** Write the environment given to the app to this JSON file (end-to-end tests check secrets against it). */
    'write-env': { type: 'string' },
  },
});

const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
await ensureLocalRedis(redisUrl);

let sandbox: LaunchedSandbox | undefined;
const env: NodeJS.ProcessEnv = { ...process.env, REDIS_URL: redisUrl };
if (!process.env.BIGCOMMERCE_STORE_HASH) {
  sandbox = await launchSandbox({ port: Number(values['sandbox-port']), erpPort: Number(values['erp-port']), rateLimit: false });
  Object.assign(env, sandbox.env);
  console.log(`[dev] sandbox store "${sandbox.dataset.store.name}" at ${sandbox.env.BIGCOMMERCE_API_URL}`);
  console.log(`[dev] NetSuite emulator at ${sandbox.netsuite?.url}; loading ERP prices, stock and credit into the store…`);
  await runInitialSync(env);
  console.log('[dev] demo logins:');
  for (const row of describeDemoLogins(sandbox.dataset).slice(0, 6)) {
    console.log(`        ${row.role.padEnd(5)} ${row.email} / ${row.password}`);
  }
  console.log('        (all logins: README.md → Demo logins)');
  if (values['write-env']) {
    mkdirSync(dirname(values['write-env']), { recursive: true });
    writeFileSync(values['write-env'], JSON.stringify(sandbox.env, null, 2));
  }
} else {
  console.log(`[dev] using the real store ${process.env.BIGCOMMERCE_STORE_HASH}`);
}

const next = (args: string[]) => spawn('npx', ['next', ...args], { stdio: 'inherit', env });

/**
 * With the sandbox, the sync worker runs beside the app, as it would in production: it keeps the schedules,
 * consumes BigCommerce webhooks and ERP events (the emulator signs and POSTs them to the app), and registers
 * the sandbox store's webhooks to this app on its first health check.
 */
async function startSandboxWorker(appUrl: string) {
  if (!sandbox?.netsuite) return undefined;
  Object.assign(env, { SYNC_WEBHOOK_DESTINATION: `${appUrl}/api/webhooks/bigcommerce` });
  const registered = await fetch(`${sandbox.netsuite.url}/__sandbox/webhooks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ url: `${appUrl}/api/erp/events`, secret: env.ERP_EVENTS_SECRET }),
  });
  if (!registered.ok) throw new Error(`NetSuite emulator refused the event callback: ${registered.status} ${await registered.text()}`);
  return spawn(process.execPath, ['--import', 'tsx', 'sync/cli.ts', 'worker'], { stdio: 'inherit', env });
}

async function run(): Promise<number> {
  if (values.prod) {
    const build = next(['build']);
    const code = await new Promise<number>((resolve) => build.on('exit', (c) => resolve(c ?? 1)));
    if (code !== 0) return code;
  }
  const server = next([values.prod ? 'start' : 'dev', '--port', String(values.port)]);
  const worker = await startSandboxWorker(`http://127.0.0.1:${values.port}`);
  const shutdown = () => {
    worker?.kill('SIGTERM');
    server.kill('SIGTERM');
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  return new Promise<number>((resolve) =>
    server.on('exit', (c) => {
      worker?.kill('SIGTERM');
      resolve(c ?? 0);
    }),
  );
}

const code = await run();
await sandbox?.close();
process.exit(code);
