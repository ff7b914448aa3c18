import type { Json, RecordContext } from './common';
import type { FieldSpec } from './fields';

/** What the router needs from one record type. Optional operations answer 405 when absent. */
export interface RecordType {
  /** camelCase name used in URLs the emulator generates (`salesOrder`). */
  name: string;
  /** The table holding this type's rows (with `id` and `externalid` columns)... */
  table: string;
  /** ...and the condition that picks this type's rows from it (transactions share one table). */
  where?: string;
  /** Body fields: drives `q` filtering and the metadata catalog. */
  fields: readonly FieldSpec[];
  get(ctx: RecordContext, id: number): Promise<Json>;
  create?(ctx: RecordContext, body: Json, externalId?: string): Promise<number>;
  /** Update an existing record (PATCH, or PUT eid: when it exists). */
  update?(ctx: RecordContext, id: number, body: Json): Promise<void>;
  transform?(ctx: RecordContext, id: number, target: string, body: Json): Promise<{ type: string; id: number }>;
  /** Sub-resource GET, e.g. `inventoryItem/{id}/price`. */
  getSublist?(ctx: RecordContext, id: number, sublist: string): Promise<Json | null>;
}
