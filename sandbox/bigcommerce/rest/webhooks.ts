import { isResponse, readPage, v3Page } from '../http/pagination';
import type { Router } from '../http/router';
import type { Handler, SandboxContext, SandboxResponse } from '../http/types';
import type { BcWebhook } from '../store/types';
import { destinationProblem } from '../webhooks/destination';
import { hookState } from '../webhooks/hook-state';
import { isValidScope } from '../webhooks/scope';

/** "Maximum 10 hooks per store_id + client_id + scope" (FACTS §6). */
export const MAX_HOOKS_PER_SCOPE = 10;
const TYPE = '/api-docs/getting-started/api-status-codes';

/**
 * `/v3/hooks` per webhooks.v3.yml. Hooks are scoped to the calling API account's client id: another client's
 * hooks are invisible (404), as at BigCommerce.
 */
export function registerWebhookRoutes(router: Router): void {
  router.get('/v3/hooks', listHooks);
  router.post('/v3/hooks', createHook);
  router.get('/v3/hooks/admin', getAdmin);
  router.put('/v3/hooks/admin', putAdmin);
  router.get('/v3/hooks/:webhook_id', (req, ctx) => withHook(req.params.webhook_id, ctx, (hook) => ok(hook)));
  router.put('/v3/hooks/:webhook_id', (req, ctx) => withHook(req.params.webhook_id, ctx, (hook) => updateHook(hook, req.body, ctx)));
  router.delete('/v3/hooks/:webhook_id', (req, ctx) =>
    withHook(req.params.webhook_id, ctx, (hook) => {
      ctx.store.webhooks.delete(hook.id);
      hookState(ctx.store).deactivated.delete(hook.id);
      // "When a webhook is deleted, it is returned in the response as a 200 OK."
      return ok(hook);
    }),
  );
}

function ok(hook: BcWebhook): SandboxResponse {
  return { status: 200, body: { data: { ...hook, headers: hook.headers ? { ...hook.headers } : null }, meta: {} } };
}

function unprocessable(errors: Record<string, string>): SandboxResponse {
  return { status: 422, body: { status: 422, title: 'JSON data is missing or invalid', type: TYPE, errors } };
}

function withHook(raw: string | undefined, ctx: SandboxContext, fn: (hook: BcWebhook) => SandboxResponse): SandboxResponse {
  const id = raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : undefined;
  const hook = id === undefined ? undefined : ctx.store.webhooks.get(id);
  if (!hook || hook.client_id !== ctx.clientId) return { status: 404, body: { status: 404, title: `Webhook with id [${raw ?? ''}] not found`, type: TYPE } };
  return fn(hook);
}

const listHooks: Handler = (req, ctx) => {
  const page = readPage(req.query);
  if (isResponse(page)) return page;
  const active = req.query.get('is_active');
  const scope = req.query.get('scope');
  const destination = req.query.get('destination');
  const hooks = [...ctx.store.webhooks.values()]
    .filter((h) => h.client_id === ctx.clientId)
    .filter((h) => active === null || String(h.is_active) === active)
    .filter((h) => scope === null || h.scope === scope)
    .filter((h) => destination === null || h.destination === destination)
    .sort((a, b) => a.id - b.id);
  return v3Page(hooks, page);
};

/** Shared validation for create (scope + destination required) and update (only fields sent). */
function validate(body: Record<string, unknown>, creating: boolean, ctx: SandboxContext): Record<string, string> {
  const errors: Record<string, string> = {};
  if (creating && body.scope === undefined) errors.scope = 'error.path.missing.';
  if (body.scope !== undefined && (typeof body.scope !== 'string' || !isValidScope(body.scope))) errors.scope = 'scope must be a webhook scope such as store/order/created';
  if (creating && body.destination === undefined) errors.destination = 'error.path.missing.';
  if (body.destination !== undefined) {
    const problem = typeof body.destination === 'string' ? destinationProblem(body.destination, ctx.settings.webhooks.allowInsecureDestinations) : 'destination must be a string';
    if (problem) errors.destination = problem;
  }
  if (body.is_active !== undefined && typeof body.is_active !== 'boolean') errors.is_active = 'is_active must be a boolean';
  if (body.headers !== undefined && body.headers !== null) {
    const headers = body.headers;
    if (typeof headers !== 'object' || Array.isArray(headers) || Object.values(headers).some((v) => typeof v !== 'string')) errors.headers = 'headers must be an object of string values or null';
  }
  return errors;
}

