/** Where triggers live. Options exist so tests (and a second store) can use their own keys. */
export interface TriggerStreamOptions {
  /** Default `sync:triggers`. */
  streamKey?: string;
  /** How long a dedup key is remembered. Default 24 h: duplicates arrive within seconds, retries within minutes. */
  dedupTtlSeconds?: number;
  /** Approximate cap on the stream (XADD MAXLEN ~). Default 100 000: weeks of webhooks, a few tens of MB. */
  maxLen?: number;
}

export const DEFAULT_STREAM_KEY = 'sync:triggers';
export const DEFAULT_DEDUP_TTL_SECONDS = 86_400;
export const DEFAULT_MAX_LEN = 100_000;

export function streamKeyOf(options: TriggerStreamOptions = {}): string {
  return options.streamKey ?? DEFAULT_STREAM_KEY;
}

/**
 * `{sync:triggers}:dedup:…`: the hash tag puts the key in the same Redis Cluster slot as the stream key
 * `sync:triggers`, which the atomic record script needs.
 */
export function dedupKeyOf(streamKey: string, source: string, dedupKey: string): string {
  return `{${streamKey}}:dedup:${source}:${dedupKey}`;
}
