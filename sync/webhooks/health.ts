import { v3EnvelopeSchema, type BigCommerceRestClient } from '../../lib/bigcommerce/rest';
import { webhookSchema, type Webhook } from './hook-schema';

export interface EnsureWebhooksOptions {
  /** Our receiver's public URL, e.g. https://shop.example.com/api/webhooks/bigcommerce. */
  destination: string;
  scopes: readonly string[];
  /** Sent by BigCommerce on every callback; the receiver checks it (see WEBHOOK_SECRET_HEADER). */
  secretHeader: { name: string; value: string };
}

export interface HookRef {
  id: number;
  scope: string;
}

export interface WebhookHealthReport {
  /** Scopes that had no hook for our destination. */
  created: HookRef[];
  /** Hooks that were switched off (by BigCommerce after its retries ran out, or by hand) and are active again. */
  reactivated: HookRef[];
  /** Active hooks whose headers lacked the current secret (rotated, or edited by hand); every callback would get 401. */
  updated: HookRef[];
  ok: HookRef[];
}

/**
 * The scheduled webhook health check. BigCommerce deactivates a hook after ~48 h of failed retries and only
 * emails about it (FACTS §6), after which events simply stop. This lists our hooks, re-activates or repairs ours
 * and creates missing ones; a non-empty `created`/`reactivated`/`updated` means events may have been missed
 * meanwhile, so the caller should record it and schedule a reconciliation. Hooks for other destinations are left
 * alone. (A new hook may take up to a minute to start delivering.)
 */
export async function ensureWebhooks(
  rest: BigCommerceRestClient,
  options: EnsureWebhooksOptions,
): Promise<WebhookHealthReport> {
  const report: WebhookHealthReport = { created: [], reactivated: [], updated: [], ok: [] };
  const existing: Webhook[] = [];
  for await (const hook of rest.paginateV3('/v3/hooks', webhookSchema)) {
    if (hook.destination === options.destination) existing.push(hook);
  }
  const one = v3EnvelopeSchema(webhookSchema);
  const wanted = [...new Set(options.scopes.map(normalizeScope))];

  for (const scope of wanted) {
    const hook = existing.find((h) => normalizeScope(h.scope) === scope);
    if (!hook) {
      const body = {
        scope,
        destination: options.destination,
        is_active: true,
        headers: { [options.secretHeader.name]: options.secretHeader.value },
      };
      const { data } = await rest.post('/v3/hooks', body, { schema: one });
      report.created.push({ id: data.id, scope });
      continue;
    }
    const headersOk = hasSecret(hook.headers, options.secretHeader);
    if (hook.is_active && headersOk) {
      report.ok.push({ id: hook.id, scope });
      continue;
    }
    // Keep any other headers someone added; only the secret is ours to set.
    const headers = headersOk
      ? undefined
      : {
          ...withoutHeader(hook.headers, options.secretHeader.name),
          [options.secretHeader.name]: options.secretHeader.value,
        };
    const update = { ...(hook.is_active ? {} : { is_active: true }), ...(headers ? { headers } : {}) };
    await rest.put(`/v3/hooks/${hook.id}`, update, { schema: one });
    (hook.is_active ? report.updated : report.reactivated).push({ id: hook.id, scope });
  }
  return report;
}

/** Docs print some scopes with a trailing slash; BigCommerce treats both alike. */
function normalizeScope(scope: string): string {
  return scope.replace(/\/+$/, '');
}

function hasSecret(headers: Webhook['headers'], secret: { name: string; value: string }): boolean {
  const name = secret.name.toLowerCase();
  return Object.entries(headers ?? {}).some(([k, v]) => k.toLowerCase() === name && v === secret.value);
}

function withoutHeader(headers: Webhook['headers'], name: string): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).filter(([k]) => k.toLowerCase() !== name.toLowerCase()));
}
