/**
 * The catalog: brands, the category tree and the products (with variants, images and specs), built from the
 * assortment in `taxonomy.ts`. Everything here is O(n) in the product count: uniqueness of SKUs and paths is kept
 * with hash sets and per-base counters, never by scanning earlier products.
 */
import { BRANDS, HOUSE_BRAND } from './brands';
import { bulkPricingRules, catalogPrices, variantPrices } from './catalog-pricing';
import type { Rng } from './random';
import { TAXONOMY, type AxisSpec, type CategoryNode, type FamilySpec } from './taxonomy';
import type { DemoBrand, DemoCategory, DemoImage, DemoProduct, DemoVariant } from './types';

export const FIRST_PRODUCT_ID = 100;
export const FIRST_VARIANT_ID = 1000;

/** Share of products sold with options (Size, Color, Length…). */
const OPTIONED_SHARE = 0.15;
/** Unused combinations tried before a product may repeat an existing item under a revision SKU. */
const MAX_COMBO_ATTEMPTS = 8;

type FixedAxis = { axis: AxisSpec; valueIndex: number };

export function buildBrands(): DemoBrand[] {
  return BRANDS.map((brand, index) => ({ id: index + 1, name: brand.name, slug: slugify(brand.name) }));
}

/** A leaf category together with what the product generator needs to know about it. */
interface Leaf {
  categoryId: number;
  department: string;
  family: FamilySpec;
  /** Other leaves of the same department, for the occasional second category. */
  siblings: number[];
}

export function buildCategories(): { categories: DemoCategory[]; leaves: Leaf[] } {
  const categories: DemoCategory[] = [];
  const leaves: Leaf[] = [];
  const leafIdsByDepartment = new Map<string, number[]>();

  const visit = (node: CategoryNode, parentId: number | null, sortOrder: number, department: string): void => {
    const id = categories.length + 1;
    categories.push({ id, parentId, name: node.name, slug: node.slug, description: node.description, sortOrder });
    node.children?.forEach((child, index) => visit(child, id, index, department));
    for (const family of node.families ?? []) {
      leaves.push({ categoryId: id, department, family, siblings: [] });
    }
    if (node.families !== undefined) {
      const ids = leafIdsByDepartment.get(department) ?? [];
      ids.push(id);
      leafIdsByDepartment.set(department, ids);
    }
  };
  TAXONOMY.forEach((root, index) => visit(root, null, index, root.code ?? 'GEN'));

  for (const leaf of leaves) {
    leaf.siblings = (leafIdsByDepartment.get(leaf.department) ?? []).filter((id) => id !== leaf.categoryId);
  }
  return { categories, leaves };
}

/**
 * Walks a family's attribute combinations in a scrambled but gap-free order (an affine permutation of the
 * combination index), so the first N products of a family are all different without remembering which were used.
 */
class ComboCursor {
  private k = 0;
  private readonly total: number;
  private readonly start: number;
  private readonly stride: number;

  constructor(
    private readonly axes: readonly AxisSpec[],
    rng: Rng,
  ) {
    this.total = comboCount(axes);
    this.start = rng.int(0, this.total - 1);
    let stride = Math.max(1, Math.floor(this.total * 0.618));
    while (gcd(stride, this.total) !== 1) stride++;
    this.stride = stride;
  }

  /** Value index per axis. */
  next(): number[] {
    let index = (this.start + this.k * this.stride) % this.total;
    this.k++;
    const picks: number[] = [];
    for (const axis of this.axes) {
      picks.push(index % axis.values.length);
      index = Math.floor(index / axis.values.length);
    }
    return picks;
  }
}

