/**
 * One canonical SKU form shared by every adapter, so "hx-2 ", "HX-2" and "Hx-2" from an ERP all match the
 * BigCommerce SKU "HX-2". BigCommerce treats SKUs case-insensitively for uniqueness, and ERP exports routinely pad
 * or re-case them. Internal whitespace is kept: "HX 2" and "HX-2" are different SKUs.
 */
export function canonicalSku(raw: string): string {
  return raw.trim().toUpperCase();
}
