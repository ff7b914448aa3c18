import { describe, expect, it } from 'vitest';
import { formatMinor, parseDecimalToMinor } from '@/sync/erp/money';
import { canonicalSku } from '@/sync/erp/sku';
import {
  CurrencyMap, effectiveHold, foldItemPricing, mapCredit, mapInventory, mapOrderStatus, mapShipStatus,
} from '@/sync/erp/netsuite/mapping';
import { ErpError } from '@/sync/erp/errors';

describe('money at the edge', () => {
  it('parses NetSuite decimal strings exactly into cents', () => {
    expect(parseDecimalToMinor('17.25')).toEqual({ ok: true, value: 1725 });
    expect(parseDecimalToMinor('0.29')).toEqual({ ok: true, value: 29 });
    expect(parseDecimalToMinor('1200')).toEqual({ ok: true, value: 120000 });
    expect(parseDecimalToMinor('17.5')).toEqual({ ok: true, value: 1750 });
    expect(parseDecimalToMinor('-3.05')).toEqual({ ok: true, value: -305 });
    expect(parseDecimalToMinor('.5')).toEqual({ ok: true, value: 50 });
    expect(parseDecimalToMinor('17.2500')).toEqual({ ok: true, value: 1725 });
    expect(parseDecimalToMinor('1000', 0)).toEqual({ ok: true, value: 1000 });
  });

  it('refuses sub-cent prices and non-numbers instead of rounding them away', () => {
    expect(parseDecimalToMinor('0.0125').ok).toBe(false);
    expect(parseDecimalToMinor('12,50').ok).toBe(false);
    expect(parseDecimalToMinor('1e3').ok).toBe(false);
    expect(parseDecimalToMinor('').ok).toBe(false);
  });

  it('formats cents back to decimal strings', () => {
    expect(formatMinor(1725)).toBe('17.25');
    expect(formatMinor(-5)).toBe('-0.05');
    expect(formatMinor(0)).toBe('0.00');
  });
});

describe('NetSuite mapping', () => {
  const currencies = new CurrencyMap([{ id: '1', symbol: 'USD' }, { id: '2', symbol: 'cad' }]);
  const ref = { source: 'suiteql:test', row: 7 };

  it('canonical SKUs are trimmed and upper-cased', () => {
    expect(canonicalSku('  hx-2 ')).toBe('HX-2');
  });

  it('folds one item’s matrix rows into per-level, per-currency tiers with the first tier at 1', () => {
    const rows = [
      { item: '2001', sku: ' hx-2', pricelevel: '5', currency: '1', quantity: '0', unitprice: '19.5' },
      { item: '2001', sku: ' hx-2', pricelevel: '5', currency: '1', quantity: '10', unitprice: '17.25' },
      { item: '2001', sku: ' hx-2', pricelevel: '5', currency: '2', quantity: '1', unitprice: '24' },
    ].map((row, i) => ({ row, ref: { source: 's', row: i + 1 } }));
    expect(foldItemPricing(rows, currencies)).toEqual({
      sku: 'HX-2',
      prices: [
        { priceLevelId: '5', currency: 'USD', tiers: [{ minQuantity: 1, unitPrice: 1950 }, { minQuantity: 10, unitPrice: 1725 }] },
        { priceLevelId: '5', currency: 'CAD', tiers: [{ minQuantity: 1, unitPrice: 2400 }] },
      ],
    });
  });

  it('an item without matrix rows maps to an empty price list (clears it downstream)', () => {
    expect(foldItemPricing([{ row: { item: '9', sku: 'X-1' }, ref }], currencies)).toEqual({ sku: 'X-1', prices: [] });
  });

  it('a bad price names the source, row and field', () => {
    const bad = [{ row: { item: '1', sku: 'A', pricelevel: '5', currency: '1', quantity: '1', unitprice: '0.0125' }, ref }];
    expect(() => foldItemPricing(bad, currencies)).toThrowError(/suiteql:test row 7, field unitprice/);
    try {
      foldItemPricing(bad, currencies);
    } catch (error) {
      expect(error).toBeInstanceOf(ErpError);
      expect((error as ErpError).kind).toBe('validation');
    }
  });

  it('inventory rows default omitted (null) quantities to zero and use the location external id as code', () => {
    expect(mapInventory({ sku: 'a-1', locationcode: 'CHI', locationname: 'Chicago', quantityonhand: '7', quantityavailable: '5', quantitycommitted: '2' }, ref))
      .toEqual({ sku: 'A-1', locationCode: 'CHI', onHand: 7, available: 5, committed: 2, backordered: 0 });
  });

  it('credit: ON holds, OFF never holds, AUTO follows NetSuite’s computed flag', () => {
    const figures = { creditLimit: 1000, balance: 900, unbilledOrders: 200, overdueBalance: 0 };
    expect(effectiveHold('ON', false, figures)).toBe(true);
    expect(effectiveHold('OFF', true, figures)).toBe(false);
    expect(effectiveHold('AUTO', false, figures)).toBe(false);
    expect(effectiveHold('AUTO', null, figures)).toBe(true); // over limit, no computed flag sent
  });

  it('credit row maps to minor units and available credit', () => {
    const credit = mapCredit(
      { entityid: 'C10042', currency: '1', creditlimit: '50000', balancesearch: '20800.44', unbilledorderssearch: '15691.56', overduebalancesearch: '0', creditholdoverride: 'AUTO', oncredithold: 'F', termsname: 'Net 30', daysuntilnetdue: '30' },
      ref,
      currencies,
    );
    expect(credit).toMatchObject({ customerNumber: 'C10042', currency: 'USD', creditLimit: 5_000_000, balance: 2_080_044, unbilledOrders: 1_569_156, availableCredit: 1_350_800, onHold: false, termsDays: 30 });
  });

  it('translates order and ship status codes in both REST and SuiteQL forms', () => {
    expect(mapOrderStatus('B')).toBe('pending_fulfillment');
    expect(mapOrderStatus('SalesOrd:F')).toBe('pending_billing');
    expect(mapShipStatus('ItemShip:C')).toBe('shipped');
    expect(() => mapOrderStatus('Z')).toThrow(ErpError);
  });
});
