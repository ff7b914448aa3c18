import Link from 'next/link';

export interface CategoryLink {
  entityId: number;
  name: string;
  path: string;
  productCount: number;
}

export function CategoryList({ categories }: { categories: CategoryLink[] }) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {categories.map((category) => (
        <li key={category.entityId}>
          <Link href={category.path} className="block rounded-lg bg-brand-50 p-4 text-sm font-medium text-brand-700 hover:bg-slate-100">
            {category.name}
            <span className="block text-xs font-normal text-slate-500">{category.productCount} products</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
