import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { SyncContext } from '../context';
import { deadJobEntry } from '../queue/dead-letter-jobs';
import type { QueueName } from '../queue/jobs';
import { decideOnFailure } from './failure-policy';

/** A job paused this many times (429 storms, a busy flow) is dead-lettered rather than spinning forever. */
const MAX_STARTS = 50;

/**
 * Wraps a job handler with the queue's failure policy (see failure-policy.ts). A job is dead-lettered *inside* the
 * processor, before BullMQ marks it failed, so a crash in between cannot lose the entry (the entry id is the job's,
 * so a second write is the same entry).
 */
export function guardedProcessor(
  queue: QueueName,
  ctx: SyncContext,
  worker: () => Worker,
  handle: (job: Job) => Promise<unknown>,
): (job: Job, token?: string) => Promise<unknown> {
  const deadLetter = async (job: Job, error: Error) => {
    await ctx.deadLetters.add([deadJobEntry(queue, job, error)]);
    ctx.log('job dead-lettered', { queue, job: job.name, id: job.id, reason: error.message });
  };
  return async (job, token) => {
    try {
      return await handle(job);
    } catch (caught) {
      const error = caught instanceof Error ? caught : new Error(String(caught));
      const decision = decideOnFailure(error, ctx.rest.rateLimit().resetAt);
      const paused = decision.action === 'rate-limit' || decision.action === 'later';
      if (paused && job.attemptsStarted >= MAX_STARTS) {
        await deadLetter(job, new Error(`${error.message}; still blocked after ${job.attemptsStarted} tries`));
        throw new UnrecoverableError(error.message);
      }
      switch (decision.action) {
        case 'rate-limit':
          ctx.log('BigCommerce rate limit: pausing the queue', { queue, pauseMs: decision.pauseMs });
          await worker().rateLimit(decision.pauseMs);
          throw Worker.RateLimitError();
        case 'later':
          await job.moveToDelayed(Date.now() + decision.delayMs, token);
          throw new DelayedError();
        case 'give-up':
          await deadLetter(job, error);
          throw new UnrecoverableError(error.message);
        case 'retry':
          if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await deadLetter(job, error);
          throw error;
      }
    }
  };
}
