/**
 * The adapter sizes its concurrency from the account's governance limits (§4.6) instead of a constant, shares one
 * limit per account, and so never trips the emulator's concurrency gate (429) — measured at the gate itself.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { NetSuiteEmulator, NetSuiteEmulatorOptions } from '@/sandbox/netsuite/server';
import type { ErpAdapter } from '@/sync/erp/erp';
import { limitFromGovernance } from '@/sync/erp/netsuite/concurrency';
import { adapterFor, startSeeded } from './support/netsuite';

let ns: NetSuiteEmulator | null = null;
afterEach(async () => {
  await ns?.close();
  ns = null;
});

async function emulator(options: NetSuiteEmulatorOptions): Promise<NetSuiteEmulator> {
  ({ ns } = await startSeeded({ latencyMs: 15, ...options }, 20));
  return ns;
}

/** Six reads at once, each paging in small pages: far more requests in flight than any limit below allows. */
async function workload(...adapters: ErpAdapter[]): Promise<void> {
  const reads = await Promise.all(
    Array.from({ length: 6 }, (_, i) => {
      const erp = adapters[i % adapters.length];
      if (!erp) throw new Error('no adapter');
      return i % 2 === 0 ? erp.readInventory() : erp.readCredit();
    }),
  );
  await Promise.all(reads.map(async (read) => {
    for await (const _ of read.rows) void _;
  }));
}

function gateAfter(server: NetSuiteEmulator): { peak: number; rejected: number } {
  return { peak: server.gate.peak, rejected: server.gate.rejected };
}

describe('limitFromGovernance (the sheet’s rules)', () => {
  it('integrationSpecific → the integration’s limit; accountLimit / internal → the unallocated pool; anything else → unknown', () => {
    expect(limitFromGovernance({ accountConcurrencyLimit: 5, accountUnallocatedConcurrencyLimit: 3, integrationConcurrencyLimit: 2, integrationLimitType: 'integrationSpecific' })).toBe(2);
    expect(limitFromGovernance({ accountConcurrencyLimit: 5, accountUnallocatedConcurrencyLimit: 3, integrationLimitType: 'accountLimit' })).toBe(3);
    expect(limitFromGovernance({ accountConcurrencyLimit: 5, accountUnallocatedConcurrencyLimit: 3, integrationLimitType: 'internal' })).toBe(3);
    expect(limitFromGovernance({ accountConcurrencyLimit: 5, integrationLimitType: 'accountLimit' })).toBeNull();
    expect(limitFromGovernance({ integrationLimitType: 'integrationSpecific', integrationConcurrencyLimit: 0 })).toBeNull();
    expect(limitFromGovernance('<html>')).toBeNull();
  });
});

describe('the adapter against the emulator’s concurrency gate', () => {
  it('uses the whole account limit and never more: peak = limit, no 429', async () => {
    const server = await emulator({ concurrencyLimit: 3 });
    await workload(adapterFor(server, { pageSize: 7 }));
    expect(gateAfter(server)).toEqual({ peak: 3, rejected: 0 });
  });

  it('integrationSpecific: stays within the integration’s allocation, not the account’s', async () => {
    const server = await emulator({ concurrencyLimit: 10, integrationConcurrencyLimit: 2 });
    await workload(adapterFor(server, { pageSize: 7 }));
    expect(gateAfter(server)).toEqual({ peak: 2, rejected: 0 });
  });

  it('accountLimit: uses the unallocated pool, not the account limit other integrations have a share of', async () => {
    const server = await emulator({ concurrencyLimit: 6, allocatedToOtherIntegrations: 4 });
    await workload(adapterFor(server, { pageSize: 7 }));
    expect(gateAfter(server)).toEqual({ peak: 2, rejected: 0 });
  });

  it('two adapters for the same account share one limit', async () => {
    const server = await emulator({ concurrencyLimit: 3 });
    await workload(adapterFor(server, { pageSize: 7 }), adapterFor(server, { pageSize: 7 }));
    expect(gateAfter(server)).toEqual({ peak: 3, rejected: 0 });
  });

  it('a configured maxConcurrency caps the governance limit', async () => {
    const server = await emulator({ concurrencyLimit: 5 });
    await workload(adapterFor(server, { pageSize: 7, maxConcurrency: 2 }));
    expect(gateAfter(server)).toEqual({ peak: 2, rejected: 0 });
  });

  it('governanceLimits unreadable (role not an administrator): the configured value, else one at a time', async () => {
    const server = await emulator({ concurrencyLimit: 5 });
    server.faults.set({ rules: [{ kind: 'error', status: 403, path: '/system/v1/governanceLimits' }] });
    await workload(adapterFor(server, { pageSize: 7, tba: true }));
    expect(gateAfter(server)).toEqual({ peak: 1, rejected: 0 });
    server.gate.resetStats();
    await workload(adapterFor(server, { pageSize: 7, maxConcurrency: 2 }));
    expect(gateAfter(server)).toEqual({ peak: 2, rejected: 0 });
  });

  it('re-reads the limit: when an admin lowers it, the adapter follows', async () => {
    const server = await emulator({ concurrencyLimit: 4 });
    const erp = adapterFor(server, { pageSize: 7, governanceRefreshMs: 50 });
    await workload(erp);
    expect(server.gate.peak).toBe(4);
    server.faults.set({ concurrencyLimit: 2 });
    await new Promise((r) => setTimeout(r, 80));
    await erp.getCredit('C-NOPE'); // the next request notices the limit is stale and re-reads it
    await new Promise((r) => setTimeout(r, 80));
    server.gate.resetStats();
    await workload(erp);
    expect(gateAfter(server)).toEqual({ peak: 2, rejected: 0 });
  });

  it('control: a client that ignores governance does trip the gate (so the measurements above can fail)', async () => {
    const server = await emulator({ concurrencyLimit: 3 });
    await workload(adapterFor(server, { pageSize: 7, governance: false, maxConcurrency: 6, maxAttempts: 100 }));
    expect(server.gate.rejected).toBeGreaterThan(0);
  });
});
