import Link from 'next/link';
import type { ReactNode } from 'react';

export interface ProductCardProps {
  name: string;
  sku: string;
  path: string;
  brandName: string | null;
  imageUrl: string | null;
  imageAlt: string;
  /** The per-buyer price slot; streamed separately so the card itself never waits on prices. */
  price: ReactNode;
}

export function ProductCard({ name, sku, path, brandName, imageUrl, imageAlt, price }: ProductCardProps) {
  return (
    <li className="flex flex-col rounded-lg border border-slate-200 p-3" data-testid="product-card" data-sku={sku}>
      <Link href={path} className="flex flex-1 flex-col gap-2">
        {imageUrl ? (
          // Sandbox images are local SVGs; next/image would add nothing for them.
          // eslint-disable-next-line @next/next/no-img-element
          <img src={imageUrl} alt={imageAlt} className="aspect-square w-full rounded bg-slate-50 object-contain" loading="lazy" />
        ) : null}
        {brandName ? <span className="text-xs uppercase tracking-wide text-slate-500">{brandName}</span> : null}
        <span className="text-sm font-medium text-slate-900">{name}</span>
        <span className="text-xs text-slate-500">SKU {sku}</span>
      </Link>
      <div className="mt-2 min-h-10">{price}</div>
    </li>
  );
}
