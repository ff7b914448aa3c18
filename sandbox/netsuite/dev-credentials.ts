/**
 * Published demo credentials, so the adapter authenticates against the emulator with zero configuration. They
 * protect nothing: the key pair under dev-keys/ exists only for this emulator and must never be registered in a
 * real NetSuite account.
 */
import { DEV_PRIVATE_KEY_PEM, DEV_PUBLIC_KEY_PEM } from './dev-keys/keys';

/** Sandbox account: realm form (OAuth 1.0a realm) and host form (URLs), §4.1. */
export const DEV_ACCOUNT_ID = '1234567_SB1';

export const DEV_M2M = {
  clientId: 'b2b-storefront-sync-dev-client',
  certificateId: 'dev-cert-0001',
  alg: 'PS256',
} as const;

/** Arbitrary hex strings in NetSuite's 64-character format. */
export const DEV_TBA = {
  consumerKey: '6f3c1e0a9b2d4c8e7f5a1b3c9d0e2f4a6b8c0d1e3f5a7b9c1d2e4f6a8b0c2d4e',
  consumerSecret: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
  tokenId: '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0',
  tokenSecret: '99887766554433221100ffeeddccbbaa99887766554433221100ffeeddccbbaa',
} as const;

export function devPublicKeyPem(): string {
  return DEV_PUBLIC_KEY_PEM;
}

export function devPrivateKeyPem(): string {
  return DEV_PRIVATE_KEY_PEM;
}

/** "1234567_SB1" → "1234567-sb1" (URL host form, §4.1). */
export function accountHostForm(accountId: string): string {
  return accountId.toLowerCase().replace(/_/g, '-');
}
