import type { BcCustomer } from '../store/types';
import type { PricingData } from './types';

/**
 * The customer group whose prices a shopper sees: the customer's own group, or for a guest the store's
 * guest group (`is_group_for_guests`), or none. A customer in group 0 ("no group") gets no group either.
 */
export function pricingGroupFor(data: PricingData, customer: BcCustomer | undefined): number | null {
  if (customer) return customer.customer_group_id > 0 ? customer.customer_group_id : null;
  for (const group of data.customerGroups.values()) if (group.is_group_for_guests) return group.id;
  return null;
}
