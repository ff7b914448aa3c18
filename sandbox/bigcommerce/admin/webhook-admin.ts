import type { Router } from '../http/router';
import type { WebhookDispatcher } from '../webhooks/dispatcher';

// In progress: sandbox-only webhook inspection routes (delivery log, run retries now) are being added.
export function registerWebhookAdminRoutes(router: Router, dispatcher: WebhookDispatcher): void {
  void router;
  void dispatcher;
}
