import { describe, expect, it } from 'vitest';
import { safeMerchantHtml } from '@/lib/catalog/merchant-html';

describe('merchant HTML', () => {
  it('keeps formatting', () => {
    expect(safeMerchantHtml('<p>Grade <strong>8</strong></p><ul><li>Zinc</li></ul>')).toBe('<p>Grade <strong>8</strong></p><ul><li>Zinc</li></ul>');
  });

  it('removes scripts, event handlers and javascript: links', () => {
    const dirty = '<p onclick="steal()">Hi<script>fetch("/api")</script></p><a href="javascript:alert(1)">x</a><img src=x onerror="steal()">';
    const clean = safeMerchantHtml(dirty);
    expect(clean).not.toMatch(/script|onclick|onerror|javascript:/i);
    expect(clean).toContain('<p>Hi</p>');
  });
});
