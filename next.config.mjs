/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The sandbox and the sync worker live in the same repo; keep their server-only packages out of bundling.
  serverExternalPackages: ['ioredis', '@electric-sql/pglite'],
  typedRoutes: false,
  // The proxy (proxy.ts) serves kept pages to full-page requests only. Without this, Next strips the router's RSC
  // headers and `_rsc` parameter before the proxy sees a request, and a client-side navigation could not be told
  // apart from a page load (it would be answered with HTML).
  skipProxyUrlNormalize: true,
  // `npm run dev` prints localhost, but tests and some developers open 127.0.0.1; let it load dev assets too.
  allowedDevOrigins: ['127.0.0.1'],
};

export default nextConfig;
