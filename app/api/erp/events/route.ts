import { NextResponse } from 'next/server';
import { getConfig } from '@/lib/config';
import { readJsonObjectBody } from '@/lib/http/limited-body';
import { getReadyRedis } from '@/lib/redis/client';
import { describeEventProblems, erpEventSchema, triggerFromErpEvent } from '@/sync/erp-events/event';
import { ERP_SIGNATURE_HEADER, verifyErpSignature } from '@/sync/erp-events/signature';
import { recordTrigger } from '@/sync/triggers';

/** An ERP event is a few hundred bytes; anything near this is not one. */
const MAX_BODY_BYTES = 64_000;

/**
 * ERP change-event receiver. Verifies the HMAC signature over the raw body, records the event's keys as a sync
 * trigger (the worker reads current values from the ERP) and answers at once.
 *
 * 404 when ERP events are not configured; 401 bad/missing/stale signature; 400 not an event; 413 too large:
 * nothing recorded. 200 `{status: 'enqueued'|'duplicate'}`. 503 when Redis is away, so the sender retries.
 */
export async function POST(request: Request) {
  const secret = getConfig().ERP_EVENTS_SECRET;
  if (!secret) return json({ error: 'ERP events are not configured on this server (ERP_EVENTS_SECRET is unset)' }, 404);

  const body = await readJsonObjectBody(request, MAX_BODY_BYTES);
  if (!body.ok) return json({ error: body.error }, body.status);
  const signature = verifyErpSignature(request.headers.get(ERP_SIGNATURE_HEADER), body.text, secret);
  if (!signature.ok) return json({ error: signature.problem }, 401);
  const parsed = erpEventSchema.safeParse(body.json);
  if (!parsed.success) return json({ error: describeEventProblems(parsed.error) }, 400);

  try {
    const status = await recordTrigger(await getReadyRedis(), triggerFromErpEvent(parsed.data));
    return json({ status }, 200);
  } catch (error) {
    console.error('[erp-events] could not record trigger; answering 503 so the sender retries:', error instanceof Error ? error.message : error);
    return json({ error: 'trigger store unavailable; retry later' }, 503);
  }
}

function json(body: unknown, status: number): NextResponse {
  return NextResponse.json(body, { status, headers: { 'cache-control': 'no-store' } });
}
