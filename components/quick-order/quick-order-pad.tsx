'use client';

import { useActionState, useRef } from 'react';
import type { QuickOrderState } from '@/app/quick-order/_actions/quick-order-state';
import { QuickOrderResults } from './quick-order-results';

export type QuickOrderAction = (previous: QuickOrderState, formData: FormData) => Promise<QuickOrderState>;

const TONE = { info: 'bg-slate-100 text-slate-800', success: 'bg-emerald-50 text-emerald-900', error: 'bg-red-50 text-red-800' } as const;

/**
 * The pad: type, paste or upload lines, "Check lines" to see each row judged, "Add valid lines" to put the good
 * ones in the cart and keep the rest here. Both buttons post the pad's text; the server judges it each time.
 */
export function QuickOrderPad({ checkLines, addLines, initial }: { checkLines: QuickOrderAction; addLines: QuickOrderAction; initial: QuickOrderState }) {
  const [checked, checkAction, checking] = useActionState(checkLines, initial);
  const [added, addAction, adding] = useActionState(addLines, initial);
  const current = added.answeredAt > checked.answeredAt ? added : checked;
  const pad = useRef<HTMLTextAreaElement>(null);

  const applySuggestion = (lineNumber: number, sku: string, suggestion: string) => {
    const textarea = pad.current;
    if (!textarea) return;
    const lines = textarea.value.split(/\r\n|\n|\r/);
    const line = lines[lineNumber - 1];
    // Only if that line still holds the SKU: the buyer may have edited the pad since the check.
    if (line === undefined || !line.includes(sku)) return;
    lines[lineNumber - 1] = line.replace(sku, suggestion);
    textarea.value = lines.join('\n');
    textarea.focus();
  };

  return (
    <div className="flex flex-col gap-6">
      <form action={checkAction} className="flex flex-col gap-3" data-testid="quick-order-form">
        <label className="flex flex-col gap-1 text-sm font-medium">
          SKUs and quantities, one per line
          <textarea
            ref={pad}
            // A new answer from the server replaces the pad's text (after adding, only the lines to fix remain).
            key={current.answeredAt}
            name="lines"
            defaultValue={current.text}
            rows={10}
            spellCheck={false}
            placeholder={'HX-2 10\nPPE-EPL-33-CRD-YEL-100, 4\n(or paste cells from a spreadsheet)'}
            className="rounded border border-slate-300 px-3 py-2 font-mono text-sm font-normal"
          />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Or upload a CSV file (SKU and quantity columns)
          <input name="file" type="file" accept=".csv,.txt,text/csv,text/plain" className="text-sm font-normal" />
        </label>
        <div className="flex flex-wrap gap-2">
          <button type="submit" disabled={checking || adding} className="rounded border border-slate-300 px-4 py-2 font-medium hover:bg-slate-50 disabled:opacity-60">
            {checking ? 'Checking…' : 'Check lines'}
          </button>
          <button
            type="submit"
            formAction={addAction}
            disabled={checking || adding}
            className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-600 disabled:opacity-60"
          >
            {adding ? 'Adding…' : current.addable > 0 ? `Add ${current.addable} valid ${current.addable === 1 ? 'line' : 'lines'} to cart` : 'Add valid lines to cart'}
          </button>
        </div>
      </form>
      {current.message ? (
        <p role={current.tone === 'error' ? 'alert' : 'status'} data-testid="quick-order-message" className={`rounded px-3 py-2 text-sm ${TONE[current.tone]}`}>
          {current.message}
        </p>
      ) : null}
      <QuickOrderResults rows={current.rows} onUseSuggestion={applySuggestion} />
    </div>
  );
}
