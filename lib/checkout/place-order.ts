import { z } from 'zod';
import type { BigCommerceRestClient } from '@/lib/bigcommerce/rest';
import { reserveCredit, type CreditGateDeps, type CreditRefusal } from '@/lib/credit/credit-gate';
import type { Money } from '@/lib/money/money';
import { quoteChanges, type CheckoutQuote, type QuoteChange } from './checkout-quote';
import { deliveryDateProblem, parseCheckoutForm, type FieldErrors } from './checkout-form';
import type { CheckoutStore } from './checkout-store';
import type { RepAttribution } from '@/sync/flows/orders/rep-attribution';
import { onAccountOrderBody } from './order-request';
import { shipToAddresses } from './ship-to';

/**
 * Placing an on-account order, the whole rule in one place. Everything the order consists of is read server-side at
 * this moment: the buyer (from the session, by the caller), the cart as BigCommerce prices it now, the buyer's own
 * addresses, and the ERP credit. The form contributes only the buyer's choices (ship-to id, PO, date, comment) and
 * which summary they confirmed. So a form posted directly, with any prices or quantities in it, is gated and priced
 * exactly like one from the page.
 *
 * Order of work: claim the form's token (a second submit of the same form waits for the first and returns its
 * order), re-price, reserve credit under the token, create the order, mark the reservation placed, record the
 * order against the token, delete the cart. A failure before the order exists releases the credit and the token.
 */
export interface PlaceOrderDeps {
  gate: CreditGateDeps;
  store: CheckoutStore;
  rest: BigCommerceRestClient;
  /** The cart as BigCommerce prices it for this buyer now; null when it is gone. */
  readQuote: (cartId: string, customerId: number) => Promise<CheckoutQuote | null>;
  deleteCart: (cartId: string, customerId: number) => Promise<void>;
  customerNumberFor: (customerId: number) => Promise<string | null>;
  poRequired: (customerNumber: string) => boolean;
  log: (event: string, fields: Record<string, unknown>) => void;
  /** How long a second submit of the same form waits for the first to finish. */
  waitForFirstAttemptMs?: number;
  today?: () => string;
}

export interface PlacingBuyer {
  customerId: number;
  email: string;
  cartId: string | null;
  /** The sales rep acting as this buyer (from the server-side impersonation), or null when the buyer acts. */
  placedBy: RepAttribution | null;
}

export type PlaceOrderResult =
  | { kind: 'placed'; orderId: number }
  | { kind: 'invalid'; message: string; fieldErrors: FieldErrors }
  | { kind: 'cart-empty'; message: string }
  /** The cart's prices or lines differ from the summary the buyer confirmed: show the new one and ask again. */
  | { kind: 'changed'; message: string; changes: QuoteChange[] }
  | { kind: 'refused'; refusal: CreditRefusal; message: string; available: Money | null; shortfall: Money | null }
  | { kind: 'in-progress'; message: string }
  | { kind: 'failed'; message: string };

const orderCreated = z.looseObject({ id: z.number().int().positive() });

