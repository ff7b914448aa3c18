import { exponentOf, scaledInteger } from '../../../lib/money/money';
import type { SalesOrderInput, SalesOrderLine } from '../../erp/erp';
import { erpCustomerNumberOf } from '../customer-link';
import type { OrderSnapshot } from './bc-order';
import { parseOrderMessage } from './order-message';
import { repAttributionOf } from './rep-attribution';

export type MappedOrder = { ok: true; input: SalesOrderInput } | { ok: false; problems: string[] };

/**
 * A BigCommerce order → the ERP sales order, or every reason it can't be one, each saying what to fix. Nothing is
 * guessed: the ERP order must carry exactly the lines, prices and address the buyer saw, so an order it can't
 * represent faithfully (a discount, several ship-to addresses, a sub-cent price) is refused rather than bent.
 * Prices are the lines' ex-tax unit prices in integer minor units of the order's currency.
 */
export function mapToSalesOrder(storeHash: string, snapshot: OrderSnapshot): MappedOrder {
  const { order, lines, addresses, customer } = snapshot;
  const currency = order.currency_code.toUpperCase();
  const problems: string[] = [];
  const minor = (value: string | number, what: string): number => {
    const exact = exactMinor(value, currency);
    if (exact === null) problems.push(`${what} ${value} is not a whole number of ${currency} minor units; correct the price in BigCommerce, then replay`);
    return exact ?? 0;
  };

  const customerNumber = customerNumberOf(order.customer_id, customer, problems);

  if (lines.length === 0) problems.push('the order has no lines');
  const erpLines: SalesOrderLine[] = lines.map((line) => {
    const sku = line.sku?.trim() ?? '';
    if (sku === '') problems.push(`line ${line.id} "${line.name}" has no SKU; the ERP needs the SKU of every line (a custom line must be given one)`);
    return { sku, quantity: line.quantity, unitPrice: minor(line.price_ex_tax, `line ${line.id} (${sku || line.name}) price`) };
  });

  for (const [field, value] of [['discount_amount', order.discount_amount], ['coupon_discount', order.coupon_discount]] as const) {
    if (value !== undefined && exactMinor(value, currency) !== 0) {
      problems.push(`the order has a ${field} of ${value}, which the ERP order's line prices would not carry; enter the discount in the ERP by hand and mark the dead letter resolved, or re-create the order with net line prices`);
    }
  }

  const shippingAddress = shipTo(addresses, problems);
  const shippingCost = minor(order.shipping_cost_ex_tax, 'shipping cost');
  const message = parseOrderMessage(order.customer_message);
  const orderDate = isoDate(order.date_created);
  if (orderDate === null) problems.push(`date_created "${order.date_created}" is not a date`);

  if (problems.length > 0 || customerNumber === null || shippingAddress === null || orderDate === null) return { ok: false, problems };
  const rep = repAttributionOf(order.staff_notes);
  const memo = [
    `BigCommerce order ${order.id}`,
    rep && `placed by sales rep ${rep.name} <${rep.email}> for the buyer`,
    message.requestedDeliveryDate && `requested delivery ${message.requestedDeliveryDate}`,
    message.comment,
  ]
    .filter((part): part is string => Boolean(part))
    .join('; ');
  return {
    ok: true,
    input: {
      storeHash,
      orderId: order.id,
      customerNumber,
      currency,
      orderDate,
      ...(message.poNumber ? { poNumber: message.poNumber } : {}),
      memo,
      shippingCost,
      shippingAddress,
      lines: erpLines,
    },
  };
}

function customerNumberOf(customerId: number, customer: OrderSnapshot['customer'], problems: string[]): string | null {
  if (customerId === 0) {
    problems.push('it is a guest order (customer_id 0); an ERP order needs a BigCommerce customer linked to an ERP customer: assign the order to the buyer, then replay');
    return null;
  }
  if (customer === null) {
    problems.push(`customer ${customerId} does not exist in BigCommerce any more; assign the order to an existing customer, then replay`);
    return null;
  }
  const number = erpCustomerNumberOf(customer.notes);
  if (number === null) {
    problems.push(`customer ${customerId} is not linked to an ERP customer: add "ERP customer {number}" to the customer's notes in BigCommerce, then replay`);
  }
  return number;
}

/** The one ship-to address, complete enough for a carrier. */
function shipTo(addresses: OrderSnapshot['addresses'], problems: string[]): SalesOrderInput['shippingAddress'] | null {
  const [address, ...others] = addresses;
  if (!address) {
    problems.push('the order has no shipping address; add the ship-to address to the order in BigCommerce, then replay');
    return null;
  }
  if (others.length > 0) {
    problems.push(`the order ships to ${addresses.length} addresses and an ERP sales order has one; split it into one order per address, then replay`);
    return null;
  }
  const text = (value: string | null | undefined) => value?.trim() ?? '';
  const missing = (['street_1', 'city', 'zip', 'country_iso2'] as const).filter((field) => text(address[field]) === '');
  if (missing.length > 0) {
    problems.push(`shipping address ${address.id} lacks ${missing.join(', ')}; complete it in BigCommerce, then replay`);
    return null;
  }
  const name = `${text(address.first_name)} ${text(address.last_name)}`.trim();
  return {
    addressee: text(address.company) || name,
    street1: [text(address.street_1), text(address.street_2)].filter(Boolean).join(', '),
    city: text(address.city),
    state: text(address.state),
    postalCode: text(address.zip),
    countryCode: text(address.country_iso2).toUpperCase(),
  };
}

/**
 * A v2 decimal ("17.2500") as integer minor units, or null when it has a non-zero digit past the currency's
 * exponent: rounding it would post a price the buyer was not charged.
 */
export function exactMinor(value: string | number, currency: string): number | null {
  const exponent = exponentOf(currency);
  const precise = scaledInteger(value, exponent + 4);
  return precise % 10 ** 4 === 0 ? precise / 10 ** 4 : null;
}

/** RFC-2822 (v2 dates) → the UTC calendar date YYYY-MM-DD. */
function isoDate(rfc2822: string): string | null {
  const ms = Date.parse(rfc2822);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().slice(0, 10);
}