export function buildProducts(
  count: number,
  rng: Rng,
  leaves: readonly Leaf[],
  brands: readonly DemoBrand[],
): DemoProduct[] {
  const brandIdsByDepartment = indexBrands(brands);
  const houseBrandId = brands.find((b) => b.name === HOUSE_BRAND)?.id ?? 1;
  // Families with option axes are always sold with options (gloves come in sizes) and the rest never are, so an
  // item is never both a variant of one product and a product of its own.
  const optionLeaves = leaves.filter((leaf) => leaf.family.optionAxes.length > 0);
  const plainLeaves = leaves.filter((leaf) => leaf.family.optionAxes.length === 0);
  // A family's share of the catalog is proportional to how many distinct items it can make, so every family fills
  // its combinations at the same rate and none runs out (forcing repeats) long before the others.
  const weightOf = (leaf: Leaf): number => leaf.family.weight * comboCount(fixedAxesOf(leaf.family));
  const plainWeights = plainLeaves.map(weightOf);
  const optionWeights = optionLeaves.map(weightOf);
  const brandNames = new Map(brands.map((b) => [b.id, b.name]));
  const cursors = new Map<FamilySpec, ComboCursor>();
  const skus = new SkuRegistry();
  const usedPaths = new Set<string>();

  const products: DemoProduct[] = [];
  let nextVariantId = FIRST_VARIANT_ID;

  for (let i = 0; i < count; i++) {
    const id = FIRST_PRODUCT_ID + i;
    const optioned = optionLeaves.length > 0 && (plainLeaves.length === 0 || rng.chance(OPTIONED_SHARE));
    const leaf = optioned ? rng.pickWeighted(optionLeaves, optionWeights) : rng.pickWeighted(plainLeaves, plainWeights);
    const family = leaf.family;
    const department = leaf.department;
    const axes = fixedAxesOf(family);
    let cursor = cursors.get(family);
    if (cursor === undefined) {
      cursor = new ComboCursor(axes, rng);
      cursors.set(family, cursor);
    }

    // Which values of the option axes this product offers.
    const options = chooseOptions(rng, family);
    const optionAxisNames = new Set(family.optionAxes);
    // Variant combinations in option order (first option varies slowest, as the storefront lists them).
    const combos = options.reduce<{ optionName: string; label: string; code: string }[][]>(
      (acc, option) =>
        acc.flatMap((prefix) =>
          option.values.map((v) => [...prefix, { optionName: option.axis.name, label: v.label, code: v.code }]),
        ),
      [[]],
    );
    const variantSuffixes = options.length === 0 ? [] : combos.map((combo) => combo.map((c) => c.code).join('-'));

    const resolve = (picks: readonly number[]): { fixedAxes: FixedAxis[]; baseSku: string } => {
      const fixedAxes = axes.map((axis, index) => ({ axis, valueIndex: picks[index] ?? 0 }));
      const codes = fixedAxes.map(({ axis, valueIndex }) => axis.values[valueIndex]?.code ?? 'X');
      return { fixedAxes, baseSku: [department, family.code, ...codes].join('-') };
    };
    // A combination already sold is skipped in favour of the family's next one; only when a few tries fail (a family
    // running out of combinations at large catalog sizes) is a repeat accepted.
    let resolved = resolve(cursor.next());
    for (let attempt = 1; attempt < MAX_COMBO_ATTEMPTS && !skus.isFree(resolved.baseSku, variantSuffixes); attempt++) {
      resolved = resolve(cursor.next());
    }
    const { fixedAxes, baseSku } = resolved;
    const sku = skus.claim(baseSku, variantSuffixes);

    const brandId = rng.chance(0.15) ? houseBrandId : rng.pick(brandIdsByDepartment.get(department) ?? [houseBrandId]);
    // A repeat is the same item from another maker; naming the brand keeps search results distinguishable.
    const baseName = productName(family, fixedAxes, optionAxisNames);
    const name = sku === baseSku ? baseName : `${baseName}, ${brandNames.get(brandId) ?? HOUSE_BRAND}`;

    let sizeMultiplierBp = 10_000;
    for (const { axis, valueIndex } of fixedAxes) {
      // Bigger sizes cost up to +50 % per scaling axis over the family's base range.
      if (axis.scalesPrice && axis.values.length > 1)
        sizeMultiplierBp += Math.round((5_000 * valueIndex) / (axis.values.length - 1));
    }
    const prices = catalogPrices(rng, family.priceCents, sizeMultiplierBp);

    const perVariantPrice = options.length === 0 ? [null] : variantPrices(rng, prices.price, combos.length);
    // A product-level sale next to variants with their own prices is ambiguous (does the sale apply to a dearer
    // variant?), and emulators would have to guess; such products simply carry no sale.
    const salePrice = perVariantPrice.some((price) => price !== null) ? null : prices.salePrice;
    const variants: DemoVariant[] = (options.length === 0 ? [[]] : combos).map((combo, index) => {
      const variantId = nextVariantId++;
      return {
        id: variantId,
        sku: combo.length === 0 ? sku : `${sku}-${combo.map((c) => c.code).join('-')}`,
        optionValues: combo.map(({ optionName, label }) => ({ optionName, label })),
        price: perVariantPrice[index] ?? null,
        upc: upcFor(variantId),
      };
    });

    const categoryIds = [leaf.categoryId];
    if (leaf.siblings.length > 0 && rng.chance(0.08)) categoryIds.push(rng.pick(leaf.siblings));

    const specs = [
      ...fixedAxes.map(({ axis, valueIndex }) => ({ name: axis.name, value: axis.values[valueIndex]?.label ?? '' })),
      ...family.specs.map(([specName, value]) => ({ name: specName, value })),
    ].slice(0, 6);

    products.push({
      id,
      sku,
      name,
      path: uniquePath(usedPaths, name, sku, id),
      description: describe(family, specs),
      brandId,
      categoryIds,
      price: prices.price,
      salePrice,
      retailPrice: prices.retailPrice,
      cost: prices.cost,
      weightGrams: rng.int(family.weightGrams[0], family.weightGrams[1]),
      isFeatured: rng.chance(0.03),
      inventoryTracking: options.length === 0 ? 'product' : 'variant',
      images: images(id, name, rng.int(1, 3)),
      specs,
      options: options.map((o) => ({ name: o.axis.name, values: o.values.map((v) => v.label) })),
      variants,
      bulkPricingRules: bulkPricingRules(rng, prices.price),
      unitOfMeasure: family.unitOfMeasure,
    });
  }
  return products;
}

