import { createServer, request, type Server } from 'node:http';
import { SYNC_PATHS } from '../../../shared/sync/protocol.js';

// An HTTP proxy on loopback between one desk and the centre that can run a step of the test just before
// it forwards the desk's next pull. A round pushes before it pulls, so at that moment the desk's push is
// over and the pulled page not yet applied: what the desk does in the step (an officer receiving a
// citizen during a long pull) is local and unpushed when the page arrives. Requests pass unchanged.

export class PullGate {
  private server: Server | null = null;
  private step: { run: () => Promise<void>; done: (error?: unknown) => void } | null = null;

  constructor(private readonly upstreamUrl: string) {}

  get url(): string {
    const address = this.server?.address();
    if (address === null || address === undefined || typeof address === 'string') throw new Error('pull gate not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  async listen(): Promise<this> {
    this.server = createServer((incoming, answer) => {
      const step = incoming.url?.startsWith(SYNC_PATHS.pull) ? this.step : null;
      if (step !== null) this.step = null;
      void (async () => {
        if (step !== null) {
          try {
            await step.run();
            step.done();
          } catch (error) {
            step.done(error);
          }
        }
        const upstream = new URL(this.upstreamUrl);
        const forwarded = request(
          { host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
          (reply) => {
            answer.writeHead(reply.statusCode ?? 502, reply.headers);
            reply.pipe(answer);
          },
        );
        forwarded.on('error', () => answer.destroy());
        incoming.pipe(forwarded);
      })();
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(0, '127.0.0.1', () => resolve());
    });
    return this;
  }

  /** Runs `step` before the next pull goes on to the centre; resolves once it ran (rejects if it threw). */
  beforeNextPull(step: () => Promise<void>): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.step = { run: step, done: (error) => (error === undefined ? resolve() : reject(error as Error)) };
    });
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server === null ? resolve() : this.server.close(() => resolve())));
  }
}
