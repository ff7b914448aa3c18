/**
 * Standalone start: `npx tsx sandbox/netsuite/start.ts` (port from NETSUITE_EMULATOR_PORT, default 4020; demo seed
 * from DEMO_SEED). Seeded from the shared demo-data generator, like the BigCommerce sandbox.
 */
import { generateDemoData } from '../demo-data/generate';
import { startNetSuiteEmulator } from './server';

async function main(): Promise<void> {
  const seed = process.env['DEMO_SEED'];
  const emulator = await startNetSuiteEmulator({
    port: Number(process.env['NETSUITE_EMULATOR_PORT'] ?? 4020),
    dataset: generateDemoData(seed === undefined ? {} : { seed: Number(seed) }),
  });
  console.log(`[netsuite-emulator] ${emulator.url} (account ${emulator.accountId}); REST base ${emulator.restBase}`);
  const stop = (): void => void emulator.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