/**
 * Pick a contiguous run of each option axis's values (sizes M–XL, not M, 2XL, S), keeping 2–6 variants. Families
 * with two option axes (Size × Color) get 2–3 values of the first and as many of the second as fit in 6.
 */
function chooseOptions(rng: Rng, family: FamilySpec): { axis: AxisSpec; values: AxisSpec['values'] }[] {
  const axes = family.optionAxes
    .map((axisName) => family.axes.find((axis) => axis.name === axisName))
    .filter((axis): axis is AxisSpec => axis !== undefined);
  const [first, second] = axes;
  if (first === undefined) return [];
  if (second !== undefined) {
    const firstCount = rng.int(2, Math.min(3, first.values.length));
    const secondCount = rng.int(2, Math.min(Math.floor(6 / firstCount), second.values.length));
    return [
      { axis: first, values: window(rng, first.values, firstCount) },
      { axis: second, values: window(rng, second.values, secondCount) },
    ];
  }
  const count = rng.int(2, Math.min(6, first.values.length));
  return [{ axis: first, values: window(rng, first.values, count) }];
}

function window<T>(rng: Rng, values: readonly T[], count: number): T[] {
  const start = rng.int(0, values.length - count);
  return values.slice(start, start + count);
}

/** "Hex Cap Screw, Grade 8, 3/8-16 x 2 in, Zinc Yellow, Box of 50"; parts naming an option axis are left out. */
function productName(
  family: FamilySpec,
  fixedAxes: readonly FixedAxis[],
  optionAxisNames: ReadonlySet<string>,
): string {
  const labels = new Map(fixedAxes.map(({ axis, valueIndex }) => [axis.name, axis.values[valueIndex]?.label ?? '']));
  const parts: string[] = [];
  for (const part of family.parts) {
    const referenced = [...part.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');
    if (referenced.some((axisName) => optionAxisNames.has(axisName))) continue;
    parts.push(part.replace(/\{([^}]+)\}/g, (_, axisName: string) => labels.get(axisName) ?? ''));
  }
  if (family.pack !== null) parts.push(family.pack);
  return [family.noun, ...parts].join(', ');
}

