/**
 * OAuth 2.0 client credentials (M2M), §4.2.A: the client signs a JWT assertion with its certificate's private key;
 * the emulator verifies it against the public key registered under the `kid` (certificate id), checks `iss`,
 * `aud`, `scope` and a lifetime of at most an hour, and issues a 60-minute bearer token.
 */
import { randomBytes } from 'node:crypto';
import { SignJWT, decodeProtectedHeader, importSPKI, jwtVerify, type CryptoKey } from 'jose';

const ALLOWED_ALGS = ['PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'];
const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export interface M2MRegistration {
  clientId: string;
  certificateId: string;
  publicKeyPem: string;
  /** The algorithm of the key: PS256 for RSA, ES256 for P-256, … */
  alg: string;
}

/** Token endpoint failures follow RFC 6749 §5.2 ([I]: NetSuite's exact body isn't published). */
export class OAuthTokenError extends Error {
  constructor(
    readonly error: 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type' | 'invalid_scope',
    description: string,
  ) {
    super(description);
  }
}

export interface OAuth2ServerOptions {
  registrations: M2MRegistration[];
  /** Every `aud` value accepted: the emulator's own token URL and the canonical NetSuite one. */
  audiences: string[];
  /** Oracle's older sample assertion uses RS256; off by default like a current account. */
  allowRs256?: boolean;
  tokenTtlSeconds?: number;
}

export class OAuth2Server {
  private readonly secret = randomBytes(32);
  private readonly keys = new Map<string, { reg: M2MRegistration; key: CryptoKey }>();
  private readonly ttl: number;

  private constructor(private readonly options: OAuth2ServerOptions) {
    this.ttl = options.tokenTtlSeconds ?? 3600;
  }

  static async create(options: OAuth2ServerOptions): Promise<OAuth2Server> {
    const server = new OAuth2Server(options);
    for (const reg of options.registrations) {
      server.keys.set(reg.certificateId, { reg, key: await importSPKI(reg.publicKeyPem, reg.alg) });
    }
    return server;
  }

  /** Handles the form body of `POST /auth/oauth2/v1/token`. */
  async exchange(formBody: string): Promise<{ access_token: string; expires_in: string; token_type: 'bearer' }> {
    const form = new URLSearchParams(formBody);
    if (form.get('grant_type') !== 'client_credentials') {
      throw new OAuthTokenError('unsupported_grant_type', 'grant_type must be client_credentials');
    }
    if (form.get('client_assertion_type') !== CLIENT_ASSERTION_TYPE) {
      throw new OAuthTokenError('invalid_request', `client_assertion_type must be ${CLIENT_ASSERTION_TYPE}`);
    }
    const assertion = form.get('client_assertion') ?? '';
    let kid: string | undefined;
    let alg: string | undefined;
    try {
      ({ kid, alg } = decodeProtectedHeader(assertion));
    } catch {
      throw new OAuthTokenError('invalid_request', 'client_assertion is not a JWT');
    }
    const entry = kid === undefined ? undefined : this.keys.get(kid);
    if (!entry) throw new OAuthTokenError('invalid_client', `no certificate registered with kid ${kid ?? '(none)'}`);
    const algorithms = this.options.allowRs256 ? [...ALLOWED_ALGS, 'RS256'] : ALLOWED_ALGS;
    if (alg === undefined || !algorithms.includes(alg)) throw new OAuthTokenError('invalid_grant', `alg ${alg} not allowed`);

    let payload;
    try {
      ({ payload } = await jwtVerify(assertion, entry.key, {
        algorithms,
        issuer: entry.reg.clientId,
        audience: this.options.audiences,
        requiredClaims: ['iat', 'exp'],
      }));
    } catch (error) {
      throw new OAuthTokenError('invalid_grant', `assertion rejected: ${(error as Error).message}`);
    }
    if (payload.exp === undefined || payload.iat === undefined || payload.exp > payload.iat + 3600) {
      throw new OAuthTokenError('invalid_grant', 'exp must be at most iat + 3600');
    }
    // The docs say "separated by a comma" but the sample sends a JSON array: accept both.
    const rawScope: unknown = payload['scope'];
    const scopes = Array.isArray(rawScope)
      ? rawScope.filter((s): s is string => typeof s === 'string')
      : typeof rawScope === 'string'
        ? rawScope.split(/[,\s]+/)
        : [];
    if (!scopes.includes('rest_webservices')) throw new OAuthTokenError('invalid_scope', 'scope must include rest_webservices');

    const accessToken = await new SignJWT({ scope: scopes })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(entry.reg.clientId)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + this.ttl)
      .sign(this.secret);
    // [I] expires_in: the docs show a string; the adapter parses either.
    return { access_token: accessToken, expires_in: String(this.ttl), token_type: 'bearer' };
  }

  /** True when the bearer token was issued here and hasn't expired. */
  async verifyBearer(token: string): Promise<boolean> {
    try {
      await jwtVerify(token, this.secret, { algorithms: ['HS256'] });
      return true;
    } catch {
      return false;
    }
  }
}
