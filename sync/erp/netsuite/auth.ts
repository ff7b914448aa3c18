/**
 * The two ways to authenticate to NetSuite REST (§4.2): OAuth 2.0 client credentials (preferred; mandatory for new
 * integrations from 2027.1) and TBA. The client asks for a header per request and says when a 401 came back.
 */
import { SignJWT, importPKCS8, type CryptoKey } from 'jose';
import { ErpError } from '../errors';
import { tbaAuthorizationHeader, type TbaCredentials } from './tba-signer';

export interface NetSuiteAuth {
  /** The Authorization header for this exact request (TBA signs the URL). */
  header(method: string, url: string): Promise<string>;
  /** Called after a 401; returns true when a retry with a fresh credential makes sense. */
  invalidate(): boolean;
  /** Which integration the credential belongs to (concurrency limits are per account and integration). */
  readonly identity: string;
}

export interface M2MCredentials {
  clientId: string;
  certificateId: string;
  privateKeyPem: string;
  /** PS256 (RSA) by default; ES256 for an EC certificate. */
  alg?: string;
}

/** Mint a token this long before expiry, so a request never leaves with a token that dies in flight. */
const EARLY_REFRESH_SECONDS = 120;

export class OAuth2ClientCredentials implements NetSuiteAuth {
  private token: { value: string; expiresAt: number } | null = null;
  private pending: Promise<string> | null = null;
  private key: CryptoKey | null = null;

  constructor(
    private readonly creds: M2MCredentials,
    private readonly tokenUrl: string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  get identity(): string {
    return `oauth2:${this.creds.clientId}`;
  }

  async header(): Promise<string> {
    return `Bearer ${await this.accessToken()}`;
  }

  invalidate(): boolean {
    const hadToken = this.token !== null;
    this.token = null;
    return hadToken; // one fresh token is worth a retry; a fresh token that is also refused is not
  }

  private async accessToken(): Promise<string> {
    const now = Date.now() / 1000;
    if (this.token && this.token.expiresAt - EARLY_REFRESH_SECONDS > now) return this.token.value;
    // Single flight: concurrent requests share one token exchange.
    this.pending ??= this.exchange().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  private async exchange(): Promise<string> {
    const alg = this.creds.alg ?? 'PS256';
    this.key ??= await importPKCS8(this.creds.privateKeyPem, alg);
    const now = Math.floor(Date.now() / 1000);
    const assertion = await new SignJWT({ scope: ['rest_webservices'] })
      .setProtectedHeader({ typ: 'JWT', alg, kid: this.creds.certificateId })
      .setIssuer(this.creds.clientId)
      .setAudience(this.tokenUrl)
      .setIssuedAt(now)
      .setExpirationTime(now + 3600)
      .sign(this.key);
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
    });
    let response: Response;
    try {
      response = await this.fetchImpl(this.tokenUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: body.toString(),
      });
    } catch (cause) {
      throw new ErpError('upstream', `NetSuite token endpoint unreachable (${this.tokenUrl}).`, { cause });
    }
    const text = await response.text();
    if (response.status >= 500 || response.status === 429) {
      throw new ErpError(response.status === 429 ? 'rate_limited' : 'upstream', `NetSuite token endpoint answered ${response.status}.`, { status: response.status });
    }
    if (!response.ok) {
      throw new ErpError('auth', `NetSuite refused the client-credentials assertion (${response.status}: ${text.slice(0, 300)}). Check NETSUITE_CLIENT_ID, NETSUITE_CERTIFICATE_ID and that the certificate's public key is uploaded to the integration's M2M setup.`, { status: response.status });
    }
    const parsed = JSON.parse(text) as { access_token?: unknown; expires_in?: unknown };
    // [I] expires_in may be a string or a number.
    const ttl = Number(parsed.expires_in ?? 3600);
    if (typeof parsed.access_token !== 'string' || !Number.isFinite(ttl)) {
      throw new ErpError('auth', 'NetSuite token response had no access_token.');
    }
    this.token = { value: parsed.access_token, expiresAt: Date.now() / 1000 + ttl };
    return parsed.access_token;
  }
}

export class TokenBasedAuth implements NetSuiteAuth {
  constructor(private readonly creds: TbaCredentials) {}

  get identity(): string {
    return `tba:${this.creds.consumerKey}`;
  }

  async header(method: string, url: string): Promise<string> {
    return tbaAuthorizationHeader(this.creds, method, url);
  }

  invalidate(): boolean {
    return false; // TBA tokens don't expire by time: a 401 means the credential or the signature is wrong.
  }
}
