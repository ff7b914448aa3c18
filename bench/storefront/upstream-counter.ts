import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A pass-through HTTP proxy in front of the BigCommerce sandbox that counts what the app asks of it: Storefront
 * GraphQL requests (by operation, from the `?operation=` tag the app's client adds) and REST calls. The app is
 * pointed at it exactly as it would be at a real store; the sync talks to the sandbox directly and is not counted.
 */
export class UpstreamCounter {
  graphql = 0;
  rest = 0;
  readonly byOperation = new Map<string, number>();
  url = '';
  private readonly server: Server;

  private constructor(target: string) {
    const upstream = new URL(target);
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://counter.local');
      if (url.pathname === '/graphql') {
        this.graphql++;
        const operation = url.searchParams.get('operation') ?? 'unnamed';
        this.byOperation.set(operation, (this.byOperation.get(operation) ?? 0) + 1);
      } else if (url.pathname.startsWith('/stores/')) {
        this.rest++;
      }
      const out = forward({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      out.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      req.pipe(out);
    });
  }

  static async start(target: string): Promise<UpstreamCounter> {
    const counter = new UpstreamCounter(target);
    await new Promise<void>((resolve) => counter.server.listen(0, '127.0.0.1', resolve));
    counter.url = `http://127.0.0.1:${(counter.server.address() as AddressInfo).port}`;
    return counter;
  }

  reset(): void {
    this.graphql = 0;
    this.rest = 0;
    this.byOperation.clear();
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
