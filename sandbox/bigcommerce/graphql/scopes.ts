import { GraphQLError } from 'graphql';
import type { TokenScope } from '../auth/storefront-tokens';
import type { GraphqlContext } from './context';

/**
 * Private tokens carry scopes (Unauthenticated, Customer, B2B); a field outside them fails with BigCommerce's
 * INSUFFICIENT_ACCESS_SCOPE error. Storefront and impersonation tokens are not scoped. Which fields need which
 * scope is from the docs' prose: catalog → Unauthenticated; customer identity, login/logout → Customer.
 */
export function requireScope(ctx: GraphqlContext, scope: TokenScope): void {
  if (ctx.token.token_type !== 'private' || ctx.token.scopes.includes(scope)) return;
  throw new GraphQLError('The provided token does not include the scopes required to resolve this field.', {
    extensions: { code: 'INSUFFICIENT_ACCESS_SCOPE', requiredScopes: [scope] },
  });
}
