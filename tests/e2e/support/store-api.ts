import { E2E_SANDBOX_PORT } from './ports';

/**
 * What the store itself says a buyer should pay, read from the sandbox's REST Management API (the same API a
 * merchant's price lists live in). Specs compare the storefront's pages against this independent source instead
 * of against numbers written into the test.
 */
const BASE = `http://127.0.0.1:${E2E_SANDBOX_PORT}/stores/sandbox1`;
const HEADERS = { 'x-auth-token': 'sandbox-access-token', accept: 'application/json' };

export interface PriceRecord {
  variant_id: number;
  product_id: number;
  sku: string;
  price: number;
  sale_price: number | null;
  calculated_price: number;
  bulk_pricing_tiers: { quantity_min: number; quantity_max: number | null; type: string; amount: number }[];
}

async function get<T>(path: string): Promise<T> {
  const response = await fetch(`${BASE}${path}`, { headers: HEADERS });
  if (!response.ok) throw new Error(`GET ${path} → ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function priceListOfBuyer(email: string): Promise<number> {
  const { data: customers } = await get<{ data: { customer_group_id: number }[] }>(`/v3/customers?email:in=${encodeURIComponent(email)}`);
  const groupId = customers[0]?.customer_group_id;
  if (!groupId) throw new Error(`${email} has no customer group`);
  const { data } = await get<{ data: { price_list_id: number; channel_id: number | null }[] }>(`/v3/pricelists/assignments?customer_group_id:in=${groupId}`);
  const assignment = data.find((a) => a.channel_id === 1) ?? data[0];
  if (!assignment) throw new Error(`customer group ${groupId} has no price list`);
  return assignment.price_list_id;
}

export async function priceRecords(priceListId: number, limit = 250): Promise<PriceRecord[]> {
  const { data } = await get<{ data: PriceRecord[] }>(`/v3/pricelists/${priceListId}/records?currency=usd&limit=${limit}&include=bulk_pricing_tiers,sku`);
  return data;
}

export async function priceRecord(priceListId: number, variantId: number): Promise<PriceRecord | null> {
  const response = await fetch(`${BASE}/v3/pricelists/${priceListId}/records/${variantId}/usd?include=bulk_pricing_tiers,sku`, { headers: HEADERS });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`price record ${priceListId}/${variantId} → ${response.status}`);
  return ((await response.json()) as { data: PriceRecord }).data;
}

export async function productPath(productId: number): Promise<string> {
  const { data } = await get<{ data: { custom_url: { url: string } } }>(`/v3/catalog/products/${productId}`);
  return data.custom_url.url.replace(/\/+$/, '');
}

export async function productVariants(productId: number): Promise<{ id: number; sku: string }[]> {
  const { data } = await get<{ data: { id: number; sku: string }[] }>(`/v3/catalog/products/${productId}/variants`);
  return data;
}

/** A variant priced differently in two price lists, both with volume breaks: the case that shows a leak. */
export async function contrastingRecords(listA: number, listB: number): Promise<{ a: PriceRecord; b: PriceRecord }> {
  for (const a of await priceRecords(listA)) {
    if (a.bulk_pricing_tiers.length === 0) continue;
    const b = await priceRecord(listB, a.variant_id);
    if (b && b.bulk_pricing_tiers.length > 0 && b.calculated_price !== a.calculated_price) return { a, b };
  }
  throw new Error(`no variant priced differently in price lists ${listA} and ${listB}`);
}

export function usd(amount: number): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(amount);
}

/** The volume-break rows a buyer should see for a record: "10–49 $12.00" style, from fixed-price tiers. */
export function expectedBreaks(record: PriceRecord): { quantity: string; price: string }[] {
  return [...record.bulk_pricing_tiers]
    .sort((x, y) => x.quantity_min - y.quantity_min)
    .map((tier) => {
      if (tier.type !== 'fixed') throw new Error(`demo data uses fixed tiers; got ${tier.type}`);
      return {
        quantity: tier.quantity_max === null ? `${tier.quantity_min}+` : `${tier.quantity_min}–${tier.quantity_max}`,
        price: usd(tier.amount),
      };
    });
}

/** Sellable units per warehouse for one variant, as the Inventory API reports them. */
export async function stockByLocation(variantId: number): Promise<{ name: string; available: number }[]> {
  const { data } = await get<{ data: { locations: { location_name: string; available_to_sell: number; location_enabled: boolean }[] }[] }>(
    `/v3/inventory/items?variant_id:in=${variantId}`,
  );
  return (data[0]?.locations ?? []).filter((l) => l.location_enabled).map((l) => ({ name: l.location_name, available: l.available_to_sell }));
}

export async function customerIdOf(email: string): Promise<number> {
  const { data } = await get<{ data: { id: number }[] }>(`/v3/customers?email:in=${encodeURIComponent(email)}`);
  const id = data[0]?.id;
  if (!id) throw new Error(`no customer ${email}`);
  return id;
}