export async function placeOnAccountOrder(deps: PlaceOrderDeps, buyer: PlacingBuyer, formData: FormData): Promise<PlaceOrderResult> {
  const parsed = parseCheckoutForm(formData);
  if (!parsed.ok) return { kind: 'invalid', message: 'Check the highlighted fields.', fieldErrors: parsed.errors };
  const { form } = parsed;
  const { customerId } = buyer;

  const earlier = await claimOrWait(deps, form.token, customerId);
  if (earlier) return earlier;

  let reservedFor: string | null = null;
  // Set by place() once BigCommerce holds the order (an object, so the catch below sees what place() wrote).
  const progress: { created: { orderId: number; customerNumber: string } | null } = { created: null };
  try {
    const result = await place();
    if (result.kind !== 'placed') await deps.store.giveUp(form.token);
    return result;
  } catch (error) {
    deps.log('checkout: placing failed', { customerId, token: form.token, orderId: progress.created?.orderId ?? null, error: error instanceof Error ? error.message : String(error) });
    const { created } = progress;
    if (created) {
      // The order exists: never free the form to place it again, nor pretend nothing was charged. Record it as
      // well as we can now (the post-back sends it to the ERP regardless).
      await deps.gate.reservations.markPlaced(created.customerNumber, form.token, created.orderId).catch(() => false);
      await deps.store.complete(form.token, customerId, created.orderId).catch(() => undefined);
      return { kind: 'placed', orderId: created.orderId };
    }
    if (reservedFor) await deps.gate.reservations.release(reservedFor, form.token);
    await deps.store.giveUp(form.token);
    return { kind: 'failed', message: 'Your order could not be placed just now, and nothing was charged to your account. Please try again in a moment.' };
  }

  async function place(): Promise<PlaceOrderResult> {
    if (!buyer.cartId) return { kind: 'cart-empty', message: 'Your cart is empty.' };
    const quote = await deps.readQuote(buyer.cartId, customerId);
    if (!quote || quote.lines.length === 0) return { kind: 'cart-empty', message: 'Your cart is empty: it may have been ordered already in another window.' };
    if (quote.fingerprint !== form.quoted) {
      const confirmed = await deps.store.readQuote(form.quoted);
      return {
        kind: 'changed',
        changes: confirmed ? quoteChanges(confirmed, quote.lines) : [],
        message: 'Your cart changed since this summary was shown (prices or quantities). Review the updated summary and place the order again.',
      };
    }
    if (form.seen && form.seen !== quote.fingerprint && !form.confirmChanges) {
      return { kind: 'invalid', message: 'Prices changed since you viewed your cart.', fieldErrors: { confirmChanges: 'Confirm that you accept the changed prices.' } };
    }

    const customerNumber = await deps.customerNumberFor(customerId);
    const fieldErrors: FieldErrors = {};
    if (customerNumber && deps.poRequired(customerNumber) && form.poNumber === '') fieldErrors.poNumber = 'Your company requires a PO number on every order.';
    const dateProblem = deliveryDateProblem(form.deliveryDate, deps.today?.() ?? new Date().toISOString().slice(0, 10));
    if (dateProblem) fieldErrors.deliveryDate = dateProblem;
    const shipTo = (await shipToAddresses(deps.rest, customerId)).find((a) => a.id === form.shipTo);
    if (!shipTo) fieldErrors.shipTo = 'Choose one of your company’s addresses.';
    if (!shipTo || Object.keys(fieldErrors).length > 0) return { kind: 'invalid', message: 'Check the highlighted fields.', fieldErrors };
    if (!customerNumber) {
      return { kind: 'refused', refusal: 'unknown-customer', message: 'Your account is not linked to a company account, so on-account ordering is not available. Please pay by card.', available: null, shortfall: null };
    }

    const decision = await reserveCredit(deps.gate, { customerNumber, reservationId: form.token, amount: quote.total });
    if (!decision.allowed) {
      const money = (minor: number | undefined) => (minor === undefined ? null : { minor, currency: decision.view?.currency ?? quote.currency });
      return { kind: 'refused', refusal: decision.refusal, message: decision.message, available: money(decision.available), shortfall: money(decision.shortfall) };
    }
    reservedFor = customerNumber;

    const body = onAccountOrderBody({
      customerId,
      email: buyer.email,
      quote,
      shipTo,
      termsName: decision.view.termsName,
      message: { poNumber: form.poNumber, requestedDeliveryDate: form.deliveryDate, comment: form.comment },
      placedBy: buyer.placedBy,
    });
    const order = await deps.rest.post('/v2/orders', body, { schema: orderCreated });
    // From here the order exists: whatever fails next must not release the credit nor let the form place again.
    reservedFor = null;
    progress.created = { orderId: order.id, customerNumber };
    if (!(await deps.gate.reservations.markPlaced(customerNumber, form.token, order.id))) {
      deps.log('checkout: credit hold lapsed before the order was recorded', { customerNumber, token: form.token, orderId: order.id });
    }
    await deps.store.complete(form.token, customerId, order.id);
    deps.log('checkout: on-account order placed', { customerId, customerNumber, orderId: order.id, total: quote.total.minor, currency: quote.currency, lines: quote.lines.length });
    try {
      await deps.deleteCart(quote.cartId, customerId);
    } catch (error) {
      // The order stands; a cart left behind is only clutter the buyer can clear, never a second order.
      deps.log('checkout: the ordered cart could not be deleted', { cartId: quote.cartId, orderId: order.id, error: error instanceof Error ? error.message : String(error) });
    }
    return { kind: 'placed', orderId: order.id };
  }
}

/**
 * Takes the form's token, or returns what an earlier submit of the same form came to: its order, or, while that
 * submit is still placing, waits a little for it. A submit that gave up (refused, failed) frees the token again.
 */
async function claimOrWait(deps: PlaceOrderDeps, token: string, customerId: number): Promise<PlaceOrderResult | null> {
  const deadline = Date.now() + (deps.waitForFirstAttemptMs ?? 15_000);
  for (;;) {
    const record = await deps.store.claim(token, customerId);
    if (record === null) return null;
    // A token is a random id handed to one buyer's page; another buyer's token is not theirs to ask about.
    if (record.customerId !== customerId) return { kind: 'invalid', message: 'This checkout form has expired. Reload the page.', fieldErrors: {} };
    if (record.state === 'placed') return { kind: 'placed', orderId: record.orderId };
    if (Date.now() >= deadline) return { kind: 'in-progress', message: 'Your order is still being placed. Please wait a moment and reload.' };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
