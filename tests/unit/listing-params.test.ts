import { describe, expect, it } from 'vitest';
import { listingHref, parseListingParams } from '@/lib/catalog/listing-params';

describe('listing parameters', () => {
  it('reads valid values', () => {
    expect(parseListingParams({ sort: 'A_TO_Z', after: 'YXJyYXljb25uZWN0aW9uOjIz', inStock: '1', q: ' bolts ', category: '12', brand: '3' }, 'FEATURED')).toEqual({
      sort: 'A_TO_Z',
      after: 'YXJyYXljb25uZWN0aW9uOjIz',
      before: null,
      inStockOnly: true,
      searchTerm: 'bolts',
      categoryId: 12,
      brandId: 3,
    });
  });

  it('falls back to defaults for anything malformed instead of passing it upstream', () => {
    const params = parseListingParams({ sort: 'DROP TABLE', after: '<script>', category: '-4', brand: '1e9', inStock: 'yes' }, 'FEATURED');
    expect(params).toMatchObject({ sort: 'FEATURED', after: null, categoryId: null, brandId: null, inStockOnly: false });
  });

  it('ignores `before` when `after` is also given', () => {
    expect(parseListingParams({ after: 'abc', before: 'def' }, 'RELEVANCE')).toMatchObject({ after: 'abc', before: null });
  });

  it('writes back only non-default parameters, so canonical URLs stay short', () => {
    const params = parseListingParams({ q: 'hex', sort: 'RELEVANCE' }, 'RELEVANCE');
    expect(listingHref('/search', params, {}, 'RELEVANCE')).toBe('/search?q=hex');
    expect(listingHref('/search', params, { after: 'cur', inStockOnly: true }, 'RELEVANCE')).toBe('/search?q=hex&inStock=1&after=cur');
  });
});
