import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanDirectory, scanText } from '../support/secret-scan';

// The bundle-scan end-to-end test is only as good as this scanner; prove it finds what it must.
describe('secret scanner', () => {
  const secrets = { SESSION_SECRET: 'a-session-secret-of-some-length', BIGCOMMERCE_ACCESS_TOKEN: 'abc123token' };

  it('reports each exact secret value found', () => {
    const hits = scanText('chunk.js', 'var x="abc123token";', secrets);
    expect(hits).toEqual([{ where: 'chunk.js', secret: 'BIGCOMMERCE_ACCESS_TOKEN' }]);
  });

  it('reports any JWT-shaped string, whatever its value', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
    expect(scanText('page.html', `token=${jwt}`, {})).toEqual([{ where: 'page.html', secret: 'a JWT-shaped token' }]);
  });

  it('finds a secret in a nested file and counts the files it read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scan-'));
    mkdirSync(join(dir, 'chunks'));
    writeFileSync(join(dir, 'chunks', 'a.js'), 'clean');
    writeFileSync(join(dir, 'chunks', 'b.js'), 'leak a-session-secret-of-some-length here');
    const result = scanDirectory(dir, secrets);
    expect(result.files).toBe(2);
    expect(result.hits).toEqual([{ where: join(dir, 'chunks', 'b.js'), secret: 'SESSION_SECRET' }]);
  });

  it('passes clean text', () => {
    expect(scanText('clean.js', 'nothing to see', secrets)).toEqual([]);
  });
});
