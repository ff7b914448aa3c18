import { describe, expect, it } from 'vitest';
import { TbaVerifier, tbaBaseString, tbaSignature } from '@/sandbox/netsuite/auth/tba';
import { signatureBaseString, tbaAuthorizationHeader, hmacSha256Signature } from '@/sync/erp/netsuite/tba-signer';

// Oracle's published example inputs (ERP-CONTRACTS.md §4.2.B).
const VECTOR = {
  method: 'POST',
  url: 'https://1234567.restlets.api.netsuite.com/app/site/hosting/restlet.nl?script=6&deploy=1&customParam=someValue&testParam=someOtherValue',
  consumerKey: 'ef40afdd8abaac111b13825dd5e5e2ddddb44f86d5a0dd6dcf38c20aae6b67e4',
  consumerSecret: 'd26ad321a4b2f23b0741c8d38392ce01c3e23e109df6c96eac6d099e9ab9e8b5',
  tokenId: '2b0ce516420110bcbd36b69e99196d1b7f6de3c6234c5afb799b73d87569f5cc',
  tokenSecret: 'c29a677df7d5439a458c063654187e3d678d73aca8e3c9d8bea1478a3eb0d295',
  nonce: 'fjaLirsIcCGVZWzBX0pg',
  timestamp: '1508242306',
};
const BASE_STRING =
  'POST&https%3A%2F%2F1234567.restlets.api.netsuite.com%2Fapp%2Fsite%2Fhosting%2Frestlet.nl&customParam%3DsomeValue%26deploy%3D1%26oauth_consumer_key%3Def40afdd8abaac111b13825dd5e5e2ddddb44f86d5a0dd6dcf38c20aae6b67e4%26oauth_nonce%3DfjaLirsIcCGVZWzBX0pg%26oauth_signature_method%3DHMAC-SHA256%26oauth_timestamp%3D1508242306%26oauth_token%3D2b0ce516420110bcbd36b69e99196d1b7f6de3c6234c5afb799b73d87569f5cc%26oauth_version%3D1.0%26script%3D6%26testParam%3DsomeOtherValue';
const SIGNATURE = 'i7MEtGwhCTIZbTsTrNGw9LdcERn4wsjt5C7TxmKWIfU=';

describe('TBA signature test vector (Oracle example inputs)', () => {
  it('emulator verifier builds the published base string and signature', () => {
    expect(tbaBaseString(VECTOR)).toBe(BASE_STRING);
    expect(tbaSignature(VECTOR)).toBe(SIGNATURE);
  });

  it('adapter signer builds the same base string and signature independently', () => {
    const base = signatureBaseString(VECTOR.method, VECTOR.url, {
      oauth_consumer_key: VECTOR.consumerKey,
      oauth_nonce: VECTOR.nonce,
      oauth_signature_method: 'HMAC-SHA256',
      oauth_timestamp: VECTOR.timestamp,
      oauth_token: VECTOR.tokenId,
      oauth_version: '1.0',
    });
    expect(base).toBe(BASE_STRING);
    expect(hmacSha256Signature(base, VECTOR.consumerSecret, VECTOR.tokenSecret)).toBe(SIGNATURE);
  });

  it('adapter header carries the percent-encoded signature and the realm', () => {
    const header = tbaAuthorizationHeader({ accountId: '1234567', ...VECTOR }, VECTOR.method, VECTOR.url, VECTOR);
    expect(header).toContain(`oauth_signature="${encodeURIComponent(SIGNATURE)}"`);
    expect(header).toContain('realm="1234567"');
  });
});

describe('TBA verifier', () => {
  const creds = { accountId: '1234567', consumerKey: 'ck', consumerSecret: 'cs', tokenId: 'tk', tokenSecret: 'ts' };
  const url = 'http://127.0.0.1:1/services/rest/record/v1/customer/1?fields=id';
  const now = 1_700_000_000;
  const verifier = (): TbaVerifier => new TbaVerifier({ realm: '1234567', registrations: [creds], now: () => now });

  it('accepts a correctly signed request once and refuses its replay', () => {
    const v = verifier();
    const header = tbaAuthorizationHeader(creds, 'GET', url, { nonce: 'abcdef123', timestamp: String(now) });
    expect(v.verify('GET', url, header)).toBeNull();
    expect(v.verify('GET', url, header)).toBe('nonce replayed');
  });

  it('refuses a tampered query, a stale timestamp and a wrong secret', () => {
    const v = verifier();
    const header = tbaAuthorizationHeader(creds, 'GET', url, { nonce: 'n1n1n1n1', timestamp: String(now) });
    expect(v.verify('GET', url.replace('fields=id', 'fields=balance'), header)).toBe('signature mismatch');
    const stale = tbaAuthorizationHeader(creds, 'GET', url, { nonce: 'n2n2n2n2', timestamp: String(now - 3600) });
    expect(v.verify('GET', url, stale)).toBe('timestamp outside the skew window');
    const forged = tbaAuthorizationHeader({ ...creds, tokenSecret: 'nope' }, 'GET', url, { nonce: 'n3n3n3n3', timestamp: String(now) });
    expect(v.verify('GET', url, forged)).toBe('signature mismatch');
  });
});
