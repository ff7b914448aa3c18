import { readInList, readIncludes, readIntList } from '../http/filters';
import { tooManyRequests, v3Error, v3Unprocessable } from '../http/errors';
import { isResponse, readPage, v3Page } from '../http/pagination';
import type { Router } from '../http/router';
import type { BcStore } from '../store/store';
import type { BcCustomer } from '../store/types';
import { fieldErrors } from './catalog/field-errors';
import { passThroughQuery } from './catalog/route-helpers';
import { registerCustomerAddressRoutes } from './customers/addresses';
import { canLogInOn, createCustomer, customerView, deleteCustomer, updateCustomer } from './customers/model';
import { customerPostInput, customerPutInput, validateCredentialsInput, type CustomerPostInput, type CustomerPutInput } from './customers/schemas';

/** customers.v3.yml: POST and PUT take ≤ 10 customers; PUT allows 3 concurrent requests per store. */
const CUSTOMER_BATCH_LIMIT = 10;
const CUSTOMER_PUT_CONCURRENCY = 3;
/**
 * Simulated work per PUT so concurrent requests really overlap (the handlers are otherwise synchronous and the
 * concurrency cap could never be reached). Small enough not to slow the storefront down.
 */
const CUSTOMER_PUT_BASE_MS = 15;

export function registerCustomerRoutes(router: Router): void {
  registerCustomerAddressRoutes(router);
  router.get('/v3/customers', (req, { store }) => {
    const page = readPage(req.query);
    if (isResponse(page)) return page;
    const ids = readIntList(req.query, 'id');
    const groups = readIntList(req.query, 'customer_group_id');
    if (ids.invalid || groups.invalid) {
      return v3Error(422, 'The filter(s) specified are invalid.', {
        ...(ids.invalid ? { 'id:in': ids.invalid } : {}),
        ...(groups.invalid ? { 'customer_group_id:in': groups.invalid } : {}),
      });
    }
    const emails = readInList(req.query, 'email')?.map((e) => e.toLowerCase());
    const companies = readInList(req.query, 'company')?.map((c) => c.toLowerCase());
    const sort = req.query.get('sort');
    const rows = [...store.customers.values()].filter(
      (c) =>
        (!ids.values || ids.values.includes(c.id)) &&
        (!groups.values || groups.values.includes(c.customer_group_id)) &&
        (!emails || emails.includes(c.email.toLowerCase())) &&
        (!companies || companies.includes(c.company.toLowerCase())),
    );
    const sorted = sortCustomers(rows, sort);
    if (!sorted) return v3Error(422, 'The filter(s) specified are invalid.', { sort: `Unsupported sort "${sort ?? ''}".` });
    const includes = readIncludes(req.query);
    const listed = v3Page(sorted, page, passThroughQuery(req.query));
    const body = listed.body as { data: BcCustomer[]; meta: unknown };
    return { ...listed, body: { ...body, data: body.data.map((c) => customerView(store, c, includes)) } };
  });

  router.post('/v3/customers', (req, { store }) => {
    const batch = readBatch(req.body);
    if (!Array.isArray(batch)) return batch;
    const inputs: CustomerPostInput[] = [];
    const emails = new Set<string>();
    for (const [index, item] of batch.entries()) {
      const parsed = customerPostInput.safeParse(item);
      if (!parsed.success) return v3Unprocessable(fieldErrors(parsed.error, item, `[${index}].`), 'Create customers failed.');
      const problem = customerProblem(store, parsed.data, index, emails);
      if (problem) return v3Unprocessable(problem, 'Create customers failed.');
      inputs.push(parsed.data);
    }
    const created = inputs.map((input) => createCustomer(store, input));
    return { status: 200, body: { data: created.map((c) => customerView(store, c, FULL)), meta: {} } };
  });

  router.put('/v3/customers', async (req, { store, concurrency }) => {
    const release = concurrency.tryAcquire('v3/customers:put', CUSTOMER_PUT_CONCURRENCY);
    if (!release) return tooManyRequests();
    try {
      await new Promise((resolve) => setTimeout(resolve, CUSTOMER_PUT_BASE_MS));
      const batch = readBatch(req.body);
      if (!Array.isArray(batch)) return batch;
      const updates: { customer: BcCustomer; input: CustomerPutInput }[] = [];
      const emails = new Set<string>();
      for (const [index, item] of batch.entries()) {
        const parsed = customerPutInput.safeParse(item);
        if (!parsed.success) return v3Unprocessable(fieldErrors(parsed.error, item, `[${index}].`), 'Update customers failed.');
        const customer = store.customers.get(parsed.data.id);
        if (!customer) return v3Unprocessable({ [`[${index}].id`]: `Customer ${parsed.data.id} does not exist.` }, 'Update customers failed.');
        const problem = customerProblem(store, parsed.data, index, emails, customer.id);
        if (problem) return v3Unprocessable(problem, 'Update customers failed.');
        updates.push({ customer, input: parsed.data });
      }
      for (const { customer, input } of updates) updateCustomer(store, customer, input);
      return { status: 200, body: { data: updates.map((u) => customerView(store, u.customer, FULL)), meta: {} } };
    } finally {
      release();
    }
  });

  router.delete('/v3/customers', (req, { store }) => {
    const ids = readIntList(req.query, 'id');
    if (ids.invalid) return v3Unprocessable({ 'id:in': ids.invalid }, 'The filter(s) specified are invalid.');
    // Spec: "A query is required to delete customers. If not provided, a 204 is returned, with no changes."
    for (const id of ids.values ?? []) {
      const customer = store.customers.get(id);
      if (customer) deleteCustomer(store, customer);
    }
    return { status: 204 };
  });

  router.post('/v3/customers/validate-credentials', (req, { store }) => {
    const parsed = validateCredentialsInput.safeParse(req.body);
    if (!parsed.success) return v3Unprocessable(fieldErrors(parsed.error, req.body));
    const { email, password, channel_id: channelId = 1 } = parsed.data;
    const customer = [...store.customers.values()].find((c) => c.email.toLowerCase() === email.toLowerCase() && canLogInOn(c, channelId));
    const valid = customer !== undefined && store.passwords.get(customer.id) === password;
    // An invalid login never reveals whether the email exists: customer_id is null either way.
    return { status: 200, body: { is_valid: valid, customer_id: valid ? customer.id : null } };
  });
}

