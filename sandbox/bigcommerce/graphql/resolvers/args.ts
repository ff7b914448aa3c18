import type { GraphQLFieldResolver } from 'graphql';
import type { ConnectionArgs } from '../connection';
import type { GraphqlContext } from '../context';

export type Args = Record<string, unknown>;
export type Resolver = GraphQLFieldResolver<unknown, GraphqlContext, Args>;
/** typeName → fieldName → resolver; fields without an entry use graphql-js's property lookup. */
export type ResolverMap = Record<string, Record<string, Resolver>>;

/** Declares the parent type once, so each resolver body is typed without casts of its own. */
export function on<P>(fn: (parent: P, args: Args, ctx: GraphqlContext) => unknown): Resolver {
  return (parent, args, ctx) => fn(parent as P, args, ctx);
}

// graphql-js has already validated argument types against the schema; these only narrow `unknown`.
export const intArg = (args: Args, name: string): number | undefined => (typeof args[name] === 'number' ? (args[name] as number) : undefined);
export const stringArg = (args: Args, name: string): string | undefined => (typeof args[name] === 'string' ? (args[name] as string) : undefined);
export const boolArg = (args: Args, name: string): boolean | undefined => (typeof args[name] === 'boolean' ? (args[name] as boolean) : undefined);
export const intListArg = (args: Args, name: string): number[] => (Array.isArray(args[name]) ? (args[name] as unknown[]).filter((v): v is number => typeof v === 'number') : []);
export const stringListArg = (args: Args, name: string): string[] => (Array.isArray(args[name]) ? (args[name] as unknown[]).filter((v): v is string => typeof v === 'string') : []);

export function connectionArgs(args: Args): ConnectionArgs {
  return { first: intArg(args, 'first'), after: stringArg(args, 'after'), last: intArg(args, 'last'), before: stringArg(args, 'before') };
}
