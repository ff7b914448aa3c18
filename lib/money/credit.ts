/**
 * Credit arithmetic, in integer minor units of the customer's ERP currency. Lives with the money module so price
 * and credit arithmetic have one owner.
 */
export interface CreditPosition {
  /** null: the ERP has no limit configured. */
  creditLimit: number | null;
  balance: number;
  /** Orders the ERP knows but has not invoiced. */
  unbilledOrders: number;
  /** Our own orders (and checkouts in progress) the ERP does not know yet. */
  pendingExposure: number;
}

/**
 * available = limit − open balance − unbilled open orders − our exposure not yet confirmed by the ERP.
 * May be negative (over the limit). null when there is no limit: on-account is then a merchant decision, and this
 * storefront refuses it (no limit configured means no terms were granted).
 */
export function availableCredit(position: CreditPosition): number | null {
  if (position.creditLimit === null) return null;
  return position.creditLimit - position.balance - position.unbilledOrders - position.pendingExposure;
}

/**
 * Availability from a snapshot (the ERP did not answer) counts only this share, in per-mille: the snapshot may
 * miss invoices and orders since it was taken, so the gate leaves a margin rather than trust it to the cent.
 */
export function discountedAvailability(available: number, keptPerMille: number): number {
  if (available <= 0) return available;
  return Math.floor((available * keptPerMille) / 1000);
}

/** True when `used` has reached `warnPerMille` of `limit`: the buyer is warned before checkout. */
export function nearLimit(limit: number | null, available: number | null, warnPerMille: number): boolean {
  if (limit === null || available === null || limit <= 0) return false;
  return (limit - available) * 1000 >= limit * warnPerMille;
}
