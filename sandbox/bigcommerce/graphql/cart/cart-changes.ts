import { randomUUID } from 'node:crypto';
import { nowIso, type BcStore } from '../../store/store';
import type { BcCart, BcCartLineItem } from '../../store/types';
import { checkChangedLines } from './line-rules';
import type { RequestedLine } from './line-input';

/**
 * Every cart change is worked out on a copy of the lines, checked, and only then written, so a refused change
 * (one bad line among several, or too little stock) leaves the cart exactly as it was.
 */

/** Adds lines; a variant already in the cart gets the extra quantity on its existing line, as BigCommerce merges them. */
export function addLines(store: BcStore, cart: BcCart, requested: readonly RequestedLine[]): void {
  const lines = cart.line_items.map((line) => ({ ...line }));
  for (const { product, variant, quantity } of requested) {
    const existing = lines.find((line) => line.variant_id === variant.id);
    if (existing) existing.quantity += quantity;
    else lines.push({ id: randomUUID(), product_id: product.id, variant_id: variant.id, quantity });
  }
  commit(store, cart, lines, new Set(requested.map((r) => r.variant.id)));
}

/** Replaces one line's variant and quantity (the update input carries a whole line item). */
export function replaceLine(store: BcStore, cart: BcCart, lineId: string, requested: RequestedLine): void {
  const lines = cart.line_items.map((line) =>
    line.id === lineId ? { ...line, product_id: requested.product.id, variant_id: requested.variant.id, quantity: requested.quantity } : { ...line },
  );
  commit(store, cart, mergeSameVariant(lines), new Set([requested.variant.id]));
}

export function removeLine(cart: BcCart, lineId: string): void {
  cart.line_items = cart.line_items.filter((line) => line.id !== lineId);
  touch(cart);
}

/** A new cart owned by `customerId` (0 = guest), not stored yet; its first lines bring it to version 1. */
export function newCart(customerId: number, currency: string, locale: string): BcCart {
  const now = nowIso();
  return { id: randomUUID(), customer_id: customerId, channel_id: 1, currency: { code: currency }, locale, version: 0, line_items: [], created_time: now, updated_time: now };
}

function commit(store: BcStore, cart: BcCart, lines: BcCartLineItem[], changedVariantIds: ReadonlySet<number>): void {
  checkChangedLines(store, lines, changedVariantIds);
  cart.line_items = lines;
  touch(cart);
}

function touch(cart: BcCart): void {
  cart.version += 1;
  cart.updated_time = nowIso();
}

/** Switching a line to a variant that another line already holds leaves one line with both quantities. */
function mergeSameVariant(lines: BcCartLineItem[]): BcCartLineItem[] {
  const merged: BcCartLineItem[] = [];
  for (const line of lines) {
    const same = merged.find((m) => m.variant_id === line.variant_id);
    if (same) same.quantity += line.quantity;
    else merged.push(line);
  }
  return merged;
}
