import 'server-only';
import sanitizeHtml from 'sanitize-html';

/**
 * Product and category descriptions are HTML written in the BigCommerce control panel (or imported from a PIM).
 * They are rendered on pages a signed-in buyer uses, so only formatting survives: a script, an event handler or
 * a javascript: link in a description would otherwise run with the buyer's session.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'span', 'div', 'img'],
  allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'width', 'height'], th: ['scope'], td: ['colspan', 'rowspan'] },
  allowedSchemes: ['https', 'http', 'mailto'],
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }) },
};

export function safeMerchantHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
