import type { ReactNode } from 'react';

export interface FilterOption {
  value: string;
  label: string;
}

/**
 * Sort and filter controls as a plain GET form: they work without JavaScript, and the URL is the state, so a
 * listing can be bookmarked or shared with a colleague.
 */
export function ListingFilters({
  action,
  sortOptions,
  sort,
  inStockOnly,
  hidden = {},
  children,
}: {
  action: string;
  sortOptions: readonly FilterOption[];
  sort: string;
  inStockOnly: boolean;
  /** Parameters the form keeps as they are (e.g. the search term). */
  hidden?: Record<string, string>;
  /** Extra filter fields (category, brand). */
  children?: ReactNode;
}) {
  return (
    <form action={action} className="flex flex-wrap items-end gap-4 rounded border border-slate-200 bg-slate-50 p-3 text-sm">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <label className="flex flex-col gap-1">
        Sort by
        <select name="sort" defaultValue={sort} className="rounded border border-slate-300 bg-white px-2 py-1.5">
          {sortOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-2 py-1.5">
        <input type="checkbox" name="inStock" value="1" defaultChecked={inStockOnly} />
        In stock only
      </label>
      <button type="submit" className="rounded bg-slate-800 px-3 py-1.5 text-white">
        Apply
      </button>
    </form>
  );
}

export function FilterSelect({ name, label, options, value }: { name: string; label: string; options: FilterOption[]; value: string }) {
  return (
    <label className="flex flex-col gap-1">
      {label}
      <select name={name} defaultValue={value} className="rounded border border-slate-300 bg-white px-2 py-1.5">
        <option value="">All</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
