/**
 * ERP drift: the BigCommerce sandbox and this emulator are seeded from the same demo dataset, so without drift the
 * first ERP → BigCommerce sync would have nothing to do. The emulator therefore seeds a deterministic, documented
 * small share of its data differently from the dataset (the dataset itself is never modified):
 *
 * - **Contract prices**: every 17th price row (1-based rows 17, 34, 51, … of the dataset's contract prices
 *   flattened to one row per quantity break, in dataset order) is 3% higher, rounded half up to the cent.
 * - **Stock**: every 50th stock level (rows 50, 100, …) has 7 more on hand (available recomputed as on hand − committed, never below 0) — a goods receipt
 *   BigCommerce hasn't heard of yet.
 *
 * `erpDrift(data)` is pure: same dataset in, same drift out, so tests and the sync's own checks can predict it.
 */
import type { DemoContractPrice, DemoDataset, DemoStockLevel } from '../demo-data/types';

export const PRICE_DRIFT_EVERY = 17;
export const PRICE_DRIFT_PERCENT = 3;
export const STOCK_DRIFT_EVERY = 50;
export const STOCK_DRIFT_UNITS = 7;

export interface DriftedPrice {
  sku: string;
  priceLevelId: number;
  currency: string;
  minQuantity: number;
  /** Cents, as in the dataset. */
  from: number;
  to: number;
}

export interface DriftedStock {
  sku: string;
  locationId: number;
  onHandFrom: number;
  onHandTo: number;
}

export interface ErpDrift {
  contractPrices: DemoContractPrice[];
  stock: DemoStockLevel[];
  priceChanges: DriftedPrice[];
  stockChanges: DriftedStock[];
}

/** +3% in integer cents, rounded half up: exact, no float drift. */
export function driftPrice(cents: number): number {
  return Math.floor((cents * (100 + PRICE_DRIFT_PERCENT) + 50) / 100);
}

export function erpDrift(data: DemoDataset): ErpDrift {
  const priceChanges: DriftedPrice[] = [];
  let row = 0;
  const contractPrices = data.contractPrices.map((price) => ({
    ...price,
    breaks: price.breaks.map((brk) => {
      row += 1;
      if (row % PRICE_DRIFT_EVERY !== 0) return { ...brk };
      const to = driftPrice(brk.unitPrice);
      priceChanges.push({ sku: price.sku, priceLevelId: price.priceLevelId, currency: price.currency, minQuantity: brk.minQuantity, from: brk.unitPrice, to });
      return { ...brk, unitPrice: to };
    }),
  }));
  const stockChanges: DriftedStock[] = [];
  const stock = data.stock.map((level, index) => {
    if ((index + 1) % STOCK_DRIFT_EVERY !== 0) return { ...level };
    stockChanges.push({ sku: level.sku, locationId: level.locationId, onHandFrom: level.onHand, onHandTo: level.onHand + STOCK_DRIFT_UNITS });
    const onHand = level.onHand + STOCK_DRIFT_UNITS;
    return { ...level, onHand, available: Math.max(0, onHand - level.committed) };
  });
  return { contractPrices, stock, priceChanges, stockChanges };
}
