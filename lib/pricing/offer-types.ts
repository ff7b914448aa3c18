import type { PriceLabels } from './buyer-price';

/**
 * The view shapes price components receive. Formatted text and plain numbers only, so they cross the server →
 * client boundary as they are and presentational components need no money logic.
 */

/** What a product card shows in its price slot. */
export type CardOffer =
  | {
      kind: 'offer';
      /** null when the viewer may not see a price (guest with the login-prompt setting) or none exists. */
      price: PriceLabels | null;
      priceHidden: 'sign-in' | 'unavailable' | null;
      inStock: boolean;
      availableToSell: number | null;
    }
  /** The product did not come back for this viewer. */
  | { kind: 'unavailable' }
  /** The price request failed; the card says so instead of failing the page. */
  | { kind: 'error' };

export interface LocationStock {
  code: string;
  name: string;
  availableToSell: number;
  inStock: boolean;
}

/** One variant as the product page offers it to the viewer. */
export interface VariantOffer {
  variantEntityId: number;
  sku: string;
  purchasable: boolean;
  /** null when the viewer may not see a price (guest with the login-prompt setting) or none exists. */
  price: PriceLabels | null;
  priceHidden: 'sign-in' | 'unavailable' | null;
  inStock: boolean;
  availableToSell: number | null;
  locations: LocationStock[];
  why: PriceExplanation;
}

/** Which rule produced the price ("Why this price"), see lib/pricing/price-explanation.ts. */
export type PriceExplanation =
  | { kind: 'guest' }
  | { kind: 'price-list-record'; priceListName: string; priceListId: number; tierCount: number; recordUpdatedAt: string | null }
  | { kind: 'price-list-without-record'; priceListName: string; priceListId: number }
  | { kind: 'catalog'; customerGroupName: string | null }
  | { kind: 'unknown'; reason: string };

