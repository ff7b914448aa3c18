import { Redis } from 'ioredis';
import { z } from 'zod';

/**
 * What the admin command lines (`npm run audit`, `npm run rep-password`) need: the store the data belongs to and
 * Redis. A missing or malformed variable is reported by name and the command exits 2, like `npm run sync`.
 */
const schema = z.object({
  BIGCOMMERCE_STORE_HASH: z.string({ error: 'is missing: the store hash (the part after /stores/ in API paths)' }).regex(/^[a-z0-9]+$/, 'must be lower-case letters and digits'),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
});

export async function connectFromEnv(env: Record<string, string | undefined> = process.env): Promise<{ redis: Redis; storeHash: string }> {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    console.error(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('\n'));
    process.exit(2);
  }
  const redis = new Redis(parsed.data.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  redis.on('error', () => {}); // reported once below
  try {
    await redis.connect();
  } catch (error) {
    console.error(`Redis at REDIS_URL is unavailable: ${(error as Error).message}`);
    process.exit(2);
  }
  return { redis, storeHash: parsed.data.BIGCOMMERCE_STORE_HASH };
}
