import { NextResponse } from 'next/server';
import { endSession } from '@/lib/session/session';

/**
 * Sign-out is a plain form POST answered with a redirect, not a server action: the browser then loads a new
 * document, which discards everything the previous buyer's pages left in memory (the router's cache of rendered
 * pages, the react-query cache), so Back cannot bring their prices up again.
 */
export async function POST(request: Request): Promise<NextResponse> {
  await endSession();
  return NextResponse.redirect(new URL('/', request.url), 303);
}
