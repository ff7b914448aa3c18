/** The "Order Status Descriptions" table of orders.v2.oas2.yml (`GET /v2/order_statuses`). */
export const ORDER_STATUSES: readonly { id: number; name: string; description: string }[] = [
  { id: 0, name: 'Incomplete', description: 'An incomplete order happens when a shopper reached the payment page, but did not complete the transaction.' },
  { id: 1, name: 'Pending', description: 'Customer started the checkout process, but did not complete it.' },
  { id: 2, name: 'Shipped', description: 'Order has been shipped, but receipt has not been confirmed; seller has used the Ship Items action.' },
  { id: 3, name: 'Partially Shipped', description: 'Only some items in the order have been shipped, due to some products being pre-order only or other reasons.' },
  { id: 4, name: 'Refunded', description: 'Seller has used the Refund action.' },
  { id: 5, name: 'Cancelled', description: 'Seller has cancelled an order, due to a stock inconsistency or other reasons.' },
  { id: 6, name: 'Declined', description: 'Seller has marked the order as declined for lack of manual payment, or other reasons.' },
  { id: 7, name: 'Awaiting Payment', description: 'Customer has completed checkout process, but payment has yet to be confirmed.' },
  { id: 8, name: 'Awaiting Pickup', description: 'Order has been pulled, and is awaiting customer pickup from a seller-specified location.' },
  { id: 9, name: 'Awaiting Shipment', description: 'Order has been pulled and packaged, and is awaiting collection from a shipping provider.' },
  { id: 10, name: 'Completed', description: 'Client has paid for their digital product and their file(s) are available for download.' },
  { id: 11, name: 'Awaiting Fulfillment', description: 'Customer has completed the checkout process and payment has been confirmed.' },
  { id: 12, name: 'Manual Verification Required', description: 'Order is on hold while some aspect needs to be manually confirmed.' },
  { id: 13, name: 'Disputed', description: 'Customer has initiated a dispute resolution process for the PayPal transaction that paid for the order.' },
  { id: 14, name: 'Partially Refunded', description: 'Seller has partially refunded the order.' },
];

export function statusName(id: number): string | undefined {
  return ORDER_STATUSES.find((s) => s.id === id)?.name;
}

export function statusView(status: (typeof ORDER_STATUSES)[number], index: number): Record<string, unknown> {
  return { id: status.id, name: status.name, system_label: status.name, custom_label: status.name, system_description: status.description, order: index };
}

/** v2 dates are RFC-2822 with a numeric zone: "Tue, 05 Mar 2019 21:40:11 +0000". */
export function rfc2822(date: Date = new Date()): string {
  return date.toUTCString().replace('GMT', '+0000');
}
