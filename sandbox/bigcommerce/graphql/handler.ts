import type { IncomingHttpHeaders } from 'node:http';
import {
  GraphQLError,
  Kind,
  execute,
  getOperationAST,
  parse,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import type { SandboxResponse } from '../http/types';
import type { BcStore } from '../store/store';
import type { SandboxSettings } from '../settings';
import { MAX_COMPLEXITY, MAX_DEPTH, complexityError, depthError, measureOperation } from './limits';
import { requestContext } from './request-context';
import { sandboxSchema } from './schema';

export interface GraphqlRequestInput {
  store: BcStore;
  settings: SandboxSettings;
  /** Channel the URL addresses (`/graphql` is channel 1). */
  channelId: number;
  headers: IncomingHttpHeaders;
  /** Raw request body text (JSON `{query, variables, operationName}`). */
  rawBody: string;
}

interface GraphqlBody {
  query: string;
  variables: Record<string, unknown>;
  operationName: string | undefined;
}

/**
 * POST /graphql, in BigCommerce's order: credentials first (HTTP 401 `{errors:[{message}]}`), then the
 * document — syntax and validation errors, one mutation per request, depth 16 and complexity 10,000 — as
 * `{errors}` with HTTP 200 like graphql-js, then execution. Valid requests carry X-Bc-Graphql-Complexity and
 * the operation type/name headers.
 */
export async function handleGraphqlRequest(input: GraphqlRequestInput): Promise<SandboxResponse> {
  const auth = await requestContext(input);
  if (!auth.ok) return { status: 401, body: { errors: [{ message: auth.message }] } };

  const body = parseBody(input.rawBody);
  if (typeof body === 'string') return { status: 400, body: { errors: [{ message: body }] } };

  const schema = sandboxSchema();
  let document: DocumentNode;
  try {
    document = parse(body.query);
  } catch (error) {
    return graphqlErrors([error instanceof GraphQLError ? error : new GraphQLError(String(error))]);
  }
  const validationErrors = validate(schema, document);
  if (validationErrors.length > 0) return graphqlErrors(validationErrors);

  const operation = getOperationAST(document, body.operationName);
  if (!operation) return graphqlErrors([new GraphQLError('Could not determine which operation to run; pass a valid operationName.')]);
  if (operation.operation === 'mutation' && countRootFields(operation, document) > 1) {
    return graphqlErrors([new GraphQLError('Only one mutation is allowed per request.')]);
  }

  const cost = measureOperation(schema, operation, fragmentsOf(document), body.variables);
  if (cost.depth > MAX_DEPTH) return graphqlErrors([new GraphQLError(depthError(cost.depth))]);
  if (cost.complexity > MAX_COMPLEXITY) return graphqlErrors([new GraphQLError(complexityError(cost.complexity))]);

  const result = await execute({
    schema,
    document,
    operationName: body.operationName,
    variableValues: body.variables,
    contextValue: auth.context,
  });
  return {
    status: 200,
    body: result,
    headers: {
      'x-bc-graphql-complexity': String(cost.complexity),
      'x-bc-graphql-operation-type': operation.operation,
      ...(operation.name ? { 'x-bc-graphql-operation-name': operation.name.value } : {}),
    },
  };
}

function parseBody(raw: string): GraphqlBody | string {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return 'The request body is not valid JSON.';
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return 'The request body must be a JSON object.';
  const { query, variables, operationName } = json as Record<string, unknown>;
  if (typeof query !== 'string' || query.trim() === '') return 'Must provide query string.';
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) return 'Variables must be an object.';
  return {
    query,
    variables: (variables ?? {}) as Record<string, unknown>,
    operationName: typeof operationName === 'string' ? operationName : undefined,
  };
}

function graphqlErrors(errors: readonly GraphQLError[]): SandboxResponse {
  return { status: 200, body: { errors: errors.map((e) => e.toJSON()) } };
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/** Root fields of an operation, counting through fragments, so `{ ...A ...B }` cannot smuggle two mutations. */
function countRootFields(operation: OperationDefinitionNode, document: DocumentNode): number {
  const fragments = fragmentsOf(document);
  const count = (selections: OperationDefinitionNode['selectionSet']['selections']): number =>
    selections.reduce((sum, s) => {
      if (s.kind === Kind.FIELD) return sum + (s.name.value === '__typename' ? 0 : 1);
      const inner = s.kind === Kind.FRAGMENT_SPREAD ? fragments.get(s.name.value)?.selectionSet.selections : s.selectionSet.selections;
      return sum + (inner ? count(inner) : 0);
    }, 0);
  return count(operation.selectionSet.selections);
}
