import { describe, expect, it } from 'vitest';
import type { BcOrderLine } from '../../sync/flows/orders/bc-order';
import { isSettled, itemsToShip, mirroredFulfilments, primaryTrackingNumber, shipmentComments, targetStatus } from '../../sync/flows/orders/shipment-plan';

const line = (id: number, sku: string, quantity: number, shipped = 0): BcOrderLine => ({ id, name: sku, sku, quantity, quantity_shipped: shipped, price_ex_tax: '1.0000' });

describe('shipment plan', () => {
  it('ships what the ERP fulfilled beyond what BigCommerce shows, spread over lines of the same SKU', () => {
    const bc = [line(1, 'HX-2', 5, 5), line(2, 'hx-2', 5, 0), line(3, 'WS-1', 2, 0)];
    const erp = [{ sku: 'HX-2', quantity: 10, quantityFulfilled: 8 }, { sku: 'WS-1', quantity: 2, quantityFulfilled: 0 }];
    expect(itemsToShip(erp, bc)).toEqual([{ order_product_id: 2, quantity: 3 }]);
    expect(itemsToShip([{ sku: 'HX-2', quantity: 10, quantityFulfilled: 5 }], bc)).toEqual([]);
  });

  it('marks each shipment with the fulfilments it mirrors and finds them again', () => {
    const fulfilments = [
      { erpFulfilmentId: '812', number: 'IF812', shipStatus: 'shipped' as const, trackingNumbers: ['1Z1', '1Z2'] },
      { erpFulfilmentId: '813', number: null, shipStatus: 'shipped' as const, trackingNumbers: [] },
    ];
    const comments = shipmentComments(fulfilments);
    expect(comments).toBe('ERP fulfilment 812 (IF812): tracking 1Z1, 1Z2\nERP fulfilment 813');
    expect(mirroredFulfilments([{ id: 1, comments, items: [] }, { id: 2, comments: null, items: [] }])).toEqual(new Set(['812', '813']));
    expect(primaryTrackingNumber([{ ...fulfilments[0]!, trackingNumbers: ['X'.repeat(51), '1Z3'] }])).toBe('1Z3');
  });
});

describe('target status', () => {
  const open = [line(1, 'A', 2, 0)];
  const some = [line(1, 'A', 2, 1)];
  const all = [line(1, 'A', 2, 2)];

  it('follows fulfilment: Awaiting Fulfillment, Partially Shipped, Shipped; Completed when the ERP closes a shipped order', () => {
    expect(targetStatus('pending_fulfillment', open, 1)).toBe(11);
    expect(targetStatus('partially_fulfilled', some, 11)).toBe(3);
    expect(targetStatus('pending_billing', all, 3)).toBe(2);
    expect(targetStatus('closed', all, 2)).toBe(10);
    expect(targetStatus('pending_approval', open, 1)).toBeNull();
  });

  it('never moves backwards, never overrides a merchant status, cancels only what has not shipped', () => {
    expect(targetStatus('pending_fulfillment', open, 2)).toBeNull();
    expect(targetStatus('pending_billing', all, 4)).toBeNull(); // Refunded
    expect(targetStatus('cancelled', open, 11)).toBe(5);
    expect(targetStatus('closed', open, 11)).toBe(5);
    expect(targetStatus('cancelled', some, 3)).toBeNull();
  });

  it('is settled once the ERP order is over, or fully shipped and billing', () => {
    expect(isSettled('pending_billing', all)).toBe(true);
    expect(isSettled('pending_billing_partially_fulfilled', some)).toBe(false);
    expect(isSettled('cancelled', open)).toBe(true);
    expect(isSettled('pending_fulfillment', open)).toBe(false);
  });
});
