import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection, createServer, type AddressInfo } from 'node:net';
import type { CacheEntry, CacheProfile } from '@/lib/cache/manifest';

/** Redis databases the cache tests may use (shared Redis at 127.0.0.1:6379). */
export const CACHE_TEST_DB = 5;
export const TWO_INSTANCES_DB = 6;

/** An entry of a profile made up for a test (short lifetimes), carrying the given tags. */
export function testEntry<T>(name: string, profile: Partial<CacheProfile>, tags: string[] = []): CacheEntry<T> {
  return {
    profile: { name: 'test', ttlSeconds: 60, staleSeconds: 0, tiers: 'memory+redis', ...profile },
    key: `test|${name}`,
    tags,
  };
}

export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A Redis server of the test's own (in memory only), so a test can take it away and bring it back: the shared
 * Redis must keep serving everyone else.
 */
export class PrivateRedis {
  private process: ChildProcess | null = null;

  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    this.process = child;
    await waitFor(() => canConnect(this.port), 5_000, `redis-server on ${this.port}`);
  }

  /** Gone at once, as a crashed or unreachable server is. */
  async kill(): Promise<void> {
    const child = this.process;
    this.process = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

