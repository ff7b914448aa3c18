/**
 * The NetSuite implementation of the ERP interface: bulk and delta reads through SuiteQL (streamed, keyset-paged
 * past the 100k window) and idempotent order posting through `PUT /record/v1/salesOrder/eid:…`.
 */
import type {
  ContractPricingRead, CustomerCredit, CustomerPricing, ErpAdapter, ErpRead, InventoryLevel, ItemContractPrices,
  OpenInvoice, PostedOrder, PriceLevel, ReadOptions, SalesOrderInput, SalesOrderState, SalesRep, SalesRepRead, Watermark,
} from '../erp';
import { orderExternalId } from '../erp';
import { ErpError } from '../errors';
import { canonicalSku } from '../sku';
import { OUTCOME_UNKNOWN, type NetSuiteClient, type SuiteQlRow } from './client';
import {
  CurrencyMap, foldCustomerPricing, foldItemPricing, id, mapCredit, mapInventory, mapOrderStatus, mapPriceLevel,
  mapShipStatus, optionalText, toSalesOrderBody, type RowRef,
} from './mapping';
import * as Q from './queries';
import { mapOpenInvoice } from './invoices';
import { foldSalesRep } from './sales-reps';
import { sinceTimestamp, toWatermark } from './watermark';

export interface NetSuiteAdapterOptions {
  /** Seconds a delta read reaches back before its watermark (default 120). */
  overlapSeconds?: number;
  /** How many times postSalesOrder re-checks and re-sends after an unknown outcome (default 4). */
  orderAttempts?: number;
}

type Numbered = { row: SuiteQlRow; ref: RowRef };

/** Numbers rows for error messages and groups consecutive rows sharing `keyColumn`. */
async function* grouped(rows: AsyncIterable<SuiteQlRow>, source: string, keyColumn: string): AsyncGenerator<Numbered[]> {
  let group: Numbered[] = [];
  let key: unknown;
  let n = 0;
  for await (const row of rows) {
    n += 1;
    if (group.length > 0 && row[keyColumn] !== key) {
      yield group;
      group = [];
    }
    key = row[keyColumn];
    group.push({ row, ref: { source, row: n } });
  }
  if (group.length > 0) yield group;
}

export class NetSuiteErpAdapter implements ErpAdapter {
  readonly kind = 'netsuite';
  private readonly overlap: number;
  private readonly orderAttempts: number;
  private readonly orderLocks = new Map<string, Promise<unknown>>();

  constructor(
    private readonly client: NetSuiteClient,
    options: NetSuiteAdapterOptions = {},
  ) {
    this.overlap = options.overlapSeconds ?? 120;
    this.orderAttempts = options.orderAttempts ?? 4;
  }

  private async serverNow(): Promise<Watermark> {
    for await (const row of this.client.suiteQl(Q.SERVER_NOW)) {
      return toWatermark(String(row['now']));
    }
    throw new ErpError('upstream', 'NetSuite returned no server time.');
  }

  private async currencies(): Promise<CurrencyMap> {
    const rows: SuiteQlRow[] = [];
    for await (const row of this.client.suiteQl(Q.CURRENCIES)) rows.push(row);
    return new CurrencyMap(rows);
  }

  async readContractPricing(options: ReadOptions = {}): Promise<ContractPricingRead> {
    const watermark = await this.serverNow();
    const since = sinceTimestamp(options.since, this.overlap);
    const currencies = await this.currencies();
    const client = this.client;
    return {
      watermark,
      priceLevels: (async function* (): AsyncGenerator<PriceLevel> {
        let n = 0;
        for await (const row of client.suiteQl(Q.PRICE_LEVELS)) yield mapPriceLevel(row, { source: 'suiteql:pricelevel', row: ++n });
      })(),
      items: (async function* (): AsyncGenerator<ItemContractPrices> {
        const rows = client.suiteQlKeyset((after) => Q.itemPricing(since, after), 'item');
        for await (const group of grouped(rows, 'suiteql:pricing', 'item')) yield foldItemPricing(group, currencies);
      })(),
      customers: (async function* (): AsyncGenerator<CustomerPricing> {
        const rows = client.suiteQlKeyset((after) => Q.customerPricing(since, after), 'customer');
        for await (const group of grouped(rows, 'suiteql:customeritempricing', 'customer')) yield foldCustomerPricing(group, currencies);
      })(),
    };
  }

  async readInventory(options: ReadOptions = {}): Promise<ErpRead<InventoryLevel>> {
    const watermark = await this.serverNow();
    const since = sinceTimestamp(options.since, this.overlap);
    const client = this.client;
    return {
      watermark,
      rows: (async function* (): AsyncGenerator<InventoryLevel> {
        let n = 0;
        for await (const row of client.suiteQlKeyset((after) => Q.inventory(since, after), 'item')) {
          yield mapInventory(row, { source: 'suiteql:inventoryitemlocations', row: ++n });
        }
      })(),
    };
  }

