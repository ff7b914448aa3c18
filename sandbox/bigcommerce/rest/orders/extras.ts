import type { BcStore } from '../../store/store';

/**
 * Order fields the shared `BcOrder` type has no slot for: shipping cost, shipments and how much of each line they
 * shipped. Kept per store in a WeakMap so a reseeded store starts clean and other modules' view of `BcOrder` is
 * unchanged.
 */
export interface OrderExtras {
  shipping: { ex: string; inc: string };
  shipments: BcOrderShipment[];
  /** Order product id → quantity shipped so far (sum over shipments). */
  shippedByLine: Map<number, number>;
}

/** A stored shipment; the response adds the addresses and display fields (shipments.ts). */
export interface BcOrderShipment {
  id: number;
  order_id: number;
  order_address_id: number;
  date_created: string;
  tracking_number: string;
  tracking_link: string;
  tracking_carrier: string;
  shipping_provider: string;
  shipping_method: string;
  merchant_shipping_cost: string;
  comments: string;
  items: { order_product_id: number; product_id: number; quantity: number }[];
}

const extras = new WeakMap<BcStore, Map<number, OrderExtras>>();

export function orderExtras(store: BcStore, orderId: number): OrderExtras {
  let byOrder = extras.get(store);
  if (!byOrder) {
    byOrder = new Map();
    extras.set(store, byOrder);
  }
  let entry = byOrder.get(orderId);
  if (!entry) {
    entry = { shipping: { ex: '0.0000', inc: '0.0000' }, shipments: [], shippedByLine: new Map() };
    byOrder.set(orderId, entry);
  }
  return entry;
}
