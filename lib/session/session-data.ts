import { z } from 'zod';

/**
 * What the sealed session cookie holds. The cookie is encrypted and authenticated (iron-session), so a client
 * can neither read nor forge it; this schema additionally rejects a cookie sealed by an older shape of the app,
 * which then counts as signed out rather than crashing a page.
 */
export const buyerSessionSchema = z.object({
  customerId: z.number().int().positive(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  company: z.string(),
  customerGroupId: z.number().int().nonnegative(),
  customerGroupName: z.string().nullable(),
  /** Epoch ms; lets support tell how old a session is. */
  signedInAt: z.number().int(),
});

export type BuyerSession = z.infer<typeof buyerSessionSchema>;

export interface SessionData {
  buyer?: BuyerSession;
}

/** The signed-in buyer a session cookie carries, or null when it carries none (or a shape we no longer accept). */
export function buyerFromSession(data: SessionData): BuyerSession | null {
  const parsed = buyerSessionSchema.safeParse(data.buyer);
  return parsed.success ? parsed.data : null;
}