const FULL = new Set(['addresses', 'storecredit']);

function readBatch(body: unknown): unknown[] | ReturnType<typeof v3Error> {
  if (!Array.isArray(body)) return v3Unprocessable({ body: 'error.expected.jsarray' });
  if (body.length === 0) return v3Unprocessable({ body: 'error.minLength (1)' });
  if (body.length > CUSTOMER_BATCH_LIMIT) {
    return v3Error(413, `The request payload is too large. The maximum number of items allowed in the array is ${CUSTOMER_BATCH_LIMIT}.`);
  }
  return body;
}

/** Unique emails (case-insensitive, within the batch too) and an existing customer group (0 = none). */
function customerProblem(
  store: BcStore,
  input: { email?: string; customer_group_id?: number },
  index: number,
  batchEmails: Set<string>,
  selfId?: number,
): Record<string, string> | undefined {
  if (input.email !== undefined) {
    const lower = input.email.toLowerCase();
    const taken = [...store.customers.values()].some((c) => c.id !== selfId && c.email.toLowerCase() === lower);
    if (taken || batchEmails.has(lower)) return { [`[${index}].email`]: `The email address ${input.email} is already in use.` };
    batchEmails.add(lower);
  }
  if (input.customer_group_id !== undefined && input.customer_group_id !== 0 && !store.customerGroups.has(input.customer_group_id)) {
    return { [`[${index}].customer_group_id`]: `Customer group ${input.customer_group_id} does not exist.` };
  }
  return undefined;
}

function sortCustomers(rows: BcCustomer[], sort: string | null): BcCustomer[] | undefined {
  if (sort === null) return rows.sort((a, b) => a.id - b.id);
  const [field, direction = 'asc'] = sort.split(':');
  const keys: Record<string, (c: BcCustomer) => string | number> = {
    date_created: (c) => c.date_created,
    date_modified: (c) => c.date_modified,
    last_name: (c) => c.last_name.toLowerCase(),
  };
  const key = field === undefined ? undefined : keys[field];
  if (!key || (direction !== 'asc' && direction !== 'desc')) return undefined;
  const sign = direction === 'desc' ? -1 : 1;
  return rows.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return sign * (x < y ? -1 : x > y ? 1 : 0) || a.id - b.id;
  });
}
