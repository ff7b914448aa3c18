/**
 * The file-drop ERP: for merchants whose ERP can only export and import files. Prices, inventory and customer
 * credit arrive as CSV or JSON Lines files in a directory; web orders leave as JSON files. Layout and columns are
 * in README.md.
 *
 * A bad row never aborts the good ones and is never skipped silently: every read validates all of its files first
 * (pass 1, streaming), writes rejected rows with line, field and reason to `quarantine/`, reports them (the read's
 * `rejected`, and `onRejected`), and then streams only the valid rows (pass 2). What must be atomic stays atomic:
 * one bad tier row rejects that SKU's whole price matrix, one bad customer price rejects that customer's pricing.
 * A file whose header lacks required columns stops the read (every row would be misread). Merchants who prefer
 * all-or-nothing can set `onBadRows: 'reject-read'`: then any reject refuses the whole read.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { link, mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type {
  ContractPricingRead, CustomerCredit, CustomerItemPrice, CustomerPricing, ErpAdapter, ErpRead, InventoryLevel,
  ItemContractPrices, LevelPrice, OpenInvoice, PostedOrder, PriceLevel, ReadOptions, SalesOrderInput, SalesOrderState, SalesRep,
  SalesRepRead, Watermark,
} from '../erp';
import { orderExternalId } from '../erp';
import { ErpError, formatIssue, type ErpIssue } from '../errors';
import { canonicalSku } from '../sku';
import { formatMinor } from '../money';
import {
  mapCustomerPriceRow, mapCustomerRow, mapInventoryRow, mapPriceRow,
  type CustomerPriceRow, type CustomerRow, type Known, type Mapped, type PriceRow,
} from './mapping';
import { MalformedRecord, readRecords, type ExpectedColumns, type SourceRecord } from './records';
import { mapSalesRepRow, SALES_REP_COLUMNS } from './sales-reps';

export interface FileDropOptions {
  root: string;
  /** Default `quarantine`: report bad rows, stream the good ones. `reject-read`: any bad row refuses the read. */
  onBadRows?: 'reject-read' | 'quarantine';
  onRejected?: (issues: ErpIssue[]) => void;
}

type Feed = 'prices' | 'customers' | 'customer-prices' | 'inventory';

/** How one feed is read: its header, its row mapper, and (optionally) the all-or-nothing group a row belongs to. */
interface FeedSpec<T> {
  columns: ExpectedColumns;
  map: (record: SourceRecord, known: Known) => Mapped<T>;
  /** The group a row belongs to, from its raw fields (so a row too broken to map still finds its group). */
  group?: (fields: Record<string, string>) => string | null;
  groupField?: string;
  groupName?: string;
  contiguous?: boolean;
  /** The row's business key from its raw fields, carried on its issues (ErpIssue.key). */
  key?: (fields: Record<string, string>) => string | null;
}

interface Validated { skip: Set<string>; badGroups: Set<string> }

const skuGroup = (fields: Record<string, string>): string | null => {
  const sku = canonicalSku(fields['sku'] ?? '');
  return sku === '' ? null : sku;
};

const PRICES: FeedSpec<PriceRow> = {
  columns: { required: ['price_level', 'sku', 'currency', 'min_quantity', 'unit_price'] },
  map: mapPriceRow,
  group: skuGroup, groupField: 'sku', groupName: "the price matrix of SKU", contiguous: true,
};
const CUSTOMERS: FeedSpec<CustomerRow> = {
  columns: {
    required: ['customer_number', 'currency', 'balance'],
    optional: ['price_level', 'credit_limit', 'unbilled_orders', 'overdue_balance', 'credit_hold_override', 'terms_days'],
  },
  map: mapCustomerRow,
  key: (fields) => (fields['customer_number'] ?? '').trim() || null,
};
const CUSTOMER_PRICES: FeedSpec<CustomerPriceRow> = {
  columns: { required: ['customer_number', 'sku', 'currency', 'unit_price'] },
  map: mapCustomerPriceRow,
  group: (fields) => (fields['customer_number'] ?? '').trim() || null,
  groupField: 'customer_number', groupName: 'the customer-specific prices of customer',
};
const INVENTORY: FeedSpec<InventoryLevel> = {
  columns: { required: ['sku', 'location', 'on_hand'], optional: ['committed', 'backordered', 'available'] },
  map: mapInventoryRow,
};

