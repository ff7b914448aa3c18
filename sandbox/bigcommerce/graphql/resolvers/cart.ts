import { convertCatalogAmount } from '../../pricing/exchange-rates';
import { addLines, newCart, removeLine, replaceLine } from '../cart/cart-changes';
import { requireCart, checkVersion, shopperId, visibleCart } from '../cart/cart-access';
import { cartError } from '../cart/cart-errors';
import { cartView } from '../cart/cart-view';
import { resolveLineInput, type CartLineItemArg } from '../cart/line-input';
import { issueRedirectUrls } from '../cart/redirect-urls';
import type { GraphqlContext } from '../context';
import { requireScope } from '../scopes';
import { on, stringArg, type Args, type ResolverMap } from './args';

interface CreateCartArg {
  lineItems?: CartLineItemArg[] | null;
  currencyCode?: string | null;
  locale?: string | null;
}
interface CartRef {
  cartEntityId: string;
  version?: number | null;
}
interface AddLinesArg extends CartRef {
  data: { lineItems?: CartLineItemArg[] | null };
}
interface UpdateLineArg extends CartRef {
  lineItemEntityId: string;
  data: { lineItem?: CartLineItemArg | null };
}
interface DeleteLineArg extends CartRef {
  lineItemEntityId: string;
}
interface RedirectUrlsArg {
  cartEntityId?: string | null;
  queryParams?: { key: string; value: string }[] | null;
}

// graphql-js has validated `input` against the schema's input types; this only names its shape.
const inputOf = <T>(args: Args): T => args.input as T;

/**
 * `site.cart` and `Mutation.cart` (cart scope: Unauthenticated, FACTS §5). Each mutation works out the whole
 * change first and writes it only when every line passes (cart/cart-changes.ts); a refusal is a GraphQL error
 * with a CartErrorCode (cart/cart-errors.ts) and leaves the cart as it was.
 */
export const cartResolvers: ResolverMap = {
  Site: {
    cart: on<unknown>((_p, args, ctx) => {
      const cart = visibleCart(ctx, stringArg(args, 'entityId'));
      return cart ? cartView(ctx, cart) : null;
    }),
  },
  Mutation: {
    cart: on<unknown>((_p, _a, ctx) => {
      requireScope(ctx, 'Unauthenticated');
      return {};
    }),
  },
  CartMutations: {
    createCart: on<unknown>((_p, args, ctx) => {
      const input = inputOf<CreateCartArg>(args);
      const requested = (input.lineItems ?? []).map((line) => resolveLineInput(ctx.store, line));
      if (requested.length === 0) throw cartError('EMPTY_CART_CREATION', 'A cart needs at least one line item.');
      const cart = newCart(shopperId(ctx), currencyOf(ctx, input.currencyCode), input.locale ?? 'en');
      addLines(ctx.store, cart, requested);
      ctx.store.carts.set(cart.id, cart);
      return { cart: cartView(ctx, cart) };
    }),
    deleteCart: on<unknown>((_p, args, ctx) => {
      const cart = requireCart(ctx, inputOf<CartRef>(args).cartEntityId);
      ctx.store.carts.delete(cart.id);
      return { deletedCartEntityId: cart.id };
    }),
    addCartLineItems: on<unknown>((_p, args, ctx) => {
      const input = inputOf<AddLinesArg>(args);
      const cart = requireCart(ctx, input.cartEntityId);
      checkVersion(cart, input.version ?? undefined);
      addLines(ctx.store, cart, (input.data.lineItems ?? []).map((line) => resolveLineInput(ctx.store, line)));
      return { cart: cartView(ctx, cart) };
    }),
    updateCartLineItem: on<unknown>((_p, args, ctx) => {
      const input = inputOf<UpdateLineArg>(args);
      const cart = requireCart(ctx, input.cartEntityId);
      checkVersion(cart, input.version ?? undefined);
      lineOf(cart.line_items, input.lineItemEntityId);
      if (!input.data.lineItem) throw cartError('INVALID_PRODUCT', 'data.lineItem is required (gift certificates are not emulated).');
      replaceLine(ctx.store, cart, input.lineItemEntityId, resolveLineInput(ctx.store, input.data.lineItem));
      return { cart: cartView(ctx, cart) };
    }),
    // "Removing the last line item in the Cart deletes the Cart" (SDL).
    deleteCartLineItem: on<unknown>((_p, args, ctx) => {
      const input = inputOf<DeleteLineArg>(args);
      const cart = requireCart(ctx, input.cartEntityId);
      checkVersion(cart, input.version ?? undefined);
      lineOf(cart.line_items, input.lineItemEntityId);
      removeLine(cart, input.lineItemEntityId);
      if (cart.line_items.length > 0) return { deletedLineItemEntityId: input.lineItemEntityId, cart: cartView(ctx, cart), deletedCartEntityId: null };
      ctx.store.carts.delete(cart.id);
      return { deletedLineItemEntityId: input.lineItemEntityId, cart: null, deletedCartEntityId: cart.id };
    }),
    // The one cart mutation with an errors list in its result (CreateCartRedirectUrlsError = NotFoundError).
    createCartRedirectUrls: on<unknown>((_p, args, ctx) => {
      const input = (args.input ?? {}) as RedirectUrlsArg;
      const cart = visibleCart(ctx, input.cartEntityId ?? undefined);
      if (!cart) return { redirectUrls: null, errors: [{ __typename: 'NotFoundError', message: 'Cart not found.' }] };
      return { redirectUrls: issueRedirectUrls(ctx.store, cart, ctx.origin, input.queryParams ?? []), errors: [] };
    }),
  },
};

function lineOf<T extends { id: string }>(lines: readonly T[], lineId: string): T {
  const line = lines.find((l) => l.id === lineId);
  if (!line) throw cartError('ITEM_NOT_FOUND', `The cart has no line item ${lineId}.`);
  return line;
}

/** A cart's currency must be one the store can price in (the default, or one the sandbox converts to). */
function currencyOf(ctx: GraphqlContext, requested: string | null | undefined): string {
  const currency = (requested ?? ctx.store.defaultCurrency).toUpperCase();
  if (convertCatalogAmount(10_000, ctx.store.defaultCurrency, currency) === undefined) {
    throw cartError('INVALID_CURRENCY', `The store does not sell in ${currency}.`);
  }
  return currency;
}
