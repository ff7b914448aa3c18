/**
 * Location-level stock moves (§4.8.6). Committing an order line raises `quantitycommitted` and lowers
 * `quantityavailable` (what can't be committed is backordered); releasing gives it back; shipping lowers on hand
 * and what the line held; un-shipping (a fulfilment line edited down) puts the goods back on hand, committed to the
 * order again. Every change stamps `lastquantityavailablechange`, which is what delta reads key on.
 *
 * A location-less line, or an item never stocked at the location (no row), holds nothing here.
 */
import type { Queryable } from './common';

/** What an open order line holds at its location. */
export interface Hold {
  committed: number;
  backordered: number;
}

export const NO_HOLD: Hold = { committed: 0, backordered: 0 };

/** Reserve `quantity` more: commit what is available, backorder the rest. Returns what was reserved. */
export async function commitStock(db: Queryable, item: number, location: number | null, quantity: number): Promise<Hold> {
  if (location === null || quantity <= 0) return NO_HOLD;
  const r = await db.query<{ available: string }>(
    'SELECT GREATEST(COALESCE(quantityavailable, 0), 0)::text AS available FROM inventoryitemlocations WHERE item = $1 AND location = $2',
    [item, location],
  );
  const row = r.rows[0];
  if (!row) return NO_HOLD;
  const committed = Math.min(quantity, Number(row.available));
  const hold = { committed, backordered: quantity - committed };
  await db.query(
    `UPDATE inventoryitemlocations SET
       quantitycommitted = COALESCE(quantitycommitted, 0) + $3::numeric,
       quantitybackordered = COALESCE(quantitybackordered, 0) + $4::numeric,
       quantityavailable = GREATEST(COALESCE(quantityavailable, 0) - $3::numeric, 0),
       lastquantityavailablechange = now()
     WHERE item = $1 AND location = $2`,
    [item, location, hold.committed, hold.backordered],
  );
  return hold;
}

/** Give back what a line held: committed stock becomes available again, the backorder disappears. */
export async function releaseStock(db: Queryable, item: number, location: number | null, hold: Hold): Promise<void> {
  if (location === null || (hold.committed <= 0 && hold.backordered <= 0)) return;
  await db.query(
    `UPDATE inventoryitemlocations SET
       quantityavailable = COALESCE(quantityavailable, 0) + LEAST($3::numeric, COALESCE(quantitycommitted, 0)),
       quantitycommitted = GREATEST(COALESCE(quantitycommitted, 0) - $3::numeric, 0),
       quantitybackordered = GREATEST(COALESCE(quantitybackordered, 0) - $4::numeric, 0),
       lastquantityavailablechange = now()
     WHERE item = $1 AND location = $2`,
    [item, location, hold.committed, hold.backordered],
  );
}

/** Ship `quantity`, which consumes `taken` of what the line held. */
export async function shipStock(db: Queryable, item: number, location: number | null, quantity: number, taken: Hold): Promise<void> {
  if (location === null || quantity <= 0) return;
  await db.query(
    `UPDATE inventoryitemlocations SET
       quantityonhand = GREATEST(COALESCE(quantityonhand, 0) - $3::numeric, 0),
       quantitycommitted = GREATEST(COALESCE(quantitycommitted, 0) - $4::numeric, 0),
       quantitybackordered = GREATEST(COALESCE(quantitybackordered, 0) - $5::numeric, 0),
       quantityavailable = GREATEST(GREATEST(COALESCE(quantityonhand, 0) - $3::numeric, 0) - GREATEST(COALESCE(quantitycommitted, 0) - $4::numeric, 0), 0),
       lastquantityavailablechange = now()
     WHERE item = $1 AND location = $2`,
    [item, location, quantity, taken.committed, taken.backordered],
  );
}

/**
 * Un-ship `quantity`: back on hand and committed to the order line again (it is open once more), so available
 * doesn't move.
 */
export async function unshipStock(db: Queryable, item: number, location: number | null, quantity: number): Promise<void> {
  if (location === null || quantity <= 0) return;
  await db.query(
    `UPDATE inventoryitemlocations SET
       quantityonhand = COALESCE(quantityonhand, 0) + $3::numeric,
       quantitycommitted = COALESCE(quantitycommitted, 0) + $3::numeric,
       lastquantityavailablechange = now()
     WHERE item = $1 AND location = $2`,
    [item, location, quantity],
  );
}
