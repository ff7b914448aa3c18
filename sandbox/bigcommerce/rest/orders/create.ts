import { v2Error } from '../../http/errors';
import type { SandboxResponse } from '../../http/types';
import { toDecimalString4, toUnits4 } from '../../store/money';
import type { BcStore } from '../../store/store';
import type { BcOrder, BcOrderAddress, BcOrderProduct, BcProduct, BcVariant } from '../../store/types';
import { orderExtras } from './extras';
import { productLine, type CatalogLineInput, type OrderAddressInput, type OrderPostInput } from './schemas';
import { rfc2822, statusName } from './statuses';

/**
 * `POST /v2/orders`: turns the request into a stored order. Money is summed in integer ten-thousandths
 * (store/money.ts) and written back as v2's four-place decimal strings, so "17.25 × 3" is exactly "51.7500".
 */
export function buildOrder(store: BcStore, input: OrderPostInput): BcOrder | SandboxResponse {
  if (input.products === undefined && input.consignments === undefined) {
    return v2Error(400, "The required field 'products' was not supplied.", { invalid_reason: 'An order needs products or consignments.' });
  }
  if (input.products !== undefined && input.consignments !== undefined) {
    return invalid('consignments', 'Send either products (with shipping_addresses) or consignments, not both.');
  }
  if (input.consignments !== undefined) return invalid('consignments', 'Pickup consignments are not emulated by the sandbox yet; send products.');
  const lines = input.products ?? [];
  if (lines.length === 0) return invalid('products', 'An order needs at least one product.');

  const statusId = input.status_id ?? 1;
  const status = statusName(statusId);
  if (status === undefined) return invalid('status_id', `Unknown order status ${statusId}.`);
  const customerId = input.customer_id ?? 0;
  if (customerId !== 0 && !store.customers.has(customerId)) return invalid('customer_id', `Customer ${customerId} does not exist.`);
  const channelId = input.channel_id ?? 1;
  if (!store.channelIds.has(channelId)) return invalid('channel_id', `Channel ${channelId} does not exist or is not enabled.`);
  if ((input.subtotal_ex_tax === undefined) !== (input.subtotal_inc_tax === undefined)) {
    return invalid('subtotal_inc_tax', 'subtotal_ex_tax and subtotal_inc_tax must be sent together.');
  }
  if ((input.total_ex_tax === undefined) !== (input.total_inc_tax === undefined)) {
    return invalid('total_inc_tax', 'total_ex_tax and total_inc_tax must be sent together.');
  }

  const id = store.nextId('order');
  const products: BcOrderProduct[] = [];
  for (const [index, raw] of lines.entries()) {
    const parsed = productLine.safeParse(raw);
    if (!parsed.success) return invalid(`products[${index}]`, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const line = parsed.data;
    if ('product_id' in line) {
      const built = catalogLine(store, id, line, index);
      if (!('order_id' in built)) return built;
      products.push(built);
    } else {
      const ex = toUnits4(line.price_ex_tax);
      const inc = toUnits4(line.price_inc_tax);
      products.push(orderLine(store, id, { product_id: 0, variant_id: 0, name: line.name, sku: line.sku ?? '', quantity: line.quantity, ex, inc }));
    }
  }

  const subtotalEx = products.reduce((sum, p) => sum + toUnits4(Number(p.total_ex_tax)), 0);
  const subtotalInc = products.reduce((sum, p) => sum + toUnits4(Number(p.total_inc_tax)), 0);
  const shippingEx = toUnits4(input.shipping_cost_ex_tax ?? input.shipping_cost_inc_tax ?? 0);
  const shippingInc = toUnits4(input.shipping_cost_inc_tax ?? input.shipping_cost_ex_tax ?? 0);
  const subEx = input.subtotal_ex_tax === undefined ? subtotalEx : toUnits4(input.subtotal_ex_tax);
  const subInc = input.subtotal_inc_tax === undefined ? subtotalInc : toUnits4(input.subtotal_inc_tax);
  const totalEx = input.total_ex_tax === undefined ? subEx + shippingEx : toUnits4(input.total_ex_tax);
  const totalInc = input.total_inc_tax === undefined ? subInc + shippingInc : toUnits4(input.total_inc_tax);
  const now = rfc2822();
  const currency = input.default_currency_code ?? store.defaultCurrency;

  orderExtras(store, id).shipping = { ex: toDecimalString4(shippingEx), inc: toDecimalString4(shippingInc) };
  return {
    id,
    customer_id: customerId,
    channel_id: channelId,
    status_id: statusId,
    status,
    date_created: now,
    date_modified: now,
    date_shipped: '',
    subtotal_ex_tax: toDecimalString4(subEx),
    subtotal_inc_tax: toDecimalString4(subInc),
    total_ex_tax: toDecimalString4(totalEx),
    total_inc_tax: toDecimalString4(totalInc),
    total_tax: toDecimalString4(totalInc - totalEx),
    items_total: products.reduce((sum, p) => sum + p.quantity, 0),
    payment_method: input.payment_method ?? '',
    payment_provider_id: null,
    payment_status: '',
    currency_code: currency,
    default_currency_code: currency,
    staff_notes: input.staff_notes ?? '',
    customer_message: input.customer_message ?? '',
    external_source: input.external_source ?? null,
    external_id: null,
    external_order_id: input.external_order_id ?? '',
    billing_address: address(input.billing_address),
    products,
    shipping_addresses: (input.shipping_addresses ?? []).map((a) => ({ ...address(a), id: store.nextId('order_address') })),
    is_deleted: false,
  };
}

export function address(input: Partial<OrderAddressInput>, base?: BcOrderAddress): BcOrderAddress {
  return {
    first_name: input.first_name ?? base?.first_name ?? '',
    last_name: input.last_name ?? base?.last_name ?? '',
    company: input.company ?? base?.company ?? '',
    street_1: input.street_1 ?? base?.street_1 ?? '',
    street_2: input.street_2 ?? base?.street_2 ?? '',
    city: input.city ?? base?.city ?? '',
    state: input.state ?? base?.state ?? '',
    zip: input.zip ?? base?.zip ?? '',
    country: input.country ?? base?.country ?? '',
    country_iso2: input.country_iso2 ?? base?.country_iso2 ?? '',
    phone: input.phone ?? base?.phone ?? '',
    email: input.email ?? base?.email ?? '',
  };
}

/** A catalog line: the variant comes from `variant_id`, from `product_options`, or is the product's only one. */
function catalogLine(store: BcStore, orderId: number, line: CatalogLineInput, index: number): BcOrderProduct | SandboxResponse {
  const product = store.products.get(line.product_id);
  if (!product) return invalid(`products[${index}].product_id`, `Product ${line.product_id} does not exist.`);
  const variant = pickVariant(product, line);
  if (typeof variant === 'string') return invalid(`products[${index}].${line.variant_id === undefined ? 'product_options' : 'variant_id'}`, variant);
  // Without explicit prices the catalog price applies; with one of the two, the other equals it (no tax emulated).
  const ex = toUnits4(line.price_ex_tax ?? line.price_inc_tax ?? variant.calculated_price);
  const inc = toUnits4(line.price_inc_tax ?? line.price_ex_tax ?? variant.calculated_price);
  return orderLine(store, orderId, { product_id: product.id, variant_id: variant.id, name: line.name ?? product.name, sku: variant.sku, quantity: line.quantity, ex, inc, options: variant.option_values });
}

function pickVariant(product: BcProduct, line: CatalogLineInput): BcVariant | string {
  if (line.variant_id !== undefined) {
    return product.variants.find((v) => v.id === line.variant_id) ?? `Variant ${line.variant_id} does not belong to product ${product.id}.`;
  }
  if (line.product_options && line.product_options.length > 0) {
    const wanted = new Map(line.product_options.map((o) => [o.id, o.value]));
    const match = product.variants.find(
      (v) => v.option_values.length === wanted.size && v.option_values.every((ov) => wanted.get(ov.option_id) === String(ov.id)),
    );
    return match ?? `No variant of product ${product.id} matches the given product_options.`;
  }
  const [only, ...others] = product.variants;
  if (!only || others.length > 0) return `Product ${product.id} has options: send variant_id or product_options.`;
  return only;
}

function orderLine(
  store: BcStore,
  orderId: number,
  line: { product_id: number; variant_id: number; name: string; sku: string; quantity: number; ex: number; inc: number; options?: BcVariant['option_values'] },
): BcOrderProduct {
  return {
    id: store.nextId('order_product'),
    order_id: orderId,
    product_id: line.product_id,
    variant_id: line.variant_id,
    name: line.name,
    sku: line.sku,
    quantity: line.quantity,
    base_price: toDecimalString4(line.ex),
    price_ex_tax: toDecimalString4(line.ex),
    price_inc_tax: toDecimalString4(line.inc),
    total_ex_tax: toDecimalString4(line.ex * line.quantity),
    total_inc_tax: toDecimalString4(line.inc * line.quantity),
    type: 'physical',
    product_options: (line.options ?? []).map((o) => ({
      id: o.id,
      option_id: o.option_id,
      product_option_id: o.option_id,
      display_name: o.option_display_name,
      display_value: o.label,
      value: String(o.id),
      name: o.option_display_name,
      type: 'Multiple choice',
    })),
  };
}

export function invalid(field: string, reason: string): SandboxResponse {
  return v2Error(400, `The field '${field}' is invalid.`, { invalid_reason: reason });
}
