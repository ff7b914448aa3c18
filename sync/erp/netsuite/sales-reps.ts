/**
 * NetSuite rows → `SalesRep`: the rows of one employee (consecutive, from `queries.salesReps`) folded into the rep
 * and its accounts. The e-mail is passed on as NetSuite holds it; the reps flow decides whether it can sign in.
 */
import type { SalesRep } from '../erp';
import type { SuiteQlRow } from './client';
import { id, optionalText, type RowRef } from './mapping';

export function foldSalesRep(rows: { row: SuiteQlRow; ref: RowRef }[]): SalesRep {
  const first = rows[0];
  if (!first) throw new Error('foldSalesRep needs at least one row');
  const { row } = first;
  return {
    id: String(id(row, 'rep', first.ref)),
    email: optionalText(row, 'email') ?? '',
    firstName: optionalText(row, 'firstname') ?? '',
    lastName: optionalText(row, 'lastname') ?? '',
    accounts: rows.flatMap(({ row: r }) => {
      const customerNumber = optionalText(r, 'customernumber');
      // LEFT JOIN row: the rep has no customers.
      return customerNumber === null ? [] : [{ customerNumber, companyName: optionalText(r, 'companyname') ?? customerNumber }];
    }),
  };
}
