/**
 * Locally served placeholder product images (`/images/products/{productId}-{n}.svg`), so the storefront shows
 * pictures with no network. The colour is derived from the product id: stable across runs, varied across the grid.
 */
export function renderPlaceholderSvg(name: string, productId: number, index: number): string {
  const hue = (productId * 47 + index * 97) % 360;
  const label = escapeXml(name.length > 28 ? `${name.slice(0, 27)}…` : name);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 600 600" role="img" aria-label="${label}">
<rect width="600" height="600" fill="hsl(${hue} 35% 92%)"/>
<g fill="none" stroke="hsl(${hue} 45% 38%)" stroke-width="14" stroke-linecap="round" stroke-linejoin="round">
<rect x="170" y="170" width="260" height="200" rx="18"/><path d="M170 250h260M240 170v80M360 170v80"/>
</g>
<text x="300" y="450" text-anchor="middle" font-family="system-ui, sans-serif" font-size="26" fill="hsl(${hue} 45% 25%)">${label}</text>
<text x="300" y="490" text-anchor="middle" font-family="system-ui, sans-serif" font-size="18" fill="hsl(${hue} 25% 45%)">view ${index}</text>
</svg>`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
