import type { BcStore } from '../../store/store';
import type { BcOrder, BcOrderProduct } from '../../store/types';
import { toDecimalString4, toUnits4 } from '../../store/money';
import { orderExtras } from './extras';

/**
 * `order_Resp` and `orderProducts` of orders.v2.oas2.yml. Sub-resources (products, shipping addresses, coupons,
 * consignments) are `{url, resource}` references, as the spec and the real API return them; fields the
 * emulator does not model carry BigCommerce's zero values.
 */
export function orderView(store: BcStore, order: BcOrder): Record<string, unknown> {
  const { products, shipping_addresses, ...rest } = order;
  const { shipping } = orderExtras(store, order.id);
  const ref = (sub: string) => ({
    url: `https://api.bigcommerce.com/stores/${store.storeHash}/v2/orders/${order.id}/${sub}`,
    resource: `/orders/${order.id}/${sub}`,
  });
  void products;
  return {
    ...rest,
    billing_address: { ...order.billing_address, form_fields: [] },
    base_shipping_cost: shipping.ex,
    shipping_cost_ex_tax: shipping.ex,
    shipping_cost_inc_tax: shipping.inc,
    shipping_cost_tax: subtract(shipping.inc, shipping.ex),
    shipping_cost_tax_class_id: 0,
    base_handling_cost: '0.0000',
    handling_cost_ex_tax: '0.0000',
    handling_cost_inc_tax: '0.0000',
    handling_cost_tax: '0.0000',
    handling_cost_tax_class_id: 0,
    base_wrapping_cost: '0.0000',
    wrapping_cost_ex_tax: '0.0000',
    wrapping_cost_inc_tax: '0.0000',
    wrapping_cost_tax: '0.0000',
    wrapping_cost_tax_class_id: 0,
    subtotal_tax: subtract(order.subtotal_inc_tax, order.subtotal_ex_tax),
    items_shipped: itemsShipped(store, order),
    refunded_amount: '0.0000',
    order_is_digital: false,
    store_credit_amount: '0.0000',
    gift_certificate_amount: '0.0000',
    ip_address: '',
    ip_address_v6: '',
    geoip_country: '',
    geoip_country_iso2: '',
    currency_id: 1,
    currency_exchange_rate: '1.0000000000',
    default_currency_id: 1,
    store_default_currency_code: store.defaultCurrency,
    store_default_to_transactional_exchange_rate: '1.0000000000',
    coupon_discount: '0.0000',
    discount_amount: '0.0000',
    shipping_address_count: shipping_addresses.length,
    is_tax_inclusive_pricing: false,
    is_email_opt_in: false,
    order_source: 'external',
    ebay_order_id: '0',
    cart_id: '',
    tax_provider_id: '',
    customer_locale: 'en',
    external_merchant_id: null,
    products: ref('products'),
    shipping_addresses: ref('shipping_addresses'),
    coupons: ref('coupons'),
    consignments: ref('consignments'),
    fees: ref('fees'),
  };
}

export function orderProductView(store: BcStore, line: BcOrderProduct, order: BcOrder): Record<string, unknown> {
  return {
    ...line,
    order_address_id: order.shipping_addresses[0]?.id ?? 0,
    price_tax: subtract(line.price_inc_tax, line.price_ex_tax),
    base_total: line.total_ex_tax,
    total_tax: subtract(line.total_inc_tax, line.total_ex_tax),
    base_cost_price: '0.0000',
    cost_price_inc_tax: '0.0000',
    cost_price_ex_tax: '0.0000',
    cost_price_tax: '0.0000',
    weight: 0,
    width: '0.0000',
    height: '0.0000',
    depth: '0.0000',
    is_refunded: false,
    quantity_refunded: 0,
    refund_amount: '0.0000',
    return_id: 0,
    wrapping_id: 0,
    wrapping_name: null,
    base_wrapping_cost: '0.0000',
    wrapping_cost_ex_tax: '0.0000',
    wrapping_cost_inc_tax: '0.0000',
    wrapping_cost_tax: '0.0000',
    wrapping_message: '',
    quantity_shipped: orderExtras(store, order.id).shippedByLine.get(line.id) ?? 0,
    event_name: null,
    event_date: null,
    fixed_shipping_cost: '0.0000',
    ebay_item_id: '',
    ebay_transaction_id: '',
    option_set_id: null,
    parent_order_product_id: null,
    is_bundled_product: false,
    bin_picking_number: '',
    external_id: null,
    brand: '',
    applied_discounts: [],
    configurable_fields: [],
    upc: '',
    name_customer: line.name,
    name_merchant: line.name,
    gift_certificate_id: null,
    discounted_total_inc_tax: line.total_inc_tax,
  };
}

/** Units shipped across the order's lines (`items_shipped`, like `items_total` counts units, not lines). */
export function itemsShipped(store: BcStore, order: BcOrder): number {
  let total = 0;
  for (const quantity of orderExtras(store, order.id).shippedByLine.values()) total += quantity;
  return total;
}

/** Difference of two v2 decimal strings, exact to four places (through store/money's integer units). */
export function subtract(a: string, b: string): string {
  return toDecimalString4(toUnits4(Number(a)) - toUnits4(Number(b)));
}
