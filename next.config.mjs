/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The sandbox and the sync worker live in the same repo; keep their server-only packages out of bundling.
  serverExternalPackages: ['ioredis', '@electric-sql/pglite'],
  typedRoutes: false,
  // `npm run dev` prints localhost, but tests and some developers open 127.0.0.1; let it load dev assets too.
  allowedDevOrigins: ['127.0.0.1'],
};

export default nextConfig;
