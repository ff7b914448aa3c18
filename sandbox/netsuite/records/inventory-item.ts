/**
 * `inventoryItem` record: identity, the `locations` sublist (per-location quantities) and the `price` sublist
 * (the price matrix, §4.7.A), both expanded only with `expandSubResources=true` and readable as sub-resources.
 */
import { nonexistentId } from '../errors';
import { isoDateTime, num, ref, selfLink, shape, sublist, type Json, type RecordContext } from './common';
import { ID_FIELDS, field } from './fields';
import type { RecordType } from './types';

async function locations(ctx: RecordContext, id: number): Promise<Json[]> {
  const r = await ctx.db.query<Record<string, unknown>>(
    `SELECT iil.*, l.name AS locationname FROM inventoryitemlocations iil JOIN location l ON l.id = iil.location
     WHERE iil.item = $1 ORDER BY iil.location`,
    [id],
  );
  return r.rows.map((row) => ({
    location: ref(ctx, 'location', row['location'] as number, row['locationname'] as string),
    locationId: String(row['location']),
    location_display: row['locationname'],
    quantityOnHand: num(row['quantityonhand']),
    quantityAvailable: num(row['quantityavailable']),
    quantityCommitted: num(row['quantitycommitted']),
    quantityBackOrdered: num(row['quantitybackordered']),
    quantityOnOrder: num(row['quantityonorder']),
    preferredStockLevel: num(row['preferredstocklevel']),
    reorderPoint: num(row['reorderpoint']),
  }));
}

async function prices(ctx: RecordContext, id: number): Promise<Json[]> {
  const r = await ctx.db.query<Record<string, unknown>>(
    `SELECT p.*, pl.name AS levelname, c.name AS currencyname FROM pricing p JOIN pricelevel pl ON pl.id = p.pricelevel
     JOIN currency c ON c.id = p.currency WHERE p.item = $1 ORDER BY p.pricelevel, p.currency, p.quantity`,
    [id],
  );
  return r.rows.map((row) => ({
    currencyPage: ref(ctx, 'currency', row['currency'] as number, row['currencyname'] as string),
    priceLevel: ref(ctx, 'priceLevel', row['pricelevel'] as number, row['levelname'] as string),
    priceLevelName: row['levelname'],
    quantity: { value: num(row['quantity']) },
    price: num(row['unitprice']),
    isInactive: false,
  }));
}

export const inventoryItemRecord: RecordType = {
  name: 'inventoryItem',
  table: 'item',
  fields: [
    ...ID_FIELDS,
    field('itemId', 'Item Name/Number', 'string', 'itemid'),
    field('displayName', 'Display Name/Code', 'string', 'displayname'),
    field('isInactive', 'Inactive', 'boolean', 'isinactive'),
    field('lastModifiedDate', 'Last Modified Date', 'date-time', 'lastmodifieddate'),
    field('locations', 'Locations', 'sublist'),
    field('price', 'Pricing', 'sublist'),
  ],

  async get(ctx, id) {
    const r = await ctx.db.query<Record<string, unknown>>('SELECT * FROM item WHERE id = $1', [id]);
    const item = r.rows[0];
    if (!item) throw nonexistentId('inventoryItem', String(id));
    const record: Json = {
      links: selfLink(ctx, `inventoryItem/${id}`),
      id: String(id),
      itemId: item['itemid'],
      displayName: item['displayname'],
      externalId: item['externalid'],
      isInactive: item['isinactive'] === 'T',
      lastModifiedDate: isoDateTime(item['lastmodifieddate']),
      locations: sublist(ctx, `inventoryItem/${id}/locations`, await locations(ctx, id)),
      price: sublist(ctx, `inventoryItem/${id}/price`, await prices(ctx, id)),
    };
    return shape(ctx, record, []);
  },

  async getSublist(ctx, id, name) {
    const expandedCtx = { ...ctx, query: new URLSearchParams({ expandSubResources: 'true' }) };
    if (name.toLowerCase() === 'price') return sublist(expandedCtx, `inventoryItem/${id}/price`, await prices(ctx, id));
    if (name.toLowerCase() === 'locations') return sublist(expandedCtx, `inventoryItem/${id}/locations`, await locations(ctx, id));
    return null;
  },
};
