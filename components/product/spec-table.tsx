export function SpecTable({ specs }: { specs: { name: string; value: string }[] }) {
  if (specs.length === 0) return null;
  return (
    <section aria-labelledby="specs-heading" className="flex flex-col gap-2">
      <h2 id="specs-heading" className="text-lg font-semibold">
        Specifications
      </h2>
      <dl className="grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
        {specs.map((spec) => (
          <div key={spec.name} className="contents">
            <dt className="text-slate-500">{spec.name}</dt>
            <dd>{spec.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
