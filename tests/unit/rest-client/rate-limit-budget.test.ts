import { describe, expect, it } from 'vitest';
import { RateLimitBudget } from '@/lib/bigcommerce/rest/rate-limit-budget';
import { fakeClock, rateHeaders } from './support/test-server';

const headers = (left: number, quota: number, resetMs: number) =>
  new Headers(Object.entries(rateHeaders(left, quota, resetMs)).map(([k, v]) => [k, String(v)] as [string, string]));

function setup() {
  const clock = fakeClock();
  const budget = new RateLimitBudget({ now: clock.now, sleep: clock.sleep, reserveFraction: 0.1 });
  return { clock, budget };
}

describe('RateLimitBudget', () => {
  it('keeps the lowest Requests-Left when responses of one window arrive out of order', async () => {
    const { budget } = setup();
    (await budget.acquire()).settle(headers(9, 10, 20_000), 200);
    const t2 = await budget.acquire();
    const t3 = await budget.acquire();
    t3.settle(headers(7, 10, 19_990), 200);
    t2.settle(headers(8, 10, 19_980), 200); // sent first, answered last
    expect(budget.snapshot()).toMatchObject({ requestsLeft: 7, inFlight: 0, mode: 'metered' });
  });

  it('ignores a straggler from a previous window once a new window is known', async () => {
    const { clock, budget } = setup();
    (await budget.acquire()).settle(headers(9, 10, 1_000), 200);
    const straggler = await budget.acquire();
    await clock.sleep(1_000); // window over
    expect(budget.snapshot().mode).toBe('unknown');
    const probe = await budget.acquire();
    probe.settle(headers(9, 10, 30_000), 200);
    straggler.settle(headers(1, 10, 0), 200);
    expect(budget.snapshot()).toMatchObject({ requestsLeft: 9, mode: 'metered' });
  });

  it('counts requests in flight against the budget', async () => {
    const { clock, budget } = setup();
    (await budget.acquire()).settle(headers(4, 10, 5_000), 200);
    // left 4, reserve 1 → three may be in flight, the fourth waits for the reset.
    await budget.acquire();
    await budget.acquire();
    await budget.acquire();
    expect(clock.sleeps).toEqual([]);
    const fourth = budget.acquire();
    await new Promise((r) => setImmediate(r));
    expect(clock.sleeps).toEqual([5_000]);
    await fourth; // after the (fake) reset it goes as the new window's probe
    expect(budget.snapshot().inFlight).toBe(4);
  });

  it("a caller's abort ends a pause with the caller's reason", async () => {
    const clock = fakeClock();
    // A sleep that never finishes on its own: only the abort can end the pause.
    const budget = new RateLimitBudget({
      now: clock.now,
      sleep: (_ms, signal) => new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason))),
      reserveFraction: 0.1,
    });
    (await budget.acquire()).settle(headers(1, 10, 5_000), 200);
    const controller = new AbortController();
    const pending = budget.acquire(controller.signal);
    controller.abort(new Error('job cancelled'));
    await expect(pending).rejects.toThrow('job cancelled');
  });

  it('a 5xx, 429 or 401 without headers does not mark the store as unmetered', async () => {
    const { budget } = setup();
    (await budget.acquire()).settle(new Headers(), 502);
    (await budget.acquire()).settle(new Headers(), 401);
    (await budget.acquire()).settle(new Headers(), 429);
    expect(budget.snapshot().mode).toBe('unknown');
    (await budget.acquire()).settle(new Headers(), 200);
    expect(budget.snapshot().mode).toBe('unmetered');
  });
});
