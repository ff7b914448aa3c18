import 'server-only';
import { getIronSession, type SessionOptions } from 'iron-session';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { GUEST, type StorefrontViewer } from '@/lib/bigcommerce/graphql/client';
import { getConfig } from '@/lib/config';
import { buyerFromSession, type BuyerSession, type SessionData } from './session-data';

/**
 * The only place that reads or writes the session cookie, and so the only source of a customer viewer: the
 * buyer id sent as X-Bc-Customer-Id comes from here, never from a query string, header or form field.
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

/** The signed-in buyer, read once per request. */
export const getSignedInBuyer = cache(async (): Promise<BuyerSession | null> => buyerFromSession(await openSession()));

/** Who storefront queries are made for: the session's buyer, or a guest. */
export const getViewer = cache(async (): Promise<StorefrontViewer> => {
  const buyer = await getSignedInBuyer();
  return buyer ? { kind: 'customer', customerId: buyer.customerId } : GUEST;
});

/** Starts a session for a buyer whose credentials BigCommerce has just validated. Server actions only. */
export async function startBuyerSession(buyer: BuyerSession): Promise<void> {
  const session = await openSession();
  session.buyer = buyer;
  await session.save();
}

export async function endSession(): Promise<void> {
  const session = await openSession();
  session.destroy();
}
