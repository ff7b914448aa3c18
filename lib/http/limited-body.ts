/**
 * Reads a request body as text, refusing anything over `maxBytes` (by the declared length first, so an oversized
 * upload is not buffered), and parses it as a JSON object. Returns the problem, ready for a 4xx answer, instead of
 * throwing.
 */
export type BodyRead = { ok: true; text: string; json: Record<string, unknown> } | { ok: false; status: 400 | 413; error: string };

export async function readJsonObjectBody(request: Request, maxBytes: number): Promise<BodyRead> {
  const tooLarge = { ok: false, status: 413, error: `body is larger than ${maxBytes} bytes` } as const;
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) return tooLarge;
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) return tooLarge;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, status: 400, error: `body is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, status: 400, error: 'body must be a JSON object' };
  return { ok: true, text, json: json as Record<string, unknown> };
}
