/**
 * Business rules that move per-location stock (§4.8.6): committing an order line raises `quantitycommitted` and
 * lowers `quantityavailable` (what can't be committed is backordered); fulfilling lowers on hand and committed.
 * Every change stamps `lastquantityavailablechange`, which is what delta reads key on.
 */
import type { Queryable } from './common';

export async function commitStock(db: Queryable, item: number, location: number | null, quantity: number): Promise<void> {
  if (location === null) return; // NetSuite commits against a location; a location-less line commits nothing here.
  // Every SET expression sees the row's old values, so `avail` below is the availability before this line.
  await db.query(
    `UPDATE inventoryitemlocations SET
       quantitycommitted = COALESCE(quantitycommitted, 0) + LEAST($3::numeric, GREATEST(COALESCE(quantityavailable, 0), 0)),
       quantitybackordered = COALESCE(quantitybackordered, 0) + GREATEST($3::numeric - GREATEST(COALESCE(quantityavailable, 0), 0), 0),
       quantityavailable = GREATEST(COALESCE(quantityavailable, 0) - $3::numeric, 0),
       lastquantityavailablechange = now()
     WHERE item = $1 AND location = $2`,
    [item, location, quantity],
  );
}

export async function fulfilStock(db: Queryable, item: number, location: number | null, quantity: number): Promise<void> {
  if (location === null) return;
  await db.query(
    `UPDATE inventoryitemlocations SET
       quantityonhand = GREATEST(COALESCE(quantityonhand, 0) - $3::numeric, 0),
       quantitycommitted = GREATEST(COALESCE(quantitycommitted, 0) - $3::numeric, 0),
       quantityavailable = GREATEST(GREATEST(COALESCE(quantityonhand, 0) - $3::numeric, 0) - GREATEST(COALESCE(quantitycommitted, 0) - $3::numeric, 0), 0),
       lastquantityavailablechange = now()
     WHERE item = $1 AND location = $2`,
    [item, location, quantity],
  );
}
