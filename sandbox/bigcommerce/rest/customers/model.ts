import type { BcStore } from '../../store/store';
import { nowIso } from '../../store/store';
import type { BcAddress, BcCustomer } from '../../store/types';
import type { CustomerPostInput, CustomerPutInput } from './schemas';

/**
 * Customer records. `authentication.force_password_reset` has no home in the shared store types, so it lives in
 * a side table per store (a WeakMap, so a reseeded store starts clean).
 */
const forceReset = new WeakMap<BcStore, Map<number, boolean>>();

function resetFlags(store: BcStore): Map<number, boolean> {
  let flags = forceReset.get(store);
  if (!flags) {
    flags = new Map();
    forceReset.set(store, flags);
  }
  return flags;
}

export function createCustomer(store: BcStore, input: CustomerPostInput): BcCustomer {
  const now = nowIso();
  const id = store.nextId('customer');
  const customer: BcCustomer = {
    id,
    email: input.email,
    first_name: input.first_name,
    last_name: input.last_name,
    company: input.company ?? '',
    phone: input.phone ?? '',
    notes: input.notes ?? '',
    tax_exempt_category: input.tax_exempt_category ?? '',
    customer_group_id: input.customer_group_id ?? 0,
    registration_ip_address: input.registration_ip_address ?? '',
    channel_ids: input.channel_ids ?? null,
    origin_channel_id: input.origin_channel_id ?? 1,
    accepts_product_review_abandoned_cart_emails: input.accepts_product_review_abandoned_cart_emails ?? false,
    store_credit_amounts: input.store_credit_amounts ?? [{ amount: 0 }],
    addresses: (input.addresses ?? []).map(
      (a): BcAddress => ({
        id: store.nextId('address'),
        customer_id: id,
        first_name: a.first_name,
        last_name: a.last_name,
        company: a.company ?? '',
        address1: a.address1,
        address2: a.address2 ?? '',
        city: a.city,
        state_or_province: a.state_or_province ?? '',
        postal_code: a.postal_code ?? '',
        country_code: a.country_code.toUpperCase(),
        country: COUNTRY_NAMES[a.country_code.toUpperCase()] ?? a.country_code.toUpperCase(),
        phone: a.phone ?? '',
        address_type: a.address_type ?? 'residential',
      }),
    ),
    date_created: now,
    date_modified: now,
  };
  store.customers.set(id, customer);
  applyAuthentication(store, id, input.authentication);
  store.emit('store/customer/created', customerEventData(customer));
  return customer;
}

export function updateCustomer(store: BcStore, customer: BcCustomer, input: CustomerPutInput): void {
  const { id: _id, authentication, ...fields } = input;
  void _id;
  Object.assign(customer, fields);
  applyAuthentication(store, customer.id, authentication);
  customer.date_modified = nowIso();
  store.emit('store/customer/updated', customerEventData(customer));
}

export function deleteCustomer(store: BcStore, customer: BcCustomer): void {
  store.customers.delete(customer.id);
  store.passwords.delete(customer.id);
  resetFlags(store).delete(customer.id);
  store.emit('store/customer/deleted', { type: 'customer', id: customer.id });
}

/** Shapes of `store/customer/created|updated` data (callback YAML: type, id, origin_channel_id, channel_ids). */
function customerEventData(customer: BcCustomer): Record<string, unknown> {
  return { type: 'customer', id: customer.id, origin_channel_id: customer.origin_channel_id, channel_ids: customer.channel_ids };
}

function applyAuthentication(store: BcStore, id: number, auth: CustomerPostInput['authentication']): void {
  if (!auth) return;
  if (auth.new_password !== undefined) store.passwords.set(id, auth.new_password);
  if (auth.force_password_reset !== undefined) resetFlags(store).set(id, auth.force_password_reset);
}

/** The v3 customer object; sub-resources only when asked for with `include` (as BigCommerce does). */
export function customerView(store: BcStore, customer: BcCustomer, includes: Set<string>): Record<string, unknown> {
  const { addresses, store_credit_amounts, channel_ids, ...rest } = customer;
  return {
    ...rest,
    // Global access is stored as `channel_ids: null` (how the request expresses it), but customers.v3.yml types
    // the response field as a plain array, so a global customer is returned without it [I].
    ...(channel_ids === null ? {} : { channel_ids }),
    address_count: addresses.length,
    attribute_count: 0,
    authentication: { force_password_reset: resetFlags(store).get(customer.id) ?? false },
    ...(includes.has('addresses') ? { addresses } : {}),
    ...(includes.has('storecredit') ? { store_credit_amounts } : {}),
    ...(includes.has('attributes') ? { attributes: [] } : {}),
    ...(includes.has('formfields') ? { form_fields: [] } : {}),
  };
}

/** Channel check of validate-credentials: `channel_ids: null` means global access (every channel). */
export function canLogInOn(customer: BcCustomer, channelId: number): boolean {
  return customer.channel_ids === null || customer.channel_ids.includes(channelId);
}

const COUNTRY_NAMES: Record<string, string> = { US: 'United States', CA: 'Canada', GB: 'United Kingdom', MX: 'Mexico', DE: 'Germany', FR: 'France', AU: 'Australia' };
