import type { Router } from '../../http/router';
import type { Handler, SandboxContext, SandboxResponse } from '../../http/types';
import { BcStore } from '../../store/store';
import type { BcProduct, BcVariant } from '../../store/types';
import { isInt, isObject, MAX_UNITS, problem, transaction } from './problem';
import { ensureLevel, levelOf, recomputeTotals, stockVariant } from './stock';

export const ADJUSTMENT_ITEM_LIMIT = 2000;
type Method = 'absolute' | 'relative';

interface Item {
  index: number;
  locationId: number;
  identity: { kind: 'variant_id' | 'sku' | 'product_id'; value: string | number };
  quantity: number;
}

interface Target {
  item: Item;
  product: BcProduct;
  variant: BcVariant;
  tracking: 'product' | 'variant';
}

/**
 * `PUT /v3/inventory/adjustments/absolute` and `POST /v3/inventory/adjustments/relative`. A request is applied
 * all-or-nothing: any refused item makes the whole request 422 (problem+json) with the messages BigCommerce
 * documents, so stock never ends up half-adjusted.
 */
export function registerAdjustmentRoutes(router: Router): void {
  router.put('/v3/inventory/adjustments/absolute', adjust('absolute'));
  router.post('/v3/inventory/adjustments/relative', adjust('relative'));
}

function adjust(method: Method): Handler {
  return (req, ctx) => {
    const parsed = parseItems(req.body);
    if (!Array.isArray(parsed)) return parsed;
    const targets = resolveTargets(ctx, parsed);
    if (!Array.isArray(targets)) return targets;
    return apply(ctx, method, targets);
  };
}

function parseItems(body: unknown): Item[] | SandboxResponse {
  if (!isObject(body) || !Array.isArray(body.items)) return problem(422, 'Payload contains invalid fields', { items: 'items is required and must be an array' });
  if (body.reason !== undefined && typeof body.reason !== 'string') return problem(422, 'Payload contains invalid fields', { reason: 'reason must be a string' });
  const raw: unknown[] = body.items;
  if (raw.length === 0) return problem(422, 'Payload contains invalid fields', { items: 'at least one item is required' });
  if (raw.length > ADJUSTMENT_ITEM_LIMIT) {
    return problem(422, `Payload contains too many items: the limit is ${ADJUSTMENT_ITEM_LIMIT}, got ${raw.length}`, { items: `maximum ${ADJUSTMENT_ITEM_LIMIT} items` });
  }
  const errors: Record<string, string> = {};
  const items: Item[] = [];
  raw.forEach((entry, index) => {
    const at = `items.${index}`;
    if (!isObject(entry)) {
      errors[at] = 'must be an object';
      return;
    }
    if (!isInt(entry.location_id)) errors[`${at}.location_id`] = 'location_id is required and must be an integer';
    if (!isInt(entry.quantity)) errors[`${at}.quantity`] = 'quantity is required and must be an integer';
    const kinds = (['variant_id', 'sku', 'product_id'] as const).filter((k) => entry[k] !== undefined);
    const kind = kinds[0];
    if (kinds.length !== 1 || kind === undefined) errors[at] = 'exactly one of variant_id, sku or product_id is required';
    else if (kind === 'sku' ? typeof entry.sku !== 'string' : !isInt(entry[kind])) errors[`${at}.${kind}`] = `${kind} has the wrong type`;
    if (errors[at] || errors[`${at}.location_id`] || errors[`${at}.quantity`] || kind === undefined || errors[`${at}.${kind}`]) return;
    items.push({ index, locationId: entry.location_id as number, identity: { kind, value: entry[kind] as string | number }, quantity: entry.quantity as number });
  });
  return Object.keys(errors).length > 0 ? problem(422, 'Payload contains invalid fields', errors) : items;
}

function describe(item: Item): string {
  return `${item.identity.kind} ${String(item.identity.value)}`;
}

