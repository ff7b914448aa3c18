import type { Router } from '../http/router';

// In progress: routes are being added to this module.
export function registerCustomerGroupRoutes(router: Router): void {
  void router;
}
