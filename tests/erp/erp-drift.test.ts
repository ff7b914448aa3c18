/**
 * ERP drift at seed time: the NetSuite emulator differs from the demo dataset (which the BigCommerce sandbox is
 * seeded from) in a documented, deterministic small share of contract prices and stock levels — and the dataset
 * itself is left untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoDataset } from '@/sandbox/demo-data/types';
import { driftPrice, erpDrift, PRICE_DRIFT_EVERY, STOCK_DRIFT_EVERY } from '@/sandbox/netsuite/drift';
import type { NetSuiteEmulator } from '@/sandbox/netsuite/server';
import type { ErpAdapter, InventoryLevel, ItemContractPrices } from '@/sync/erp/erp';
import { adapterFor, smallDataset, startSeeded } from './support/netsuite';

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

describe('erpDrift (pure)', () => {
  it('is deterministic and never modifies the dataset', () => {
    const data = smallDataset();
    const before = JSON.stringify(data);
    const a = erpDrift(data);
    const b = erpDrift(smallDataset());
    expect(JSON.stringify(data)).toBe(before);
    expect(a).toEqual(b);
  });

  it('drifts every 17th price row by +3% (exact cents) and every 50th stock level by +7 on hand — a small share', () => {
    const data = smallDataset();
    const drift = erpDrift(data);
    const rows = data.contractPrices.flatMap((p) => p.breaks.map((b) => ({ ...p, ...b })));
    expect(drift.priceChanges).toHaveLength(Math.floor(rows.length / PRICE_DRIFT_EVERY));
    expect(drift.priceChanges.length).toBeGreaterThan(0);
    drift.priceChanges.forEach((change, i) => {
      const row = rows[(i + 1) * PRICE_DRIFT_EVERY - 1];
      expect(change).toEqual({ sku: row?.sku, priceLevelId: row?.priceLevelId, currency: row?.currency, minQuantity: row?.minQuantity, from: row?.unitPrice, to: driftPrice(row?.unitPrice ?? 0) });
      expect(change.to).not.toBe(change.from);
    });
    expect(driftPrice(1000)).toBe(1030);
    expect(driftPrice(1950)).toBe(2009); // 2008.5 rounds half up
    expect(drift.stockChanges).toHaveLength(Math.floor(data.stock.length / STOCK_DRIFT_EVERY));
    expect(drift.stockChanges.length).toBeGreaterThanOrEqual(2);
    for (const c of drift.stockChanges) expect(c.onHandTo - c.onHandFrom).toBe(7);
  });
});

describe('the seeded emulator carries the drift (default seed)', () => {
  let ns: NetSuiteEmulator;
  let data: DemoDataset;
  let erp: ErpAdapter;

  beforeAll(async () => {
    ({ ns, data } = await startSeeded({ seedDrift: true }));
    erp = adapterFor(ns);
  });
  afterAll(async () => ns.close());

  it('contract prices read through the adapter differ from the dataset exactly at the drifted rows', async () => {
    const items = await collect((await erp.readContractPricing()).items);
    const read = new Map<string, number>();
    for (const item of items as ItemContractPrices[]) {
      for (const p of item.prices) for (const t of p.tiers) read.set(`${item.sku}|${p.priceLevelId}|${p.currency}|${t.minQuantity}`, t.unitPrice);
    }
    const drifted = new Set((ns.drift?.priceChanges ?? []).map((c) => `${c.sku.toUpperCase()}|${c.priceLevelId}|${c.currency}|${c.minQuantity}`));
    expect(drifted.size).toBe(erpDrift(data).priceChanges.length);
    let differing = 0;
    for (const p of data.contractPrices) {
      for (const b of p.breaks) {
        const key = `${p.sku.toUpperCase()}|${p.priceLevelId}|${p.currency}|${b.minQuantity}`;
        const got = read.get(key);
        if (got !== b.unitPrice) differing += 1;
        expect(got).toBe(drifted.has(key) ? driftPrice(b.unitPrice) : b.unitPrice);
      }
    }
    expect(differing).toBe(drifted.size);
  });

  it('stock levels differ at the drifted rows only', async () => {
    const rows = await collect((await erp.readInventory()).rows) as InventoryLevel[];
    const code = (id: number): string => data.locations.find((l) => l.id === id)?.code ?? '';
    const changed = new Map((ns.drift?.stockChanges ?? []).map((c) => [`${c.sku.toUpperCase()}@${code(c.locationId)}`, c.onHandTo]));
    let differing = 0;
    for (const s of data.stock) {
      const key = `${s.sku.toUpperCase()}@${code(s.locationId)}`;
      const got = rows.find((r) => `${r.sku}@${r.locationCode}` === key);
      if (got?.onHand !== s.onHand) differing += 1;
      expect(got?.onHand).toBe(changed.get(key) ?? s.onHand);
    }
    expect(differing).toBe(changed.size);
    expect(differing).toBeGreaterThanOrEqual(2);
  });

  it('seedDrift: false seeds the dataset exactly', async () => {
    const plain = await startSeeded({ seedDrift: false });
    try {
      expect(plain.ns.drift).toBeNull();
      const cp = erpDrift(plain.data).priceChanges[0];
      if (!cp) throw new Error('no drift');
      const [row] = await plain.ns.sql<{ p: string }>(
        `SELECT unitprice::text AS p FROM pricing WHERE item = (SELECT id FROM item WHERE itemid = $1) AND pricelevel = $2 AND quantity = $3 AND currency = $4`,
        [cp.sku, cp.priceLevelId, cp.minQuantity, cp.currency === 'USD' ? 1 : 2],
      );
      expect(Math.round(Number(row?.p) * 100)).toBe(cp.from);
    } finally {
      await plain.ns.close();
    }
  });
});
