import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isNonNullType,
  isUnionType,
  print,
  astFromValue,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLSchema,
} from 'graphql';
import { SHARED_DIR, sharedSpecsAvailable } from './openapi-contract';

/**
 * BigCommerce's real Storefront GraphQL schema (../shared/bigcommerce/storefront-schema.graphql) for contract
 * tests: `loadRealStorefrontSchema()` to validate operations against it, `subsetViolations()` to prove the
 * sandbox's schema is a strict subset of it.
 */
export const REAL_SDL_PATH = resolve(SHARED_DIR, 'bigcommerce/storefront-schema.graphql');
export const realSdlAvailable = sharedSpecsAvailable;

let cached: GraphQLSchema | undefined;

export function loadRealStorefrontSchema(): GraphQLSchema {
  // assumeValid: the introspection dump declares directives (@accessScope…) the SDL printer left unused.
  cached ??= buildSchema(readFileSync(REAL_SDL_PATH, 'utf8'), { assumeValid: true });
  return cached;
}

/**
 * Every way `ours` fails to be a strict subset of `real`, one readable line each (empty = subset). Checked:
 * each type exists with the same kind; each field/argument/input field exists with the identical type string
 * and default; each enum value, interface and union member exists; and no argument or input field that
 * `real` requires is missing from `ours` (else a query valid in the sandbox would be invalid in production).
 */
export function subsetViolations(ours: GraphQLSchema, real: GraphQLSchema): string[] {
  const problems: string[] = [];
  for (const type of Object.values(ours.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    const theirs = real.getType(type.name);
    if (!theirs) {
      problems.push(`type ${type.name} does not exist in the real schema`);
      continue;
    }
    if (theirs.constructor !== type.constructor) {
      problems.push(`type ${type.name} is a ${type.constructor.name} here but a ${theirs.constructor.name} in the real schema`);
      continue;
    }
    if ((isObjectType(type) || isInterfaceType(type)) && (isObjectType(theirs) || isInterfaceType(theirs))) {
      const realInterfaces = new Set(theirs.getInterfaces().map((i) => i.name));
      for (const iface of type.getInterfaces()) {
        if (!realInterfaces.has(iface.name)) problems.push(`${type.name} implements ${iface.name} but the real type does not`);
      }
      const realFields = theirs.getFields();
      for (const field of Object.values(type.getFields())) {
        const realField = realFields[field.name];
        if (!realField) {
          problems.push(`field ${type.name}.${field.name} does not exist in the real schema`);
          continue;
        }
        if (String(field.type) !== String(realField.type)) {
          problems.push(`field ${type.name}.${field.name} is ${String(field.type)} here but ${String(realField.type)} in the real schema`);
        }
        problems.push(...argumentViolations(`${type.name}.${field.name}`, field.args, realField.args));
      }
    } else if (isInputObjectType(type) && isInputObjectType(theirs)) {
      problems.push(...argumentViolations(`input ${type.name}`, Object.values(type.getFields()), Object.values(theirs.getFields())));
    } else if (isEnumType(type) && isEnumType(theirs)) {
      const realValues = new Set(theirs.getValues().map((v) => v.name));
      for (const value of type.getValues()) {
        if (!realValues.has(value.name)) problems.push(`enum value ${type.name}.${value.name} does not exist in the real schema`);
      }
    } else if (isUnionType(type) && isUnionType(theirs)) {
      const realMembers = new Set(theirs.getTypes().map((t) => t.name));
      for (const member of type.getTypes()) {
        if (!realMembers.has(member.name)) problems.push(`union ${type.name} member ${member.name} does not exist in the real schema`);
      }
    }
  }
  return problems;
}

type InputLike = GraphQLArgument | GraphQLInputField;

function argumentViolations(owner: string, ours: readonly InputLike[], real: readonly InputLike[]): string[] {
  const problems: string[] = [];
  const realByName = new Map(real.map((a) => [a.name, a]));
  for (const arg of ours) {
    const theirs = realByName.get(arg.name);
    if (!theirs) {
      problems.push(`${owner}(${arg.name}) does not exist in the real schema`);
      continue;
    }
    if (String(arg.type) !== String(theirs.type)) {
      problems.push(`${owner}(${arg.name}) is ${String(arg.type)} here but ${String(theirs.type)} in the real schema`);
    }
    if (printDefault(arg) !== printDefault(theirs)) {
      problems.push(`${owner}(${arg.name}) defaults to ${printDefault(arg)} here but ${printDefault(theirs)} in the real schema`);
    }
  }
  const oursByName = new Set(ours.map((a) => a.name));
  for (const theirs of real) {
    const required = isNonNullType(theirs.type) && theirs.defaultValue === undefined;
    if (required && !oursByName.has(theirs.name)) problems.push(`${owner}(${theirs.name}) is required in the real schema but missing here`);
  }
  return problems;
}

function printDefault(arg: InputLike): string {
  if (arg.defaultValue === undefined) return 'nothing';
  const ast = astFromValue(arg.defaultValue, arg.type);
  return ast ? print(ast) : String(arg.defaultValue);
}
