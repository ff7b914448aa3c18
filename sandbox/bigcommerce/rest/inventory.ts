import type { Router } from '../http/router';
import { registerAdjustmentRoutes } from './inventory/adjustments';
import { registerInventoryItemRoutes } from './inventory/items';
import { registerLocationRoutes } from './inventory/locations';

/** Inventory (inventory.v3.yml) and Locations (locations.v3.yml). Errors are application/problem+json. */
export function registerInventoryRoutes(router: Router): void {
  registerLocationRoutes(router);
  registerInventoryItemRoutes(router);
  registerAdjustmentRoutes(router);
}
