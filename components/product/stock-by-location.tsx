import type { LocationStock } from '@/lib/pricing/offer-types';

export function StockByLocation({ inStock, availableToSell, locations }: { inStock: boolean; availableToSell: number | null; locations: LocationStock[] }) {
  return (
    <div className="flex flex-col gap-2 text-sm" data-testid="stock">
      <p className={inStock ? 'font-medium text-emerald-800' : 'font-medium text-amber-800'} data-testid="stock-total">
        {inStock ? `${availableToSell ?? 'Available'} available` : 'Out of stock'}
      </p>
      {locations.length > 0 ? (
        <table className="w-full max-w-sm">
          <caption className="sr-only">Stock per warehouse</caption>
          <tbody>
            {locations.map((location) => (
              <tr key={location.code} className="border-b border-slate-100" data-testid="stock-location">
                <th scope="row" className="py-1 text-left font-normal text-slate-600">
                  {location.name}
                </th>
                <td className="py-1 text-right tabular-nums">{location.inStock ? location.availableToSell : 'None'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
