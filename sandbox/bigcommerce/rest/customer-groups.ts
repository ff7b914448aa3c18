import { z } from 'zod';
import { v2Error, v2NotFound } from '../http/errors';
import { v2Page } from '../http/pagination';
import type { Router } from '../http/router';
import type { SandboxResponse } from '../http/types';
import { nowIso, type BcStore } from '../store/store';
import type { BcCustomerGroup } from '../store/types';
import { idParam } from './catalog/field-errors';
import { readV2Page, v2FieldError } from './customers/v2';

/** `/v2/customer_groups` as customers.v2.yml defines it (bare arrays, 204 past the last page, v2 errors). */

const discountRule = z.object({
  type: z.enum(['price_list', 'all', 'category', 'product']),
  method: z.enum(['percent', 'fixed', 'price']).optional(),
  amount: z.union([z.string(), z.number()]).transform(String).optional(),
  price_list_id: z.number().int().optional(),
  category_id: z.number().int().optional(),
  product_id: z.number().int().optional(),
});
const groupFields = {
  name: z.string().min(1).max(255),
  is_default: z.boolean(),
  category_access: z.object({ type: z.enum(['all', 'specific', 'none']), categories: z.array(z.number().int()).optional() }),
  discount_rules: z.array(discountRule),
  is_group_for_guests: z.boolean(),
};
const groupPost = z.object(groupFields).partial().required({ name: true });
const groupPut = z.object(groupFields).partial();
type GroupInput = z.infer<typeof groupPut>;

export function registerCustomerGroupRoutes(router: Router): void {
  router.get('/v2/customer_groups', (req, { store }) => {
    const page = readV2Page(req.query);
    if ('status' in page) return page;
    const name = req.query.get('name');
    const like = req.query.get('name:like')?.toLowerCase();
    const isDefault = req.query.get('is_default');
    const forGuests = req.query.get('is_group_for_guests');
    const rows = [...store.customerGroups.values()]
      .filter(
        (g) =>
          (name === null || g.name === name) &&
          (like === undefined || g.name.toLowerCase().includes(like)) &&
          (isDefault === null || String(g.is_default) === isDefault) &&
          (forGuests === null || String(g.is_group_for_guests) === forGuests),
      )
      .sort((a, b) => a.id - b.id);
    return v2Page(rows, page);
  });

  router.get('/v2/customer_groups/count', (_req, { store }) => ({ status: 200, body: { count: store.customerGroups.size } }));

  router.get('/v2/customer_groups/:id', (req, { store }) => {
    const group = store.customerGroups.get(idParam(req.params.id) ?? 0);
    return group ? { status: 200, body: group } : v2NotFound();
  });

  router.post('/v2/customer_groups', (req, { store }) => {
    const parsed = groupPost.safeParse(req.body);
    if (!parsed.success) return v2FieldError(parsed.error, req.body);
    const problem = groupProblem(store, parsed.data);
    if (problem) return problem;
    const now = nowIso();
    const id = store.nextId('customer_group');
    const group: BcCustomerGroup = {
      id,
      name: parsed.data.name,
      is_default: false,
      category_access: { type: 'all' },
      discount_rules: [],
      is_group_for_guests: false,
      date_created: now,
      date_modified: now,
    };
    store.customerGroups.set(id, group);
    applyGroup(store, group, parsed.data);
    return { status: 200, body: group };
  });

  router.put('/v2/customer_groups/:id', (req, { store }) => {
    const group = store.customerGroups.get(idParam(req.params.id) ?? 0);
    if (!group) return v2NotFound();
    const parsed = groupPut.safeParse(req.body ?? {});
    if (!parsed.success) return v2FieldError(parsed.error, req.body);
    const problem = groupProblem(store, parsed.data, group.id);
    if (problem) return problem;
    applyGroup(store, group, parsed.data);
    group.date_modified = nowIso();
    return { status: 200, body: group };
  });

  router.delete('/v2/customer_groups/:id', (req, { store }) => {
    const group = store.customerGroups.get(idParam(req.params.id) ?? 0);
    if (!group) return v2NotFound();
    store.customerGroups.delete(group.id);
    // "All existing customers are unassigned from the group when it is deleted"; its price-list assignments go too.
    for (const customer of store.customers.values()) {
      if (customer.customer_group_id === group.id) {
        customer.customer_group_id = 0;
        customer.date_modified = nowIso();
      }
    }
    for (const [id, assignment] of store.priceListAssignments) {
      if (assignment.customer_group_id === group.id) store.priceListAssignments.delete(id);
    }
    return { status: 204 };
  });
}

