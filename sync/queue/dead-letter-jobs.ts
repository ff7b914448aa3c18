import type { DeadLetter, DeadLetterQueue } from '../state/dead-letters';
import { FLOWS, type FlowName } from '../run-flows';
import { FLOWS_QUEUE, ORDERS_QUEUE, type QueueName, type SyncJob } from './jobs';
import type { SyncQueues } from './sync-queues';

/** A job that ran out of attempts, as kept in the dead-letter queue: enough to replay it exactly. */
export interface DeadJobPayload {
  job: { queue: QueueName; name: string; data: unknown };
}

export function deadJobEntry(queue: QueueName, job: { id?: string; name: string; data: unknown; attemptsMade: number }, error: Error) {
  return {
    // One entry per job even if the worker dies after writing it and the job runs (and fails) once more.
    id: `job-${queue}-${job.id ?? 'unknown'}`,
    flow: `${queue}/${job.name}`,
    reason: `${error.message} (gave up after ${job.attemptsMade + 1} attempt${job.attemptsMade === 0 ? '' : 's'})`,
    payload: { job: { queue, name: job.name, data: job.data } } satisfies DeadJobPayload,
    details: { jobId: job.id, error: error.name },
  };
}

function isDeadJob(payload: unknown): payload is DeadJobPayload {
  const job = (payload as Partial<DeadJobPayload> | null)?.job;
  return typeof job === 'object' && job !== null && (job.queue === FLOWS_QUEUE || job.queue === ORDERS_QUEUE) && typeof job.name === 'string';
}

/**
 * What replaying a dead letter means. A dead job is added again as it was. A dead *record* (a row the ERP or
 * BigCommerce refused) cannot be re-sent as it was, because the fix happens at the source: replaying it runs its
 * flow in full, which re-reads the ERP and dead-letters the record again, with a fresh reason, if it is still wrong.
 */
export function replayJobFor(letter: DeadLetter): SyncJob | null {
  if (isDeadJob(letter.payload)) return { queue: letter.payload.job.queue, name: letter.payload.job.name, data: letter.payload.job.data } as SyncJob;
  if ((FLOWS as readonly string[]).includes(letter.flow)) return { queue: FLOWS_QUEUE, name: 'run', data: { flow: letter.flow as FlowName, full: true, reason: `replay of dead letter ${letter.id}` } };
  return null;
}

export interface ReplayOutcome {
  replayed: string[];
  /** Entries with nothing to re-run (e.g. a malformed trigger), left in place with why. */
  skipped: { id: string; why: string }[];
}

/** Enqueues the replay, then removes the entry: a crash in between replays twice, which jobs tolerate. */
export async function replayDeadLetters(deadLetters: DeadLetterQueue, queues: SyncQueues, ids: string[] | 'all'): Promise<ReplayOutcome> {
  const letters = ids === 'all' ? await deadLetters.list() : await Promise.all(ids.map(async (id) => (await deadLetters.get(id)) ?? id));
  const outcome: ReplayOutcome = { replayed: [], skipped: [] };
  for (const letter of letters) {
    if (typeof letter === 'string') {
      outcome.skipped.push({ id: letter, why: 'no dead letter with this id (run "dlq list")' });
      continue;
    }
    const job = replayJobFor(letter);
    if (!job) {
      outcome.skipped.push({ id: letter.id, why: `nothing to re-run for "${letter.flow}": fix it at the source, then remove it` });
      continue;
    }
    await queues.add(job);
    await deadLetters.remove([letter.id]);
    outcome.replayed.push(letter.id);
  }
  return outcome;
}
