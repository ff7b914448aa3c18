/** A Storefront GraphQL failure with a kind callers can act on and a message a person can read. */
export type StorefrontErrorKind = 'auth' | 'rate_limited' | 'upstream' | 'graphql' | 'timeout' | 'network';

export class StorefrontGraphqlError extends Error {
  constructor(
    readonly kind: StorefrontErrorKind,
    readonly operationName: string,
    message: string,
    readonly status?: number,
    /** `errors[].extensions.code` values, e.g. INVALID_CREDENTIALS, for callers that branch on a cause. */
    readonly codes: readonly string[] = [],
  ) {
    super(`${operationName}: ${message}`);
    this.name = 'StorefrontGraphqlError';
  }
}
