import { toDecimalString } from '@/lib/money/money';
import { composeOrderMessage, type OrderMessage } from '@/sync/flows/orders/order-message';
import { repAttributionNote, type RepAttribution } from '@/sync/flows/orders/rep-attribution';
import type { CheckoutQuote } from './checkout-quote';
import type { ShipToAddress } from './ship-to';

/**
 * The `POST /v2/orders` body for an on-account order (orders.v2.oas2.yml): the buyer as `customer_id`, status 11
 * Awaiting Fulfillment (accepted, nothing left to pay online), the quote's unit prices as both `price_ex_tax` and
 * `price_inc_tax` (an explicit price overrides the catalog's; two decimals, which the post-back requires), the PO
 * number and delivery date in `customer_message` the way the post-back reads them, and the chosen ship-to.
 * `external_order_id` is left alone: the post-back writes the ERP document number there.
 */
export const AWAITING_FULFILLMENT = 11;

export function onAccountOrderBody(input: {
  customerId: number;
  email: string;
  quote: CheckoutQuote;
  shipTo: ShipToAddress;
  termsName: string | null;
  message: OrderMessage;
  /** The sales rep acting as the buyer, when one is. */
  placedBy: RepAttribution | null;
}): Record<string, unknown> {
  const { quote, shipTo } = input;
  const address = {
    first_name: shipTo.firstName,
    last_name: shipTo.lastName,
    company: shipTo.company,
    street_1: shipTo.street1,
    street_2: shipTo.street2,
    city: shipTo.city,
    state: shipTo.state,
    zip: shipTo.postalCode,
    country: shipTo.country,
    country_iso2: shipTo.countryCode,
    phone: shipTo.phone,
    email: input.email,
  };
  return {
    customer_id: input.customerId,
    status_id: AWAITING_FULFILLMENT,
    payment_method: input.termsName ? `On account (${input.termsName})` : 'On account',
    default_currency_code: quote.currency,
    customer_message: composeOrderMessage(input.message),
    ...(input.placedBy ? { staff_notes: repAttributionNote(input.placedBy) } : {}),
    billing_address: address,
    shipping_addresses: [address],
    products: quote.lines.map((line) => ({
      product_id: line.productId,
      ...(line.variantId === null ? {} : { variant_id: line.variantId }),
      quantity: line.quantity,
      price_ex_tax: toDecimalString(line.unitPrice),
      price_inc_tax: toDecimalString(line.unitPrice),
    })),
  };
}
