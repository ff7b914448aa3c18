import {
  Kind,
  getNamedType,
  isInterfaceType,
  isObjectType,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from './connection';

/** BigCommerce's documented limits (FACTS §4): complexity 10,000 per request, depth 16. */
export const MAX_COMPLEXITY = 10_000;
export const MAX_DEPTH = 16;

export function complexityError(score: number): string {
  // Verbatim from BigCommerce's docs.
  return `The query is too complex as it has a complexity score of ${score} out of ${MAX_COMPLEXITY}. Please remove some elements and try again`;
}

export function depthError(depth: number): string {
  // BigCommerce documents the limit (16) but not the message; this wording is the sandbox's own.
  return `The query exceeds the maximum depth of ${MAX_DEPTH} (depth ${depth}). Please reduce nesting and try again`;
}

export interface OperationCost {
  complexity: number;
  depth: number;
}

/**
 * Scores an operation. BigCommerce does not publish its algorithm, only that page sizes and nesting drive it,
 * so the sandbox uses the common connection-multiplier model: every field costs 1 plus its children, and a
 * connection's children are multiplied by its page size (`first`/`last`, default 10). Depth counts nested
 * fields (`site` = 1); fragments are inlined and add no depth themselves.
 */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Readonly<Record<string, unknown>>,
): OperationCost {
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (!root) return { complexity: 0, depth: 0 };

  const walk = (selectionSet: SelectionSetNode, parent: GraphQLNamedType, depth: number, seen: ReadonlySet<string>): OperationCost => {
    let complexity = 0;
    let maxDepth = depth;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[selection.name.value] : undefined;
        const fieldType = field ? getNamedType(field.type) : undefined;
        let childCost = 0;
        let childDepth = depth + 1;
        if (selection.selectionSet && fieldType) {
          const child = walk(selection.selectionSet, fieldType, depth + 1, seen);
          const multiplier = fieldType.name.endsWith('Connection') ? pageSize(selection.arguments ?? [], variables) : 1;
          childCost = child.complexity * multiplier;
          childDepth = child.depth;
        }
        complexity += 1 + childCost;
        maxDepth = Math.max(maxDepth, childDepth);
      } else {
        const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
        if (!fragment || (selection.kind === Kind.FRAGMENT_SPREAD && seen.has(selection.name.value))) continue;
        const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parent;
        const nextSeen = selection.kind === Kind.FRAGMENT_SPREAD ? new Set([...seen, selection.name.value]) : seen;
        const inner = walk(fragment.selectionSet, condition ?? parent, depth, nextSeen);
        complexity += inner.complexity;
        maxDepth = Math.max(maxDepth, inner.depth);
      }
    }
    return { complexity, depth: maxDepth };
  };
  return walk(operation.selectionSet, root, 0, new Set());
}

function pageSize(args: readonly { name: { value: string }; value: ValueNode }[], variables: Readonly<Record<string, unknown>>): number {
  for (const name of ['first', 'last']) {
    const arg = args.find((a) => a.name.value === name);
    if (!arg) continue;
    if (arg.value.kind === Kind.INT) return Number(arg.value.value);
    if (arg.value.kind === Kind.VARIABLE) {
      const value = variables[arg.value.name.value];
      if (typeof value === 'number') return value;
    }
  }
  return DEFAULT_PAGE_SIZE;
}
