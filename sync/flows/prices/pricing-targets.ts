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

export function customerTargetName(customerNumber: string): string {
  return `Customer ${customerNumber} contract`;
}

/** BigCommerce's "no group": a customer there sees catalog prices (no price list applies). */
export const NO_GROUP = 0;

/** Id of a group or list a dry run would create. */
export const PLANNED = -1;

const idName = z.looseObject({ id: z.number(), name: z.string() });
const assignmentSchema = z.looseObject({ price_list_id: z.number(), customer_group_id: z.number().nullish(), channel_id: z.number().nullish() });
const storedTargetSchema = z.object({ customerGroupId: z.number(), priceListId: z.number() });

export class PricingTargets {
  private lists = new Map<number, string>();
  private groups = new Map<number, string>();
  private assignments: z.infer<typeof assignmentSchema>[] = [];
  /** Our remembered mapping (key → ids), read once per run: a full run looks up every customer. */
  private stored = new Map<string, z.infer<typeof storedTargetSchema>>();

  private constructor(private readonly ctx: SyncContext) {}

  /** Loads what BigCommerce has (price lists, groups, assignments: small collections) once per run. */
  static async load(ctx: SyncContext): Promise<PricingTargets> {
    const targets = new PricingTargets(ctx);
    for await (const list of ctx.rest.paginateV3('/v3/pricelists', idName)) targets.lists.set(list.id, list.name);
    for await (const group of ctx.rest.paginateV2('/v2/customer_groups', idName)) targets.groups.set(group.id, group.name);
    for await (const assignment of ctx.rest.paginateV3('/v3/pricelists/assignments', assignmentSchema)) targets.assignments.push(assignment);
    for (const [key, text] of Object.entries(await ctx.redis.hgetall(ctx.keys.pricingTargets))) {
      const parsed = storedTargetSchema.safeParse(JSON.parse(text));
      if (parsed.success) targets.stored.set(key, parsed.data);
    }
    return targets;
  }

  /**
   * The group and list BigCommerce holds for `key`, as remembered or by name, without creating anything (either may
   * be missing). Null when neither exists.
   */
  async find(key: string, name: string): Promise<{ customerGroupId?: number; priceListId?: number } | null> {
    const { priceListId, customerGroupId } = this.existing(key, name);
    if (priceListId === undefined && customerGroupId === undefined) {
      // A mapping to a list and group that are both gone is only noise for the next run.
      if (this.stored.has(key)) await this.forget(key);
      return null;
    }
    return { customerGroupId, priceListId };
  }

  /** Drops `key`'s mapping after its list and group were deleted. */
  async forget(key: string, ids: { customerGroupId?: number; priceListId?: number } = {}): Promise<void> {
    await this.ctx.redis.hdel(this.ctx.keys.pricingTargets, key);
    this.stored.delete(key);
    if (ids.priceListId !== undefined) this.lists.delete(ids.priceListId);
    if (ids.customerGroupId !== undefined) this.groups.delete(ids.customerGroupId);
    this.assignments = this.assignments.filter((a) => a.price_list_id !== ids.priceListId && a.customer_group_id !== ids.customerGroupId);
  }

  /**
   * The group and list for `key`, adopted or created. In a dry run nothing is created: a target that would be
   * created comes back with id -1, so the run still counts the records it would send there.
   */
  async ensure(key: string, name: string, dryRun: boolean): Promise<PricingTarget> {
    const { ctx } = this;
    let { priceListId, customerGroupId } = this.existing(key, name);
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
    if (!dryRun) {
      await ctx.redis.hset(ctx.keys.pricingTargets, key, JSON.stringify({ customerGroupId, priceListId }));
      this.stored.set(key, { customerGroupId, priceListId });
    }
    return { key, name, customerGroupId, priceListId };
  }

  /** The remembered ids when BigCommerce still has them, else whatever has the exact name. */
  private existing(key: string, name: string): { priceListId?: number; customerGroupId?: number } {
    const known = this.stored.get(key);
    return {
      priceListId: known && this.lists.has(known.priceListId) ? known.priceListId : this.idByName(this.lists, name),
      customerGroupId: known && this.groups.has(known.customerGroupId) ? known.customerGroupId : this.idByName(this.groups, name),
    };
  }

  private idByName(collection: Map<number, string>, name: string): number | undefined {
    for (const [id, existing] of collection) if (existing === name) return id;
    return undefined;
  }
}
