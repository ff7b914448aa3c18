import { ID_FIELDS, field, ref, type FieldSpec } from './fields';
import type { RecordType } from './types';

/**
 * Sales orders, fulfilments and invoices share the `transaction` table and differ in their type code (`SalesOrd`,
 * `ItemShip`, `CustInvc`), as in SuiteQL.
 */
export function transactionRows(typeCode: 'SalesOrd' | 'ItemShip' | 'CustInvc'): Pick<RecordType, 'table' | 'where'> {
  return { table: 'transaction', where: `type = '${typeCode}'` };
}

/** Body fields every transaction type has, with the columns `q` filters on. */
export const TRANSACTION_FIELDS: readonly FieldSpec[] = [
  ...ID_FIELDS,
  field('tranId', 'Document Number', 'string', 'tranid'),
  ref('entity', 'Customer', 'customer', 'entity'),
  field('tranDate', 'Date', 'date', 'trandate'),
  field('lastModifiedDate', 'Date Last Modified', 'date-time', 'lastmodifieddate'),
];
