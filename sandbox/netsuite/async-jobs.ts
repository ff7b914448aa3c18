/**
 * Asynchronous record requests (§4.7.D "alternative server-side key", §4.8 item 4; Oracle's "REST Web Services
 * Request Processing" pages). A record-API request sent with `Prefer: respond-async` is queued and answered
 * `202 Accepted` with `Preference-Applied: respond-async` and `Location: /services/rest/async/v1/job/{id}`.
 * With `X-NetSuite-Idempotency-Key`, a second request with the same key is not queued again: it gets 400, title
 * Conflict, IDEMPOTENCY_ERROR, and the Location of the first job. The key is ignored on synchronous calls.
 *
 *   GET /async/v1/job/{id}                      {links, completed, id, progress, task: {links}}
 *   GET /async/v1/job/{id}/task                 the job's tasks (one per job here) [I: collection shape]
 *   GET /async/v1/job/{id}/task/{taskId}        {links: related → result, self; completed, startTime, endTime, id, progress}
 *   GET /async/v1/job/{id}/task/{taskId}/result what the request would have answered synchronously
 *
 * `progress` is `pending` until the job has run, then `succeeded`, or `failed` [I] when the request's answer was
 * an error. Before that, the result is 404 [I]. How long a job waits is a sandbox knob (`asyncJobDelayMs`).
 * Async processing has its own processors in NetSuite, so a queued job does not hold a concurrency slot.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { NsHttpError, errorBody, nonexistentId } from './errors';

/** A request's answer as the server would send it. */
export interface JobOutcome {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

interface Job {
  id: number;
  progress: 'pending' | 'succeeded' | 'failed';
  startTime?: string;
  endTime?: string;
  outcome?: JobOutcome;
}

const PREFIX = '/services/rest/async/v1/job';
const CONFLICT_TYPE = 'https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.10';

function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function outcomeOfError(error: unknown): JobOutcome {
  if (error instanceof NsHttpError) return { status: error.status, headers: {}, body: error.toBody() };
  return { status: 500, headers: {}, body: errorBody(500, 'UNEXPECTED_ERROR', `An unexpected error occurred: ${(error as Error).message}`) };
}

export class AsyncJobs {
  private readonly jobs = new Map<number, Job>();
  private readonly jobByKey = new Map<string, number>();
  private readonly running = new Set<Promise<void>>();
  private nextId = 1;

  /** `origin` is the server's `http://host:port`; `delayMs` is read per job. */
  constructor(private readonly origin: string, private readonly delayMs: () => number) {}

  /** Queues `work` and returns the job's Location, or throws the idempotency conflict. */
  submit(idempotencyKey: string | null, work: () => Promise<JobOutcome>): string {
    if (idempotencyKey !== null) {
      const first = this.jobByKey.get(idempotencyKey);
      if (first !== undefined) {
        const conflict = new NsHttpError(
          400, 'IDEMPOTENCY_ERROR',
          'A request with the same idempotency key is already submitted. See the "Location" header for a link to the previously submitted job',
          {}, 'Conflict',
        );
        conflict.typeUri = CONFLICT_TYPE;
        conflict.headers = { 'Preference-Applied': 'respond-async', Location: `${PREFIX}/${first}` };
        throw conflict;
      }
    }
    const job: Job = { id: this.nextId++, progress: 'pending' };
    this.jobs.set(job.id, job);
    if (idempotencyKey !== null) this.jobByKey.set(idempotencyKey, job.id);
    const run = (async () => {
      await sleep(this.delayMs());
      job.startTime = now();
      const outcome = await work().catch(outcomeOfError);
      job.outcome = outcome;
      job.endTime = now();
      job.progress = outcome.status < 400 ? 'succeeded' : 'failed';
    })();
    const tracked = run.finally(() => this.running.delete(tracked));
    this.running.add(tracked);
    return `${PREFIX}/${job.id}`;
  }

  /** Resolves when every queued job has run (tests, shutdown). */
  async settled(): Promise<void> {
    await Promise.all([...this.running]);
  }

  private href(path: string): string {
    return `${this.origin}${PREFIX}/${path}`;
  }

  private json(body: unknown): JobOutcome {
    return { status: 200, headers: {}, body };
  }

  /** `GET /async/v1/job/…`; `segments` are the parts after `job/`. */
  route(method: string, segments: string[]): JobOutcome {
    const [jobId, task, taskId, result, ...rest] = segments;
    const job = jobId !== undefined && /^\d+$/.test(jobId) ? this.jobs.get(Number(jobId)) : undefined;
    if (!job || rest.length > 0 || (task !== undefined && task !== 'task') || (taskId !== undefined && taskId !== String(job.id))) {
      throw nonexistentId('async job', segments.join('/'));
    }
    if (method !== 'GET') throw new NsHttpError(405, 'METHOD_NOT_ALLOWED', `The ${method} method is not supported for async jobs.`);
    const completed = job.progress !== 'pending';
    if (task === undefined) {
      return this.json({
        links: [{ rel: 'self', href: this.href(String(job.id)) }],
        completed, id: String(job.id), progress: job.progress,
        task: { links: [{ rel: 'self', href: this.href(`${job.id}/task`) }] },
      });
    }
    const taskPath = `${job.id}/task/${job.id}`;
    if (taskId === undefined) {
      return this.json({
        links: [{ rel: 'self', href: this.href(`${job.id}/task`) }], count: 1, hasMore: false, offset: 0, totalResults: 1,
        items: [{ links: [{ rel: 'self', href: this.href(taskPath) }], id: String(job.id) }],
      });
    }
    if (result === undefined) {
      return this.json({
        links: [
          ...(completed ? [{ rel: 'related', href: this.href(`${taskPath}/result`) }] : []),
          { rel: 'self', href: this.href(taskPath) },
        ],
        completed, ...(job.endTime ? { endTime: job.endTime } : {}), id: String(job.id), progress: job.progress,
        ...(job.startTime ? { startTime: job.startTime } : {}),
      });
    }
    if (result !== 'result') throw nonexistentId('async job', segments.join('/'));
    if (!job.outcome) throw new NsHttpError(404, 'NONEXISTENT_ID', `Job ${job.id} has not completed yet; poll its task until completed is true.`);
    return job.outcome;
  }
}
