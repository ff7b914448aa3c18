import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Finds server secrets in text that reaches browsers (built client bundles, served HTML and RSC payloads).
 * Exact values are matched, and any JWT-shaped string is reported too, since every BigCommerce storefront token
 * is a JWT and none belongs in a browser.
 */
export interface SecretHit {
  where: string;
  secret: string;
}

const JWT_PATTERN = /eyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]{10,}/;

export function scanText(where: string, text: string, secrets: Record<string, string>): SecretHit[] {
  const hits: SecretHit[] = [];
  for (const [name, value] of Object.entries(secrets)) {
    if (value.length >= 8 && text.includes(value)) hits.push({ where, secret: name });
  }
  if (JWT_PATTERN.test(text)) hits.push({ where, secret: 'a JWT-shaped token' });
  return hits;
}

/** Every file under `dir`, recursively. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export function scanDirectory(dir: string, secrets: Record<string, string>): { files: number; hits: SecretHit[] } {
  const files = filesUnder(dir);
  return { files: files.length, hits: files.flatMap((file) => scanText(file, readFileSync(file, 'utf8'), secrets)) };
}
