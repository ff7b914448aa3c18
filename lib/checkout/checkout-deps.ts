import 'server-only';
import { getManagementClient } from '@/lib/bigcommerce/management-client';
import { getConfig } from '@/lib/config';
import { creditGate, erpCustomerNumberFor } from '@/lib/credit/buyer-credit';
import { getReadyRedis } from '@/lib/redis/client';
import { CheckoutStore } from './checkout-store';
import type { PlaceOrderDeps } from './place-order';
import { poRequiredPolicy } from './po-policy';
import { deleteCart, readQuote } from './read-quote';

/** The checkout as the app runs it: the app's Redis, REST client and credit gate; one instance per process. */
const holder = globalThis as typeof globalThis & { __checkoutDeps?: PlaceOrderDeps };

export async function checkoutStore(): Promise<CheckoutStore> {
  return (await checkoutDeps()).store;
}

/** Waits for the shared Redis connection (it has no offline queue), which the credit gate uses too. */
export async function checkoutDeps(): Promise<PlaceOrderDeps> {
  const redis = await getReadyRedis();
  if (holder.__checkoutDeps) return holder.__checkoutDeps;
  const config = getConfig();
  holder.__checkoutDeps = {
    gate: creditGate(),
    store: new CheckoutStore(redis, `checkout:${config.BIGCOMMERCE_STORE_HASH}`),
    rest: getManagementClient(),
    readQuote,
    deleteCart,
    customerNumberFor: erpCustomerNumberFor,
    poRequired: poRequiredPolicy(getConfig().CHECKOUT_PO_REQUIRED),
    log: (event, fields) => console.info(JSON.stringify({ event, at: new Date().toISOString(), ...fields })),
  };
  return holder.__checkoutDeps;
}
