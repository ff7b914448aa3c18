import { z } from 'zod';

/**
 * Which companies must give a purchase order number on an on-account order. Neither the ERP interface nor the
 * BigCommerce customer carries such a flag, so it is the merchant's setting: `CHECKOUT_PO_REQUIRED` lists ERP
 * customer numbers (comma-separated), or is `*` for every company; unset, a PO number is optional for all.
 */
const setting = z
  .string()
  .trim()
  .regex(/^(\*|[^,\s]+(\s*,\s*[^,\s]+)*)?$/, 'CHECKOUT_PO_REQUIRED must be "*" or a comma-separated list of ERP customer numbers');

export function poRequiredPolicy(raw: string | undefined): (customerNumber: string) => boolean {
  const value = setting.parse(raw ?? '');
  if (value === '*') return () => true;
  const numbers = new Set(value.split(',').map((n) => n.trim()).filter(Boolean));
  return (customerNumber) => numbers.has(customerNumber.trim());
}
