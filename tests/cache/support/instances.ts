import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { cacheMetrics } from '@/lib/cache/runtime';
import type { VariantOffer } from '@/lib/pricing/offer-types';

const HARNESS = fileURLToPath(new URL('./app-instance.ts', import.meta.url));

export type InstanceHealth = NonNullable<ReturnType<typeof cacheMetrics>>;

/** A storefront data layer running in its own process (app-instance.ts), sharing Redis with the others. */
export class AppInstance {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(env: Record<string, string>): Promise<AppInstance> {
    const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', HARNESS], {
      env: { ...process.env, ...env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const port = await new Promise<number>((resolve, reject) => {
      const lines = createInterface({ input: child.stdout! });
      lines.on('line', (line) => {
        if (line.startsWith('{"port"')) resolve((JSON.parse(line) as { port: number }).port);
      });
      child.once('exit', (code) => reject(new Error(`app instance exited with ${code} before listening`)));
    });
    return new AppInstance(child, `http://127.0.0.1:${port}`);
  }

  async offer(customerId: number, productId: number, variantId: number): Promise<VariantOffer> {
    const response = await fetch(`${this.url}/offer?customerId=${customerId}&productId=${productId}&variantId=${variantId}`);
    if (!response.ok) throw new Error(`offer → ${response.status} ${await response.text()}`);
    return (await response.json()) as VariantOffer;
  }

  async health(): Promise<InstanceHealth> {
    return (await (await fetch(`${this.url}/health`)).json()) as InstanceHealth;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}
