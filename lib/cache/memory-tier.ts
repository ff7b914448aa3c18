/**
 * The in-process tier: a least-recently-used map with per-entry lifetimes and a tag index, so an invalidation
 * drops exactly the entries that carry one of its tags. Bounded by entry count and, for HTML pages, by size.
 * Times are this process's clock (ms).
 */
export interface MemoryItem<T = unknown> {
  value: T;
  /** Served as fresh until then. */
  freshUntil: number;
  /** Served (as stale) until then; dropped after. */
  expiresAt: number;
  tags: readonly string[];
  /** Bytes counted against `maxBytes` (0 when only the entry count is bounded). */
  size: number;
}

export interface MemoryLimits {
  maxEntries: number;
  maxBytes?: number;
}

export class MemoryTier {
  /** Map iteration order is insertion order: re-inserting on use keeps the least recently used first. */
  private readonly items = new Map<string, MemoryItem>();
  private readonly byTag = new Map<string, Set<string>>();
  private bytes = 0;

  constructor(private readonly limits: MemoryLimits) {}

  get size(): number {
    return this.items.size;
  }

  get<T>(key: string, now: number): MemoryItem<T> | undefined {
    const item = this.items.get(key);
    if (!item) return undefined;
    if (item.expiresAt <= now) {
      this.delete(key);
      return undefined;
    }
    this.items.delete(key);
    this.items.set(key, item);
    return item as MemoryItem<T>;
  }

  set<T>(key: string, item: MemoryItem<T>): void {
    this.delete(key);
    this.items.set(key, item);
    this.bytes += item.size;
    for (const tag of item.tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    for (const oldest of this.items.keys()) {
      if (this.items.size <= this.limits.maxEntries && (this.limits.maxBytes === undefined || this.bytes <= this.limits.maxBytes)) break;
      this.delete(oldest);
    }
  }

  /** Drops every entry carrying one of `tags`; returns how many. */
  dropTags(tags: readonly string[]): number {
    let dropped = 0;
    for (const tag of tags) {
      for (const key of this.byTag.get(tag) ?? []) if (this.delete(key)) dropped++;
    }
    return dropped;
  }

  clear(): void {
    this.items.clear();
    this.byTag.clear();
    this.bytes = 0;
  }

  private delete(key: string): boolean {
    const item = this.items.get(key);
    if (!item) return false;
    this.items.delete(key);
    this.bytes -= item.size;
    for (const tag of item.tags) {
      const keys = this.byTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.byTag.delete(tag);
    }
    return true;
  }
}
