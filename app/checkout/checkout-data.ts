import 'server-only';
import { randomUUID } from 'node:crypto';
import { changeDisplay } from '@/lib/checkout/change-display';
import { checkoutDeps } from '@/lib/checkout/checkout-deps';
import { quoteChanges, type CheckoutQuote } from '@/lib/checkout/checkout-quote';
import { creditDisplay, type CreditDisplay } from '@/lib/checkout/credit-display';
import { addressLines, shipToAddresses } from '@/lib/checkout/ship-to';
import { buyerCredit } from '@/lib/credit/buyer-credit';
import { formatMoney } from '@/lib/money/money';
import { getSessionCartId, type getSignedInBuyer } from '@/lib/session/session';

type Buyer = NonNullable<Awaited<ReturnType<typeof getSignedInBuyer>>>;

export interface CheckoutPageData {
  kind: 'checkout';
  token: string;
  /** Fingerprint of the summary shown: placing checks the cart still matches it. */
  quoted: string;
  /** Fingerprint from the cart page, when it differs from now (the buyer must confirm the changes). */
  seen: string | null;
  changes: ReturnType<typeof changeDisplay>[];
  lines: { sku: string; name: string; quantity: number; unitPrice: string; lineTotal: string }[];
  total: string;
  addresses: { id: number; lines: string[] }[];
  poRequired: boolean;
  credit: CreditDisplay;
  today: string;
}

export type CheckoutData = CheckoutPageData | { kind: 'empty' } | { kind: 'error' };

/**
 * The checkout page: the cart re-read and re-priced by BigCommerce for this buyer now, compared with what the cart
 * page showed (`seen`), the buyer's addresses and credit. The summary shown is remembered by fingerprint so a
 * later "your cart changed" can name the lines that did.
 */
export async function getCheckoutPageData(buyer: Buyer, seen: string | undefined): Promise<CheckoutData> {
  try {
    const deps = await checkoutDeps();
    const cartId = await getSessionCartId();
    const quote = cartId ? await deps.readQuote(cartId, buyer.customerId) : null;
    if (!quote || quote.lines.length === 0) return { kind: 'empty' };
    const [addresses, credit, customerNumber, seenLines] = await Promise.all([
      shipToAddresses(deps.rest, buyer.customerId),
      buyerCredit(buyer.customerId),
      deps.customerNumberFor(buyer.customerId),
      seen && seen !== quote.fingerprint ? deps.store.readQuote(seen) : Promise.resolve(null),
      deps.store.saveQuote(quote.fingerprint, quote.lines),
    ]);
    const changed = Boolean(seen && seen !== quote.fingerprint);
    return {
      kind: 'checkout',
      token: randomUUID(),
      quoted: quote.fingerprint,
      seen: changed && seen ? seen : null,
      changes: changed && seenLines ? quoteChanges(seenLines, quote.lines).map(changeDisplay) : [],
      ...summary(quote),
      addresses: addresses.map((a) => ({ id: a.id, lines: addressLines(a) })),
      poRequired: customerNumber ? deps.poRequired(customerNumber) : false,
      credit: creditDisplay(credit),
      today: new Date().toISOString().slice(0, 10),
    };
  } catch (error) {
    console.error('[checkout] loading the checkout failed:', error);
    return { kind: 'error' };
  }
}

function summary(quote: CheckoutQuote): Pick<CheckoutPageData, 'lines' | 'total'> {
  return {
    lines: quote.lines.map((l) => ({ sku: l.sku, name: l.name, quantity: l.quantity, unitPrice: formatMoney(l.unitPrice), lineTotal: formatMoney(l.lineTotal) })),
    total: formatMoney(quote.total),
  };
}
