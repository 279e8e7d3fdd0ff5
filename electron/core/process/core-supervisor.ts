// Keeps the desk core running in its own process: starts it, notices when it dies, restarts it (a
// bounded number of times), and closes it cleanly on quit. How a process is made is given (spawn):
// Electron's utilityProcess in the app (electron/main/core-process-main.ts), child_process.fork in tests.
import { errorEnvelope, type Envelope } from '../../../shared/contract/envelope.js';
import type { AppIdentity } from '../app/app-info.js';
import type { RebuildProgress } from '../dossiers/rebuild-projections.js';
import { CORE_LOST_MESSAGE, CoreClient, type CoreEventListener } from './core-client.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { CorePort } from './core-protocol.js';

/** One running core process, as the supervisor sees it. */
export interface CoreProcessHandle {
  port: CorePort;
  /** Called once when the process has ended, for whatever reason. */
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

export interface CoreSupervisorOptions {
  identity: AppIdentity;
  spawn(): CoreProcessHandle;
  /** Where the core keeps its secrets (main's safeStorage store in Electron); its own file when absent. */
  secrets?: SecretStore;
  /** The core came back after a crash (the window shows a banner). */
  onRestart?(): void;
  /** The core crashed more than `maxRestarts` times within `restartWindowMs`: it stays down. */
  onGiveUp?(): void;
  onRebuildProgress?(progress: RebuildProgress): void;
  maxRestarts?: number;
  restartWindowMs?: number;
}

const GAVE_UP_MESSAGE =
  'Lõi ứng dụng dừng nhiều lần liên tiếp nên không được khởi động lại. Hãy đóng rồi mở lại ứng dụng; nếu vẫn lỗi, liên hệ bộ phận hỗ trợ.';

export class CoreSupervisor {
  private current: { handle: CoreProcessHandle; client: CoreClient } | null = null;
  /** Resolves true once the current core serves, false when its start failed. */
  private serving: Promise<boolean> = Promise.resolve(false);
  private readonly listeners = new Set<CoreEventListener>();
  private readonly crashes: number[] = [];
  private closing = false;
  private gaveUp = false;

  constructor(private readonly options: CoreSupervisorOptions) {}

  /** The first start: rejects with the core's CommandError when the desk cannot be opened. */
  start(): Promise<void> {
    return this.launch();
  }

  /** A command for the core; while it restarts, waits for it. Never rejects. */
  async invoke(name: unknown, args: unknown): Promise<Envelope<unknown>> {
    if (this.closing) return errorEnvelope('internal', 'Ứng dụng đang đóng; thao tác này không được thực hiện.');
    if (!(await this.serving) || this.current === null) {
      return errorEnvelope('core_restarted', this.gaveUp ? GAVE_UP_MESSAGE : CORE_LOST_MESSAGE);
    }
    return this.current.client.invoke(name, args);
  }

  /** The core's events, from whichever process is current. */
  subscribe(listener: CoreEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Quit: asks the core to stop sync and checkpoint; true if it closed within `timeoutMs`. Then ends it. */
  async close(timeoutMs: number): Promise<boolean> {
    this.closing = true;
    const current = this.current;
    if (current === null) return true;
    const closed = await current.client.close(timeoutMs);
    current.handle.kill();
    return closed;
  }

  private launch(): Promise<void> {
    const handle = this.options.spawn();
    const client = new CoreClient(handle.port, this.options.secrets);
    this.current = { handle, client };
    client.subscribe((name, payload) => {
      for (const listener of this.listeners) listener(name, payload);
    });
    if (this.options.onRebuildProgress !== undefined) client.onRebuildProgress(this.options.onRebuildProgress);
    handle.onExit(() => this.exited(handle, client));
    const started = client.start(this.options.identity);
    this.serving = started.then(
      () => true,
      () => false,
    );
    // A core that could not open the desk waits to be ended (its client owns its life).
    started.catch(() => handle.kill());
    return started;
  }

  private exited(handle: CoreProcessHandle, client: CoreClient): void {
    client.disconnect();
    if (this.closing || this.current?.handle !== handle) return;
    const now = Date.now();
    this.crashes.push(now);
    const window = this.options.restartWindowMs ?? 60_000;
    while (this.crashes.length > 0 && now - this.crashes[0]! > window) this.crashes.shift();
    if (this.crashes.length > (this.options.maxRestarts ?? 3)) {
      console.error('desk core keeps stopping; not restarting it again');
      this.current = null;
      this.gaveUp = true;
      this.serving = Promise.resolve(false);
      this.options.onGiveUp?.();
      return;
    }
    console.error('desk core stopped unexpectedly; restarting it');
    this.launch().then(
      () => this.options.onRestart?.(),
      (error: unknown) => console.error('desk core failed to restart', error),
    );
  }
}
