import { isBigCommerceApiError } from '../../lib/bigcommerce/rest';
import { ErpError } from '../erp/errors';
import { FlowBusyError } from '../flows/flow-lock';
import { OrderFlowError } from '../flows/orders/errors';

/**
 * What a failed job attempt should lead to:
 * - `rate-limit`: BigCommerce kept answering 429 beyond the client's own patience. Pause the whole queue for the
 *   window (BullMQ `worker.rateLimit`); not an attempt, because nothing was wrong with the job.
 * - `later`: the flow is locked by another run (a CLI run, another worker); try again shortly, not an attempt.
 * - `retry`: transient (5xx, timeout, network, ERP outage): back off and retry; dead-letter after the last attempt.
 * - `give-up`: retrying cannot help (bad credentials, a request BigCommerce refuses): dead-letter now.
 */
export type FailureDecision =
  | { action: 'rate-limit'; pauseMs: number }
  | { action: 'later'; delayMs: number }
  | { action: 'retry' }
  | { action: 'give-up' };

/** BigCommerce's quota window is 30 s; pause for the rest of it when the reset is unknown. */
const DEFAULT_RATE_LIMIT_PAUSE_MS = 30_000;
const BUSY_RETRY_MS = 15_000;

export function decideOnFailure(error: unknown, rateLimitResetAt?: number, now = Date.now()): FailureDecision {
  if (error instanceof FlowBusyError) return { action: 'later', delayMs: BUSY_RETRY_MS };
  if (error instanceof OrderFlowError) {
    if (error.kind === 'busy') return { action: 'later', delayMs: BUSY_RETRY_MS };
    return error.retryable ? { action: 'retry' } : { action: 'give-up' };
  }
  if (isBigCommerceApiError(error)) {
    if (error.kind === 'rate_limited') {
      const untilReset = rateLimitResetAt === undefined ? DEFAULT_RATE_LIMIT_PAUSE_MS : rateLimitResetAt - now;
      return { action: 'rate-limit', pauseMs: Math.min(Math.max(untilReset, 1_000), 5 * 60_000) };
    }
    return error.transient ? { action: 'retry' } : { action: 'give-up' };
  }
  if (error instanceof ErpError) return error.retryable ? { action: 'retry' } : { action: 'give-up' };
  // Unknown errors (a bug, Redis hiccup): retrying is cheap and jobs are idempotent; the DLQ catches the rest.
  return { action: 'retry' };
}
