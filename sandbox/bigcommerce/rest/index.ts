import type { Router } from '../http/router';
import { registerCatalogProductRoutes } from './catalog-products';
import { registerCatalogTaxonomyRoutes } from './catalog-taxonomy';
import { registerCustomerRoutes } from './customers';
import { registerCustomerGroupRoutes } from './customer-groups';
import { registerOrderRoutes } from './orders';
import { registerPriceListRoutes } from './price-lists';
import { registerInventoryRoutes } from './inventory';
import { registerWebhookRoutes } from './webhooks';
import { registerStorefrontTokenRoutes } from './storefront-tokens';

/** Every REST Management API resource the sandbox emulates, one module per resource family. */
export function registerRestRoutes(router: Router): void {
  registerCatalogProductRoutes(router);
  registerCatalogTaxonomyRoutes(router);
  registerCustomerRoutes(router);
  registerCustomerGroupRoutes(router);
  registerOrderRoutes(router);
  registerPriceListRoutes(router);
  registerInventoryRoutes(router);
  registerWebhookRoutes(router);
  registerStorefrontTokenRoutes(router);
}
