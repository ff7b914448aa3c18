import type { DemoDataset } from '../../demo-data/types';
import type { BcStore } from '../store/store';

export function seedCustomers(
  store: BcStore,
  dataset: DemoDataset,
  groupByCompany: Map<number, number>,
  created: string,
): void {
  const companies = new Map(dataset.companies.map((c) => [c.id, c]));
  for (const buyer of dataset.buyers) {
    const company = companies.get(buyer.companyId);
    if (!company) throw new Error(`buyer ${buyer.email} belongs to unknown company ${buyer.companyId}`);
    store.customers.set(buyer.id, {
      id: buyer.id,
      email: buyer.email,
      first_name: buyer.firstName,
      last_name: buyer.lastName,
      company: company.name,
      phone: company.address.phone,
      notes: `ERP customer ${company.erpCustomerNumber}`,
      tax_exempt_category: '',
      customer_group_id: groupByCompany.get(company.id) ?? 0,
      registration_ip_address: '',
      channel_ids: null,
      origin_channel_id: 1,
      accepts_product_review_abandoned_cart_emails: false,
      store_credit_amounts: [{ amount: 0 }],
      addresses: [
        {
          id: store.nextId('address'),
          customer_id: buyer.id,
          first_name: buyer.firstName,
          last_name: buyer.lastName,
          company: company.name,
          address1: company.address.street1,
          address2: '',
          city: company.address.city,
          state_or_province: company.address.state,
          postal_code: company.address.postalCode,
          country_code: company.address.countryCode,
          country: company.address.countryCode === 'CA' ? 'Canada' : 'United States',
          phone: company.address.phone,
          address_type: 'commercial',
        },
      ],
      date_created: created,
      date_modified: created,
    });
    store.passwords.set(buyer.id, buyer.password);
    store.reserveId('customer', buyer.id);
  }

  // Sales reps are BigCommerce customers too (as B2B Edition's storefront super admins are), in a group of
  // their own with no price list: a rep browsing as themselves sees catalog prices.
  const repGroupId = store.nextId('customer_group');
  store.customerGroups.set(repGroupId, {
    id: repGroupId,
    name: 'Sales representatives',
    is_default: false,
    category_access: { type: 'all' },
    discount_rules: [],
    is_group_for_guests: false,
    date_created: created,
    date_modified: created,
  });
  for (const rep of dataset.salesReps) {
    store.customers.set(rep.id, {
      id: rep.id,
      email: rep.email,
      first_name: rep.firstName,
      last_name: rep.lastName,
      company: dataset.store.name,
      phone: '',
      notes: 'Sales representative',
      tax_exempt_category: '',
      customer_group_id: repGroupId,
      registration_ip_address: '',
      channel_ids: null,
      origin_channel_id: 1,
      accepts_product_review_abandoned_cart_emails: false,
      store_credit_amounts: [{ amount: 0 }],
      addresses: [],
      date_created: created,
      date_modified: created,
    });
    store.passwords.set(rep.id, rep.password);
    store.reserveId('customer', rep.id);
  }
}
