import { NextResponse } from 'next/server';
import { invalidateTags } from '@/lib/cache/invalidate';
import { webhookTags } from '@/lib/cache/webhook-tags';
import { getConfig } from '@/lib/config';
import { getReadyRedis } from '@/lib/redis/client';
import { recordTrigger } from '@/sync/triggers';
import { describePayloadProblems, triggerFromWebhook, webhookPayloadSchema } from '@/sync/webhooks/payload';
import { secretMatches, WEBHOOK_SECRET_HEADER } from '@/sync/webhooks/secret-header';

/** Far above any real callback (a 1,000-record batch event is ~60 KB); refuses to buffer arbitrary uploads. */
const MAX_BODY_BYTES = 1_000_000;

/**
 * BigCommerce webhook receiver. A callback is a *trigger*: scope and ids go into the durable `sync:triggers`
 * stream and the sync worker reads current state from the API, so the body is never trusted as data. The answer
 * is quick (one Redis round trip) because BigCommerce counts slow answers as failures.
 *
 * The change may also be one the storefront has cached (a product, stock or price list edited by someone other
 * than the sync), so the affected cache entries are dropped before answering (lib/cache/webhook-tags.ts).
 *
 * 401 bad/missing secret header, 400 not a webhook payload, 413 too large: nothing recorded. 200
 * `{status: 'enqueued'|'duplicate'}`: a redelivery is acknowledged but recorded once. 503 when Redis is away, so
 * BigCommerce retries on its schedule (any non-2xx is retried; FACTS §6).
 */
export async function POST(request: Request) {
  const { BIGCOMMERCE_WEBHOOK_SECRET } = getConfig();
  if (!secretMatches(request.headers.get(WEBHOOK_SECRET_HEADER), BIGCOMMERCE_WEBHOOK_SECRET)) {
    return json({ error: `missing or wrong ${WEBHOOK_SECRET_HEADER} header` }, 401);
  }

  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) return json({ error: `body is larger than ${MAX_BODY_BYTES} bytes` }, 413);
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES)
    return json({ error: `body is larger than ${MAX_BODY_BYTES} bytes` }, 413);

  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return json({ error: `body is not valid JSON: ${error instanceof Error ? error.message : String(error)}` }, 400);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return json({ error: 'body must be a JSON object {scope, hash, data, created_at, …}' }, 400);
  }
  const parsed = webhookPayloadSchema.safeParse(body);
  if (!parsed.success) return json({ error: describePayloadProblems(parsed.error) }, 400);

  try {
    const trigger = triggerFromWebhook(parsed.data);
    const status = await recordTrigger(await getReadyRedis(), trigger);
    await invalidateTags(webhookTags(trigger), `webhook ${trigger.scope}`);
    return json({ status }, 200);
  } catch (error) {
    console.error(
      '[webhooks] could not record trigger; answering 503 so BigCommerce retries:',
      error instanceof Error ? error.message : error,
    );
    return json({ error: 'trigger store unavailable; retry later' }, 503);
  }
}

function json(body: unknown, status: number): NextResponse {
  return NextResponse.json(body, { status, headers: { 'cache-control': 'no-store' } });
}
