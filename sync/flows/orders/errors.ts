import { BigCommerceApiError } from '../../../lib/bigcommerce/rest';
import { ErpError } from '../../erp/errors';

/**
 * Why an order could not be posted (or its status flowed back), as a value the worker branches on:
 * - `unmappable`: the BigCommerce order cannot become an ERP order as it stands (no customer link, a line without
 *   SKU, no shipping address…). Someone must fix the data, then replay the dead letter.
 * - `erp-rejected`: the ERP refused the order (unknown SKU or customer on its side, a field it won't take).
 * - `configuration`: credentials or permissions; every order would fail the same way, so pause and fix.
 * - `erp-unavailable` / `bigcommerce-unavailable`: outage, 5xx, timeout, rate limit: retry with backoff.
 * - `busy`: another worker holds this order right now; retry shortly.
 * - `unexpected`: anything else; retried, then dead-lettered with the message.
 */
export type OrderFailureKind = 'unmappable' | 'erp-rejected' | 'configuration' | 'erp-unavailable' | 'bigcommerce-unavailable' | 'busy' | 'unexpected';

const RETRYABLE: ReadonlySet<OrderFailureKind> = new Set(['erp-unavailable', 'bigcommerce-unavailable', 'busy', 'unexpected']);

export class OrderFlowError extends Error {
  override readonly name = 'OrderFlowError';
  constructor(
    readonly kind: OrderFailureKind,
    readonly orderId: number,
    /** What went wrong and what to do about it, for the dead-letter entry. */
    readonly reason: string,
    options: { cause?: unknown } = {},
  ) {
    super(`BigCommerce order ${orderId}: ${reason}`, options.cause === undefined ? undefined : { cause: options.cause });
  }

  /** Whether the same call may succeed later without anyone changing anything. */
  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }
}

/** Any failure inside a flow step → an OrderFlowError with its kind decided by the error's own classification. */
export function toOrderFlowError(error: unknown, orderId: number): OrderFlowError {
  if (error instanceof OrderFlowError) return error;
  if (error instanceof ErpError) {
    if (error.retryable) return new OrderFlowError('erp-unavailable', orderId, `the ERP is unavailable (${error.message}); retrying is safe`, { cause: error });
    if (error.kind === 'auth') return new OrderFlowError('configuration', orderId, `the ERP refused our credentials (${error.message}); fix the ERP connection settings, then replay`, { cause: error });
    return new OrderFlowError('erp-rejected', orderId, `the ERP refused the order: ${error.message} Fix it in the ERP or in BigCommerce, then replay.`, { cause: error });
  }
  if (error instanceof BigCommerceApiError) {
    if (error.transient) return new OrderFlowError('bigcommerce-unavailable', orderId, `BigCommerce is unavailable (${error.message}); retrying is safe`, { cause: error });
    if (error.kind === 'auth') return new OrderFlowError('configuration', orderId, `BigCommerce refused our credentials (${error.message})`, { cause: error });
    if (error.kind === 'not_found') return new OrderFlowError('unmappable', orderId, `BigCommerce has no such order or sub-resource (${error.message})`, { cause: error });
    return new OrderFlowError('unexpected', orderId, error.message, { cause: error });
  }
  return new OrderFlowError('unexpected', orderId, error instanceof Error ? error.message : String(error), { cause: error });
}
