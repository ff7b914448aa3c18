import type { PriceLabels } from '@/lib/pricing/buyer-price';

/** The buyer's own quantity breaks for one item, with the unit price at each. */
export function VolumeBreakTable({ price }: { price: PriceLabels }) {
  if (price.volumeBreaks.length === 0) return null;
  return (
    <table className="w-full max-w-sm text-sm" data-testid="volume-breaks">
      <caption className="pb-1 text-left font-medium">Your volume pricing</caption>
      <thead>
        <tr className="border-b border-slate-200 text-left text-slate-500">
          <th scope="col" className="py-1 font-normal">
            Quantity
          </th>
          <th scope="col" className="py-1 text-right font-normal">
            Unit price
          </th>
        </tr>
      </thead>
      <tbody>
        {price.volumeBreaks.map((tier) => (
          <tr key={tier.minimumQuantity} className="border-b border-slate-100">
            <td className="py-1">{tier.quantityLabel}</td>
            <td className="py-1 text-right font-medium tabular-nums">{tier.unitPrice}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
