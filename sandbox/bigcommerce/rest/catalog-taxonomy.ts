import type { Router } from '../http/router';

// In progress: routes are being added to this module.
export function registerCatalogTaxonomyRoutes(router: Router): void {
  void router;
}
