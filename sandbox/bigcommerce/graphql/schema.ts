import { readFileSync } from 'node:fs';
import { buildSchema, isObjectType, type GraphQLSchema } from 'graphql';
import type { ResolverMap } from './resolvers/args';
import { cartResolvers } from './resolvers/cart';
import { customerResolvers } from './resolvers/customer';
import { imageResolvers } from './resolvers/images';
import { inventoryResolvers } from './resolvers/inventory';
import { productResolvers } from './resolvers/product';
import { siteResolvers } from './resolvers/site';
import { taxonomyResolvers } from './resolvers/taxonomy';

/** Path of the SDL the sandbox serves (a strict subset of BigCommerce's; see the contract test). */
export const SANDBOX_SDL_URL = new URL('./schema.graphql', import.meta.url);

const RESOLVERS: ResolverMap[] = [siteResolvers, productResolvers, taxonomyResolvers, inventoryResolvers, imageResolvers, customerResolvers, cartResolvers];

let schema: GraphQLSchema | undefined;

/** The executable schema: the SDL with resolvers attached (built once; it holds no store state). */
export function sandboxSchema(): GraphQLSchema {
  if (schema) return schema;
  const built = buildSchema(readFileSync(SANDBOX_SDL_URL, 'utf8'));
  for (const map of RESOLVERS) {
    for (const [typeName, fields] of Object.entries(map)) {
      const type = built.getType(typeName);
      if (!isObjectType(type)) throw new Error(`resolvers for ${typeName}, which is not an object type in schema.graphql`);
      const defined = type.getFields();
      for (const [fieldName, resolve] of Object.entries(fields)) {
        const field = defined[fieldName];
        if (!field) throw new Error(`resolver for ${typeName}.${fieldName}, which schema.graphql does not declare`);
        field.resolve = resolve;
      }
    }
  }
  schema = built;
  return schema;
}