/** The rejected rows of one read, across its files, for the report and quarantine/. */
class Rejections {
  readonly issues: ErpIssue[] = [];
  private readonly rows = new Map<string, { file: string; raw: string; issues: ErpIssue[] }>();

  add(file: string, line: number, raw: string, issues: ErpIssue[]): void {
    this.issues.push(...issues);
    const key = `${file}:${line}`;
    const entry = this.rows.get(key) ?? { file, raw, issues: [] };
    entry.issues.push(...issues);
    this.rows.set(key, entry);
  }

  /** `quarantine/<file>.<time>.rejected.csv`: line, field, reason, original row — one line per issue. */
  async quarantine(dir: string): Promise<void> {
    await mkdir(dir, { recursive: true });
    const q = (s: string): string => `"${s.replace(/"/g, '""')}"`;
    const byFile = new Map<string, string[]>();
    for (const { file, raw, issues } of this.rows.values()) {
      const lines = byFile.get(file) ?? [];
      for (const issue of issues) lines.push([issue.line ?? '', q(issue.field ?? ''), q(issue.message), q(raw)].join(','));
      byFile.set(file, lines);
    }
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    for (const [file, lines] of byFile) {
      await writeFile(join(dir, `${basename(file)}.${stamp}.rejected.csv`), `line,field,reason,row\n${lines.join('\n')}\n`);
    }
  }
}

const EXTENSIONS = ['.csv', '.jsonl', '.ndjson'];
const WATERMARK = /^fd:(.*)$/;

const statusFileSchema = z.object({
  erpOrderId: z.string(),
  erpOrderNumber: z.string().nullable().default(null),
  status: z.enum(['pending_approval', 'pending_fulfillment', 'partially_fulfilled', 'pending_billing_partially_fulfilled', 'pending_billing', 'billed', 'cancelled', 'closed']),
  lines: z.array(z.object({ sku: z.string(), quantity: z.number(), quantityFulfilled: z.number() })).default([]),
  fulfilments: z.array(z.object({
    erpFulfilmentId: z.string(),
    number: z.string().nullable().default(null),
    shipStatus: z.enum(['picked', 'packed', 'shipped']),
    trackingNumbers: z.array(z.string()).default([]),
  })).default([]),
});

export class FileDropErpAdapter implements ErpAdapter {
  readonly kind = 'file-drop';
  private readonly policy: 'reject-read' | 'quarantine';

  constructor(private readonly options: FileDropOptions) {
    this.policy = options.onBadRows ?? 'quarantine';
  }

  // ---------- files and watermarks ----------

  private snapshotFile(feed: string): string | null {
    for (const ext of EXTENSIONS) {
      const file = join(this.options.root, `${feed}${ext}`);
      if (existsSync(file)) return file;
    }
    return null;
  }

  /** Delta files: `deltas/<feed>/<name>` where names sort chronologically (e.g. 20250314T0900Z.csv). */
  private async deltaFiles(feed: Feed): Promise<string[]> {
    const dir = join(this.options.root, 'deltas', feed);
    if (!existsSync(dir)) return [];
    return (await readdir(dir)).filter((n) => EXTENSIONS.some((e) => n.endsWith(e))).sort();
  }

