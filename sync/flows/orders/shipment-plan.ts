import type { Fulfilment, SalesOrderState } from '../../erp/erp';
import { canonicalSku } from '../../erp/sku';
import type { BcOrderLine, BcShipment } from './bc-order';

/**
 * Pure decisions of the status flow-back: which ERP fulfilments BigCommerce already shows, what a new shipment
 * ships, and which BigCommerce status the order should have.
 *
 * A shipment names the ERP fulfilment(s) it mirrors in its `comments` ("ERP fulfilment 812 (IF812): tracking …").
 * That marker lives in BigCommerce itself, so "was this fulfilment mirrored?" is answered by reading the order's
 * shipments: a shipment created just before a crash is found on the next run and never created twice.
 */
const MARKER = /\bERP fulfilment ([A-Za-z0-9._-]+)/g;
/** orderShipment_Post `tracking_number` maxLength. */
const TRACKING_NUMBER_MAX = 50;

export function mirroredFulfilments(shipments: BcShipment[]): Set<string> {
  const ids = new Set<string>();
  for (const shipment of shipments) for (const match of (shipment.comments ?? '').matchAll(MARKER)) if (match[1]) ids.add(match[1]);
  return ids;
}

/** One line per fulfilment; every tracking number is listed (a shipment's `tracking_number` holds only one). */
export function shipmentComments(fulfilments: Fulfilment[]): string {
  return fulfilments
    .map((f) => {
      const label = `ERP fulfilment ${f.erpFulfilmentId}${f.number ? ` (${f.number})` : ''}`;
      return f.trackingNumbers.length > 0 ? `${label}: tracking ${f.trackingNumbers.join(', ')}` : label;
    })
    .join('\n');
}

/** The first tracking number that fits BigCommerce's field; the others stay in the comments. */
export function primaryTrackingNumber(fulfilments: Fulfilment[]): string | undefined {
  return fulfilments.flatMap((f) => f.trackingNumbers).find((n) => n.length <= TRACKING_NUMBER_MAX);
}

/**
 * What the ERP has fulfilled beyond what BigCommerce shows shipped, per SKU, spread over the BigCommerce lines of
 * that SKU that still have units open. The ERP reports fulfilled quantity per order line, not per fulfilment, so
 * the difference is what the new fulfilments shipped.
 */
export function itemsToShip(erpLines: SalesOrderState['lines'], bcLines: BcOrderLine[]): { order_product_id: number; quantity: number }[] {
  const fulfilled = new Map<string, number>();
  for (const line of erpLines) fulfilled.set(canonicalSku(line.sku), (fulfilled.get(canonicalSku(line.sku)) ?? 0) + line.quantityFulfilled);
  for (const line of bcLines) {
    const sku = canonicalSku(line.sku ?? '');
    if (fulfilled.has(sku)) fulfilled.set(sku, (fulfilled.get(sku) ?? 0) - (line.quantity_shipped ?? 0));
  }
  const items: { order_product_id: number; quantity: number }[] = [];
  for (const line of bcLines) {
    const sku = canonicalSku(line.sku ?? '');
    const due = fulfilled.get(sku) ?? 0;
    const quantity = Math.min(due, line.quantity - (line.quantity_shipped ?? 0));
    if (quantity <= 0) continue;
    items.push({ order_product_id: line.id, quantity });
    fulfilled.set(sku, due - quantity);
  }
  return items;
}

/**
 * BigCommerce status ids (order_statuses table) by how far along an order is. Statuses outside this table
 * (Refunded, Cancelled, Declined, Disputed, Partially Refunded, Incomplete) belong to the merchant or the payment
 * and are never changed by the flow-back; a status is never moved backwards.
 */
const PROGRESS: Readonly<Record<number, number>> = { 1: 0, 7: 0, 8: 0, 9: 0, 11: 0, 12: 0, 3: 1, 2: 2, 10: 3 };
const STATUS = { shipped: 2, partiallyShipped: 3, cancelled: 5, completed: 10, awaitingFulfillment: 11 } as const;

/** The status the order should move to, or null to leave it as it is. */
export function targetStatus(erpStatus: SalesOrderState['status'], bcLines: BcOrderLine[], currentStatusId: number): number | null {
  const current = PROGRESS[currentStatusId];
  if (current === undefined) return null;
  const target = wantedStatus(erpStatus, bcLines);
  if (target === null || target === currentStatusId) return null;
  if (target === STATUS.cancelled) return current === 0 ? target : null; // goods already left: a person decides
  return (PROGRESS[target] ?? -1) >= current ? target : null;
}

function wantedStatus(erpStatus: SalesOrderState['status'], bcLines: BcOrderLine[]): number | null {
  const shipped = bcLines.reduce((sum, l) => sum + (l.quantity_shipped ?? 0), 0);
  if (erpStatus === 'cancelled') return STATUS.cancelled;
  // NetSuite closes an order when its open lines are closed: after shipping that is done, before it a cancellation.
  if (erpStatus === 'closed') return shipped > 0 ? STATUS.completed : STATUS.cancelled;
  if (shipped > 0) return bcLines.every((l) => (l.quantity_shipped ?? 0) >= l.quantity) ? STATUS.shipped : STATUS.partiallyShipped;
  return erpStatus === 'pending_approval' ? null : STATUS.awaitingFulfillment;
}

/** Nothing more will flow back: the ERP order is over, or fully shipped and mirrored. */
export function isSettled(erpStatus: SalesOrderState['status'], bcLines: BcOrderLine[]): boolean {
  if (erpStatus === 'cancelled' || erpStatus === 'closed') return true;
  const allShipped = bcLines.every((l) => (l.quantity_shipped ?? 0) >= l.quantity);
  return allShipped && (erpStatus === 'pending_billing' || erpStatus === 'billed');
}
