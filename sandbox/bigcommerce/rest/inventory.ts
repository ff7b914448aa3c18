import type { Router } from '../http/router';

// In progress: routes are being added to this module.
export function registerInventoryRoutes(router: Router): void {
  void router;
}
