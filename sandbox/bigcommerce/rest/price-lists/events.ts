/**
 * Price-list webhook scopes (FACTS §2.5; docs list some with a trailing slash, payload examples do not, so
 * neither do we). Record payloads key the currency as `currency` like the docs' payload examples; the callback
 * YAML says `currency_code`. Kept in one place so the choice is easy to flip.
 */
export const PRICE_LIST_EVENTS = {
  created: 'store/priceList/created',
  updated: 'store/priceList/updated',
  activated: 'store/priceList/activated',
  deactivated: 'store/priceList/deactivated',
  deleted: 'store/priceList/deleted',
  bulkDeleted: 'store/priceLists/deleted',
  recordCreated: 'store/priceList/record/created',
  recordUpdated: 'store/priceList/record/updated',
  recordDeleted: 'store/priceList/record/deleted',
  recordsCreated: 'store/priceList/records/created',
  recordsUpdated: 'store/priceList/records/updated',
  recordsDeleted: 'store/priceList/records/deleted',
  assignmentUpdated: 'store/priceList/assignment/updated',
  assignmentDeleted: 'store/priceList/assignment/deleted',
} as const;

export interface RecordEventData {
  price_list_id: number;
  variant_id: number;
  currency: string;
}

export function recordEventData(record: { price_list_id: number; variant_id: number; currency: string }): RecordEventData {
  return { price_list_id: record.price_list_id, variant_id: record.variant_id, currency: record.currency };
}