/**
 * Hands out SKUs that are unique across products and variants. A repeated attribute combination (large catalogs
 * exhaust a family's combinations) gets a revision suffix ("-R2"), checked against every SKU already issued,
 * including variant SKUs that happen to spell the same string.
 */
class SkuRegistry {
  private readonly used = new Set<string>();
  private readonly nextRevision = new Map<string, number>();

  /** Whether a product SKU and all its variant SKUs are still unissued. */
  isFree(candidate: string, variantSuffixes: readonly string[]): boolean {
    return !this.used.has(candidate) && variantSuffixes.every((suffix) => !this.used.has(`${candidate}-${suffix}`));
  }

  claim(base: string, variantSuffixes: readonly string[]): string {
    let sku = base;
    if (!this.isFree(sku, variantSuffixes)) {
      let revision = this.nextRevision.get(base) ?? 2;
      while (!this.isFree(`${base}-R${revision}`, variantSuffixes)) revision++;
      sku = `${base}-R${revision}`;
      this.nextRevision.set(base, revision + 1);
    }
    this.used.add(sku);
    for (const suffix of variantSuffixes) this.used.add(`${sku}-${suffix}`);
    return sku;
  }
}

function uniquePath(used: Set<string>, name: string, sku: string, id: number): string {
  const candidates = [
    `/${slugify(name)}/`,
    `/${slugify(name)}-${slugify(sku)}/`,
    `/${slugify(name)}-${slugify(sku)}-${id}/`,
  ];
  for (const candidate of candidates) {
    if (!used.has(candidate)) {
      used.add(candidate);
      return candidate;
    }
  }
  // Unreachable in practice (the id makes the last candidate unique); fail loudly rather than emit a duplicate.
  throw new Error(`no unique path for product ${id}`);
}

/** Lower-case, ASCII, hyphen-separated; "3/8-16 x 2 in" → "3-8-16-x-2-in". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/°/g, '-deg')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function describe(family: FamilySpec, specs: readonly { name: string; value: string }[]): string {
  const items = specs.map((s) => `<li><strong>${escapeHtml(s.name)}:</strong> ${escapeHtml(s.value)}</li>`).join('');
  return `<p>${escapeHtml(family.blurb)}</p><ul>${items}</ul>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function images(productId: number, name: string, count: number): DemoImage[] {
  const out: DemoImage[] = [];
  for (let n = 1; n <= count; n++) {
    out.push({
      url: `/images/products/${productId}-${n}.svg`,
      alt: n === 1 ? name : `${name} (view ${n})`,
      isThumbnail: n === 1,
    });
  }
  return out;
}

/** A 12-digit UPC-A from a private-range prefix and the variant id; unique because variant ids are. */
export function upcFor(variantId: number): string {
  const body = `72${String(variantId).padStart(9, '0')}`;
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[i]) * (i % 2 === 0 ? 3 : 1);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

function indexBrands(brands: readonly DemoBrand[]): Map<string, number[]> {
  const byName = new Map(brands.map((b) => [b.name, b.id]));
  const out = new Map<string, number[]>();
  for (const spec of BRANDS) {
    if (spec.name === HOUSE_BRAND) continue;
    const brandId = byName.get(spec.name);
    if (brandId === undefined) continue;
    for (const department of spec.departments) {
      const ids = out.get(department) ?? [];
      ids.push(brandId);
      out.set(department, ids);
    }
  }
  return out;
}

function comboCount(axes: readonly AxisSpec[]): number {
  return axes.reduce((n, axis) => n * axis.values.length, 1);
}

/** The axes that distinguish products of a family (its option axes distinguish variants instead). */
function fixedAxesOf(family: FamilySpec): AxisSpec[] {
  return family.axes.filter((axis) => !family.optionAxes.includes(axis.name));
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
