import type { PriceExplanation } from '@/lib/pricing/offer-types';

/** "Why this price": which price list (or catalog rule) produced the buyer's price, and when it last changed. */
export function PriceExplanationNote({ why }: { why: PriceExplanation }) {
  return (
    <details className="text-sm text-slate-600" data-testid="why-this-price">
      <summary className="cursor-pointer text-brand-700">Why this price?</summary>
      <p className="mt-1">{describe(why)}</p>
    </details>
  );
}

function describe(why: PriceExplanation): string {
  switch (why.kind) {
    case 'guest':
      return 'This is the catalog list price. Sign in to see the price agreed with your company.';
    case 'price-list-record': {
      const tiers = why.tierCount > 0 ? ` with ${why.tierCount} volume ${why.tierCount === 1 ? 'break' : 'breaks'}` : '';
      const when = why.recordUpdatedAt ? ` Last updated ${formatDate(why.recordUpdatedAt)}.` : '';
      return `Your contract price from price list “${why.priceListName}”${tiers}.${when}`;
    }
    case 'price-list-without-record':
      return `Your price list “${why.priceListName}” has no price for this item, so the catalog price applies.`;
    case 'catalog':
      return `Your account${why.customerGroupName ? ` (${why.customerGroupName})` : ''} has no contract price list, so catalog pricing applies.`;
    case 'unknown':
      return why.reason;
  }
}

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(date) + ' UTC';
}
