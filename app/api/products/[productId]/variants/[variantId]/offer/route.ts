import { NextResponse } from 'next/server';
import { StorefrontGraphqlError } from '@/lib/bigcommerce/graphql/errors';
import { getVariantOffer } from '@/lib/pricing/variant-offer';
import { getSignedInBuyer } from '@/lib/session/session';

/**
 * One variant's offer for whoever the session cookie says is signed in. Ids in the path choose the *product*;
 * the *buyer* is never taken from the request (a customer id in the query, a header or the body is ignored).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ productId: string; variantId: string }> }) {
  const { productId, variantId } = await params;
  const productEntityId = Number(productId);
  const variantEntityId = Number(variantId);
  if (!Number.isSafeInteger(productEntityId) || productEntityId <= 0 || !Number.isSafeInteger(variantEntityId) || variantEntityId <= 0) {
    return privateJson({ error: 'product and variant ids must be positive integers' }, 400);
  }
  try {
    const offer = await getVariantOffer(productEntityId, variantEntityId, await getSignedInBuyer());
    if (!offer) return privateJson({ error: 'no such variant' }, 404);
    return privateJson(offer, 200);
  } catch (error) {
    console.error('[offer] storefront request failed:', error);
    const status = error instanceof StorefrontGraphqlError && error.kind === 'timeout' ? 504 : 502;
    return privateJson({ error: 'the store did not answer; try again' }, status);
  }
}

/** Per-buyer data: never stored by a shared cache or the browser's back-forward cache between sign-ins. */
function privateJson(body: unknown, status: number): NextResponse {
  return NextResponse.json(body, { status, headers: { 'cache-control': 'private, no-store', vary: 'cookie' } });
}
