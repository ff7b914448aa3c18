/**
 * NetSuite adapter configuration from the environment (see README.md), and the factory that wires client, auth
 * and adapter. OAuth 2.0 client credentials win when both schemes are configured.
 */
import { ErpError } from '../errors';
import { NetSuiteErpAdapter, type NetSuiteAdapterOptions } from './adapter';
import { OAuth2ClientCredentials, TokenBasedAuth, type M2MCredentials, type NetSuiteAuth } from './auth';
import { NetSuiteClient, type NetSuiteClientOptions } from './client';
import type { TbaCredentials } from './tba-signer';

export interface NetSuiteConfig {
  /** Realm form, e.g. "1234567_SB1". */
  accountId: string;
  /** Override for the emulator: `http://127.0.0.1:4010/services/rest`. Default: the account's SuiteTalk host. */
  restBase?: string;
  m2m?: M2MCredentials;
  tba?: Omit<TbaCredentials, 'accountId'>;
  client?: Omit<NetSuiteClientOptions, 'restBase' | 'auth'>;
  adapter?: NetSuiteAdapterOptions;
}

export function restBaseFor(accountId: string): string {
  return `https://${accountId.toLowerCase().replace(/_/g, '-')}.suitetalk.api.netsuite.com/services/rest`;
}

export function netSuiteConfigFromEnv(env: Record<string, string | undefined> = process.env): NetSuiteConfig {
  const accountId = env['NETSUITE_ACCOUNT_ID'];
  if (!accountId) throw new ErpError('auth', 'NETSUITE_ACCOUNT_ID is not set (realm form, e.g. 1234567_SB1).');
  const config: NetSuiteConfig = { accountId, restBase: env['NETSUITE_REST_BASE'] };
  const { NETSUITE_CLIENT_ID: clientId, NETSUITE_CERTIFICATE_ID: certificateId, NETSUITE_PRIVATE_KEY: privateKeyPem } = env;
  if (clientId && certificateId && privateKeyPem) {
    config.m2m = { clientId, certificateId, privateKeyPem: privateKeyPem.replace(/\\n/g, '\n'), alg: env['NETSUITE_JWT_ALG'] };
  }
  const { NETSUITE_CONSUMER_KEY: consumerKey, NETSUITE_CONSUMER_SECRET: consumerSecret, NETSUITE_TOKEN_ID: tokenId, NETSUITE_TOKEN_SECRET: tokenSecret } = env;
  if (consumerKey && consumerSecret && tokenId && tokenSecret) config.tba = { consumerKey, consumerSecret, tokenId, tokenSecret };
  if (!config.m2m && !config.tba) {
    throw new ErpError('auth', 'No NetSuite credentials: set NETSUITE_CLIENT_ID + NETSUITE_CERTIFICATE_ID + NETSUITE_PRIVATE_KEY (OAuth 2.0), or the four TBA variables.');
  }
  const concurrency = env['NETSUITE_MAX_CONCURRENCY'];
  if (concurrency) config.client = { maxConcurrency: Number(concurrency) };
  return config;
}

export function createNetSuiteAdapter(config: NetSuiteConfig): NetSuiteErpAdapter {
  const restBase = (config.restBase ?? restBaseFor(config.accountId)).replace(/\/$/, '');
  const fetchImpl = config.client?.fetchImpl;
  let auth: NetSuiteAuth;
  if (config.m2m) auth = new OAuth2ClientCredentials(config.m2m, `${restBase}/auth/oauth2/v1/token`, fetchImpl);
  else if (config.tba) auth = new TokenBasedAuth({ accountId: config.accountId, ...config.tba });
  else throw new ErpError('auth', 'NetSuite config has neither m2m nor tba credentials.');
  return new NetSuiteErpAdapter(new NetSuiteClient({ ...config.client, restBase, auth }), config.adapter);
}
