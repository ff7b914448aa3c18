import { afterEach, describe, expect, it, vi } from 'vitest';
import { ttlMemo } from '@/lib/cache/ttl-memo';

afterEach(() => vi.useRealTimers());

describe('ttlMemo', () => {
  it('loads once per key within the TTL, again after it', async () => {
    vi.useFakeTimers();
    const load = vi.fn(async (key: number) => key * 2);
    const memo = ttlMemo(1_000, load);
    expect(await Promise.all([memo(1), memo(1), memo(2)])).toEqual([2, 2, 4]);
    expect(load).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(1_001);
    await memo(1);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('does not keep a failed load', async () => {
    let calls = 0;
    const memo = ttlMemo(60_000, async () => {
      calls++;
      if (calls === 1) throw new Error('upstream down');
      return 'ok';
    });
    await expect(memo('k')).rejects.toThrow('upstream down');
    await expect(memo('k')).resolves.toBe('ok');
  });
});
