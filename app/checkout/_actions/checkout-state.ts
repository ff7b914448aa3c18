/** What the checkout form shows after the server answered a placement that did not end in an order. */
export interface CheckoutState {
  message: string | null;
  fieldErrors: Partial<Record<string, string>>;
  /** On-account was refused: why, and the figures behind it. Card is offered beside it. */
  refusal: { message: string; available: string | null; shortfall: string | null } | null;
  /** Lines whose price or quantity changed since the summary the buyer confirmed. */
  changes: { sku: string; name: string; before: string; after: string }[];
}

export const INITIAL_CHECKOUT_STATE: CheckoutState = { message: null, fieldErrors: {}, refusal: null, changes: [] };
