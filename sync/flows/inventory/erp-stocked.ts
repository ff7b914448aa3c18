import type { SyncContext } from '../../context';

/** Members per SADD / per SISMEMBER pipeline. */
const CHUNK = 1_000;

/**
 * Which stock is the ERP's: every SKU (normalised) the ERP has listed stock for, in any run. A full run zeroes such
 * a SKU wherever the ERP no longer lists it, including one the ERP dropped everywhere (discontinued: its rows are
 * gone, so this run alone cannot tell it from a product only BigCommerce sells). Keyed by SKU, not variant: a
 * BigCommerce variant renamed away from the ERP's SKU is no longer the ERP's (that slip is dead-lettered instead).
 */
export class ErpStockedSkus {
  constructor(private readonly ctx: SyncContext) {}

  private get key(): string {
    return this.ctx.keys.inventoryErpSkus;
  }

  async add(skus: Iterable<string>): Promise<void> {
    const all = [...skus];
    for (let start = 0; start < all.length; start += CHUNK) await this.ctx.redis.sadd(this.key, ...all.slice(start, start + CHUNK));
  }

  /** The ones among `skus` the ERP has listed before. */
  async filter(skus: readonly string[]): Promise<Set<string>> {
    const owned = new Set<string>();
    for (let start = 0; start < skus.length; start += CHUNK) {
      const chunk = skus.slice(start, start + CHUNK);
      // SISMEMBER in a pipeline, not SMISMEMBER: that needs Redis 6.2 and the project supports 6.
      const pipeline = this.ctx.redis.pipeline();
      for (const sku of chunk) pipeline.sismember(this.key, sku);
      const answers = (await pipeline.exec()) ?? [];
      answers.forEach(([error, member], index) => {
        if (error) throw error;
        const sku = chunk[index];
        if (member === 1 && sku !== undefined) owned.add(sku);
      });
    }
    return owned;
  }
}
