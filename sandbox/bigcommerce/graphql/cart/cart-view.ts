import type { BcCart } from '../../store/types';
import type { GraphqlContext } from '../context';
import { productImages } from '../resolvers/images';
import { money } from '../resolvers/prices';
import { priceCartLines, type PricedLine } from './line-pricing';

/**
 * A cart as the `Cart` type serves it, built in one pass so every field of one response agrees (the amounts are
 * the sums of the lines shown). Fields resolve by property lookup from this object.
 */
export function cartView(ctx: GraphqlContext, cart: BcCart): unknown {
  const currency = cart.currency.code;
  const lines = priceCartLines(ctx.store, cart);
  const total = lines.reduce((sum, priced) => sum + priced.unitPrice * priced.line.quantity, 0);
  return {
    __typename: 'Cart',
    id: Buffer.from(`Cart:${cart.id}`).toString('base64'),
    entityId: cart.id,
    currencyCode: currency,
    isTaxIncluded: false,
    baseAmount: money(total, currency),
    discountedAmount: money(0, currency),
    amount: money(total, currency),
    lineItems: {
      physicalItems: lines.map((priced) => physicalItem(ctx, priced, currency)),
      totalQuantity: lines.reduce((sum, priced) => sum + priced.line.quantity, 0),
    },
    createdAt: { utc: utcSeconds(cart.created_time) },
    updatedAt: { utc: utcSeconds(cart.updated_time) },
    locale: cart.locale,
    version: cart.version,
  };
}

function physicalItem(ctx: GraphqlContext, { line, product, variant, unitPrice, originalPrice }: PricedLine, currency: string): unknown {
  const extended = unitPrice * line.quantity;
  return {
    entityId: line.id,
    productEntityId: product.id,
    variantEntityId: variant.id,
    sku: variant.sku,
    name: product.name,
    path: product.custom_url.url,
    brand: ctx.store.brands.get(product.brand_id)?.name ?? null,
    quantity: line.quantity,
    isTaxable: true,
    isMutable: true,
    isShippingRequired: true,
    discountedAmount: money(0, currency),
    couponAmount: money(0, currency),
    listPrice: money(unitPrice, currency),
    originalPrice: money(originalPrice, currency),
    salePrice: money(unitPrice, currency),
    extendedListPrice: money(extended, currency),
    extendedSalePrice: money(extended, currency),
    image: productImages(ctx, product)[0] ?? null,
  };
}

/** The SDL's DateTime is ISO-8601 UTC to the second ("2024-01-01T00:00:00Z"). */
function utcSeconds(iso: string): string {
  return iso.replace(/\.\d+Z$/, 'Z');
}
