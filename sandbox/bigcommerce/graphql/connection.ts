import { GraphQLError } from 'graphql';

/**
 * Relay cursor connections as BigCommerce serves them: opaque base64 cursors ("arrayconnection:<offset>",
 * the graphql-relay format BigCommerce's cursors decode to), `first`/`after` and `last`/`before`, 10 items
 * when no size is given and at most 50 per page. Over 50 is refused with an error rather than silently cut,
 * so a storefront that relies on more per page fails in the sandbox before it does in production [inferred].
 */
export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 50;

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface Connection<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  collectionInfo: { totalItems: number };
}

export function encodeCursor(offset: number): string {
  return Buffer.from(`arrayconnection:${offset}`).toString('base64');
}

function decodeCursor(cursor: string): number {
  const match = /^arrayconnection:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  if (!match) throw new GraphQLError(`Invalid cursor: ${cursor}`);
  return Number(match[1]);
}

function pageSize(name: 'first' | 'last', value: number | null | undefined): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (value < 1 || value > MAX_PAGE_SIZE) throw new GraphQLError(`Argument "${name}" must be between 1 and ${MAX_PAGE_SIZE}, got ${value}.`);
  return value;
}

export function connectionFrom<T>(items: readonly T[], args: ConnectionArgs): Connection<T> {
  const first = pageSize('first', args.first);
  const last = pageSize('last', args.last);
  let start = args.after ? decodeCursor(args.after) + 1 : 0;
  let end = args.before ? Math.min(decodeCursor(args.before), items.length) : items.length;
  start = Math.min(start, end);
  if (first !== undefined) end = Math.min(end, start + first);
  else if (last !== undefined) start = Math.max(start, end - last);
  else end = Math.min(end, start + DEFAULT_PAGE_SIZE);

  const edges = items.slice(start, end).map((node, index) => ({ node, cursor: encodeCursor(start + index) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    collectionInfo: { totalItems: items.length },
  };
}
