import { z } from 'zod';
import type { BigCommerceRestClient } from '@/lib/bigcommerce/rest';

/**
 * Where an order may ship: the buyer's address book in BigCommerce (`GET /v3/customers/addresses`), which the demo
 * data fills with the company's delivery addresses. Read server-side both to offer the choices and, at placing, to
 * resolve the chosen id, so a posted id that is not one of this buyer's addresses places nothing.
 */
export interface ShipToAddress {
  id: number;
  firstName: string;
  lastName: string;
  company: string;
  street1: string;
  street2: string;
  city: string;
  state: string;
  postalCode: string;
  countryCode: string;
  country: string;
  phone: string;
}

const addressSchema = z.looseObject({
  id: z.number().int(),
  customer_id: z.number().int(),
  first_name: z.string(),
  last_name: z.string(),
  company: z.string().nullish(),
  address1: z.string(),
  address2: z.string().nullish(),
  city: z.string(),
  state_or_province: z.string().nullish(),
  postal_code: z.string().nullish(),
  country_code: z.string(),
  country: z.string().nullish(),
  phone: z.string().nullish(),
});

export async function shipToAddresses(rest: BigCommerceRestClient, customerId: number): Promise<ShipToAddress[]> {
  const addresses: ShipToAddress[] = [];
  for await (const a of rest.paginateV3('/v3/customers/addresses', addressSchema, { 'customer_id:in': customerId })) {
    // The filter is BigCommerce's; checking the owner again costs nothing and keeps another buyer's address out.
    if (a.customer_id !== customerId) continue;
    addresses.push({
      id: a.id,
      firstName: a.first_name,
      lastName: a.last_name,
      company: a.company ?? '',
      street1: a.address1,
      street2: a.address2 ?? '',
      city: a.city,
      state: a.state_or_province ?? '',
      postalCode: a.postal_code ?? '',
      countryCode: a.country_code,
      country: a.country ?? a.country_code,
      phone: a.phone ?? '',
    });
  }
  return addresses;
}

export function addressLines(a: ShipToAddress): string[] {
  return [a.company || `${a.firstName} ${a.lastName}`, [a.street1, a.street2].filter(Boolean).join(', '), `${a.city}, ${a.state} ${a.postalCode}`.trim(), a.country];
}
