import type { SyncContext } from '../../context';
import type { CustomerPricing } from '../../erp/erp';
import { linkedCustomers } from '../customer-link';
import { NO_GROUP, type PricingTarget } from './pricing-targets';

/** BigCommerce takes at most 10 customers per PUT /v3/customers. */
const CUSTOMERS_PER_UPDATE = 10;

/** Whether an ERP customer gets a group and list of its own: it is active and has item prices of its own. */
export function hasOwnPrices(customer: CustomerPricing): boolean {
  return !customer.isInactive && customer.itemPrices.length > 0;
}

/**
 * The BigCommerce group an ERP customer's buyers belong in: its own (when it has one), else its level's, else no
 * group. No group is where an inactive customer, one without a price level (the ERP's base price) or one whose level
 * is inactive goes: BigCommerce applies no price list there, so its buyers see catalog prices, never a contract's.
 */
export function groupFor(customer: CustomerPricing, levelTargets: ReadonlyMap<string, PricingTarget>, ownTargets: ReadonlyMap<string, PricingTarget>): number {
  if (customer.isInactive) return NO_GROUP;
  const own = ownTargets.get(customer.customerNumber);
  if (own) return own.customerGroupId;
  return (customer.priceLevelId === null ? undefined : levelTargets.get(customer.priceLevelId)?.customerGroupId) ?? NO_GROUP;
}

/** Puts every linked BigCommerce customer of these ERP customers in the group its prices live in. */
export async function assignCustomerGroups(ctx: SyncContext, wanted: ReadonlyMap<string, number>): Promise<void> {
  if (wanted.size === 0) return;
  const updates: { id: number; customer_group_id: number }[] = [];
  for await (const customer of linkedCustomers(ctx)) {
    const group = wanted.get(customer.customerNumber);
    if (group !== undefined && group !== customer.customer_group_id) updates.push({ id: customer.id, customer_group_id: group });
  }
  await moveCustomers(ctx, updates);
}

/** Writes group changes ten customers at a time and announces each, so cached prices of those buyers are dropped. */
export async function moveCustomers(ctx: SyncContext, updates: readonly { id: number; customer_group_id: number }[]): Promise<void> {
  for (let start = 0; start < updates.length; start += CUSTOMERS_PER_UPDATE) {
    const chunk = updates.slice(start, start + CUSTOMERS_PER_UPDATE);
    await ctx.rest.put('/v3/customers', chunk);
    for (const group of new Set(chunk.map((u) => u.customer_group_id))) {
      await ctx.events.publish({ type: 'customer-group-changed', customerGroupId: group, customerIds: chunk.filter((u) => u.customer_group_id === group).map((u) => u.id) });
    }
  }
}
