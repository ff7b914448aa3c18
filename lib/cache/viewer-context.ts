import 'server-only';
import { cache } from 'react';
import { z } from 'zod';
import { ViewerGroupQuery } from '@/graphql/queries/viewer';
import { GUEST, storefrontQuery, type StorefrontViewer } from '@/lib/bigcommerce/graphql/client';
import { getManagementClient } from '@/lib/bigcommerce/management-client';
import { getSignedInBuyer } from '@/lib/session/session';
import type { BuyerSession } from '@/lib/session/session-data';
import type { CatalogScope, PricingContext, StoreRef } from './contexts';
import { invalidateTags } from './invalidate';
import { cacheEntries, tags } from './manifest';
import { cached } from './read-through';
import { cacheRuntime } from './runtime';

/**
 * Who a request is for, as the cache sees it: the Storefront viewer (from the verified session only), the
 * pricing context its prices are cached under, and the catalog scope its catalog data is cached under.
 *
 * The buyer's group is asked of BigCommerce (`customer { customerGroupId }` with the impersonation token), not
 * taken from the session: the sync moves buyers between groups after they sign in, and its
 * `customer-group-changed` event drops the cached answer. The group's price lists and category access come from
 * the Management API, cached per group for everyone in it.
 */
export interface ViewerContext {
  viewer: StorefrontViewer;
  /** null when the buyer's group could not be established now: their reads then bypass the cache entirely. */
  pricing: PricingContext | null;
  catalog: CatalogScope | null;
}

/** Price lists and catalog access of one customer group. */
interface GroupPricing {
  priceListIds: number[];
  allCategories: boolean;
}

/** What applies across groups: the channel's default price list(s) and the store's guest group. */
interface StorePricing {
  channelDefaultPriceListIds: number[];
  guestGroupId: number | null;
}

/** Prices are asked for without a currency code, so BigCommerce answers in the channel's default currency. */
const CHANNEL_DEFAULT_CURRENCY = 'channel-default';

const assignmentSchema = z.looseObject({ price_list_id: z.number(), customer_group_id: z.number().nullish(), channel_id: z.number().nullish() });
const groupSchema = z.looseObject({
  id: z.number(),
  category_access: z.looseObject({ type: z.string() }).nullish(),
  discount_rules: z.array(z.looseObject({ type: z.string(), price_list_id: z.number().nullish() })).nullish(),
});

/** The signed-in buyer's (or guest's) context, once per request. */
export const getViewerContext = cache(async (): Promise<ViewerContext> => viewerContextFor(await getSignedInBuyer()));

export async function viewerContextFor(buyer: BuyerSession | null): Promise<ViewerContext> {
  const store = cacheRuntime().store;
  const viewer: StorefrontViewer = buyer ? { kind: 'customer', customerId: buyer.customerId } : GUEST;
  try {
    const storePricing = await cached(cacheEntries.storePricing<StorePricing>(store), () => loadStorePricing(store));
    if (!buyer) {
      const guestGroup = storePricing.guestGroupId === null ? null : await groupPricing(store, storePricing.guestGroupId);
      return {
        viewer,
        pricing: pricingContext(store, 'guest', [...(guestGroup?.priceListIds ?? []), ...storePricing.channelDefaultPriceListIds]),
        catalog: { ...store, visibility: 'guest' },
      };
    }
    const groupId = await cached(cacheEntries.buyerGroup(store, buyer.customerId), () => loadBuyerGroup(viewer));
    if (groupId === null) throw new Error(`the store does not know customer ${buyer.customerId}`);
    const group = groupId === 0 ? null : await groupPricing(store, groupId);
    return {
      viewer,
      pricing: pricingContext(store, groupId, [...(group?.priceListIds ?? []), ...storePricing.channelDefaultPriceListIds]),
      // A customer without a group sees every category, like a group with access to all of them.
      catalog: { ...store, visibility: group === null || group.allCategories ? 'all' : `group-${groupId}` },
    };
  } catch (error) {
    console.warn('[cache] could not establish the viewer’s pricing context; reading uncached:', error instanceof Error ? error.message : error);
    return { viewer, pricing: null, catalog: null };
  }
}

