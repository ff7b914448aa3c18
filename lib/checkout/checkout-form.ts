import { z } from 'zod';

/**
 * The fields a checkout form may post. Nothing about lines, prices, quantities or totals is read from it: the
 * order is built from the cart as BigCommerce prices it at the moment of placing. `quoted` is the fingerprint of
 * the summary the buyer confirmed; `seen` the one from the cart page, when they came from there.
 */
const fingerprint = z.string().regex(/^[A-Za-z0-9_-]{10,64}$/);

export const checkoutFormSchema = z.object({
  token: z.uuid({ error: 'This checkout form has expired. Reload the page.' }),
  quoted: fingerprint,
  seen: fingerprint.optional().or(z.literal('').transform(() => undefined)),
  confirmChanges: z.literal('on').optional(),
  shipTo: z.coerce.number({ error: 'Choose where to ship.' }).int().positive('Choose where to ship.'),
  poNumber: z.string().trim().max(45, 'Keep the PO number to 45 characters.').default(''),
  deliveryDate: z
    .string()
    .trim()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/, 'Enter the date as YYYY-MM-DD.')
    .default(''),
  comment: z.string().trim().max(1000, 'Keep the comment to 1,000 characters.').default(''),
});

export type CheckoutForm = z.infer<typeof checkoutFormSchema>;

export type FieldErrors = Partial<Record<keyof CheckoutForm, string>>;

export function parseCheckoutForm(formData: FormData): { ok: true; form: CheckoutForm } | { ok: false; errors: FieldErrors } {
  const raw: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === 'string') raw[key] = value;
  const parsed = checkoutFormSchema.safeParse(raw);
  if (parsed.success) return { ok: true, form: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as keyof CheckoutForm | undefined;
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return { ok: false, errors };
}

/** A requested delivery date must be a real calendar date, today or later (in UTC, as the ERP dates orders). */
export function deliveryDateProblem(date: string, today: string): string | null {
  if (date === '') return null;
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) return 'That is not a calendar date.';
  if (date < today) return 'The requested delivery date cannot be in the past.';
  return null;
}
