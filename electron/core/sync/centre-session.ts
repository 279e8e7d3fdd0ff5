import type { SecretStore } from '../secrets/secret-store.js';
import { CentreClient } from './centre-client.js';
import type { CentreNetwork } from './centre-network.js';
import type { ScanFetchContext } from './scan-fetcher.js';
import { SyncFailure } from './sync-failure.js';
import type { SyncRepository } from './sync-repository.js';
import type { SyncAgentOptions, SyncLog } from './sync-options.js';

// What every request to the centre shares: the device token (kept in the secrets store, never in
// SQLite), the abort signal that stops them all, and how they travel (the network, a test's fetch).

export interface CentreSessionDeps {
  repo: SyncRepository;
  secrets: SecretStore;
  now(): number;
  options: SyncAgentOptions;
  network?: CentreNetwork | undefined;
  /** Overrides the network's fetch (tests that watch or break single requests). */
  fetch?: typeof fetch | undefined;
  log?: SyncLog | undefined;
}

const TOKEN_MISSING =
  'Không tìm thấy mã xác thực của máy này với trung tâm (kho bí mật trống, có thể do thư mục dữ liệu được chép từ máy khác). Hãy nhờ quản trị viên cấp mã đăng ký mới.';

export class CentreSession {
  private abortController = new AbortController();
  /** The device token, read once from the secrets store; null when there is none. */
  private token: string | null = null;
  private tokenLoad: Promise<void> | null = null;

  constructor(private readonly deps: CentreSessionDeps) {}

  /** Resolves once the token is loaded from the secrets store (moved out of SQLite first, on an older desk). */
  ready(): Promise<void> {
    this.tokenLoad ??= this.loadToken();
    return this.tokenLoad;
  }

  private async loadToken(): Promise<void> {
    const { repo, secrets, log } = this.deps;
    const legacy = repo.legacyToken();
    if (legacy !== null) {
      try {
        await secrets.set('centre.token', legacy);
        repo.clearLegacyToken();
      } catch (error) {
        // Syncing beats losing the token: it stays where it was, and the move is tried at the next start.
        log?.warn('sync: the token could not be moved to the secrets store', { name: (error as Error)?.name });
        this.token = legacy;
        return;
      }
    }
    try {
      this.token = await secrets.get('centre.token');
    } catch (error) {
      log?.warn('sync: the secrets store could not be read', { name: (error as Error)?.name });
    }
  }

  requireToken(): string {
    if (this.token === null) throw new SyncFailure('unauthorized', TOKEN_MISSING);
    return this.token;
  }

  /** Keeps a newly issued token: in the secrets store first (throws when it cannot), then in memory. */
  async saveToken(token: string): Promise<void> {
    await this.deps.secrets.set('centre.token', token);
    this.token = token;
  }

  /** Removes the token from the secrets store (throws when it cannot), then from memory. */
  async forgetToken(): Promise<void> {
    await this.deps.secrets.delete('centre.token');
    this.token = null;
  }

  get signal(): AbortSignal {
    return this.abortController.signal;
  }

  /** Aborts every request in flight. */
  abort(): void {
    this.abortController.abort();
  }

  /** After an abort that was not a stop: later requests may run again. */
  renew(): void {
    this.abortController = new AbortController();
  }

  enrolled(): boolean {
    const enrollment = this.deps.repo.enrollment();
    return enrollment !== null && enrollment.revokedAt === null;
  }

  /** The client for the enrolled centre; null when not enrolled (or revoked). Throws when the token is missing. */
  client(): CentreClient | null {
    const enrollment = this.deps.repo.enrollment();
    if (enrollment === null || enrollment.revokedAt !== null) return null;
    return new CentreClient(
      { baseUrl: enrollment.centreUrl, token: this.requireToken(), timeoutMs: this.deps.options.requestTimeoutMs, signal: this.signal, ...this.fetchOption() },
      this.deps.now,
    );
  }

  /** A client without a token, for enrolling at the centre at this address. */
  enrollmentClient(centreUrl: string): CentreClient {
    return new CentreClient({ baseUrl: centreUrl, timeoutMs: this.deps.options.requestTimeoutMs, ...this.fetchOption() }, this.deps.now);
  }

  /** Where scans are fetched from; null when not enrolled (or revoked). */
  scanContext(): Omit<ScanFetchContext, 'token'> | null {
    const enrollment = this.deps.repo.enrollment();
    if (enrollment === null || enrollment.revokedAt !== null) return null;
    return {
      centreUrl: enrollment.centreUrl,
      fetch: this.deps.fetch ?? this.deps.network?.fetch ?? fetch,
      stallTimeoutMs: this.deps.options.stallTimeoutMs,
      signal: this.signal,
      retryDelays: this.deps.options.uploadRetryDelays,
    };
  }

  /** tus's HTTP stack for uploads (none: tus-js-client's own). */
  get network(): CentreNetwork | undefined {
    return this.deps.network;
  }

  private fetchOption(): { fetch?: typeof fetch } {
    const fetchImpl = this.deps.fetch ?? this.deps.network?.fetch;
    return fetchImpl === undefined ? {} : { fetch: fetchImpl };
  }
}
