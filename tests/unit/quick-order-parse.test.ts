import { describe, expect, it } from 'vitest';
import { MAX_ROWS, parseQuickOrder } from '@/lib/quick-order/parse-lines';
import { closestSkus, editDistance, searchTermsFor } from '@/lib/quick-order/suggest-skus';

const items = (text: string) => parseQuickOrder(text).rows.map((row) => [row.sku, row.quantity, row.problem]);

describe('quick-order lines', () => {
  it('reads "SKU qty", "SKU,qty", "SKU;qty" and tab-separated cells, skipping blank lines', () => {
    expect(items('HX-2 10\n\nPPE-EPL-33,4\r\nJAN-ABS;2\nWLD-WMC\t7\t')).toEqual([
      ['HX-2', 10, null],
      ['PPE-EPL-33', 4, null],
      ['JAN-ABS', 2, null],
      ['WLD-WMC', 7, null],
    ]);
  });

  it('keeps the line numbers of the pasted text, blank lines included', () => {
    expect(parseQuickOrder('\nHX-2 1\n\n\nFL-1 2').rows.map((r) => [r.lineNumber, r.text])).toEqual([
      [2, 'HX-2 1'],
      [5, 'FL-1 2'],
    ]);
  });

  it('reads a spreadsheet CSV export: header names pick the columns, quotes and thousands separators are undone', () => {
    const csv = 'Part number,Description,Qty\n"HX-2","Hex cap screw, zinc","1,200"\nFL-1,"Filler ""A""",3\n';
    expect(items(csv)).toEqual([
      ['HX-2', 1200, null],
      ['FL-1', 3, null],
    ]);
  });

  it('treats a header-less first line as an item', () => {
    expect(items('SKU-1,5')).toEqual([['SKU-1', 5, null]]);
    expect(items('SKU,Quantity\nSKU-1,5')).toEqual([['SKU-1', 5, null]]);
  });

  it('reads "HX-2 1,200" as 1,200 of HX-2, not as CSV', () => {
    expect(items('HX-2 1,200')).toEqual([['HX-2', 1200, null]]);
  });

  it.each([
    ['HX-2', 'Quantity missing: add it after the SKU.'],
    ['HX-2 0', 'Quantity must be at least 1; got 0.'],
    ['HX-2 -3', 'Quantity must be at least 1; got -3.'],
    ['HX-2 2.5', 'Quantity must be a whole number; got 2.5.'],
    ['HX-2 ten', '"ten" is not a quantity: use a whole number.'],
    ['HX-2 10,5', '"10,5" is not a quantity: use a whole number.'],
    ['HX-2 5000000', 'Quantity 5000000 is more than 1,000,000.'],
    ['HX-2 hex screw 10', 'Write one SKU and its quantity per line, e.g. "HX-2 10".'],
    [',10', 'No SKU on this line.'],
  ])('reports %j on its row instead of guessing', (line, problem) => {
    expect(parseQuickOrder(line).rows).toEqual([expect.objectContaining({ quantity: null, problem })]);
  });

  it(`reads at most ${MAX_ROWS} items and gives back the rest unread`, () => {
    const text = Array.from({ length: MAX_ROWS + 2 }, (_, i) => `SKU-${i} 1`).join('\n');
    const parsed = parseQuickOrder(text);
    expect(parsed.rows).toHaveLength(MAX_ROWS);
    expect(parsed.unread).toBe(`SKU-${MAX_ROWS} 1\nSKU-${MAX_ROWS + 1} 1`);
    expect(parseQuickOrder('SKU-1 1').unread).toBe('');
  });
});

describe('close-match suggestions', () => {
  it('searches with the SKU, then without its last segment, then its first segments', () => {
    expect(searchTermsFor('PPE-CRG-A6-SN-13G-HVY-XXL')).toEqual(['PPE-CRG-A6-SN-13G-HVY-XXL', 'PPE-CRG-A6-SN-13G-HVY', 'PPE-CRG', 'PPE']);
    expect(searchTermsFor('HX2')).toEqual(['HX2']);
  });

  it('offers the closest SKUs within a few edits, closest first, ignoring case', () => {
    const catalog = ['HX-2', 'HX-20', 'HX-3', 'PPE-EPL-33-CRD-YEL-100', 'WLD-WMC-MIG-250-120'];
    expect(closestSkus('hx-2', catalog)).toEqual(['HX-2', 'HX-20', 'HX-3']);
    expect(closestSkus('PPE-EPL-33-CRD-YLW-100', catalog)).toEqual(['PPE-EPL-33-CRD-YEL-100']);
    expect(closestSkus('ZZZ-999', catalog)).toEqual([]);
  });

  it('counts a swap of two neighbouring characters as one edit', () => {
    expect(editDistance('HX-2', 'XH-2')).toBe(1);
    expect(editDistance('ABC', 'ABC')).toBe(0);
    expect(editDistance('', 'AB')).toBe(2);
  });
});
