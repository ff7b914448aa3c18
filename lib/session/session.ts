import 'server-only';
import { getIronSession, type IronSession, type SessionOptions } from 'iron-session';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { getCorrelationId } from '@/lib/audit/correlation';
import { GUEST, type StorefrontViewer } from '@/lib/bigcommerce/graphql/client';
import { refusePageFill } from '@/lib/cache/page-fill';
import { getConfig } from '@/lib/config';
import { getReadyRedis } from '@/lib/redis/client';
import { resolveRepRequest } from '@/lib/rep/acting-state';
import { endActing, readActingCart, setActingCart, type ActingRecord, type ActingState } from '@/lib/rep/acting-store';
import { actingAuditEntry } from '@/lib/rep/audit-entries';
import type { RepRecord } from '@/sync/flows/reps/rep-directory';
import { buyerFromSession, cartIdFromSession, repFromSession, type BuyerSession, type SessionData } from './session-data';

/**
 * The only place that reads or writes the session cookie, and so the only source of a customer viewer: the
 * buyer id sent as X-Bc-Customer-Id comes from here, never from a query string, header or form field.
 *
 * A session is a buyer's, or a sales rep's. A rep's session names an impersonation at most; whether it may act
 * as that buyer is decided server-side on every request (`lib/rep/acting-state.ts`), and only then is the buyer
 * the viewer. Otherwise a rep browses as a guest.
 */

export const SESSION_COOKIE_NAME = 'b2b_session';
/** A working day plus margin; after that the buyer signs in again. */
const SESSION_TTL_SECONDS = 10 * 60 * 60;

function sessionOptions(): SessionOptions {
  const config = getConfig();
  return {
    password: config.SESSION_SECRET,
    cookieName: SESSION_COOKIE_NAME,
    ttl: SESSION_TTL_SECONDS,
    cookieOptions: { httpOnly: true, sameSite: 'lax', secure: config.SESSION_COOKIE_SECURE, path: '/' },
  };
}

async function openSession() {
  return getIronSession<SessionData>(await cookies(), sessionOptions());
}

interface SessionState {
  /** The buyer storefront queries are made for: the signed-in buyer, or the one a rep may act as right now. */
  buyer: BuyerSession | null;
  rep: RepRecord | null;
  acting: ActingState | null;
}

/** Who this request is for, resolved (and, for a rep, authorized) once per request. */
const getSessionState = cache(async (): Promise<SessionState> => {
  const session = await openSession();
  const repRef = repFromSession(session);
  if (!repRef) return { buyer: buyerFromSession(session), rep: null, acting: null };
  try {
    const redis = await getReadyRedis();
    const { rep, acting } = await resolveRepRequest(redis, getConfig().BIGCOMMERCE_STORE_HASH, repRef, Date.now(), await getCorrelationId());
    // A page kept by the page cache is served without this check; while acting, each request must make it.
    if (acting) await refusePageFill('a rep is acting as a buyer: every request is authorized afresh');
    return { buyer: acting ? buyerActedFor(acting.record) : null, rep, acting };
  } catch (error) {
    // Without the server-side record nothing can be authorized: the rep browses as a guest until Redis is back.
    console.error('[rep] could not resolve the rep session:', error);
    return { buyer: null, rep: null, acting: null };
  }
});

function buyerActedFor(record: ActingRecord): BuyerSession {
  return { ...record.buyer, company: record.company.name, signedInAt: Date.parse(record.startedAt) };
}

/** The signed-in buyer (or the buyer a rep is acting as), read once per request. */
export const getSignedInBuyer = cache(async (): Promise<BuyerSession | null> => (await getSessionState()).buyer);

/** Who storefront queries are made for: the session's buyer, or a guest. */
export const getViewer = cache(async (): Promise<StorefrontViewer> => {
  const buyer = await getSignedInBuyer();
  return buyer ? { kind: 'customer', customerId: buyer.customerId } : GUEST;
});

/** The signed-in sales rep, while the ERP still has them as one. */
export const getSignedInRep = cache(async (): Promise<RepRecord | null> => (await getSessionState()).rep);

/** The impersonation this request runs under, or null. */
export const getActing = cache(async (): Promise<ActingState | null> => (await getSessionState()).acting);

/** Starts a session for a buyer whose credentials BigCommerce has just validated. Server actions only. */
export async function startBuyerSession(buyer: BuyerSession): Promise<void> {
  const session = await openSession();
  await endActingOf(session, 'buyer-sign-in');
  delete session.rep;
  session.buyer = buyer;
  // A cart belongs to the buyer it was made for; a new sign-in never inherits one.
  delete session.cart;
  await session.save();
}

/** Starts a session for a rep whose password was just checked. Server actions only. */
export async function startRepSession(repId: string): Promise<void> {
  const session = await openSession();
  await endActingOf(session, 'rep-sign-in');
  delete session.buyer;
  delete session.cart;
  session.rep = { repId, signedInAt: Date.now() };
  await session.save();
}

/**
 * Points the rep's session at a newly started impersonation, ending the one it named before (audited). Server
 * actions only, after `lib/rep/start-acting.ts` stored and authorized it.
 */
export async function setSessionActing(actingId: string): Promise<void> {
  const session = await openSession();
  const rep = repFromSession(session);
  if (!rep) throw new Error('only a signed-in rep can act as a buyer');
  await endActingOf(session, 'switched');
  session.rep = { ...rep, actingId };
  await session.save();
}

/** "Stop acting as": ends the impersonation (audited) and leaves the rep signed in. Server actions only. */
export async function stopSessionActing(): Promise<void> {
  const session = await openSession();
  await endActingOf(session, 'rep');
  await session.save();
}

/** The signed-in buyer's cart id (while acting: the acting cart, never the buyer's own), or null. */
export const getSessionCartId = cache(async (): Promise<string | null> => {
  const { acting } = await getSessionState();
  if (acting) return readActingCart(await getReadyRedis(), getConfig().BIGCOMMERCE_STORE_HASH, acting.record.id);
  return cartIdFromSession(await openSession());
});

/**
 * Records (or, with null, forgets) the signed-in buyer's cart. Server actions only, after BigCommerce created or
 * deleted the cart for the buyer this same session holds. While acting, the cart is the impersonation's.
 */
export async function setSessionCartId(entityId: string | null): Promise<void> {
  const { acting } = await getSessionState();
  if (acting) {
    await setActingCart(await getReadyRedis(), getConfig().BIGCOMMERCE_STORE_HASH, acting.record.id, entityId);
    return;
  }
  const session = await openSession();
  const buyer = buyerFromSession(session);
  if (entityId === null || !buyer) delete session.cart;
  else session.cart = { entityId, customerId: buyer.customerId };
  await session.save();
}

export async function endSession(): Promise<void> {
  const session = await openSession();
  await endActingOf(session, 'sign-out');
  session.destroy();
}

/**
 * Ends the impersonation the session names, if it still runs, with its audit entry (`by` says why: the rep
 * stopped, signed out, switched buyer, signed in again), and forgets it in the session (the caller saves).
 */
async function endActingOf(session: IronSession<SessionData>, by: string): Promise<void> {
  const rep = repFromSession(session);
  if (!rep?.actingId) return;
  const { acting } = await getSessionState();
  if (acting && acting.record.id === rep.actingId) {
    const entry = actingAuditEntry(acting.record, 'acting-stop', 'ok', await getCorrelationId(), { by, cartId: acting.cartId });
    await endActing(await getReadyRedis(), getConfig().BIGCOMMERCE_STORE_HASH, acting, entry);
  }
  session.rep = { repId: rep.repId, signedInAt: rep.signedInAt };
}
