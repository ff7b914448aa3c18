import type { Router } from '../http/router';
import { registerAssignmentRoutes } from './price-lists/assignments';
import { registerBatchRoutes } from './price-lists/batch';
import { registerPriceListCrud } from './price-lists/lists';
import { registerRecordRoutes } from './price-lists/records';

/** `/v3/pricelists/**` per price_lists.v3.yml. The router prefers literal segments, so `/assignments` is safe. */
export function registerPriceListRoutes(router: Router): void {
  registerPriceListCrud(router);
  registerRecordRoutes(router);
  registerBatchRoutes(router);
  registerAssignmentRoutes(router);
}
