/**
 * The list-like records of §4.8 item 2 that the sync only reads: `priceLevel` (fields per [V NS-PRICELEVEL]),
 * `pricingGroup`, `location` and `currency` (fields per the REST API Browser). GET by id or `eid:`, and the
 * collection with `q`.
 */
import { expandSubResources, selfLink, type Json, type RecordContext } from './common';
import { ID_FIELDS, field } from './fields';
import { simpleRecord } from './simple-record';

const INACTIVE = field('isInactive', 'Inactive', 'boolean', 'isinactive');
const MODIFIED = field('lastModifiedDate', 'Last Modified Date', 'date-time', 'lastmodifieddate');

export const priceLevelRecord = simpleRecord({
  name: 'priceLevel',
  table: 'pricelevel',
  fields: [
    ...ID_FIELDS,
    field('name', 'Price Level', 'string', 'name'),
    field('discountPct', 'Markup/Discount %', 'number', 'discountpct'),
    INACTIVE,
    field('isOnline', 'Online Price Level', 'boolean', 'isonline'),
    MODIFIED,
  ],
});

export const pricingGroupRecord = simpleRecord({
  name: 'pricingGroup',
  table: 'pricinggroup',
  fields: [...ID_FIELDS, field('name', 'Pricing Group', 'string', 'name'), INACTIVE, MODIFIED],
});

/** `mainAddress` is a subrecord: a link stub, expanded with `expandSubResources=true` or read at its own path. */
function mainAddress(ctx: RecordContext, row: Record<string, unknown>, expand: boolean): Json {
  const stub = { links: selfLink(ctx, `location/${String(row['id'])}/mainAddress`) };
  if (!expand) return stub;
  const country = row['country'];
  return {
    ...stub,
    ...(row['city'] ? { city: row['city'] } : {}),
    ...(row['state'] ? { state: row['state'] } : {}),
    ...(row['zip'] ? { zip: row['zip'] } : {}),
    ...(typeof country === 'string' ? { country: { id: country } } : {}),
  };
}

export const locationRecord = simpleRecord({
  name: 'location',
  table: 'location',
  fields: [
    ...ID_FIELDS,
    field('name', 'Name', 'string', 'name'),
    field('fullName', 'Full Name', 'string', 'fullname'),
    INACTIVE,
    MODIFIED,
    field('mainAddress', 'Address', 'subrecord'),
  ],
  extra: (ctx, row) => ({ mainAddress: mainAddress(ctx, row, expandSubResources(ctx)) }),
  async getSublist(ctx, id, name) {
    if (name.toLowerCase() !== 'mainaddress') return null;
    const r = await ctx.db.query<Record<string, unknown>>('SELECT * FROM location WHERE id = $1', [id]);
    return r.rows[0] ? mainAddress(ctx, r.rows[0], true) : null;
  },
});

export const currencyRecord = simpleRecord({
  name: 'currency',
  table: 'currency',
  fields: [
    ...ID_FIELDS,
    field('name', 'Name', 'string', 'name'),
    field('symbol', 'ISO Code', 'string', 'symbol'),
    INACTIVE,
    field('isBaseCurrency', 'Is Base Currency', 'boolean'),
  ],
  // The base currency is always internal id 1 (seed.ts).
  extra: (_ctx, row) => ({ isBaseCurrency: Number(row['id']) === 1 }),
});
