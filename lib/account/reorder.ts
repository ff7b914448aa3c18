import 'server-only';
import type { StorefrontViewer } from '@/lib/bigcommerce/graphql/client';
import type { BigCommerceRestClient } from '@/lib/bigcommerce/rest';
import type { CartChange, LineToAdd } from '@/lib/cart/cart-commands';
import { checkRows, type CartLineQuantity } from '@/lib/quick-order/check-rows';
import { lookupSkus } from '@/lib/quick-order/lookup-skus';
import { readOrderDetail } from './order-detail';
import { planReorder, reorderRows, type ReorderLine } from './reorder-plan';

/**
 * Ordering an earlier order again: its lines, looked up afresh for this buyer (today's contract price, stock,
 * whether it is still sold), the good ones added to the cart in one change, and every line reported with what
 * changed since. The order must be this buyer's; the caller supplies the buyer from the verified session.
 */
export interface ReorderDeps {
  rest: BigCommerceRestClient;
  customerId: number;
  viewer: StorefrontViewer;
  /** What the buyer's cart holds now (quantity rules and stock count it, as BigCommerce merges lines). */
  cartLines(): Promise<CartLineQuantity[]>;
  /** All or nothing, as `addLinesToCart`. */
  addLines(lines: LineToAdd[]): Promise<CartChange>;
}

export type ReorderResult =
  | { kind: 'not-found' }
  | { kind: 'refused'; message: string; lines: ReorderLine[] }
  | { kind: 'done'; orderId: number; added: number; notAdded: number; lines: ReorderLine[] };

export async function reorder(deps: ReorderDeps, orderId: number): Promise<ReorderResult> {
  const order = await readOrderDetail(deps.rest, deps.customerId, orderId);
  if (!order) return { kind: 'not-found' };
  const rows = reorderRows(order.lines);
  const [lookups, cartLines] = await Promise.all([
    lookupSkus(rows.filter((row) => !row.problem).map((row) => row.sku), deps.viewer),
    deps.cartLines(),
  ]);
  const plan = planReorder(order.lines, checkRows(rows, lookups, cartLines));
  if (plan.toAdd.length === 0) return { kind: 'refused', message: 'None of this order’s lines can be ordered again just now: see why below.', lines: plan.lines };
  const change = await deps.addLines(plan.toAdd);
  if (!change.ok) return { kind: 'refused', message: change.message, lines: plan.lines };
  return { kind: 'done', orderId: order.id, added: plan.toAdd.length, notAdded: plan.lines.length - plan.toAdd.length, lines: plan.lines };
}
