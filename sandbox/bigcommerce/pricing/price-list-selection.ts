import type { BcPriceList } from '../store/types';
import type { PricingData } from './types';

export interface SelectedPriceList {
  list: BcPriceList;
  level: 'group_and_channel' | 'group' | 'channel_default';
}

/**
 * Steps 1, 2 and 4 of BigCommerce's order of operations (price_lists.v3.yml "Order of operations"): the list
 * assigned to the group on this channel, else to the group on no channel, else the channel's default list
 * (assigned to the channel with no group). Inactive lists are skipped as if unassigned. Step 3 (group
 * discounts) sits between 2 and 4, so callers ask for the group levels and the channel default separately.
 */
export function selectGroupPriceList(data: PricingData, customerGroupId: number | null, channelId: number): SelectedPriceList | undefined {
  if (customerGroupId === null) return undefined;
  const onChannel = findAssigned(data, (a) => a.customer_group_id === customerGroupId && a.channel_id === channelId);
  if (onChannel) return { list: onChannel, level: 'group_and_channel' };
  const groupOnly = findAssigned(data, (a) => a.customer_group_id === customerGroupId && a.channel_id === null) ?? legacyGroupList(data, customerGroupId);
  return groupOnly ? { list: groupOnly, level: 'group' } : undefined;
}

export function selectChannelDefaultPriceList(data: PricingData, channelId: number): SelectedPriceList | undefined {
  const list = findAssigned(data, (a) => a.customer_group_id === null && a.channel_id === channelId);
  return list ? { list, level: 'channel_default' } : undefined;
}

function findAssigned(
  data: PricingData,
  matches: (assignment: { customer_group_id: number | null; channel_id: number | null }) => boolean,
): BcPriceList | undefined {
  // Lowest assignment id first, so the answer is stable if a store ever holds duplicates.
  const assignments = [...data.priceListAssignments.values()].filter(matches).sort((a, b) => a.id - b.id);
  for (const assignment of assignments) {
    const list = data.priceLists.get(assignment.price_list_id);
    if (list?.active) return list;
  }
  return undefined;
}

/**
 * The v2 customer-group link (`discount_rules: [{type: 'price_list', price_list_id}]`), which BigCommerce
 * documents as "Price lists assigned to customer groups": it has no channel, so it ranks as a group-only list.
 */
function legacyGroupList(data: PricingData, customerGroupId: number): BcPriceList | undefined {
  const group = data.customerGroups.get(customerGroupId);
  for (const rule of group?.discount_rules ?? []) {
    if (rule.type !== 'price_list' || rule.price_list_id === undefined) continue;
    const list = data.priceLists.get(rule.price_list_id);
    if (list?.active) return list;
  }
  return undefined;
}
