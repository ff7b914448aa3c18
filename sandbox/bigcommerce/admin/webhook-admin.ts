import type { Router } from '../http/router';
import type { WebhookDispatcher } from '../webhooks/dispatcher';

/**
 * Sandbox-only webhook inspection (never under `/stores/…`):
 * - `GET /__sandbox/webhooks/deliveries?hook_id=&scope=&status=`: the delivery log with every attempt.
 * - `DELETE /__sandbox/webhooks/deliveries`: clear the log.
 * - `POST /__sandbox/webhooks/flush` `{timeout_ms?, fire_retries_now?}`: wait until in-flight deliveries and
 *   pending retries settle (tests compress the retry schedule, so waiting is short); 200 when settled, 202 when
 *   work is still pending at the timeout.
 */
export function registerWebhookAdminRoutes(router: Router, dispatcher: WebhookDispatcher): void {
  router.get('/__sandbox/webhooks/deliveries', (req) => {
    const hookId = req.query.get('hook_id');
    const data = dispatcher.log.list({
      ...(hookId !== null && /^\d+$/.test(hookId) ? { hookId: Number(hookId) } : {}),
      ...(req.query.get('scope') !== null ? { scope: req.query.get('scope') as string } : {}),
      ...(req.query.get('status') !== null ? { status: req.query.get('status') as string } : {}),
    });
    return { status: 200, body: { data } };
  });
  router.delete('/__sandbox/webhooks/deliveries', () => {
    dispatcher.log.clear();
    return { status: 204 };
  });
  router.post('/__sandbox/webhooks/flush', async (req) => {
    const body = typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {};
    const timeoutMs = typeof body.timeout_ms === 'number' && body.timeout_ms >= 0 ? Math.min(body.timeout_ms, 120_000) : 10_000;
    const result = await dispatcher.flush({ timeoutMs, fireRetriesNow: body.fire_retries_now === true });
    return { status: result.settled ? 200 : 202, body: result };
  });
}
