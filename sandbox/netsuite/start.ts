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
    // Default: seeded with the documented ERP drift (drift.ts) so the first sync has work; NETSUITE_SEED_DRIFT=0 turns it off.
    seedDrift: process.env['NETSUITE_SEED_DRIFT'] !== '0',
  });
  console.log(`[netsuite-emulator] ${emulator.url} (account ${emulator.accountId}); REST base ${emulator.restBase}`);
  if (emulator.drift) console.log(`[netsuite-emulator] ERP drift vs the demo dataset: ${emulator.drift.priceChanges.length} contract price rows, ${emulator.drift.stockChanges.length} stock levels`);
  const stop = (): void => void emulator.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
