import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changeEventTags } from '@/lib/cache/change-event-tags';
import type { CatalogScope, PricingContext } from '@/lib/cache/contexts';
import { cacheEntries, tags } from '@/lib/cache/manifest';

/** The cache's keys come from one function per profile that takes the full context: two contexts never share one. */
const context: PricingContext = { storeHash: 'abc', channelId: 1, currency: 'channel-default', customerGroup: 7, priceListIds: [3, 9] };
const variants: Record<string, PricingContext> = {
  'another store': { ...context, storeHash: 'xyz' },
  'another channel': { ...context, channelId: 2 },
  'another currency': { ...context, currency: 'CAD' },
  'another group': { ...context, customerGroup: 8 },
  'no group': { ...context, customerGroup: 0 },
  'a guest': { ...context, customerGroup: 'guest' },
  'another price list': { ...context, priceListIds: [3, 10] },
  'one list fewer': { ...context, priceListIds: [3] },
};

const pricedKeys = (c: PricingContext) => [
  cacheEntries.priceOverlay(c, 40).key,
  cacheEntries.variantPrice(c, 40, 400).key,
  cacheEntries.priceExplanation(c, 40, 400).key,
];

describe('cache keys', () => {
  for (const [difference, other] of Object.entries(variants)) {
    it(`a pricing context with ${difference} never shares a priced entry`, () => {
      const mine = pricedKeys(context);
      for (const key of pricedKeys(other)) expect(mine).not.toContain(key);
    });
  }

  it('catalog entries are shared by every group that sees all categories, and kept apart for restricted groups and guests', () => {
    const scope = (visibility: CatalogScope['visibility']): CatalogScope => ({ storeHash: 'abc', channelId: 1, visibility });
    expect(cacheEntries.catalogProduct(scope('all'), 40).key).toBe(cacheEntries.catalogProduct(scope('all'), 40).key);
    const keys = new Set((['all', 'guest', 'group-7', 'group-8'] as const).map((v) => cacheEntries.catalogProduct(scope(v), 40).key));
    expect(keys.size).toBe(4);
  });

  it('stock is one entry per product for everyone: its key carries no buyer or group', () => {
    expect(cacheEntries.inventory(context, 40).key).toBe(cacheEntries.inventory(variants['a guest']!, 40).key);
  });

  it('a priced entry is dropped by a sync change of any of its lists for its product, and by nothing for another list', () => {
    const entry = cacheEntries.priceOverlay(context, 40);
    const dropsIt = (priceListId: number, productId: number) =>
      changeEventTags({ type: 'price-list-changed', priceListId, productIds: [productId], variantIds: [] }).some((tag) => entry.tags.includes(tag));
    expect(dropsIt(3, 40)).toBe(true);
    expect(dropsIt(9, 40)).toBe(true);
    expect(dropsIt(4, 40)).toBe(false);
    expect(dropsIt(3, 41)).toBe(false);
  });
});

describe('the manifest is the only place cache keys and tags are written', () => {
  const prefixes = [...new Set(Object.values(tags).map((t) => (typeof t === 'string' ? t : (t as (...ids: number[]) => string)(1, 1)).split(':')[0]))];
  const literal = new RegExp(`['"\`](${prefixes.join('|')}|cache):`);
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
    });

  it('no file that uses the cache spells a tag or key itself', () => {
    const offenders = ['app', 'lib', 'components', 'proxy.ts']
      .flatMap((root) => (statSync(root).isDirectory() ? sources(root) : [root]))
      .filter((path) => path !== join('lib', 'cache', 'manifest.ts'))
      .filter((path) => {
        const text = readFileSync(path, 'utf8');
        // ttl-memo is a plain memo with no keys or tags of the manifest's.
        if (!/from '@\/lib\/cache\/(?!ttl-memo')|from '\.\/(manifest|read-through|runtime)'/.test(text)) return false;
        const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
        return literal.test(code);
      });
    expect(offenders).toEqual([]);
  });
});
