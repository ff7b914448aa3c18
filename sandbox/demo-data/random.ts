/**
 * Seeded randomness for the demo dataset. Everything random in the generator flows through here so that the same
 * seed always produces the same store: no Math.random, no clocks.
 *
 * mulberry32 is tiny, fast (100k products need millions of draws) and good enough for plausible-looking data; it is
 * not for anything security-related.
 */

/** One independent stream of pseudo-random numbers. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    // mulberry32 (Tommy Ettinger): 32-bit state, full period 2^32.
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`int(${min}, ${max}): need integers with min <= max`);
    }
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick() from an empty array');
    return item;
  }

  /** One element, chosen with probability proportional to its weight (weights > 0). */
  pickWeighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let roll = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      roll -= weights[i] ?? 0;
      if (roll < 0) return items[i] as T;
    }
    // Float rounding can leave roll at ~0 after the loop; the last item is then the right answer.
    const last = items[items.length - 1];
    if (last === undefined) throw new RangeError('pickWeighted() from an empty array');
    return last;
  }

  /** A shuffled copy (Fisher–Yates); the input is left untouched. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const a = out[i] as T;
      out[i] = out[j] as T;
      out[j] = a;
    }
    return out;
  }

  /** k distinct elements in random order (k is clamped to the array length). */
  sample<T>(items: readonly T[], k: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, Math.min(k, items.length)));
  }
}

/**
 * Derive the seed of a named sub-stream. Each part of the dataset (catalog, stock, companies, …) draws from its own
 * stream, so e.g. changing the product count does not reshuffle companies and demo logins.
 */
export function deriveSeed(seed: number, label: string): number {
  // FNV-1a over the label, then mixed with both 32-bit halves of the seed (seeds may exceed 32 bits).
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 4294967296) >>> 0;
  h ^= lo;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h ^= hi;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A sub-stream for one part of the dataset. */
export function streamFor(seed: number, label: string): Rng {
  return new Rng(deriveSeed(seed, label));
}