  async readCredit(options: ReadOptions = {}): Promise<ErpRead<CustomerCredit>> {
    const watermark = await this.serverNow();
    const since = sinceTimestamp(options.since, this.overlap);
    const currencies = await this.currencies();
    const client = this.client;
    return {
      watermark,
      rows: (async function* (): AsyncGenerator<CustomerCredit> {
        let n = 0;
        for await (const row of client.suiteQlKeyset((after) => Q.credit(since, after), 'customer')) {
          yield mapCredit(row, { source: 'suiteql:customer', row: ++n }, currencies);
        }
      })(),
    };
  }

  async getCredit(customerNumber: string): Promise<CustomerCredit | null> {
    const currencies = await this.currencies();
    for await (const row of this.client.suiteQl(Q.credit(null, null, customerNumber.trim()))) {
      return mapCredit(row, { source: 'suiteql:customer', row: 1 }, currencies);
    }
    return null;
  }

  async readOpenInvoices(customerNumber: string): Promise<OpenInvoice[]> {
    const currencies = await this.currencies();
    const invoices: OpenInvoice[] = [];
    let n = 0;
    for await (const row of this.client.suiteQl(Q.openInvoices(customerNumber.trim()))) {
      invoices.push(mapOpenInvoice(row, { source: 'suiteql:transaction', row: ++n }, currencies));
    }
    return invoices;
  }

  async readSalesReps(): Promise<SalesRepRead> {
    const client = this.client;
    return {
      rows: (async function* (): AsyncGenerator<SalesRep> {
        const rows = client.suiteQlKeyset((after) => Q.salesReps(after), 'rep');
        for await (const group of grouped(rows, 'suiteql:employee', 'rep')) yield foldSalesRep(group);
      })(),
    };
  }

