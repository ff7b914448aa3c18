import { describe, expect, it } from 'vitest';
import { BRANDS, HOUSE_BRAND } from './brands';
import { Rng } from './random';
import { TAXONOMY, type CategoryNode, type FamilySpec } from './taxonomy';

// Data-entry checks on the assortment: a typo here would surface as odd SKUs or names deep inside the dataset.
const families: FamilySpec[] = [];
const walk = (node: CategoryNode): void => {
  node.children?.forEach(walk);
  families.push(...(node.families ?? []));
};
TAXONOMY.forEach(walk);

describe('taxonomy', () => {
  it('gives every root a department code that at least one brand besides the house brand sells in', () => {
    for (const root of TAXONOMY) {
      expect(root.code, root.name).toMatch(/^[A-Z]{3}$/);
      expect(BRANDS.some((b) => b.name !== HOUSE_BRAND && b.departments.includes(root.code ?? ''))).toBe(true);
    }
  });

  it('uses unique family codes and upper-case alphanumeric axis codes, unique within each axis', () => {
    expect(new Set(families.map((f) => f.code)).size).toBe(families.length);
    for (const f of families) {
      expect(f.code).toMatch(/^[A-Z]{3}$/);
      for (const axis of f.axes) {
        for (const v of axis.values) expect(v.code, `${f.code} ${axis.name} ${v.label}`).toMatch(/^[A-Z0-9]+$/);
        expect(new Set(axis.values.map((v) => v.code)).size, `${f.code} ${axis.name}`).toBe(axis.values.length);
        expect(new Set(axis.values.map((v) => v.label)).size, `${f.code} ${axis.name}`).toBe(axis.values.length);
      }
    }
  });

  it('references only real axes in name parts, and names every axis somewhere', () => {
    for (const f of families) {
      const referenced = f.parts.flatMap((part) => [...part.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]));
      expect(new Set(referenced), f.code).toEqual(new Set(f.axes.map((a) => a.name)));
    }
  });

  it('keeps each option axis alone in its own name part, so the name reads well without it', () => {
    for (const f of families) {
      for (const optionAxis of f.optionAxes) {
        expect(
          f.axes.map((a) => a.name),
          f.code,
        ).toContain(optionAxis);
        expect(f.parts, f.code).toContain(`{${optionAxis}}`);
      }
      expect(f.optionAxes.length).toBeLessThanOrEqual(2);
    }
  });

  it('has sane price and weight ranges', () => {
    for (const f of families) {
      expect(f.priceCents[0], f.code).toBeGreaterThanOrEqual(89);
      expect(f.priceCents[0], f.code).toBeLessThan(f.priceCents[1]);
      expect(f.weightGrams[0], f.code).toBeGreaterThan(0);
      expect(f.weightGrams[0], f.code).toBeLessThanOrEqual(f.weightGrams[1]);
    }
  });
});

describe('Rng', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
  });

  it('keeps int() inside its inclusive bounds and reaches both ends', () => {
    const rng = new Rng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2_000; i++) {
      const n = rng.int(3, 7);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(7);
      seen.add(n);
    }
    expect(seen).toEqual(new Set([3, 4, 5, 6, 7]));
  });

  it('shuffles without losing or duplicating elements', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = new Rng(5).shuffle(items);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((x, y) => x - y)).toEqual(items);
  });
});
