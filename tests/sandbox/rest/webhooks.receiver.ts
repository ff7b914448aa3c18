import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** A local webhook destination: records every POST and answers with `statuses` in turn (the last one repeats). */
export async function startReceiver(statuses: number[] = [200]): Promise<{ url: string; received: Received[]; setStatuses(next: number[]): void; close(): Promise<void> }> {
  const received: Received[] = [];
  let queue = [...statuses];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '/', headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> });
      const status = queue.length > 1 ? (queue.shift() as number) : (queue[0] ?? 200);
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    setStatuses(next) {
      queue = [...next];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
