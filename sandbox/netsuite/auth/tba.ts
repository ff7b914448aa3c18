/**
 * Token-based authentication (OAuth 1.0a, HMAC-SHA256), verified as §4.2.B describes. The JSON body is not signed;
 * the URL's query parameters are. Checked against Oracle's published test vector in tests/erp.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { pct } from './percent';

export interface TbaSignatureInput {
  method: string;
  /** The full request URL, query included. */
  url: string;
  consumerKey: string;
  consumerSecret: string;
  tokenId: string;
  tokenSecret: string;
  nonce: string;
  timestamp: string;
}

export function tbaBaseString(input: Omit<TbaSignatureInput, 'consumerSecret' | 'tokenSecret'>): string {
  const url = new URL(input.url);
  // Scheme and host lower case (URL does that); no query, no fragment; default ports dropped (URL does that too).
  const baseUrl = `${url.protocol}//${url.host}${url.pathname}`;
  const params: [string, string][] = [...url.searchParams.entries()];
  params.push(
    ['oauth_consumer_key', input.consumerKey],
    ['oauth_nonce', input.nonce],
    ['oauth_signature_method', 'HMAC-SHA256'],
    ['oauth_timestamp', input.timestamp],
    ['oauth_token', input.tokenId],
    ['oauth_version', '1.0'],
  );
  const encoded = params.map(([k, v]) => [pct(k), pct(v)] as const);
  encoded.sort(([ka, va], [kb, vb]) => (ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0));
  const paramString = encoded.map(([k, v]) => `${k}=${v}`).join('&');
  return `${input.method.toUpperCase()}&${pct(baseUrl)}&${pct(paramString)}`;
}

export function tbaSignature(input: TbaSignatureInput): string {
  const key = `${pct(input.consumerSecret)}&${pct(input.tokenSecret)}`;
  return createHmac('sha256', key).update(tbaBaseString(input)).digest('base64');
}

/** Parses `OAuth realm="…", oauth_consumer_key="…", …` into decoded key/value pairs. */
export function parseOAuthHeader(header: string): Map<string, string> | null {
  if (!/^OAuth\s/i.test(header)) return null;
  const params = new Map<string, string>();
  const re = /([A-Za-z_]+)\s*=\s*"([^"]*)"/g;
  for (const match of header.slice(6).matchAll(re)) {
    const [, key, value] = match;
    if (key === undefined || value === undefined) continue;
    try {
      params.set(key, decodeURIComponent(value));
    } catch {
      return null;
    }
  }
  return params;
}

export interface TbaRegistration {
  consumerKey: string;
  consumerSecret: string;
  tokenId: string;
  tokenSecret: string;
}

export interface TbaVerifierOptions {
  realm: string;
  registrations: TbaRegistration[];
  /** [I] NetSuite's skew window isn't published; 5 minutes is the usual OAuth 1.0a choice. */
  maxSkewSeconds?: number;
  now?: () => number;
}

/** Verifies TBA headers, remembering nonces for the skew window so a captured request can't be replayed. */
export class TbaVerifier {
  private readonly seenNonces = new Map<string, number>();
  private readonly maxSkew: number;
  private readonly now: () => number;

  constructor(private readonly options: TbaVerifierOptions) {
    this.maxSkew = options.maxSkewSeconds ?? 300;
    this.now = options.now ?? (() => Math.floor(Date.now() / 1000));
  }

  /** Returns why verification failed (for the emulator's log), or null when the request is authentic. */
  verify(method: string, url: string, header: string): string | null {
    const p = parseOAuthHeader(header);
    if (!p) return 'not an OAuth header';
    if (p.get('oauth_signature_method') !== 'HMAC-SHA256') return 'signature method must be HMAC-SHA256';
    if (p.get('oauth_version') !== undefined && p.get('oauth_version') !== '1.0') return 'oauth_version must be 1.0';
    const realm = p.get('realm');
    if (realm !== undefined && realm.toUpperCase() !== this.options.realm.toUpperCase()) return `wrong realm ${realm}`;
    const reg = this.options.registrations.find(
      (r) => r.consumerKey === p.get('oauth_consumer_key') && r.tokenId === p.get('oauth_token'),
    );
    if (!reg) return 'unknown consumer key or token';
    const nonce = p.get('oauth_nonce') ?? '';
    const timestamp = p.get('oauth_timestamp') ?? '';
    const signature = p.get('oauth_signature') ?? '';
    if (nonce.length < 6) return 'nonce shorter than 6 characters';
    const ts = Number(timestamp);
    const now = this.now();
    if (!/^\d+$/.test(timestamp) || Math.abs(now - ts) > this.maxSkew) return 'timestamp outside the skew window';
    const expected = tbaSignature({ method, url, ...reg, nonce, timestamp });
    const a = Buffer.from(expected);
    const b = Buffer.from(signature);
    if (a.length !== b.length || !timingSafeEqual(a, b)) return 'signature mismatch';
    // Checked after the signature so an attacker can't burn a legitimate client's nonces with forged requests.
    this.expireNonces(now);
    const nonceKey = `${reg.consumerKey}:${nonce}`;
    if (this.seenNonces.has(nonceKey)) return 'nonce replayed';
    this.seenNonces.set(nonceKey, ts + this.maxSkew);
    return null;
  }

  private expireNonces(now: number): void {
    for (const [key, expiry] of this.seenNonces) if (expiry < now) this.seenNonces.delete(key);
  }
}
