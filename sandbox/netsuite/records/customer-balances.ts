/**
 * How orders, invoices and payments move a customer's credit figures (§4.7.C, §4.8.6 "billing and payments move
 * balance, unbilledOrders and overdueBalance"), in standard NetSuite terms [I]:
 * - an open sales order counts in `unbilledOrders` (lines + shipping);
 * - billing moves the invoiced amount from `unbilledOrders` to `balance` (open receivables);
 * - an invoice past its due date with money still open counts in `overdueBalance` (aging);
 * - a payment lowers `balance`, and `overdueBalance` when the invoice it pays was overdue.
 * Every figure moves by a difference, never by recomputing, because seeded customers carry balances from
 * transactions the emulator never saw. All arithmetic is SQL numeric: no floats.
 * `oncredithold` (AUTO) is a generated column, so holds follow these figures by themselves.
 */
import type { Queryable } from './common';

/** An order's value changed (created, lines edited): unbilled orders move by the difference. */
export async function addUnbilled(db: Queryable, customer: number, before: string, after: string): Promise<void> {
  await db.query(
    `UPDATE customer SET unbilledorderssearch = unbilledorderssearch + ($2::numeric - $3::numeric), lastmodifieddate = now() WHERE id = $1`,
    [customer, after, before],
  );
}

/** An invoice for `amount` was created: unbilled → receivable. */
export async function billed(db: Queryable, customer: number, amount: string): Promise<void> {
  await db.query(
    `UPDATE customer SET unbilledorderssearch = unbilledorderssearch - $2::numeric, balancesearch = balancesearch + $2::numeric,
       lastmodifieddate = now() WHERE id = $1`,
    [customer, amount],
  );
}

/** `amount` was paid against an invoice; `wasOverdue` says whether that money counted as overdue. */
export async function paid(db: Queryable, customer: number, amount: string, wasOverdue: boolean): Promise<void> {
  await db.query(
    `UPDATE customer SET balancesearch = balancesearch - $2::numeric,
       overduebalancesearch = CASE WHEN $3::boolean THEN GREATEST(overduebalancesearch - $2::numeric, 0) ELSE overduebalancesearch END,
       daysoverduesearch = CASE WHEN $3::boolean AND overduebalancesearch - $2::numeric <= 0 THEN 0 ELSE daysoverduesearch END,
       lastmodifieddate = now() WHERE id = $1`,
    [customer, amount, wasOverdue],
  );
}

/**
 * Aging: every open invoice of `customer` (all customers when null) whose due date has passed starts counting in
 * the overdue balance, once; `daysOverdue` becomes the oldest such invoice's days past due. Runs whenever billing
 * or a payment touches a customer, and on demand (`POST /__sandbox/aging`): the emulator has no nightly job.
 * Returns the customers whose overdue balance moved.
 */
export async function age(db: Queryable, customer: number | null): Promise<number[]> {
  const r = await db.query<{ id: number }>(
    `WITH aged AS (
       UPDATE transaction SET agedoverdue = 'T', lastmodifieddate = now()
       WHERE type = 'CustInvc' AND agedoverdue = 'F' AND foreignamountremaining > 0 AND duedate < current_date
         AND ($1::integer IS NULL OR entity = $1)
       RETURNING entity, foreignamountremaining, duedate)
     UPDATE customer c SET overduebalancesearch = c.overduebalancesearch + a.total,
       daysoverduesearch = GREATEST(c.daysoverduesearch, a.days), lastmodifieddate = now()
     FROM (SELECT entity, SUM(foreignamountremaining) AS total, MAX(current_date - duedate) AS days FROM aged GROUP BY entity) a
     WHERE c.id = a.entity RETURNING c.id`,
    [customer],
  );
  return r.rows.map((row) => row.id);
}
