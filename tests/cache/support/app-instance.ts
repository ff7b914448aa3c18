/**
 * One storefront instance's data layer in a process of its own, for tests and the benchmark that need several
 * instances sharing Redis. It reads its configuration from the environment like the app, follows invalidations
 * like the app, and answers over HTTP:
 *
 *   GET /offer?customerId=&productId=&variantId=   the variant offer for that buyer (getVariantOffer)
 *   GET /health                                     the cache's state and counters
 *
 * Run with `node --conditions=react-server --import tsx` (server-only modules refuse to load otherwise). Prints
 * `{"port": n}` on stdout once listening.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startCacheFollower } from '@/lib/cache/follower';
import { cacheMetrics } from '@/lib/cache/runtime';
import { getVariantOffer } from '@/lib/pricing/variant-offer';

startCacheFollower();

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://instance.local');
  const reply = (status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  if (url.pathname === '/health') return reply(200, cacheMetrics());
  if (url.pathname !== '/offer') return reply(404, { error: 'not found' });
  const customerId = Number(url.searchParams.get('customerId'));
  const buyer = customerId
    ? { customerId, email: `${customerId}@buyer.example`, firstName: 'Test', lastName: 'Buyer', company: 'Test', customerGroupId: 0, customerGroupName: null, signedInAt: Date.now() }
    : null;
  getVariantOffer(Number(url.searchParams.get('productId')), Number(url.searchParams.get('variantId')), buyer).then(
    (offer) => reply(offer ? 200 : 404, offer),
    (error: unknown) => reply(502, { error: error instanceof Error ? error.message : String(error) }),
  );
});

server.listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({ port: (server.address() as AddressInfo).port }));
});
