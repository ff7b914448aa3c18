import { spawnSync } from 'node:child_process';
import { connect } from 'node:net';

/** True when a Redis server answers PING at `redisUrl`. */
export function redisAnswers(redisUrl: string, timeoutMs = 1500): Promise<boolean> {
  const url = new URL(redisUrl);
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port: Number(url.port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (chunk) => done(chunk.toString().startsWith('+PONG') || chunk.toString().startsWith('-NOAUTH')));
  });
}

/**
 * Makes sure Redis is reachable for local development: when nothing answers at a local REDIS_URL and
 * `redis-server` is installed, start one (in-memory only). Remote URLs are never touched.
 */
export async function ensureLocalRedis(redisUrl: string): Promise<void> {
  if (await redisAnswers(redisUrl)) return;
  const url = new URL(redisUrl);
  const local = ['127.0.0.1', 'localhost', '::1'].includes(url.hostname);
  const port = url.port || '6379';
  if (local) {
    const started = spawnSync('redis-server', ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', port, '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    if (!started.error) {
      for (let i = 0; i < 20; i++) {
        if (await redisAnswers(redisUrl)) return;
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    }
  }
  throw new Error(
    `Redis is not reachable at ${redisUrl}. Start Redis ≥ 6 (e.g. \`redis-server --port ${port}\`) or set REDIS_URL to a reachable server.`,
  );
}
