import { isBigCommerceApiError } from '../../../lib/bigcommerce/rest';
import type { SyncContext } from '../../context';
import { customersInGroup } from '../customer-link';
import { moveCustomers } from './customer-groups';
import { customerTargetKey, customerTargetName, type PricingTargets } from './pricing-targets';
import { PriceListPusher } from './record-pusher';

export interface RetiredList {
  customerNumber: string;
  name: string;
  priceListId?: number;
  customerGroupId?: number;
  /** Records the list held (what its deletion removes from BigCommerce). */
  records: number;
}

/**
 * Retires the own list and group of ERP customers that no longer have prices of their own (the ERP dropped their
 * last override, or the customer became inactive). Anyone still in the group (buyers added by hand; linked buyers
 * were moved already) goes where the customer's buyers now belong; then the price list (with its records and its
 * assignment) and the group are deleted and the mapping forgotten. Deleted rather than kept empty: a contract list
 * nobody should see is only a way to see it by mistake. If the customer gets prices of its own again, the next run
 * creates a fresh list. Every step is idempotent (a 404 on delete means an earlier run got that far), so a run
 * killed half-way finishes the job the next time the customer is looked at. A dry run only counts.
 */
export async function retireCustomerLists(
  ctx: SyncContext,
  targets: PricingTargets,
  customers: readonly { customerNumber: string; destinationGroupId: number }[],
  options: { dryRun: boolean; readBack: boolean },
): Promise<RetiredList[]> {
  const retired: RetiredList[] = [];
  for (const { customerNumber, destinationGroupId } of customers) {
    const key = customerTargetKey(customerNumber);
    const name = customerTargetName(customerNumber);
    const found = await targets.find(key, name);
    if (!found) continue;
    const records = found.priceListId === undefined ? 0 : await recordCount(ctx, found.priceListId, options.readBack);
    retired.push({ customerNumber, name, ...found, records });
    if (options.dryRun) continue;

    if (found.customerGroupId !== undefined) {
      const stragglers: { id: number; customer_group_id: number }[] = [];
      for await (const customer of customersInGroup(ctx, found.customerGroupId)) stragglers.push({ id: customer.id, customer_group_id: destinationGroupId });
      await moveCustomers(ctx, stragglers);
    }
    if (found.priceListId !== undefined) {
      await deleteIfPresent(ctx, `/v3/pricelists/${found.priceListId}`);
      await ctx.redis.del(ctx.keys.priceRecordHashes(found.priceListId));
    }
    if (found.customerGroupId !== undefined) await deleteIfPresent(ctx, `/v2/customer_groups/${found.customerGroupId}`);
    await targets.forget(key, found);
    ctx.log('retired a customer price list: the customer has no prices of its own any more', { customerNumber, ...found, records });
  }
  return retired;
}

/** Records in a list: the hash store's count, read back from BigCommerce first when unknown or when asked to. */
async function recordCount(ctx: SyncContext, priceListId: number, readBack: boolean): Promise<number> {
  await new PriceListPusher(ctx, priceListId, true).bootstrapFromBigCommerce(readBack);
  return ctx.redis.hlen(ctx.keys.priceRecordHashes(priceListId));
}

async function deleteIfPresent(ctx: SyncContext, path: string): Promise<void> {
  try {
    await ctx.rest.del(path);
  } catch (error) {
    if (!isBigCommerceApiError(error) || error.status !== 404) throw error;
  }
}