/** Identity + tracking checks; messages follow the spec's examples, collected into one bracketed title. */
function resolveTargets(ctx: SandboxContext, items: Item[]): Target[] | SandboxResponse {
  const { store } = ctx;
  const messages: string[] = [];
  const targets: Target[] = [];
  for (const item of items) {
    if (!store.locations.has(item.locationId)) {
      messages.push(`Location with id ${item.locationId} does not exist`);
      continue;
    }
    const { kind, value } = item.identity;
    if (kind === 'product_id') {
      const product = store.products.get(value as number);
      const variant = product && stockVariant(product);
      if (!product || !variant) messages.push(`Item with ${describe(item)} does not exist`);
      else if (product.inventory_tracking === 'variant') messages.push(`Item with ${describe(item)} is tracked by variant, please update stock by variant id or sku`);
      else if (product.inventory_tracking === 'none') messages.push(`Item with ${describe(item)} has inventory tracking disabled`);
      else targets.push({ item, product, variant, tracking: 'product' });
      continue;
    }
    const variantId = kind === 'variant_id' ? (value as number) : store.variantIdBySku.get(value as string);
    const variant = variantId === undefined ? undefined : store.variants.get(variantId);
    const product = variant && store.products.get(variant.product_id);
    if (!variant || !product) messages.push(`Item with ${describe(item)} does not exist`);
    else if (product.inventory_tracking === 'product') messages.push(`Item with ${describe(item)} is tracked by product, please update stock by product id`);
    else if (product.inventory_tracking === 'none') messages.push(`Item with ${describe(item)} has inventory tracking disabled`);
    else targets.push({ item, product, variant, tracking: 'variant' });
  }
  return messages.length > 0 ? problem(422, `[${messages.join(', ')}]`) : targets;
}

interface Staged {
  target: Target;
  before: number;
  after: number;
  absoluteSet: boolean;
}

function apply(ctx: SandboxContext, method: Method, targets: Target[]): SandboxResponse {
  const { store } = ctx;
  const staged = new Map<string, Staged>();
  const needAbsolute: string[] = [];
  const messages: string[] = [];
  for (const target of targets) {
    const key = BcStore.inventoryKey(target.item.locationId, target.variant.id);
    const level = levelOf(store, target.item.locationId, target.variant);
    const prior = staged.get(key);
    const current = prior?.after ?? level?.total_inventory_onhand ?? 0;
    const absoluteSet = prior?.absoluteSet ?? level?.absolute_set ?? false;
    const before = prior?.before ?? level?.total_inventory_onhand ?? 0;
    if (method === 'relative' && !absoluteSet) {
      needAbsolute.push(describe(target.item));
      continue;
    }
    const next = method === 'absolute' ? target.item.quantity : current + target.item.quantity;
    if (next < 0) messages.push(`Item with ${describe(target.item)} at location ${target.item.locationId} would have negative stock (${next})`);
    else if (next > MAX_UNITS) messages.push(`Item with ${describe(target.item)} at location ${target.item.locationId} exceeds the maximum of ${MAX_UNITS} units`);
    staged.set(key, { target, before, after: next, absoluteSet: absoluteSet || method === 'absolute' });
  }
  if (needAbsolute.length > 0) return problem(422, `Items with identity: [${needAbsolute.join(', ')}] requires absolute adjustment before relative`);
  messages.push(...productTotalErrors(store, staged));
  if (messages.length > 0) return problem(422, `[${messages.join(', ')}]`);

  for (const { target, after, absoluteSet } of staged.values()) {
    const level = ensureLevel(store, target.item.locationId, target.variant);
    level.total_inventory_onhand = after;
    level.absolute_set = absoluteSet;
  }
  recomputeTotals(store, [...staged.values()].map((s) => s.target.product.id));
  emitEvents(store, staged);
  return transaction();
}

/** "A product's total includes its variants": the sum over all its items and locations must stay ≤ the max. */
function productTotalErrors(store: BcStore, staged: Map<string, Staged>): string[] {
  const totals = new Map<number, number>();
  for (const [key, level] of store.inventory) {
    if (staged.has(key)) continue;
    totals.set(level.product_id, (totals.get(level.product_id) ?? 0) + level.total_inventory_onhand);
  }
  const touched = new Set<number>();
  for (const { target, after } of staged.values()) {
    touched.add(target.product.id);
    totals.set(target.product.id, (totals.get(target.product.id) ?? 0) + after);
  }
  return [...touched].filter((id) => (totals.get(id) ?? 0) > MAX_UNITS).map((id) => `Product with product_id ${id} would exceed the maximum of ${MAX_UNITS} units in total`);
}

/**
 * One event per changed item and location. `value` is the change (after − before); `method` is `absolute` for
 * API changes (webhooks.v3.yml / FACTS §3: `relative` is reserved for order-driven changes).
 */
function emitEvents(store: BcStore, staged: Map<string, Staged>): void {
  for (const { target, before, after } of staged.values()) {
    const value = after - before;
    if (value === 0) continue;
    if (target.tracking === 'product') {
      store.emit('store/product/inventory/updated', { type: 'product', id: target.product.id, inventory: { product_id: target.product.id, method: 'absolute', value } });
    } else {
      store.emit('store/sku/inventory/updated', {
        type: 'sku',
        id: target.variant.sku_id ?? target.variant.id,
        inventory: { product_id: target.product.id, variant_id: target.variant.id, method: 'absolute', value },
      });
    }
  }
}
