import type { Redis } from 'ioredis';
import type { DeadLetterQueue } from '../state/dead-letters';
import { readTriggers, type TriggerStreamOptions } from '../triggers';
import type { SyncQueues } from './sync-queues';
import { jobsForTrigger } from './trigger-routing';

export interface TriggerPumpOptions extends Pick<TriggerStreamOptions, 'streamKey'> {
  /** Where the pump keeps the id of the last trigger it turned into jobs. */
  cursorKey: string;
  /** How long one blocking read waits for new triggers (also how quickly `stop()` takes effect). */
  blockMs?: number;
  log?: (message: string, fields?: Record<string, unknown>) => void;
}

/**
 * Moves triggers from the durable `sync:triggers` stream into the queues. At-least-once: the cursor is saved only
 * after a trigger's jobs are added, so a crash in between re-adds them, which the jobs' deduplication and their
 * idempotence make harmless. An undecodable entry is dead-lettered (with its id, to look it up) and skipped, so one
 * bad entry cannot stall the pump.
 *
 * `reader` must be a connection of its own: a blocking XREAD holds it.
 */
export function startTriggerPump(reader: Redis, queues: SyncQueues, deadLetters: DeadLetterQueue, options: TriggerPumpOptions) {
  let stopping = false;
  const blockMs = options.blockMs ?? 2_000;

  const pumpOnce = async (): Promise<number> => {
    const after = (await reader.get(options.cursorKey)) ?? '0';
    const batch = await readTriggers(reader, { after, count: 100, blockMs, streamKey: options.streamKey });
    for (const { trigger } of batch.entries) await queues.addAll(jobsForTrigger(trigger));
    if (batch.invalid.length > 0) {
      await deadLetters.add(
        batch.invalid.map(({ id, problem }) => ({ flow: 'triggers', reason: `trigger ${id} in the stream is malformed (${problem}); it was skipped`, payload: { streamEntryId: id } })),
      );
    }
    if (batch.lastId !== after) await reader.set(options.cursorKey, batch.lastId);
    return batch.entries.length + batch.invalid.length;
  };

  const done = (async () => {
    while (!stopping) {
      try {
        await pumpOnce();
      } catch (error) {
        if (stopping) break;
        options.log?.('trigger pump: read failed; retrying', { error: error instanceof Error ? error.message : String(error) });
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  })();

  return {
    /** Finishes the current read (at most `blockMs`) and stops. */
    async stop(): Promise<void> {
      stopping = true;
      await done;
    },
  };
}
