import type { IncomingHttpHeaders } from 'node:http';
import type { SandboxResponse } from '../http/types';
import type { BcStore } from '../store/store';
import type { SandboxSettings } from '../settings';

export interface GraphqlRequestInput {
  store: BcStore;
  settings: SandboxSettings;
  /** Channel the URL addresses (`/graphql` is channel 1). */
  channelId: number;
  headers: IncomingHttpHeaders;
  /** Raw request body text (JSON `{query, variables, operationName}`). */
  rawBody: string;
}

// In progress: the Storefront GraphQL emulator is being built.
export async function handleGraphqlRequest(input: GraphqlRequestInput): Promise<SandboxResponse> {
  void input;
  return { status: 501, body: { errors: [{ message: 'GraphQL emulator not built yet' }] } };
}