  /** The files of one read and the watermark covering them (the newest delta file name seen at read start). */
  private async plan(feeds: Feed[], since: Watermark | undefined): Promise<{ watermark: Watermark; files: Map<Feed, string[]> }> {
    let after: string | null = null;
    if (since !== undefined) {
      const m = WATERMARK.exec(since);
      if (!m) throw new ErpError('validation', `"${since}" is not a file-drop watermark (expected fd:<delta file name>).`);
      after = m[1] ?? '';
    }
    let newest = after ?? '';
    const files = new Map<Feed, string[]>();
    for (const feed of feeds) {
      const deltas = await this.deltaFiles(feed);
      for (const name of deltas) if (name > newest) newest = name;
      if (after === null) {
        const snapshot = this.snapshotFile(feed);
        files.set(feed, snapshot ? [snapshot] : []);
      } else {
        files.set(feed, deltas.filter((n) => n > (after ?? '')).map((n) => join(this.options.root, 'deltas', feed, n)));
      }
    }
    // The listing above is the read's upper bound: files dropped while the read runs belong to the next one.
    return { watermark: `fd:${newest}` as Watermark, files };
  }

  // ---------- reference data ----------

  private async column(file: string | null, field: string, report: Rejections): Promise<Set<string> | null> {
    if (file === null) return null;
    const values = new Set<string>();
    for await (const r of readRecords(file, { required: [field] })) {
      // A malformed reference row is reported like any other; rows naming its key then fail as unknown.
      if (r instanceof MalformedRecord) {
        report.add(r.file, r.line, r.raw, [{ source: r.file, line: r.line, message: r.message }]);
        continue;
      }
      const value = (r.fields[field] ?? '').trim();
      if (value !== '') values.add(field === 'sku' ? canonicalSku(value) : value);
    }
    return values;
  }

  private async known(report: Rejections): Promise<Known> {
    return {
      skus: await this.column(this.snapshotFile('items'), 'sku', report),
      priceLevels: await this.column(this.snapshotFile('price-levels'), 'id', report),
      locations: await this.column(this.snapshotFile('locations'), 'code', report),
    };
  }

  // ---------- validate, quarantine, stream ----------

  /**
   * Pass 1 over the files of one feed: every bad row is recorded in `report` (file, line, field, reason) and
   * skipped in pass 2. With `group`, rows form all-or-nothing units (a SKU's price matrix, a customer's prices):
   * one bad row rejects its whole group, and each sibling row is reported saying why. With `contiguous`, a
   * group's rows must also be together in a file, so pass 2 can stream groups without holding the file in memory.
   */
  private async validate<T>(files: string[], feed: FeedSpec<T>, known: Known, report: Rejections, extra?: (row: T) => string | null): Promise<Validated> {
    const skip = new Set<string>();
    const badGroups = new Map<string, string>();
    for (const file of files) {
      const closed = new Map<string, number>();
      let current: string | null = null;
      for await (const record of readRecords(file, feed.columns)) {
        const found: ErpIssue[] = [];
        const key = feed.group ? feed.group(record.fields) : null;
        if (record instanceof MalformedRecord) found.push({ source: record.file, line: record.line, message: record.message });
        else {
          const mapped = feed.map(record, known);
          if (!mapped.ok) found.push(...mapped.issues);
          else {
            const problem = extra?.(mapped.value);
            if (problem) found.push({ source: file, line: record.line, field: feed.groupField, message: problem });
          }
        }
        if (feed.contiguous && key !== null && key !== current) {
          const first = closed.get(key);
          if (first !== undefined) {
            found.push({ source: file, line: record.line, field: feed.groupField, message: `rows for ${key} must be together; they also appear from line ${first}` });
          } else closed.set(key, record.line);
          current = key;
        }
        if (found.length > 0) {
          const rowKey = feed.key?.(record.fields) ?? null;
          if (rowKey !== null) for (const issue of found) issue.key = rowKey;
          report.add(file, record.line, record.raw, found);
          skip.add(`${file}:${record.line}`);
          const groupId = key === null ? null : `${file}\u0000${key}`;
          if (groupId !== null && !badGroups.has(groupId)) {
            const first = found[0];
            badGroups.set(groupId, `line ${record.line}${first?.field ? ` ${first.field}` : ''}: ${first?.message ?? 'rejected'}`);
          }
        }
      }
    }
    // Sibling pass (only when a group failed): the rest of each failed group goes too, never half-applied.
    if (feed.group && badGroups.size > 0) {
      for (const file of files) {
        for await (const record of readRecords(file, feed.columns)) {
          const key = feed.group(record.fields);
          const why = key === null ? undefined : badGroups.get(`${file}\u0000${key}`);
          if (why === undefined || skip.has(`${file}:${record.line}`)) continue;
          report.add(file, record.line, record.raw, [{
            source: file, line: record.line, field: feed.groupField,
            message: `rejected with the rest of ${feed.groupName} ${key ?? ''} (not applied partly): ${why}`,
          }]);
          skip.add(`${file}:${record.line}`);
        }
      }
    }
    const groups = new Set<string>();
    for (const id of badGroups.keys()) groups.add(id.slice(id.indexOf('\u0000') + 1));
    return { skip, badGroups: groups };
  }

