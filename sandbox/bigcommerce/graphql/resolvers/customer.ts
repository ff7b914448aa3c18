import { GraphQLError } from 'graphql';
import type { BcCustomer } from '../../store/types';
import type { GraphqlContext } from '../context';
import { requireScope } from '../scopes';
import { on, stringArg, type ResolverMap } from './args';

function customerView(ctx: GraphqlContext, customer: BcCustomer) {
  return {
    entityId: customer.id,
    company: customer.company,
    customerGroupId: customer.customer_group_id,
    customerGroupName: ctx.store.customerGroups.get(customer.customer_group_id)?.name ?? null,
    email: customer.email,
    firstName: customer.first_name,
    lastName: customer.last_name,
    phone: customer.phone,
  };
}

/**
 * `customer` is the impersonated shopper (null for guests). `login` only validates credentials and returns
 * the customer: with an impersonation token it does not sign anyone in — the documented pattern is to keep
 * `customer.entityId` in the app's session and send it as X-Bc-Customer-Id afterwards. `logout` has no
 * session to end and answers "success".
 */
export const customerResolvers: ResolverMap = {
  Query: {
    customer: on<unknown>((_p, _a, ctx) => {
      requireScope(ctx, 'Customer');
      return ctx.customer ? customerView(ctx, ctx.customer) : null;
    }),
  },
  Mutation: {
    login: on<unknown>((_p, args, ctx) => {
      requireScope(ctx, 'Customer');
      const email = (stringArg(args, 'email') ?? '').trim().toLowerCase();
      const password = stringArg(args, 'password') ?? '';
      const customer = [...ctx.store.customers.values()].find((c) => c.email.toLowerCase() === email);
      if (!customer || ctx.store.passwords.get(customer.id) !== password) {
        throw new GraphQLError('Invalid credentials', { extensions: { code: 'INVALID_CREDENTIALS' } });
      }
      return { customer: customerView(ctx, customer) };
    }),
    logout: on<unknown>((_p, _a, ctx) => {
      requireScope(ctx, 'Customer');
      return { result: 'success' };
    }),
  },
};
