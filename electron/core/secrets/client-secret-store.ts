import { CommandError } from '../../../shared/contract/errors.js';
import type { SecretAnswer, SecretRequest } from '../process/core-protocol.js';
import type { SecretName, SecretStore } from './secret-store.js';

// The core's SecretStore when it runs in Electron's utilityProcess: safeStorage exists only in main, so
// each operation is asked of main over the core's own channel (secret-request, answered by
// secret-answer; core-protocol.ts) and main answers from its safeStorage-backed store. An answer that
// does not come within the timeout (main busy or gone) fails the operation with a clear error instead of
// leaving sync waiting for ever; sync reports it and retries on its next round.

/** How long the core waits for main's answer. Main's store is a small file and an OS call: well under this. */
export const SECRET_ANSWER_TIMEOUT_MS = 10_000;

export const SECRETS_UNREACHABLE_MESSAGE =
  'Không đọc được khoá kết nối máy chủ đã lưu trên máy này (ứng dụng chính không trả lời). Hãy đóng rồi mở lại ứng dụng.';

type Pending = { resolve(value: string | null): void; reject(error: Error): void; timer: ReturnType<typeof setTimeout> };

export class ClientSecretStore implements SecretStore {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly post: (request: SecretRequest) => void,
    private readonly timeoutMs = SECRET_ANSWER_TIMEOUT_MS,
  ) {}

  /** Main's answer to one request; an answer nobody waits for (timed out) is dropped. */
  receive(answer: SecretAnswer): void {
    const waiting = this.pending.get(answer.id);
    if (waiting === undefined) return;
    this.pending.delete(answer.id);
    clearTimeout(waiting.timer);
    if (answer.ok) waiting.resolve(answer.value);
    // Main's store failed (safeStorage could not open what it sealed, the disk): main says why, in Vietnamese.
    else waiting.reject(new CommandError('storage_failure', answer.message));
  }

  get(name: SecretName): Promise<string | null> {
    return this.ask((id) => ({ kind: 'secret-request', id, op: 'get', name }));
  }

  async set(name: SecretName, value: string): Promise<void> {
    await this.ask((id) => ({ kind: 'secret-request', id, op: 'set', name, value }));
  }

  async delete(name: SecretName): Promise<void> {
    await this.ask((id) => ({ kind: 'secret-request', id, op: 'delete', name }));
  }

  private ask(request: (id: number) => SecretRequest): Promise<string | null> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new CommandError('storage_failure', SECRETS_UNREACHABLE_MESSAGE));
      }, this.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.post(request(id));
    });
  }
}