/** One hook per client + scope + destination, and at most 10 per client + scope (both refused with 422). */
function limitErrors(ctx: SandboxContext, scope: string, destination: string, exceptId?: number): Record<string, string> {
  const mine = [...ctx.store.webhooks.values()].filter((h) => h.client_id === ctx.clientId && h.scope === scope && h.id !== exceptId);
  if (mine.some((h) => h.destination === destination)) return { destination: `a webhook for scope ${scope} and this destination already exists` };
  if (mine.length >= MAX_HOOKS_PER_SCOPE) return { scope: `at most ${MAX_HOOKS_PER_SCOPE} webhooks per scope are allowed` };
  return {};
}

const createHook: Handler = (req, ctx) => {
  const body = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { status: 400, body: { status: 400, title: 'Input is invalid.', type: TYPE } };
  const input = body as Record<string, unknown>;
  const errors = validate(input, true, ctx);
  if (Object.keys(errors).length > 0) return unprocessable(errors);
  const scope = input.scope as string;
  const destination = input.destination as string;
  const limits = limitErrors(ctx, scope, destination);
  if (Object.keys(limits).length > 0) return unprocessable(limits);
  const now = Math.floor(Date.now() / 1000);
  const hook: BcWebhook = {
    id: ctx.store.nextId('webhook'),
    client_id: ctx.clientId,
    store_hash: ctx.store.storeHash,
    scope,
    destination,
    is_active: input.is_active !== false,
    headers: input.headers ? { ...(input.headers as Record<string, string>) } : null,
    created_at: now,
    updated_at: now,
  };
  ctx.store.webhooks.set(hook.id, hook);
  return ok(hook);
};

function updateHook(hook: BcWebhook, body: unknown, ctx: SandboxContext): SandboxResponse {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { status: 400, body: { status: 400, title: 'Input is invalid.', type: TYPE } };
  const input = body as Record<string, unknown>;
  const fields = ['scope', 'destination', 'is_active', 'headers'].filter((f) => input[f] !== undefined);
  // "At least one field is required to perform an update."
  if (fields.length === 0) return unprocessable({ body: 'at least one of scope, destination, is_active, headers is required' });
  const errors = validate(input, false, ctx);
  if (Object.keys(errors).length > 0) return unprocessable(errors);
  const scope = typeof input.scope === 'string' ? input.scope : hook.scope;
  const destination = typeof input.destination === 'string' ? input.destination : hook.destination;
  const limits = limitErrors(ctx, scope, destination, hook.id);
  if (Object.keys(limits).length > 0) return unprocessable(limits);
  hook.scope = scope;
  hook.destination = destination;
  if (typeof input.is_active === 'boolean') {
    hook.is_active = input.is_active;
    hookState(ctx.store).deactivated.delete(hook.id);
  }
  if (input.headers !== undefined) hook.headers = input.headers === null ? null : { ...(input.headers as Record<string, string>) };
  hook.updated_at = Math.floor(Date.now() / 1000);
  return ok(hook);
}

/** `status`: active, inactive (switched off by the client) or deactivated (by BigCommerce after failed retries). */
const getAdmin: Handler = (req, ctx) => {
  const state = hookState(ctx.store);
  const active = req.query.get('is_active');
  const hooks = [...ctx.store.webhooks.values()]
    .filter((h) => h.client_id === ctx.clientId && (active === null || String(h.is_active) === active))
    .sort((a, b) => a.id - b.id)
    .map((h) => ({ ...h, status: h.is_active ? 'active' : state.deactivated.has(h.id) ? 'deactivated' : 'inactive' }));
  return { status: 200, body: { data: { emails: [...state.emails], hooks_list: hooks, blocked_domains: [] }, meta: {} } };
};

const putAdmin: Handler = (req, ctx) => {
  const body = req.body;
  const emails = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).emails : undefined;
  if (!Array.isArray(emails) || emails.some((e) => typeof e !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(e))) return unprocessable({ emails: 'emails must be an array of email addresses' });
  hookState(ctx.store).emails = emails as string[];
  return { status: 204 };
};

