/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The sandbox and the sync worker live in the same repo; keep their server-only packages out of bundling.
  serverExternalPackages: ['ioredis', '@electric-sql/pglite'],
  typedRoutes: false,
};

export default nextConfig;
