/**
 * Where an on-account order carries its purchase order number and requested delivery date. BigCommerce core orders
 * have no PO field; B2B Edition writes the PO number into `customer_message` beside the buyer's order comment, one
 * item per line (b2b-edition storefront order spec: "For B2B orders, this field also includes the Purchase Order
 * (PO) number"). Our checkout does the same with labelled lines at the top, and the post-back reads them back: the
 * PO becomes the ERP order's PO reference, the rest its memo. Only the leading labelled lines are read, so a comment
 * that happens to start a later line with "PO Number:" is still just comment.
 */
export interface OrderMessage {
  poNumber?: string;
  /** YYYY-MM-DD */
  requestedDeliveryDate?: string;
  comment?: string;
}

const PO_LABEL = 'PO Number';
const DELIVERY_LABEL = 'Requested delivery date';
const LABELLED = /^\s*(PO Number|Requested delivery date)\s*:\s*(.*?)\s*$/i;

/** The `customer_message` to send with `POST /v2/orders` (checkout). */
export function composeOrderMessage(message: OrderMessage): string {
  const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim();
  const lines: string[] = [];
  if (message.poNumber && oneLine(message.poNumber) !== '') lines.push(`${PO_LABEL}: ${oneLine(message.poNumber)}`);
  if (message.requestedDeliveryDate) lines.push(`${DELIVERY_LABEL}: ${oneLine(message.requestedDeliveryDate)}`);
  const comment = message.comment?.trim();
  if (comment) lines.push(comment);
  return lines.join('\n');
}

export function parseOrderMessage(text: string | null | undefined): OrderMessage {
  const lines = (text ?? '').split(/\r?\n/);
  const result: OrderMessage = {};
  let index = 0;
  for (; index < lines.length; index += 1) {
    const match = LABELLED.exec(lines[index] ?? '');
    if (!match) break;
    const value = match[2] ?? '';
    if (value === '') continue;
    if (match[1]?.toLowerCase() === PO_LABEL.toLowerCase()) result.poNumber = value;
    else result.requestedDeliveryDate = value;
  }
  const comment = lines.slice(index).join('\n').trim();
  if (comment !== '') result.comment = comment;
  return result;
}