function groupProblem(store: BcStore, input: GroupInput, selfId?: number): SandboxResponse | undefined {
  if (input.name !== undefined) {
    const lower = input.name.toLowerCase();
    if ([...store.customerGroups.values()].some((g) => g.id !== selfId && g.name.toLowerCase() === lower)) {
      return v2Error(409, `The customer group name '${input.name}' is already in use.`, { conflict_reason: 'name' });
    }
  }
  const rules = input.discount_rules ?? [];
  const priceListRules = rules.filter((r) => r.type === 'price_list');
  // FACTS §2.3: "You cannot assign Price Lists to a customer group with customer group discounts".
  if (priceListRules.length > 0 && rules.length > priceListRules.length) {
    return v2Error(400, "The field 'discount_rules' is invalid.", {
      invalid_reason: 'You cannot assign Price Lists to a customer group with customer group discounts - you must delete the customer group discounts first.',
    });
  }
  if (priceListRules.length > 1) return v2Error(400, "The field 'discount_rules' is invalid.", { invalid_reason: 'Only one price list can be assigned to a customer group.' });
  for (const rule of rules) {
    const missing = ruleProblem(store, rule);
    if (missing) return v2Error(400, "The field 'discount_rules' is invalid.", { invalid_reason: missing });
  }
  if (input.is_group_for_guests && [...store.customerGroups.values()].some((g) => g.id !== selfId && g.is_group_for_guests)) {
    return v2Error(400, "The field 'is_group_for_guests' is invalid.", { invalid_reason: 'There can only be one customer group for guests at a time.' });
  }
  return undefined;
}

function ruleProblem(store: BcStore, rule: BcCustomerGroup['discount_rules'][number]): string | undefined {
  if (rule.type === 'price_list') {
    if (rule.price_list_id === undefined) return 'price_list rules need a price_list_id.';
    return store.priceLists.has(rule.price_list_id) ? undefined : `Price list ${rule.price_list_id} does not exist.`;
  }
  if (rule.method === undefined || rule.amount === undefined) return `${rule.type} rules need a method and an amount.`;
  if (!Number.isFinite(Number(rule.amount))) return `amount "${rule.amount}" is not a number.`;
  if (rule.type === 'category' && (rule.category_id === undefined || !store.categories.has(rule.category_id))) return 'category rules need an existing category_id.';
  if (rule.type === 'product' && (rule.product_id === undefined || !store.products.has(rule.product_id))) return 'product rules need an existing product_id.';
  return undefined;
}

function applyGroup(store: BcStore, group: BcCustomerGroup, input: GroupInput): void {
  if (input.name !== undefined) group.name = input.name;
  if (input.category_access !== undefined) group.category_access = input.category_access;
  // "Discount rules are treated in bulk. The entire set of rules is overwritten when a request is sent."
  if (input.discount_rules !== undefined) group.discount_rules = input.discount_rules;
  if (input.is_group_for_guests !== undefined) group.is_group_for_guests = input.is_group_for_guests;
  if (input.is_default !== undefined) {
    // Only one group can be the sign-up default.
    if (input.is_default) for (const other of store.customerGroups.values()) other.is_default = false;
    group.is_default = input.is_default;
  }
}
