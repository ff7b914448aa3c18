import { describe, expect, it } from 'vitest';
import { safeReturnPath } from '@/lib/session/safe-redirect';
import { buyerFromSession } from '@/lib/session/session-data';

describe('return path after sign-in', () => {
  it('keeps same-site paths with their query', () => {
    expect(safeReturnPath('/fasteners?sort=A_TO_Z')).toBe('/fasteners?sort=A_TO_Z');
  });

  it.each(['https://evil.example/', '//evil.example/x', '/\\evil.example', '/.//evil.example', '/a/..//evil.example', '/%2e//evil.example', 'javascript:alert(1)', '', undefined, 42])(
    'refuses %s as an open redirect and returns home',
    (candidate) => {
      expect(safeReturnPath(candidate)).toBe('/');
    },
  );
});

describe('session contents', () => {
  const buyer = {
    customerId: 7,
    email: 'a@b.example',
    firstName: 'A',
    lastName: 'B',
    company: 'C',
    customerGroupId: 2,
    customerGroupName: 'Level 2',
    signedInAt: 1,
  };

  it('accepts a buyer sealed by this version of the app', () => {
    expect(buyerFromSession({ buyer })).toEqual(buyer);
  });

  it('treats a missing or differently shaped buyer as signed out', () => {
    expect(buyerFromSession({})).toBeNull();
    expect(buyerFromSession({ buyer: { ...buyer, customerId: '7' } as unknown as typeof buyer })).toBeNull();
    expect(buyerFromSession({ buyer: { ...buyer, customerId: 0 } })).toBeNull();
  });
});
