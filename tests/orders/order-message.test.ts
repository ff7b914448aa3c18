import { describe, expect, it } from 'vitest';
import { composeOrderMessage, parseOrderMessage } from '../../sync/flows/orders/order-message';

describe('PO number and delivery date in customer_message', () => {
  it('round-trips PO, requested delivery date and a multi-line comment', () => {
    const message = { poNumber: 'PO-7781', requestedDeliveryDate: '2026-12-01', comment: 'Dock 4.\nMornings only.' };
    const text = composeOrderMessage(message);
    expect(text).toBe('PO Number: PO-7781\nRequested delivery date: 2026-12-01\nDock 4.\nMornings only.');
    expect(parseOrderMessage(text)).toEqual(message);
  });

  it('a PO typed with line breaks or padding stays one line', () => {
    expect(composeOrderMessage({ poNumber: '  PO\n 12 ' })).toBe('PO Number: PO 12');
  });

  it('reads labels case-insensitively, but only at the top: a comment quoting "PO Number:" stays comment', () => {
    expect(parseOrderMessage('po number:  A-1 \r\nShip with PO Number: B-2')).toEqual({ poNumber: 'A-1', comment: 'Ship with PO Number: B-2' });
    expect(parseOrderMessage('Please call first\nPO Number: X')).toEqual({ comment: 'Please call first\nPO Number: X' });
  });

  it('no message, or only a comment, means no PO', () => {
    expect(parseOrderMessage(null)).toEqual({});
    expect(parseOrderMessage('')).toEqual({});
    expect(parseOrderMessage('Leave at gate')).toEqual({ comment: 'Leave at gate' });
    expect(composeOrderMessage({ poNumber: ' ', comment: ' ' })).toBe('');
  });
});
