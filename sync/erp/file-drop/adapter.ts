/**
 * The file-drop ERP: for merchants whose ERP can only export and import files. Prices, inventory and customer
 * credit arrive as CSV or JSON Lines files in a directory; web orders leave as JSON files. Layout and columns are
 * in README.md.
 *
 * Bad input never half-applies: every read validates all of its files first (pass 1, streaming), writes rejected
 * rows with line, field and reason to `quarantine/`, and then either refuses the whole read with an ErpError
 * listing the problems (default, `onBadRows: 'reject-read'`) or — when the merchant opted in with
 * `onBadRows: 'quarantine'` — streams only the valid rows (pass 2) and reports the rejects to `onRejected`.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { link, mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type {
  ContractPricingRead, CustomerCredit, CustomerItemPrice, CustomerPricing, ErpAdapter, ErpRead, InventoryLevel,
  ItemContractPrices, LevelPrice, PostedOrder, PriceLevel, ReadOptions, SalesOrderInput, SalesOrderState, Watermark,
} from '../erp';
import { orderExternalId } from '../erp';
import { ErpError, formatIssue, type ErpIssue } from '../errors';
import { canonicalSku } from '../sku';
import { formatMinor } from '../money';
import {
  mapCustomerPriceRow, mapCustomerRow, mapInventoryRow, mapPriceRow, type Known, type Mapped,
} from './mapping';
import { MalformedRecord, readRecords, type SourceRecord } from './records';

export interface FileDropOptions {
  root: string;
  onBadRows?: 'reject-read' | 'quarantine';
  onRejected?: (issues: ErpIssue[]) => void;
}

type Feed = 'prices' | 'customers' | 'customer-prices' | 'inventory';
type Mapper<T> = (record: SourceRecord, known: Known) => Mapped<T>;

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
    this.policy = options.onBadRows ?? 'reject-read';
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

  private async column(file: string | null, field: string): Promise<Set<string> | null> {
    if (file === null) return null;
    const values = new Set<string>();
    for await (const r of readRecords(file)) {
      if (r instanceof MalformedRecord) throw new ErpError('validation', `${r.file} line ${r.line}: ${r.message}`, { issues: [{ source: r.file, line: r.line, message: r.message }] });
      const value = (r.fields[field] ?? '').trim();
      if (value !== '') values.add(field === 'sku' ? canonicalSku(value) : value);
    }
    return values;
  }

  private async known(): Promise<Known> {
    return {
      skus: await this.column(this.snapshotFile('items'), 'sku'),
      priceLevels: await this.column(this.snapshotFile('price-levels'), 'id'),
      locations: await this.column(this.snapshotFile('locations'), 'code'),
    };
  }

  // ---------- validate, quarantine, stream ----------

  /**
   * Pass 1 over every file of a read. `groupKey` enforces that rows of one group (a SKU's matrix, a customer's
   * prices) are contiguous in a file, so pass 2 can stream groups without holding the file in memory.
   */
  private async validate<T>(files: string[], mapper: Mapper<T>, known: Known, groupKey?: (row: T) => string): Promise<Set<string>> {
    const issues: ErpIssue[] = [];
    const rejected = new Map<string, { raw: string; issues: ErpIssue[] }>();
    for (const file of files) {
      const closed = new Map<string, number>();
      let current: string | null = null;
      for await (const record of readRecords(file)) {
        const found: ErpIssue[] = [];
        if (record instanceof MalformedRecord) found.push({ source: record.file, line: record.line, message: record.message });
        else {
          const mapped = mapper(record, known);
          if (!mapped.ok) found.push(...mapped.issues);
          else if (groupKey) {
            const key = groupKey(mapped.value);
            if (key !== current) {
              if (closed.has(key)) {
                found.push({ source: file, line: record.line, message: `rows for ${key} must be together; they also appear from line ${closed.get(key)}` });
              } else closed.set(key, record.line);
              current = key;
            }
          }
        }
        if (found.length > 0) {
          issues.push(...found);
          rejected.set(`${file}:${record.line}`, { raw: record.raw, issues: found });
        }
      }
    }
    if (issues.length === 0) return new Set();
    await this.quarantine(rejected);
    if (this.policy === 'reject-read') {
      const shown = issues.slice(0, 20).map(formatIssue).join('\n');
      throw new ErpError('validation', `File drop rejected: ${issues.length} problem(s); nothing was read. Fix the files and drop them again (rejected rows are in quarantine/):\n${shown}`, { issues });
    }
    this.options.onRejected?.(issues);
    return new Set(rejected.keys());
  }

  private async quarantine(rejected: Map<string, { raw: string; issues: ErpIssue[] }>): Promise<void> {
    const dir = join(this.options.root, 'quarantine');
    await mkdir(dir, { recursive: true });
    const byFile = new Map<string, string[]>();
    for (const [key, { raw, issues }] of rejected) {
      const file = key.slice(0, key.lastIndexOf(':'));
      const q = (s: string): string => `"${s.replace(/"/g, '""')}"`;
      for (const issue of issues) {
        const lines = byFile.get(file) ?? [];
        lines.push([issue.line ?? '', q(issue.field ?? ''), q(issue.message), q(raw)].join(','));
        byFile.set(file, lines);
      }
    }
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    for (const [file, lines] of byFile) {
      await writeFile(join(dir, `${basename(file)}.${stamp}.rejected.csv`), `line,field,reason,row\n${lines.join('\n')}\n`);
    }
  }

  private async *rows<T>(files: string[], mapper: Mapper<T>, known: Known, skip: Set<string>): AsyncGenerator<T> {
    for (const file of files) {
      for await (const record of readRecords(file)) {
        if (record instanceof MalformedRecord || skip.has(`${file}:${record.line}`)) continue;
        const mapped = mapper(record, known);
        if (mapped.ok) yield mapped.value;
      }
    }
  }

  private async prepare<T>(files: string[], mapper: Mapper<T>, known: Known, groupKey?: (row: T) => string): Promise<AsyncGenerator<T>> {
    const skip = await this.validate(files, mapper, known, groupKey);
    return this.rows(files, mapper, known, skip);
  }

  // ---------- ERP interface ----------

  async readContractPricing(options: ReadOptions = {}): Promise<ContractPricingRead> {
    const { watermark, files } = await this.plan(['prices', 'customers', 'customer-prices'], options.since);
    const known = await this.known();
    // Validate every feed of the read before any of them yields: a bad customer-prices row refuses the prices too.
    const prices = await this.prepare(files.get('prices') ?? [], mapPriceRow, known, (r) => r.sku);
    const customers = await this.prepare(files.get('customers') ?? [], mapCustomerRow, known);
    const customerPrices = await this.prepare(files.get('customer-prices') ?? [], mapCustomerPriceRow, known);
    const levelsFile = this.snapshotFile('price-levels');

    return {
      watermark,
      priceLevels: (async function* (): AsyncGenerator<PriceLevel> {
        if (levelsFile === null) return;
        for await (const r of readRecords(levelsFile)) {
          if (r instanceof MalformedRecord) continue; // already refused by known()
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
        for await (const row of prices) {
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
        const byCustomer = new Map<string, CustomerItemPrice[]>();
        for await (const p of customerPrices) {
          const list = byCustomer.get(p.customerNumber) ?? [];
          list.push({ sku: p.sku, currency: p.currency, kind: 'fixed', unitPrice: p.unitPrice });
          byCustomer.set(p.customerNumber, list);
        }
        for await (const c of customers) {
          yield { customerNumber: c.credit.customerNumber, priceLevelId: c.priceLevelId, itemPrices: byCustomer.get(c.credit.customerNumber) ?? [] };
          byCustomer.delete(c.credit.customerNumber);
        }
        if (byCustomer.size > 0) {
          throw new ErpError('validation', `customer-prices names customer(s) ${[...byCustomer.keys()].slice(0, 10).join(', ')} with no customers row in the same drop; add their customers rows.`);
        }
      })(),
    };
  }

  async readInventory(options: ReadOptions = {}): Promise<ErpRead<InventoryLevel>> {
    const { watermark, files } = await this.plan(['inventory'], options.since);
    const rows = await this.prepare(files.get('inventory') ?? [], mapInventoryRow, await this.known());
    return { watermark, rows };
  }

  async readCredit(options: ReadOptions = {}): Promise<ErpRead<CustomerCredit>> {
    const { watermark, files } = await this.plan(['customers'], options.since);
    const rows = await this.prepare(files.get('customers') ?? [], mapCustomerRow, await this.known());
    return { watermark, rows: (async function* () { for await (const c of rows) yield c.credit; })() };
  }

  async getCredit(customerNumber: string): Promise<CustomerCredit | null> {
    const read = await this.readCredit();
    let found: CustomerCredit | null = null;
    for await (const c of read.rows) if (c.customerNumber === customerNumber.trim()) found = c;
    return found;
  }

  /**
   * Writes `orders/outbox/{externalId}.json` exactly once: the body goes to a temp file, then `link()` publishes it
   * under the final name, which fails if the order was already written — atomic and idempotent even across
   * processes sharing the directory, and the ERP never sees a half-written file.
   */
  async postSalesOrder(order: SalesOrderInput): Promise<PostedOrder> {
    const externalId = orderExternalId(order.storeHash, order.orderId);
    const known = await this.known();
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
