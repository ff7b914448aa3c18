import { customerRecord } from './customer';
import { employeeRecord } from './employee';
import { inventoryItemRecord } from './inventory-item';
import { invoiceRecord } from './invoice';
import { itemFulfillmentRecord } from './item-fulfillment';
import { currencyRecord, locationRecord, priceLevelRecord, pricingGroupRecord } from './list-records';
import { salesOrderRecord } from './sales-order';
import type { RecordType } from './types';

/** Every record type the emulator serves, in catalog order. */
export const RECORD_TYPES: readonly RecordType[] = [
  customerRecord, inventoryItemRecord, salesOrderRecord, itemFulfillmentRecord, invoiceRecord,
  priceLevelRecord, pricingGroupRecord, locationRecord, currencyRecord, employeeRecord,
];

const BY_NAME = new Map(RECORD_TYPES.map((t) => [t.name.toLowerCase(), t]));

/** Record type names match case-insensitively (§4.1: `salesOrder` and `salesorder` both appear in Oracle's pages). */
export function recordType(name: string): RecordType | undefined {
  return BY_NAME.get(name.toLowerCase());
}
