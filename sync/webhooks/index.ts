// BigCommerce webhooks for the sync: payload → trigger, the shared-secret header, and the scheduled health check.
export { ensureWebhooks, type EnsureWebhooksOptions, type HookRef, type WebhookHealthReport } from './health';
export { DEFAULT_SYNC_WEBHOOK_SCOPES } from './scopes';
export { triggerFromWebhook, webhookPayloadSchema, type WebhookPayload } from './payload';
export { extractResourceIds } from './resource-ids';
export { secretMatches, WEBHOOK_SECRET_HEADER } from './secret-header';
