import { EventEmitter } from 'node:events';
import type {
  BcBrand,
  BcCart,
  BcCategory,
  BcCustomer,
  BcCustomerGroup,
  BcInventoryLevel,
  BcLocation,
  BcOrder,
  BcPriceList,
  BcPriceListAssignment,
  BcPriceRecord,
  BcProduct,
  BcVariant,
  BcWebhook,
  IssuedToken,
} from './types';

/** A store event that webhooks may deliver: the scope and the payload's `data` object. */
export interface StoreEvent {
  scope: string;
  data: unknown;
}

/**
 * All state of one emulated BigCommerce store, in memory. Handlers mutate it through plain maps; anything that
 * BigCommerce would announce by webhook is reported with `emit()` so the delivery module can fan it out.
 */
export class BcStore {
  readonly storeHash: string;
  readonly storeId: string;
  readonly channelIds = new Set<number>([1]);
  readonly defaultCurrency: string;

  readonly brands = new Map<number, BcBrand>();
  readonly categories = new Map<number, BcCategory>();
  readonly products = new Map<number, BcProduct>();
  /** Every variant of every product, by variant id (same objects as in `product.variants`). */
  readonly variants = new Map<number, BcVariant>();
  readonly variantIdBySku = new Map<string, number>();

  readonly customers = new Map<number, BcCustomer>();
  /** Plain-text passwords: this is an emulator holding demo accounts only. */
  readonly passwords = new Map<number, string>();
  readonly customerGroups = new Map<number, BcCustomerGroup>();

  readonly priceLists = new Map<number, BcPriceList>();
  /** price_list_id → (`${variant_id}:${currency}` → record). */
  readonly priceRecords = new Map<number, Map<string, BcPriceRecord>>();
  readonly priceListAssignments = new Map<number, BcPriceListAssignment>();

  readonly locations = new Map<number, BcLocation>();
  /** `${location_id}:${variant_id}` → level. */
  readonly inventory = new Map<string, BcInventoryLevel>();

  readonly orders = new Map<number, BcOrder>();
  /** Storefront carts by UUID. */
  readonly carts = new Map<string, BcCart>();
  /** Single-use hosted-checkout tokens from createCartRedirectUrls → the cart they open. */
  readonly checkoutTokens = new Map<string, string>();
  readonly webhooks = new Map<number, BcWebhook>();
  readonly tokens = new Map<string, IssuedToken>();
  readonly revokedTokens = new Set<string>();

  private readonly events = new EventEmitter();
  private readonly sequences = new Map<string, number>();

  constructor(options: { storeHash: string; storeId?: string; defaultCurrency?: string }) {
    this.storeHash = options.storeHash;
    this.storeId = options.storeId ?? '1001';
    this.defaultCurrency = options.defaultCurrency ?? 'USD';
  }

  /** Next id for an entity kind, strictly increasing and never reused (as BigCommerce ids are). */
  nextId(kind: string): number {
    const next = (this.sequences.get(kind) ?? 0) + 1;
    this.sequences.set(kind, next);
    return next;
  }

  /** Make sure future ids of `kind` are above `usedId` (used when seeding with fixed ids). */
  reserveId(kind: string, usedId: number): void {
    if ((this.sequences.get(kind) ?? 0) < usedId) this.sequences.set(kind, usedId);
  }

  emit(scope: string, data: unknown): void {
    this.events.emit('event', { scope, data } satisfies StoreEvent);
  }

  onEvent(listener: (event: StoreEvent) => void): () => void {
    this.events.on('event', listener);
    return () => this.events.off('event', listener);
  }

  recordsOf(priceListId: number): Map<string, BcPriceRecord> {
    let records = this.priceRecords.get(priceListId);
    if (!records) {
      records = new Map();
      this.priceRecords.set(priceListId, records);
    }
    return records;
  }

  static recordKey(variantId: number, currency: string): string {
    return `${variantId}:${currency.toLowerCase()}`;
  }

  static inventoryKey(locationId: number, variantId: number): string {
    return `${locationId}:${variantId}`;
  }
}

export function nowIso(): string {
  return new Date().toISOString();
}
