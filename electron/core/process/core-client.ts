// The client's side of the protocol (core-protocol.ts): numbered requests, each answered by its result
// envelope; pushed events to subscribers. When the core's process is gone (`disconnect`), every call in
// flight answers `core_restarted` at once, never hangs, and so does every later call on this client.
import type { EventName } from '../../../shared/contract/event-names.js';
import type { EventPayloads } from '../../../shared/contract/events.js';
import { errorEnvelope, type Envelope } from '../../../shared/contract/envelope.js';
import { CommandError } from '../../../shared/contract/errors.js';
import type { AppIdentity } from '../app/app-info.js';
import type { RebuildProgress } from '../dossiers/rebuild-projections.js';
import type { SecretStore } from '../secrets/secret-store.js';
import { parseCoreMessage, type CorePort, type CoreRequest, type SecretRequest } from './core-protocol.js';

export type CoreEventListener = (name: EventName, payload: EventPayloads[EventName]) => void;

/** What a call in flight answers when the core stops under it: it may or may not have been saved. */
export const SECRETS_FAILED_MESSAGE =
  'Không đọc hoặc lưu được khoá kết nối máy chủ trong kho bảo mật của máy này. Hãy khởi động lại máy; nếu vẫn lỗi, liên hệ bộ phận hỗ trợ.';

export const CORE_LOST_MESSAGE =
  'Lõi ứng dụng vừa dừng đột ngột khi đang xử lý thao tác này và đang được khởi động lại. Hãy kiểm tra lại hồ sơ rồi thử lại.';

export class CoreClient {
  private nextId = 1;
  private readonly pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  private readonly eventListeners = new Set<CoreEventListener>();
  private readonly rebuildListeners = new Set<(progress: RebuildProgress) => void>();
  private settleStart: { resolve(): void; reject(error: Error): void } | null = null;
  private onClosed: (() => void) | null = null;
  private connected = true;

  /** With `secrets`, the core keeps its secrets here (asking over the port) rather than in its own file. */
  constructor(
    private readonly port: CorePort,
    private readonly secrets?: SecretStore,
  ) {
    port.on('message', (raw) => this.receive(raw));
  }

  /** Asks the core to open a desk; resolves once it serves, rejects with the core's CommandError if it cannot. */
  start(identity: AppIdentity): Promise<void> {
    return new Promise((resolve, reject) => {
      this.settleStart = { resolve, reject };
      this.post({ kind: 'start', identity, ...(this.secrets === undefined ? {} : { secrets: 'client' as const }) });
    });
  }

  invoke(name: unknown, args: unknown): Promise<Envelope<unknown>> {
    if (!this.connected) return Promise.resolve(errorEnvelope('core_restarted', CORE_LOST_MESSAGE));
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      // A name that is not a string still reaches the core, which answers unknown_command like every transport.
      this.post({ kind: 'invoke', id, name: typeof name === 'string' ? name : String(name), args });
    });
  }

  /** The core's events (DeskEventBus's shape, so the IPC wrapper and the web host take either). */
  subscribe(listener: CoreEventListener): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onRebuildProgress(listener: (progress: RebuildProgress) => void): () => void {
    this.rebuildListeners.add(listener);
    return () => this.rebuildListeners.delete(listener);
  }

  /** Asks the core to close cleanly; resolves true once it has, false if it did not within `timeoutMs`. */
  close(timeoutMs: number): Promise<boolean> {
    if (!this.connected) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.onClosed = () => {
        clearTimeout(timer);
        resolve(true);
      };
      this.post({ kind: 'close' });
    });
  }

  /** The core's process has gone: calls in flight and later ones answer `core_restarted`. */
  disconnect(): void {
    this.connected = false;
    const lost = errorEnvelope('core_restarted', CORE_LOST_MESSAGE);
    for (const resolve of this.pending.values()) resolve(lost);
    this.pending.clear();
    this.settleStart?.reject(new CommandError('core_restarted', CORE_LOST_MESSAGE));
    this.settleStart = null;
  }

  private post(request: CoreRequest): void {
    this.port.postMessage(request);
  }

  private receive(raw: unknown): void {
    const message = parseCoreMessage(raw);
    if (message === null) {
      console.warn('ignored a malformed message from the desk core');
      return;
    }
    switch (message.kind) {
      case 'result': {
        const resolve = message.id === null ? undefined : this.pending.get(message.id);
        if (resolve === undefined) return;
        this.pending.delete(message.id!);
        resolve(message.envelope);
        return;
      }
      case 'event':
        for (const listener of this.eventListeners) listener(message.name, message.payload as EventPayloads[EventName]);
        return;
      case 'rebuild-progress':
        for (const listener of this.rebuildListeners) listener({ done: message.done, total: message.total });
        return;
      case 'ready':
        this.settleStart?.resolve();
        this.settleStart = null;
        return;
      case 'start-failed':
        this.settleStart?.reject(new CommandError(message.error.code, message.error.message));
        this.settleStart = null;
        return;
      case 'closed':
        this.onClosed?.();
        this.onClosed = null;
        return;
      case 'secret-request':
        void this.answerSecret(message);
        return;
    }
  }

  /** One operation on this side's store for the core; a failure is answered (the core must not wait). */
  private async answerSecret(request: SecretRequest): Promise<void> {
    if (this.secrets === undefined) {
      this.post({ kind: 'secret-answer', id: request.id, ok: false, message: SECRETS_FAILED_MESSAGE });
      return;
    }
    try {
      let value: string | null = null;
      if (request.op === 'get') value = await this.secrets.get(request.name);
      else if (request.op === 'set') await this.secrets.set(request.name, request.value);
      else await this.secrets.delete(request.name);
      this.post({ kind: 'secret-answer', id: request.id, ok: true, value });
    } catch (error) {
      // The reason (a DPAPI or disk error) is for the log; the secret itself never is.
      console.error(`the core's secret ${request.name} could not be ${request.op === 'get' ? 'read' : 'written'}`, error);
      this.post({ kind: 'secret-answer', id: request.id, ok: false, message: SECRETS_FAILED_MESSAGE });
    }
  }
}
