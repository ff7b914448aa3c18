import { describe, expect, it } from 'vitest';
import { repAttributionNote, repAttributionOf } from '../../sync/flows/orders/rep-attribution';
import type { OrderSnapshot } from '../../sync/flows/orders/bc-order';
import { exactMinor, mapToSalesOrder } from '../../sync/flows/orders/map-order';

/** The pure BigCommerce order → ERP sales order mapping, on v2-shaped data. */
function snapshot(patch: { order?: Partial<OrderSnapshot['order']>; lines?: OrderSnapshot['lines']; addresses?: OrderSnapshot['addresses']; customer?: OrderSnapshot['customer'] } = {}): OrderSnapshot {
  return {
    order: {
      id: 118, customer_id: 7, status_id: 11, date_created: 'Tue, 05 Mar 2026 23:40:11 +0000', date_modified: 'Tue, 05 Mar 2026 23:40:11 +0000',
      currency_code: 'USD', shipping_cost_ex_tax: '12.5000', discount_amount: '0.0000', coupon_discount: '0.0000',
      customer_message: 'PO Number: PO-1\nRequested delivery date: 2026-03-20\nCall ahead', external_order_id: '',
      ...patch.order,
    },
    lines: patch.lines ?? [
      { id: 1, name: 'Hex cap screw', sku: 'hx-2 ', quantity: 10, price_ex_tax: '17.2500' },
      { id: 2, name: 'Washer', sku: 'WS-1', quantity: 3, price_ex_tax: '0.0900' },
    ],
    addresses: patch.addresses ?? [{ id: 5, first_name: 'Dock', last_name: 'Four', company: 'Acme', street_1: '1 Main St', street_2: 'Bay 2', city: 'Toledo', state: 'Ohio', zip: '43604', country_iso2: 'us' }],
    customer: patch.customer === undefined ? { id: 7, notes: 'Key account. ERP customer C-1001' } : patch.customer,
  };
}

describe('mapToSalesOrder', () => {
  it('maps lines to SKU, quantity and ex-tax unit price in cents, with PO, memo, address and the UTC order date', () => {
    expect(mapToSalesOrder('abc123', snapshot())).toEqual({
      ok: true,
      input: {
        storeHash: 'abc123',
        orderId: 118,
        customerNumber: 'C-1001',
        currency: 'USD',
        orderDate: '2026-03-05',
        poNumber: 'PO-1',
        memo: 'BigCommerce order 118; requested delivery 2026-03-20; Call ahead',
        shippingCost: 1250,
        shippingAddress: { addressee: 'Acme', street1: '1 Main St, Bay 2', city: 'Toledo', state: 'Ohio', postalCode: '43604', countryCode: 'US' },
        lines: [
          { sku: 'hx-2', quantity: 10, unitPrice: 1725 },
          { sku: 'WS-1', quantity: 3, unitPrice: 9 },
        ],
      },
    });
  });

  it('collects every problem, each saying what to fix', () => {
    const result = mapToSalesOrder('abc123', snapshot({
      customer: { id: 7, notes: 'no link here' },
      lines: [{ id: 3, name: 'Freight', sku: '', quantity: 1, price_ex_tax: '5.0000' }, { id: 4, name: 'Bolt', sku: 'B-1', quantity: 1, price_ex_tax: '0.1250' }],
      addresses: [{ id: 5, street_1: '', city: 'Toledo', zip: '', country_iso2: 'US' }],
      order: { discount_amount: '3.0000' },
    }));
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems).toEqual([
      'customer 7 is not linked to an ERP customer: add "ERP customer {number}" to the customer\'s notes in BigCommerce, then replay',
      'line 3 "Freight" has no SKU; the ERP needs the SKU of every line (a custom line must be given one)',
      'line 4 (B-1) price 0.1250 is not a whole number of USD minor units; correct the price in BigCommerce, then replay',
      expect.stringContaining('discount_amount of 3.0000') as string,
      'shipping address 5 lacks street_1, zip; complete it in BigCommerce, then replay',
    ]);
  });

  it('a customer deleted since the order was placed is named', () => {
    const result = mapToSalesOrder('abc123', snapshot({ customer: null }));
    expect(result.ok ? '' : result.problems.join()).toMatch(/customer 7 does not exist in BigCommerce/);
  });

  it('without company the addressee is the recipient; without PO there is none', () => {
    const result = mapToSalesOrder('abc123', snapshot({
      order: { customer_message: 'Just a note' },
      addresses: [{ id: 5, first_name: 'Ada', last_name: 'Buyer', company: '', street_1: '1 Main', city: 'X', zip: '1', country_iso2: 'CA' }],
    }));
    expect(result.ok && result.input.shippingAddress?.addressee).toBe('Ada Buyer');
    expect(result.ok && 'poNumber' in result.input).toBe(false);
    expect(result.ok && result.input.memo).toBe('BigCommerce order 118; Just a note');
  });

  it('an order a sales rep placed for the buyer names the rep in the ERP memo', () => {
    const staff_notes = repAttributionNote({ repId: '7', name: 'Dana Reyes', email: 'dana@northwind.example', actingId: 'a1b2' });
    const result = mapToSalesOrder('abc123', snapshot({ order: { customer_message: 'Just a note', staff_notes } }));
    expect(result.ok && result.input.memo).toBe('BigCommerce order 118; placed by sales rep Dana Reyes <dana@northwind.example> for the buyer; Just a note');
    expect(repAttributionOf(staff_notes)).toEqual({ repId: '7', name: 'Dana Reyes', email: 'dana@northwind.example', actingId: 'a1b2' });
    expect(repAttributionOf('Call the buyer first')).toBeNull();
  });
});

describe('exactMinor', () => {
  it('takes v2 four-place decimals to minor units only when nothing is lost', () => {
    expect(exactMinor('17.2500', 'USD')).toBe(1725);
    expect(exactMinor(240, 'USD')).toBe(24000);
    expect(exactMinor('17.2550', 'USD')).toBeNull();
    expect(exactMinor('1500.0000', 'JPY')).toBe(1500);
    expect(exactMinor('1500.5000', 'JPY')).toBeNull();
    expect(exactMinor('1.2340', 'KWD')).toBe(1234);
  });
});
