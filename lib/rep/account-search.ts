import type { RepAccount } from '../../sync/erp/erp';
import type { AccountBuyer } from '../../sync/flows/reps/rep-directory';

/**
 * The rep home's search: an account matches when every word of the query appears (case- and accent-insensitive)
 * in its company name, its customer number, or a buyer's name or e-mail. An empty query matches everything.
 */
export function accountMatches(account: RepAccount, buyers: readonly AccountBuyer[], query: string): boolean {
  const words = fold(query).split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return true;
  const haystack = fold([account.companyName, account.customerNumber, ...buyers.flatMap((b) => [b.firstName, b.lastName, b.email])].join(' '));
  return words.every((word) => haystack.includes(word));
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}
