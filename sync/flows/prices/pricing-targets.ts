import { z } from 'zod';
import type { SyncContext } from '../../context';

/**
 * Where each ERP price structure lives in BigCommerce. The mapping:
 * - every ERP price level (contract group) → one customer group and one price list of the same name, assigned to
 *   that group on our channel. Buyers of companies at that level are in that group;
 * - every customer with customer-specific item prices → its own group and list ("Customer {number} contract"),
 *   holding its level's prices with its overrides applied. BigCommerce gives a group exactly one price list, so a
 *   customer whose prices differ from its level's needs its own; companies without overrides share the level's.
 * The ids are remembered in Redis; a missing mapping adopts an existing group/list of the same name (so a store
 * set up by hand, or the sandbox's seed, is taken over rather than duplicated), else creates them.
 */
export interface PricingTarget {
  key: string;
  name: string;
  customerGroupId: number;
  priceListId: number;
}

export function levelTargetKey(priceLevelId: string): string {
  return `level:${priceLevelId}`;
}

export function customerTargetKey(customerNumber: string): string {
  return `customer:${customerNumber}`;
}

/** Id of a group or list a dry run would create. */
export const PLANNED = -1;

const idName = z.looseObject({ id: z.number(), name: z.string() });
const assignmentSchema = z.looseObject({ price_list_id: z.number(), customer_group_id: z.number().nullish(), channel_id: z.number().nullish() });
const storedTargetSchema = z.object({ customerGroupId: z.number(), priceListId: z.number() });

export class PricingTargets {
  private lists = new Map<number, string>();
  private groups = new Map<number, string>();
  private assignments: z.infer<typeof assignmentSchema>[] = [];

  private constructor(private readonly ctx: SyncContext) {}

  /** Loads what BigCommerce has (price lists, groups, assignments: small collections) once per run. */
  static async load(ctx: SyncContext): Promise<PricingTargets> {
    const targets = new PricingTargets(ctx);
    for await (const list of ctx.rest.paginateV3('/v3/pricelists', idName)) targets.lists.set(list.id, list.name);
    for await (const group of ctx.rest.paginateV2('/v2/customer_groups', idName)) targets.groups.set(group.id, group.name);
    for await (const assignment of ctx.rest.paginateV3('/v3/pricelists/assignments', assignmentSchema)) targets.assignments.push(assignment);
    return targets;
  }

  /**
   * The group and list for `key`, adopted or created. In a dry run nothing is created: a target that would be
   * created comes back with id -1, so the run still counts the records it would send there.
   */
  async ensure(key: string, name: string, dryRun: boolean): Promise<PricingTarget> {
    const { ctx } = this;
    const stored = await ctx.redis.hget(ctx.keys.pricingTargets, key);
    const known = stored ? storedTargetSchema.safeParse(JSON.parse(stored)) : undefined;

    let priceListId = known?.success && this.lists.has(known.data.priceListId) ? known.data.priceListId : this.idByName(this.lists, name);
    let customerGroupId = known?.success && this.groups.has(known.data.customerGroupId) ? known.data.customerGroupId : this.idByName(this.groups, name);
    if (dryRun && (priceListId === undefined || customerGroupId === undefined)) {
      return { key, name, customerGroupId: customerGroupId ?? PLANNED, priceListId: priceListId ?? PLANNED };
    }

    if (priceListId === undefined) {
      const { data } = await ctx.rest.post('/v3/pricelists', { name, active: true }, { schema: z.looseObject({ data: idName }) });
      priceListId = data.id;
      this.lists.set(priceListId, name);
      ctx.log('created price list', { name, priceListId });
    }
    if (customerGroupId === undefined) {
      const group = await ctx.rest.post('/v2/customer_groups', { name, category_access: { type: 'all' } }, { schema: idName });
      customerGroupId = group.id;
      this.groups.set(customerGroupId, name);
      ctx.log('created customer group', { name, customerGroupId });
    }
    const assigned = this.assignments.some(
      (a) => a.price_list_id === priceListId && a.customer_group_id === customerGroupId && a.channel_id === ctx.channelId,
    );
    if (!assigned && !dryRun) {
      await ctx.rest.put(`/v3/pricelists/${priceListId}/assignments`, { customer_group_id: customerGroupId, channel_id: ctx.channelId });
      this.assignments.push({ price_list_id: priceListId, customer_group_id: customerGroupId, channel_id: ctx.channelId });
    }
    if (!dryRun) await ctx.redis.hset(ctx.keys.pricingTargets, key, JSON.stringify({ customerGroupId, priceListId }));
    return { key, name, customerGroupId, priceListId };
  }

  private idByName(collection: Map<number, string>, name: string): number | undefined {
    for (const [id, existing] of collection) if (existing === name) return id;
    return undefined;
  }
}