  private async *rows<T>(files: string[], feed: FeedSpec<T>, known: Known, skip: Set<string>): AsyncGenerator<T> {
    for (const file of files) {
      for await (const record of readRecords(file, feed.columns)) {
        if (record instanceof MalformedRecord || skip.has(`${file}:${record.line}`)) continue;
        const mapped = feed.map(record, known);
        if (mapped.ok) yield mapped.value;
      }
    }
  }

  /** After pass 1 of every feed of a read: quarantine the rejects, then refuse the read or report and go on. */
  private async settle(report: Rejections): Promise<ErpIssue[]> {
    if (report.issues.length === 0) return [];
    await report.quarantine(join(this.options.root, 'quarantine'));
    if (this.policy === 'reject-read') {
      const shown = report.issues.slice(0, 20).map(formatIssue).join('\n');
      throw new ErpError('validation', `File drop rejected: ${report.issues.length} problem(s); nothing was read. Fix the files and drop them again (rejected rows are in quarantine/):\n${shown}`, { issues: report.issues });
    }
    this.options.onRejected?.(report.issues);
    return report.issues;
  }

  // ---------- ERP interface ----------

  async readContractPricing(options: ReadOptions = {}): Promise<ContractPricingRead> {
    const { watermark, files } = await this.plan(['prices', 'customers', 'customer-prices'], options.since);
    const report = new Rejections();
    const known = await this.known(report);
    const priceFiles = files.get('prices') ?? [];
    const customerFiles = files.get('customers') ?? [];
    const customerPriceFiles = files.get('customer-prices') ?? [];
    const prices = await this.validate(priceFiles, PRICES, known, report);
    // A customer's pricing (level + fixed prices) is one unit: its customer-prices rows need its customers row in
    // the same drop, and when any of them is bad, neither its prices nor its customers row is applied.
    const customerRows = new Map<string, { file: string; line: number; raw: string }>();
    const customers = await this.validate(customerFiles, CUSTOMERS, known, report);
    for (const file of customerFiles) {
      for await (const record of readRecords(file, CUSTOMERS.columns)) {
        if (record instanceof MalformedRecord || customers.skip.has(`${file}:${record.line}`)) continue;
        customerRows.set((record.fields['customer_number'] ?? '').trim(), { file, line: record.line, raw: record.raw });
      }
    }
    const customerPrices = await this.validate(customerPriceFiles, CUSTOMER_PRICES, known, report, (row) =>
      customerRows.has(row.customerNumber) ? null : `customer ${row.customerNumber} has no valid customers row in the same drop`);
    for (const customerNumber of customerPrices.badGroups) {
      const row = customerRows.get(customerNumber);
      if (!row) continue;
      report.add(row.file, row.line, row.raw, [{
        source: row.file, line: row.line, field: 'customer_number',
        message: `pricing for ${customerNumber} not applied: some of its customer-prices rows were rejected`,
      }]);
      customers.skip.add(`${row.file}:${row.line}`);
    }
    const rejected = await this.settle(report);

    const priceRows = this.rows(priceFiles, PRICES, known, prices.skip);
    const customerRowsStream = this.rows(customerFiles, CUSTOMERS, known, customers.skip);
    const customerPriceRows = this.rows(customerPriceFiles, CUSTOMER_PRICES, known, customerPrices.skip);
    const levelsFile = this.snapshotFile('price-levels');

    return {
      watermark,
      rejected,
      priceLevels: (async function* (): AsyncGenerator<PriceLevel> {
        if (levelsFile === null) return;
        for await (const r of readRecords(levelsFile)) {
          if (r instanceof MalformedRecord) continue; // reported by known()
          const id = (r.fields['id'] ?? '').trim();
          if (id === '') continue;
          yield { id, name: (r.fields['name'] ?? id).trim(), isInactive: ['true', 't', '1', 'yes'].includes((r.fields['inactive'] ?? '').trim().toLowerCase()) };
        }
      })(),
      items: (async function* (): AsyncGenerator<ItemContractPrices> {
        let sku: string | null = null;
        let levels = new Map<string, LevelPrice>();
        // Files needn't list tiers in order; the interface promises ascending tiers.
        const flush = (): ItemContractPrices | null =>
          sku === null ? null : { sku, prices: [...levels.values()].map((l) => ({ ...l, tiers: l.tiers.sort((a, b) => a.minQuantity - b.minQuantity) })) };
        for await (const row of priceRows) {
          if (row.sku !== sku) {
            const done = flush();
            if (done) yield done;
            sku = row.sku;
            levels = new Map();
          }
          const key = `${row.priceLevelId}:${row.currency}`;
          const level = levels.get(key) ?? { priceLevelId: row.priceLevelId, currency: row.currency, tiers: [] };
          level.tiers.push({ minQuantity: row.minQuantity, unitPrice: row.unitPrice });
          levels.set(key, level);
        }
        const done = flush();
        if (done) yield done;
      })(),
      customers: (async function* (): AsyncGenerator<CustomerPricing> {
        // Customer-specific prices are few (thousands, not millions): held in memory to join to customers.
        // Pass 1 guaranteed each has its customers row, so every one is yielded.
        const byCustomer = new Map<string, CustomerItemPrice[]>();
        for await (const p of customerPriceRows) {
          const list = byCustomer.get(p.customerNumber) ?? [];
          list.push({ sku: p.sku, currency: p.currency, kind: 'fixed', unitPrice: p.unitPrice });
          byCustomer.set(p.customerNumber, list);
        }
        for await (const c of customerRowsStream) {
          yield { customerNumber: c.credit.customerNumber, priceLevelId: c.priceLevelId, itemPrices: byCustomer.get(c.credit.customerNumber) ?? [] };
        }
      })(),
    };
  }

