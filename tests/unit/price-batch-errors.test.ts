import { describe, expect, it } from 'vitest';
import type { DesiredRecord } from '../../sync/flows/prices/price-record';
import { refusedRows } from '../../sync/flows/prices/record-pusher';

const row = (variantId: number, sku: string, currency = 'usd'): DesiredRecord => ({ variantId, productId: 1, sku, currency, priceMinor: 100, tiers: [] });

describe('which rows a price-list 422 refused', () => {
  const batch = [row(1, 'A-1'), row(2, 'B-2'), row(2, 'B-2', 'cad'), row(3, 'C-3')];

  it('matches by variant id and currency', () => {
    const refused = refusedRows(batch, [{ data: { variant_id: 2, currency: 'CAD' }, field_errors: { price: 'must be positive' } }]);
    expect([...refused.keys()]).toEqual([batch[2]]);
    expect(refused.get(batch[2] as DesiredRecord)).toEqual({ price: 'must be positive' });
  });

  it('matches by SKU when BigCommerce names only the SKU, every currency when it names none', () => {
    const refused = refusedRows(batch, [{ data: { sku: 'b-2' }, field_errors: { price: 'x' } }]);
    expect([...refused.keys()]).toEqual([batch[1], batch[2]]);
  });

  it('refuses the whole batch when an error names no row of it, so nothing unconfirmed is recorded as landed', () => {
    const refused = refusedRows(batch, [{ data: { variant_id: 99 } }]);
    expect(refused.size).toBe(batch.length);
  });
});
