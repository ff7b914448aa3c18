import 'server-only';

/** A CSV upload larger than this is not a quick order. */
const MAX_UPLOAD_BYTES = 256 * 1024;

/** The pad's text plus an uploaded CSV's, or a message why the upload was refused. */
export async function padText(formData: FormData): Promise<{ text: string } | { error: string }> {
  const typed = String(formData.get('lines') ?? '');
  const file = formData.get('file');
  if (!(file instanceof File) || file.size === 0) return { text: typed };
  if (file.size > MAX_UPLOAD_BYTES) return { error: `That file is larger than ${MAX_UPLOAD_BYTES / 1024} KB. Upload a CSV of SKUs and quantities only.` };
  const uploaded = (await file.text()).replace(/^\uFEFF/, '');
  return { text: typed.trim() === '' ? uploaded : `${typed.trimEnd()}\n${uploaded}` };
}
