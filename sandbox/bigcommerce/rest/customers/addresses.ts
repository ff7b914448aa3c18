import { readInList, readIntList } from '../../http/filters';
import { v3Error } from '../../http/errors';
import { isResponse, readPage, v3Page } from '../../http/pagination';
import type { Router } from '../../http/router';
import { passThroughQuery } from '../catalog/route-helpers';

/**
 * `GET /v3/customers/addresses` (customers.v3.yml, getCustomersAddresses): every customer's address book, filtered
 * by `customer_id:in`, `id:in`, `company:in` and `name:in` ("first last"), paged like every v3 collection. Each
 * item is the spec's address_Full. Form fields (`include=formfields`) are not emulated: the store has none.
 */
export function registerCustomerAddressRoutes(router: Router): void {
  router.get('/v3/customers/addresses', (req, { store }) => {
    const page = readPage(req.query);
    if (isResponse(page)) return page;
    const customerIds = readIntList(req.query, 'customer_id');
    const ids = readIntList(req.query, 'id');
    if (customerIds.invalid || ids.invalid) {
      return v3Error(422, 'The filter(s) specified are invalid.', {
        ...(customerIds.invalid ? { 'customer_id:in': customerIds.invalid } : {}),
        ...(ids.invalid ? { 'id:in': ids.invalid } : {}),
      });
    }
    const companies = readInList(req.query, 'company')?.map((c) => c.toLowerCase());
    const names = readInList(req.query, 'name')?.map((n) => n.toLowerCase());
    const rows = [...store.customers.values()]
      .filter((c) => !customerIds.values || customerIds.values.includes(c.id))
      .flatMap((c) => c.addresses)
      .filter(
        (a) =>
          (!ids.values || ids.values.includes(a.id)) &&
          (!companies || companies.includes(a.company.toLowerCase())) &&
          (!names || names.includes(`${a.first_name} ${a.last_name}`.toLowerCase())),
      )
      .sort((a, b) => a.id - b.id);
    return v3Page(rows, page, passThroughQuery(req.query));
  });
}
