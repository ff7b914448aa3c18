import { z } from 'zod';
import type { SyncContext } from '../context';

/**
 * Which ERP customer (company) a BigCommerce customer buys for. Convention: the BigCommerce customer's `notes`
 * contain "ERP customer {number}" (the sandbox seeds it; a merchant's onboarding writes it). A BigCommerce
 * customer without it is not managed by the sync and is left in whatever group it is in.
 */
const ERP_CUSTOMER_NOTE = /\bERP customer ([A-Za-z0-9._-]+)/;

export function erpCustomerNumberOf(notes: string | null | undefined): string | null {
  return ERP_CUSTOMER_NOTE.exec(notes ?? '')?.[1] ?? null;
}

export const bcCustomerSchema = z.looseObject({ id: z.number(), customer_group_id: z.number(), notes: z.string().nullish() });
export type BcCustomerLink = z.infer<typeof bcCustomerSchema>;

export async function* linkedCustomers(ctx: SyncContext): AsyncIterable<BcCustomerLink & { customerNumber: string }> {
  for await (const customer of ctx.rest.paginateV3('/v3/customers', bcCustomerSchema)) {
    const customerNumber = erpCustomerNumberOf(customer.notes);
    if (customerNumber) yield { ...customer, customerNumber };
  }
}

/** Every BigCommerce customer in one group, linked to the ERP or not. */
export async function* customersInGroup(ctx: SyncContext, customerGroupId: number): AsyncIterable<BcCustomerLink> {
  yield* ctx.rest.paginateV3('/v3/customers', bcCustomerSchema, { 'customer_group_id:in': customerGroupId });
}