  /**
   * §4.7.D: GET eid: first — if the order exists, stop. Otherwise PUT eid: with the full body. If the PUT's outcome
   * is unknown (5xx, dropped connection, timeout), go back to the GET before anything else, because replaying the
   * PUT against an order that now exists would append its lines a second time. A per-order lock keeps two callers
   * in this process from racing through the GET/PUT pair.
   */
  async postSalesOrder(order: SalesOrderInput): Promise<PostedOrder> {
    const externalId = orderExternalId(order.storeHash, order.orderId);
    if (!/^[A-Za-z0-9_-]+$/.test(externalId)) {
      throw new ErpError('validation', `External id ${externalId} has characters NetSuite refuses (letters, digits, _ and - only).`);
    }
    const previous = this.orderLocks.get(externalId) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => this.postOnce(order, externalId));
    this.orderLocks.set(externalId, run);
    try {
      return await run;
    } finally {
      if (this.orderLocks.get(externalId) === run) this.orderLocks.delete(externalId);
    }
  }

  private async findOrder(externalId: string): Promise<string | null> {
    const response = await this.client.request('GET', `/record/v1/salesOrder/eid:${externalId}`, {
      query: { fields: 'id,tranId,status' },
      idempotent: true,
      accept: [404],
    });
    if (response.status === 404) return null;
    const body = response.body as { id?: unknown };
    return typeof body.id === 'string' ? body.id : String(body.id);
  }

  private async postOnce(order: SalesOrderInput, externalId: string): Promise<PostedOrder> {
    let lastError: ErpError | null = null;
    let body: Record<string, unknown> | null = null;
    for (let attempt = 0; attempt < this.orderAttempts; attempt += 1) {
      const existing = await this.findOrder(externalId);
      if (existing !== null) return { externalId, erpOrderId: existing, created: false };
      body ??= toSalesOrderBody(order, await this.resolveOrderRefs(order));
      try {
        const response = await this.client.request('PUT', `/record/v1/salesOrder/eid:${externalId}`, {
          body,
          headers: { 'X-NetSuite-PropertyNameValidation': 'Error' },
          idempotent: false,
        });
        const location = response.headers.get('location') ?? '';
        const erpOrderId = /\/(\d+)$/.exec(location)?.[1] ?? (await this.findOrder(externalId));
        if (erpOrderId === null) throw new ErpError('upstream', `NetSuite accepted order ${externalId} but it can't be read back.`);
        return { externalId, erpOrderId, created: true };
      } catch (error) {
        if (!(error instanceof ErpError) || error.details.code !== OUTCOME_UNKNOWN) throw error;
        lastError = error; // maybe written, maybe not: re-check before anything else
      }
    }
    throw new ErpError('upstream', `Order ${externalId}: NetSuite's answer stayed unknown after ${this.orderAttempts} attempts; it is safe to retry later.`, {
      code: OUTCOME_UNKNOWN,
      cause: lastError,
    });
  }

  /** Business keys → NetSuite internal ids. A key NetSuite doesn't know is a validation error naming it. */
  private async resolveOrderRefs(order: SalesOrderInput): Promise<Parameters<typeof toSalesOrderBody>[1]> {
    const externalId = orderExternalId(order.storeHash, order.orderId);
    let customer: SuiteQlRow | undefined;
    for await (const row of this.client.suiteQl(Q.customerByNumber(order.customerNumber.trim()))) customer ??= row;
    if (!customer) {
      throw new ErpError('validation', `Order ${externalId}: customer number ${order.customerNumber} does not exist in NetSuite.`, {
        issues: [{ source: externalId, field: 'customerNumber', message: `unknown customer ${order.customerNumber}` }],
      });
    }
    const currencies = await this.currencies();
    const currencyId = currencies.idFor(order.currency);
    if (currencyId === undefined) {
      throw new ErpError('validation', `Order ${externalId}: currency ${order.currency} is not enabled in NetSuite.`, {
        issues: [{ source: externalId, field: 'currency', message: `unknown currency ${order.currency}` }],
      });
    }
    const skus = [...new Set(order.lines.map((l) => canonicalSku(l.sku)))];
    const itemIdBySku = new Map<string, number>();
    let n = 0;
    for await (const row of this.client.suiteQl(Q.itemsBySku(skus))) {
      const ref = { source: 'suiteql:item', row: ++n };
      itemIdBySku.set(canonicalSku(String(row['itemid'])), id(row, 'id', ref));
    }
    const missing = skus.filter((sku) => !itemIdBySku.has(sku));
    if (missing.length > 0) {
      throw new ErpError('validation', `Order ${externalId}: SKU(s) ${missing.join(', ')} do not exist in NetSuite.`, {
        issues: missing.map((sku) => ({ source: externalId, field: 'lines.sku', message: `unknown SKU ${sku}` })),
      });
    }
    const codes = [...new Set([order.locationCode, ...order.lines.map((l) => l.locationCode)].filter((c): c is string => c !== undefined))];
    const locationIdByCode = new Map<string, number>();
    if (codes.length > 0) {
      for await (const row of this.client.suiteQl(Q.locationsByCode(codes))) {
        const locId = id(row, 'id', { source: 'suiteql:location', row: 0 });
        for (const key of [optionalText(row, 'externalid'), optionalText(row, 'name')]) if (key !== null) locationIdByCode.set(key, locId);
      }
      const unknown = codes.filter((c) => !locationIdByCode.has(c));
      if (unknown.length > 0) {
        throw new ErpError('validation', `Order ${externalId}: location code(s) ${unknown.join(', ')} do not exist in NetSuite.`);
      }
    }
    return { customerId: id(customer, 'id', { source: 'suiteql:customer', row: 1 }), currencyId, itemIdBySku, locationIdByCode };
  }

  async getSalesOrder(externalId: string): Promise<SalesOrderState | null> {
    const response = await this.client.request('GET', `/record/v1/salesOrder/eid:${externalId}`, {
      query: { expandSubResources: 'true' },
      idempotent: true,
      accept: [404],
    });
    if (response.status === 404) return null;
    const so = response.body as {
      id: string; tranId?: string; status?: { id?: string } | string;
      item?: { items?: { item?: { refName?: string }; quantity?: number; quantityFulfilled?: number }[] };
    };
    const rawStatus = typeof so.status === 'string' ? so.status : so.status?.id;
    if (rawStatus === undefined) throw new ErpError('upstream', `NetSuite order ${externalId} has no status.`);
    const lines = (so.item?.items ?? []).map((line, index) => {
      if (!line.item?.refName) throw new ErpError('upstream', `NetSuite order ${externalId} line ${index + 1} has no item name.`);
      return { sku: canonicalSku(line.item.refName), quantity: line.quantity ?? 0, quantityFulfilled: line.quantityFulfilled ?? 0 };
    });

    const byId = new Map<string, SalesOrderState['fulfilments'][number]>();
    let n = 0;
    for await (const row of this.client.suiteQl(Q.fulfilments(Number(so.id)))) {
      const ref = { source: 'suiteql:fulfillments', row: ++n };
      const fid = String(id(row, 'fulfillment', ref));
      let f = byId.get(fid);
      if (!f) {
        f = { erpFulfilmentId: fid, number: optionalText(row, 'tranid'), shipStatus: mapShipStatus(String(row['status'] ?? '')), trackingNumbers: [] };
        byId.set(fid, f);
      }
      const tracking = optionalText(row, 'trackingnumber');
      if (tracking !== null) f.trackingNumbers.push(tracking);
    }
    const fulfilments = [...byId.values()];
    return {
      externalId,
      erpOrderId: String(so.id),
      erpOrderNumber: so.tranId ?? null,
      status: mapOrderStatus(rawStatus),
      lines,
      fulfilments,
      trackingNumbers: [...new Set(fulfilments.flatMap((f) => f.trackingNumbers))],
    };
  }
}