  async readInventory(options: ReadOptions = {}): Promise<ErpRead<InventoryLevel>> {
    const { watermark, files } = await this.plan(['inventory'], options.since);
    const report = new Rejections();
    const known = await this.known(report);
    const inventory = files.get('inventory') ?? [];
    const { skip } = await this.validate(inventory, INVENTORY, known, report);
    const rejected = await this.settle(report);
    return { watermark, rejected, rows: this.rows(inventory, INVENTORY, known, skip) };
  }

  async readCredit(options: ReadOptions = {}): Promise<ErpRead<CustomerCredit>> {
    const { watermark, files } = await this.plan(['customers'], options.since);
    const report = new Rejections();
    const known = await this.known(report);
    const customers = files.get('customers') ?? [];
    const { skip } = await this.validate(customers, CUSTOMERS, known, report);
    const rejected = await this.settle(report);
    const rows = this.rows(customers, CUSTOMERS, known, skip);
    return { watermark, rejected, rows: (async function* () { for await (const c of rows) yield c.credit; })() };
  }

  async getCredit(customerNumber: string): Promise<CustomerCredit | null> {
    const read = await this.readCredit();
    let found: CustomerCredit | null = null;
    for await (const c of read.rows) if (c.customerNumber === customerNumber.trim()) found = c;
    return found;
  }

  /**
   * The file drop carries no invoices (its feeds are prices, customers with their credit figures, inventory and
   * reps; see README.md), so there is nothing open to list: the buyer still sees the balance in the credit summary.
   */
  async readOpenInvoices(): Promise<OpenInvoice[]> {
    return [];
  }

