import 'server-only';
import { z } from 'zod';
import { getManagementClient } from '@/lib/bigcommerce/management-client';
import { isBigCommerceApiError } from '@/lib/bigcommerce/rest';
import { ttlMemo } from '@/lib/cache/ttl-memo';
import { getConfig } from '@/lib/config';
import type { PriceExplanation } from './offer-types';

/**
 * "Why this price": which BigCommerce rule produced a buyer's price for a variant, read from the Management API
 * the same way BigCommerce decides (price_lists.v3.yml "Order of operations"): the price list assigned to the
 * buyer's customer group on this channel, else to the group on any channel; a list without a record for the
 * variant in the currency falls back to the catalog price. Group discount rules are reported as catalog-based.
 */
const assignmentSchema = z.looseObject({
  price_list_id: z.number(),
  customer_group_id: z.number().nullish(),
  channel_id: z.number().nullish(),
});
const priceListSchema = z.looseObject({ id: z.number(), name: z.string() });
const recordSchema = z.looseObject({
  bulk_pricing_tiers: z.array(z.unknown()).nullish(),
  date_modified: z.string().nullish(),
});

export interface ExplainFor {
  /** The signed-in buyer; null for a guest. Their group is read live: the sync may have moved them since sign-in. */
  customerId: number | null;
  variantEntityId: number;
  currency: string;
}

export async function explainPrice(input: ExplainFor): Promise<PriceExplanation> {
  if (input.customerId === null) return { kind: 'guest' };
  try {
    const group = await currentGroup(input.customerId);
    if (!group) return { kind: 'unknown', reason: 'Your account could not be found in the store.' };
    const priceListId = await assignedPriceList(group.id);
    if (priceListId === null) return { kind: 'catalog', customerGroupName: group.name };
    const bc = getManagementClient();
    const [list, record] = await Promise.all([
      priceListById(priceListId),
      bc
        // Tiers are only returned when asked for (price_lists.v3.yml `include`).
        .getV3(`/v3/pricelists/${priceListId}/records/${input.variantEntityId}/${input.currency.toLowerCase()}`, recordSchema, {
          include: ['bulk_pricing_tiers'],
        })
        .then((response) => response.data)
        .catch((error: unknown) => {
          if (isBigCommerceApiError(error) && error.status === 404) return null;
          throw error;
        }),
    ]);
    if (!record) return { kind: 'price-list-without-record', priceListName: list.name, priceListId };
    return {
      kind: 'price-list-record',
      priceListName: list.name,
      priceListId,
      tierCount: record.bulk_pricing_tiers?.length ?? 0,
      recordUpdatedAt: record.date_modified ?? null,
    };
  } catch (error) {
    // The explanation is an aid, never a reason to fail the page: the price itself came from the Storefront API.
    console.warn('[pricing] could not explain a price:', error);
    return { kind: 'unknown', reason: 'The price source could not be looked up just now.' };
  }
}

const customerSchema = z.looseObject({ id: z.number(), customer_group_id: z.number() });
const groupSchema = z.looseObject({ id: z.number(), name: z.string() });

/**
 * Lookups that change rarely are memoised for a minute, so a product page view costs one Management API call (the
 * variant's record) instead of five: the store's REST quota is shared with the sync job. A buyer the sync moves to
 * another group is explained correctly within that minute; the price itself always comes live from the Storefront API.
 */
const LOOKUP_TTL_MS = 60_000;

const currentGroup = ttlMemo(LOOKUP_TTL_MS, async (customerId: number): Promise<{ id: number; name: string | null } | null> => {
  const bc = getManagementClient();
  const { data } = await bc.getV3('/v3/customers', z.array(customerSchema), { 'id:in': [customerId] });
  const groupId = data.find((customer) => customer.id === customerId)?.customer_group_id;
  if (groupId === undefined) return null;
  if (groupId === 0) return { id: 0, name: null };
  const group = await bc.get(`/v2/customer_groups/${groupId}`, { schema: groupSchema }).catch(() => null);
  return { id: groupId, name: group?.name ?? null };
});

const priceListById = ttlMemo(LOOKUP_TTL_MS, async (priceListId: number) => (await getManagementClient().getV3(`/v3/pricelists/${priceListId}`, priceListSchema)).data);

const assignedPriceList = ttlMemo(LOOKUP_TTL_MS, async (customerGroupId: number): Promise<number | null> => {
  const { BIGCOMMERCE_CHANNEL_ID: channelId } = getConfig();
  const { data } = await getManagementClient().getV3('/v3/pricelists/assignments', z.array(assignmentSchema), {
    'customer_group_id:in': [customerGroupId],
  });
  const onChannel = data.find((a) => a.channel_id === channelId);
  const anyChannel = data.find((a) => a.channel_id === null || a.channel_id === undefined);
  return (onChannel ?? anyChannel)?.price_list_id ?? null;
});
