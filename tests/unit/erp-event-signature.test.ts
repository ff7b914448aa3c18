import { describe, expect, it } from 'vitest';
import { erpEventSchema, triggerFromErpEvent } from '@/sync/erp-events/event';
import { signErpEvent, verifyErpSignature } from '@/sync/erp-events/signature';

const SECRET = 'erp-events-secret-0123456789';
const body = JSON.stringify({ seq: 7, type: 'item.price.changed', at: '2026-11-21T10:00:00.000Z', data: { sku: 'ABC-1', unitPrice: '9.99' } });
const now = 1_795_000_000;

describe('ERP event signature', () => {
  it('accepts the signature of the exact body within the tolerance', () => {
    expect(verifyErpSignature(signErpEvent(SECRET, body, now - 60), body, SECRET, now)).toEqual({ ok: true });
  });

  it.each([
    ['a missing header', null, /missing/],
    ['a malformed header', 'sha256=abc', /must look like/],
    ['another secret', signErpEvent('another-secret-0123456789', body, now), /does not match/],
    ['a changed body', signErpEvent(SECRET, body.replace('9.99', '0.01'), now), /does not match/],
    ['a replay after 10 minutes', signErpEvent(SECRET, body, now - 600), /more than 300 s/],
  ])('refuses %s with a reason', (_name, header, problem) => {
    const check = verifyErpSignature(header, body, SECRET, now);
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.problem).toMatch(problem);
  });

  it('turns an event into a trigger holding only its keys, identified by type, sequence and time', () => {
    const event = erpEventSchema.parse(JSON.parse(body));
    expect(triggerFromErpEvent(event, new Date('2026-11-21T10:00:01Z'))).toEqual({
      source: 'erp-event',
      scope: 'item.price.changed',
      ids: { sku: ['ABC-1'] },
      receivedAt: '2026-11-21T10:00:01.000Z',
      occurredAt: '2026-11-21T10:00:00.000Z',
      dedupKey: 'item.price.changed:7:2026-11-21T10:00:00.000Z',
    });
    expect(erpEventSchema.safeParse({ seq: 1, type: 'Price Changed', at: 'yesterday', data: {} }).success).toBe(false);
  });
});
