import { v3NotFound } from '../../http/errors';
import type { SandboxResponse } from '../../http/types';
import type { BcStore } from '../../store/store';
import type { BcProduct } from '../../store/types';
import { idParam } from './field-errors';

export function findProduct(store: BcStore, raw: string | undefined): BcProduct | undefined {
  const id = idParam(raw);
  return id === undefined ? undefined : store.products.get(id);
}

export function productNotFound(): SandboxResponse {
  return v3NotFound('The requested product was not found.');
}

/** Keeps filters in the pagination links, as BigCommerce does (`?limit=&page=` first, then the filters). */
export function passThroughQuery(query: URLSearchParams): string {
  const rest = new URLSearchParams([...query].filter(([k]) => k !== 'page' && k !== 'limit'));
  const text = rest.toString();
  return text ? `&${text}` : '';
}

export function mapData<T>(response: SandboxResponse, map: (item: T) => unknown): SandboxResponse {
  const body = response.body as { data: T[]; meta: unknown };
  return { ...response, body: { ...body, data: body.data.map(map) } };
}