  /** `sales-reps.csv` (snapshot only: reps are few). No file: the merchant keeps no reps here, so there are none. */
  async readSalesReps(): Promise<SalesRepRead> {
    const file = this.snapshotFile('sales-reps');
    const files = file === null ? [] : [file];
    const feed: FeedSpec<SalesRep> = { columns: SALES_REP_COLUMNS, map: mapSalesRepRow };
    const report = new Rejections();
    const known: Known = { skus: null, priceLevels: null, locations: null };
    const { skip } = await this.validate(files, feed, known, report);
    const rejected = await this.settle(report);
    return { rejected, rows: this.rows(files, feed, known, skip) };
  }

  /**
   * Writes `orders/outbox/{externalId}.json` exactly once: the body goes to a temp file, then `link()` publishes it
   * under the final name, which fails if the order was already written — atomic and idempotent even across
   * processes sharing the directory, and the ERP never sees a half-written file.
   */
  async postSalesOrder(order: SalesOrderInput): Promise<PostedOrder> {
    const externalId = orderExternalId(order.storeHash, order.orderId);
    const known = await this.known(new Rejections());
    const unknown = order.lines.map((l) => canonicalSku(l.sku)).filter((sku) => known.skus !== null && !known.skus.has(sku));
    if (unknown.length > 0) {
      throw new ErpError('validation', `Order ${externalId}: SKU(s) ${unknown.join(', ')} are not in items.csv.`, {
        issues: unknown.map((sku) => ({ source: externalId, field: 'lines.sku', message: `unknown SKU ${sku}` })),
      });
    }
    const dir = join(this.options.root, 'orders', 'outbox');
    await mkdir(dir, { recursive: true });
    const target = join(dir, `${externalId}.json`);
    const payload = {
      externalId,
      ...order,
      // Amounts as exact decimal strings as well, for ERPs importing the file without knowing about minor units.
      lines: order.lines.map((l) => ({ ...l, sku: canonicalSku(l.sku), unitPriceDecimal: formatMinor(l.unitPrice) })),
      shippingCostDecimal: formatMinor(order.shippingCost),
    };
    const temp = join(dir, `.${externalId}.${randomBytes(6).toString('hex')}.tmp`);
    await writeFile(temp, `${JSON.stringify(payload, null, 2)}\n`);
    try {
      await link(temp, target);
      return { externalId, erpOrderId: externalId, created: true };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { externalId, erpOrderId: externalId, created: false };
      throw new ErpError('upstream', `Could not write order file ${target}: ${(error as Error).message}`, { cause: error });
    } finally {
      await unlink(temp).catch(() => undefined);
    }
  }

  /** Status comes from `orders/status/{externalId}.json`, dropped by the ERP; before that the order is pending. */
  async getSalesOrder(externalId: string): Promise<SalesOrderState | null> {
    const statusFile = join(this.options.root, 'orders', 'status', `${externalId}.json`);
    if (existsSync(statusFile)) {
      let parsed;
      try {
        parsed = statusFileSchema.parse(JSON.parse(await readFile(statusFile, 'utf8')));
      } catch (error) {
        throw new ErpError('validation', `${statusFile}: ${(error as Error).message}`, { issues: [{ source: statusFile, message: (error as Error).message }] });
      }
      return {
        externalId, ...parsed,
        lines: parsed.lines.map((l) => ({ ...l, sku: canonicalSku(l.sku) })),
        trackingNumbers: [...new Set(parsed.fulfilments.flatMap((f) => f.trackingNumbers))],
      };
    }
    const outbox = join(this.options.root, 'orders', 'outbox', `${externalId}.json`);
    if (!existsSync(outbox)) return null;
    const posted = JSON.parse(await readFile(outbox, 'utf8')) as { lines: { sku: string; quantity: number }[] };
    return {
      externalId, erpOrderId: externalId, erpOrderNumber: null, status: 'pending_approval',
      lines: posted.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, quantityFulfilled: 0 })),
      fulfilments: [], trackingNumbers: [],
    };
  }
}