function pricingContext(store: StoreRef, customerGroup: PricingContext['customerGroup'], priceListIds: number[]): PricingContext {
  return { ...store, currency: CHANNEL_DEFAULT_CURRENCY, customerGroup, priceListIds: [...new Set(priceListIds)].sort((a, b) => a - b) };
}

function groupPricing(store: StoreRef, groupId: number): Promise<GroupPricing> {
  return cached(cacheEntries.groupPricing<GroupPricing>(store, groupId), () => loadGroupPricing(store, groupId));
}

async function loadBuyerGroup(viewer: StorefrontViewer): Promise<number | null> {
  const { customer } = await storefrontQuery(ViewerGroupQuery, {}, viewer);
  return customer?.customerGroupId ?? null;
}

/**
 * Every list that can price the group (price_lists.v3.yml "Order of operations"): assigned to the group on this
 * channel or on none, or linked by the legacy v2 group rule. Inactive lists are included: tagging with a list
 * that does not apply only widens an invalidation.
 */
async function loadGroupPricing(store: StoreRef, groupId: number): Promise<GroupPricing> {
  const bc = getManagementClient();
  const [group, assignments] = await Promise.all([
    bc.get(`/v2/customer_groups/${groupId}`, { schema: groupSchema }),
    bc.getV3('/v3/pricelists/assignments', z.array(assignmentSchema), { 'customer_group_id:in': [groupId] }),
  ]);
  const assigned = assignments.data.filter((a) => a.channel_id === store.channelId || a.channel_id === null || a.channel_id === undefined);
  const legacy = (group.discount_rules ?? []).flatMap((rule) => (rule.type === 'price_list' && rule.price_list_id ? [rule.price_list_id] : []));
  return { priceListIds: [...assigned.map((a) => a.price_list_id), ...legacy], allCategories: group.category_access?.type === 'all' };
}

async function loadStorePricing(store: StoreRef): Promise<StorePricing> {
  const bc = getManagementClient();
  const channelDefaultPriceListIds: number[] = [];
  for await (const assignment of bc.paginateV3('/v3/pricelists/assignments', assignmentSchema, { 'channel_id:in': [store.channelId] })) {
    if (assignment.customer_group_id === null || assignment.customer_group_id === undefined) channelDefaultPriceListIds.push(assignment.price_list_id);
  }
  const guestGroups = await bc.get('/v2/customer_groups', { schema: z.array(groupSchema).nullish(), query: { is_group_for_guests: true } });
  return { channelDefaultPriceListIds, guestGroupId: guestGroups?.[0]?.id ?? null };
}

/**
 * Thrown by a cache load whose prices BigCommerce computed for another group than the context's: the context's
 * group comes from a cached lookup that a move between groups makes stale until its event arrives, and prices
 * fetched meanwhile are the buyer's new group's. Kept under the old group's key they would be served to every buyer
 * of that group, so the load fails instead (nothing is stored), the caller serves this buyer uncached, and the
 * buyer's remembered group is dropped so the next request keys correctly.
 */
export class PricedOutsideContextError extends Error {
  override readonly name = 'PricedOutsideContextError';
}

export async function assertPricedInContext(context: PricingContext, viewer: StorefrontViewer, pricedForGroup: number | null | undefined): Promise<void> {
  const expected = viewer.kind === 'customer' ? pricedForGroup : 'guest';
  if (expected !== null && expected !== undefined && expected === context.customerGroup) return;
  if (viewer.kind === 'customer') await invalidateTags([tags.customer(viewer.customerId)], 'buyer priced in another group than the cached one').catch(() => 0);
  throw new PricedOutsideContextError(`priced for group ${String(pricedForGroup)}, cached context says ${String(context.customerGroup)}`);
}
