import type { Json, RecordContext } from './common';

/** What the router needs from one record type. Optional operations answer 405 when absent. */
export interface RecordType {
  /** camelCase name used in URLs the emulator generates (`salesOrder`). */
  name: string;
  /** Resolves an internal id or external id to the internal id; null when there is no such record. */
  resolve(ctx: RecordContext, key: { internalId: number } | { externalId: string }): Promise<number | null>;
  /** Internal ids in ascending order, for collection paging. */
  listIds(ctx: RecordContext, page: { limit: number; offset: number }): Promise<{ ids: number[]; total: number }>;
  get(ctx: RecordContext, id: number): Promise<Json>;
  create?(ctx: RecordContext, body: Json, externalId?: string): Promise<number>;
  /** Update an existing record (PATCH, or PUT eid: when it exists). */
  update?(ctx: RecordContext, id: number, body: Json): Promise<void>;
  transform?(ctx: RecordContext, id: number, target: string, body: Json): Promise<{ type: string; id: number }>;
  /** Sub-resource GET, e.g. `inventoryItem/{id}/price`. */
  getSublist?(ctx: RecordContext, id: number, sublist: string): Promise<Json | null>;
}
