import 'server-only';
import { getManagementClient } from '@/lib/bigcommerce/management-client';
import { getConfig } from '@/lib/config';
import { getReadyRedis } from '@/lib/redis/client';
import { accountMatches } from '@/lib/rep/account-search';
import { creditView, orderSummaryView, type CreditView, type OrderSummaryView } from '@/lib/rep/account-view';
import { accountOrderSummary, ORDERS_READ_PER_BUYER } from '@/lib/rep/order-summary';
import { readCreditSnapshot } from '@/sync/flows/credit/sync-credit';
import { readBuyersOfAccounts, type AccountBuyer, type RepRecord } from '@/sync/flows/reps/rep-directory';
import { syncKeys } from '@/sync/state/keys';

/**
 * The rep pages' data: only the accounts the rep directory assigns to this rep (never one named by the request),
 * each with its buyers and the credit position the credit sync last read from the ERP.
 */
export interface RepAccountData {
  customerNumber: string;
  companyName: string;
  buyers: AccountBuyer[];
  /** null: the credit sync has no figures for this account yet. */
  credit: CreditView | null;
}

async function accountsData(rep: RepRecord, customerNumbers: readonly string[]): Promise<RepAccountData[]> {
  const redis = await getReadyRedis();
  const { BIGCOMMERCE_STORE_HASH: storeHash } = getConfig();
  const buyers = await readBuyersOfAccounts(redis, storeHash, customerNumbers);
  return Promise.all(
    customerNumbers.map(async (customerNumber) => {
      const snapshot = await readCreditSnapshot(redis, syncKeys(storeHash), customerNumber);
      return {
        customerNumber,
        companyName: rep.accounts.find((a) => a.customerNumber === customerNumber)?.companyName ?? customerNumber,
        buyers: buyers.get(customerNumber) ?? [],
        credit: snapshot ? creditView(snapshot) : null,
      };
    }),
  );
}

/** The rep's accounts matching the search, in company-name order. */
export async function getRepAccounts(rep: RepRecord, query: string): Promise<RepAccountData[]> {
  const accounts = await accountsData(rep, rep.accounts.map((a) => a.customerNumber));
  return accounts
    .filter((account) => accountMatches({ customerNumber: account.customerNumber, companyName: account.companyName }, account.buyers, query))
    .sort((a, b) => a.companyName.localeCompare(b.companyName));
}

/** One of the rep's accounts, or null when it is not assigned to this rep (whatever the URL says). */
export async function getRepAccount(rep: RepRecord, customerNumber: string): Promise<RepAccountData | null> {
  if (!rep.accounts.some((a) => a.customerNumber === customerNumber)) return null;
  const [account] = await accountsData(rep, [customerNumber]);
  return account ?? null;
}

export async function getAccountOrders(buyers: readonly AccountBuyer[]): Promise<OrderSummaryView> {
  const summary = await accountOrderSummary(getManagementClient(), buyers.map((b) => b.customerId));
  return orderSummaryView(summary, ORDERS_READ_PER_BUYER);
}
