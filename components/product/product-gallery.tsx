/** Product images; the first is the default image. Sandbox images are local SVGs, so plain <img> is enough. */
export function ProductGallery({ images, name }: { images: { url: string; alt: string }[]; name: string }) {
  const [main, ...rest] = images;
  if (!main) return <div className="aspect-square w-full rounded bg-slate-100" aria-label={`No image of ${name}`} />;
  return (
    <div className="flex flex-col gap-3">
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={main.url} alt={main.alt} className="aspect-square w-full rounded border border-slate-200 bg-slate-50 object-contain" />
      {rest.length > 0 ? (
        <ul className="grid grid-cols-4 gap-2">
          {rest.map((image) => (
            <li key={image.url}>
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img src={image.url} alt={image.alt} className="aspect-square w-full rounded border border-slate-200 object-contain" loading="lazy" />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
