// Durable sync triggers (Redis Stream `sync:triggers`): webhook and ERP-event receivers write, the sync worker reads.
export { recordTrigger, type RecordOutcome } from './record';
export { readTriggers, type ReadTriggersOptions, type ReadTriggersResult } from './read';
export { DEFAULT_STREAM_KEY, type TriggerStreamOptions } from './keys';
export type { ResourceIds, SyncTrigger, TriggerSource } from './trigger';
