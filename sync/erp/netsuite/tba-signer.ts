/**
 * OAuth 1.0a (TBA) request signing for NetSuite, HMAC-SHA256 (§4.2.B). Deliberately independent of the emulator's
 * verifier: both are checked against Oracle's published test vector, so a shared bug can't hide.
 */
import { createHmac, randomBytes } from 'node:crypto';

export interface TbaCredentials {
  /** Realm form: "1234567_SB1". */
  accountId: string;
  consumerKey: string;
  consumerSecret: string;
  tokenId: string;
  tokenSecret: string;
}

function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function signatureBaseString(method: string, url: string, oauthParams: Record<string, string>): string {
  const parsed = new URL(url);
  // WHATWG URL already lower-cases scheme and host and drops default ports; query and fragment are left out.
  const base = `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  const pairs: [string, string][] = [];
  parsed.searchParams.forEach((value, key) => pairs.push([rfc3986(key), rfc3986(value)]));
  for (const [key, value] of Object.entries(oauthParams)) pairs.push([rfc3986(key), rfc3986(value)]);
  pairs.sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) : a[0] < b[0] ? -1 : 1));
  return [method.toUpperCase(), rfc3986(base), rfc3986(pairs.map(([k, v]) => `${k}=${v}`).join('&'))].join('&');
}

export function hmacSha256Signature(baseString: string, consumerSecret: string, tokenSecret: string): string {
  return createHmac('sha256', `${rfc3986(consumerSecret)}&${rfc3986(tokenSecret)}`).update(baseString).digest('base64');
}

/** Builds the Authorization header. A fresh nonce and timestamp every call, retries included (§4.2.B step 8). */
export function tbaAuthorizationHeader(
  creds: TbaCredentials,
  method: string,
  url: string,
  fixed?: { nonce: string; timestamp: string },
): string {
  const oauth: Record<string, string> = {
    oauth_consumer_key: creds.consumerKey,
    oauth_nonce: fixed?.nonce ?? randomBytes(16).toString('hex'),
    oauth_signature_method: 'HMAC-SHA256',
    oauth_timestamp: fixed?.timestamp ?? String(Math.floor(Date.now() / 1000)),
    oauth_token: creds.tokenId,
    oauth_version: '1.0',
  };
  const signature = hmacSha256Signature(signatureBaseString(method, url, oauth), creds.consumerSecret, creds.tokenSecret);
  const fields = { realm: creds.accountId, ...oauth, oauth_signature: signature };
  return `OAuth ${Object.entries(fields).map(([k, v]) => `${k}="${rfc3986(v)}"`).join(', ')}`;
}
