// The life of the core's own process: wait for `start` (which desk), open it, serve the port, and on
// `close` shut down cleanly (scans and sync stopped, WAL checkpointed) before saying `closed`.
// The entries (core-utility-entry.ts in Electron, core-entry.ts or a test entry under Node) only pick the port and the options.
import { CommandError } from '../../../shared/contract/errors.js';
import type { AppIdentity } from '../app/app-info.js';
import { copyConsoleToLog, openDeskLog } from '../logging/desk-log.js';
import { ClientSecretStore } from '../secrets/client-secret-store.js';
import { startCore, type DeskCore } from '../start-core.js';
import { createCoreHost, type CoreHost } from './core-host.js';
import { parseRequest, requestIdOf, type CoreMessage, type CorePort } from './core-protocol.js';

export type CoreStartOptions = Omit<Parameters<typeof startCore>[1], 'onProjectionRebuild'>;

const START_FAILED =
  'Không mở được cơ sở dữ liệu của bàn làm việc. Hãy khởi động lại máy; nếu vẫn lỗi, liên hệ bộ phận hỗ trợ.';

let logging = false;

/**
 * From `start` on (the data folder is known) the process writes logs/core.log: its console, and the
 * error that ends it (the monitor leaves Node's default, printing and exiting, as it was; the supervisor
 * restarts the process and main files the crash report).
 */
function startLogging(identity: AppIdentity): void {
  if (logging) return;
  logging = true;
  const log = openDeskLog(identity.dataDir, 'core');
  copyConsoleToLog(log);
  process.on('uncaughtExceptionMonitor', (error) => log.error('uncaught error in the desk core', error));
  log.info(`desk core ${identity.version} starting (Node ${process.versions.node}, ${process.platform})`);
}

/**
 * Serves until the client asks to close. The client owns the process's life: it ends the process once
 * it has read `closed` or `start-failed` (a message posted just before exiting could be lost).
 */
export function runCoreProcess(port: CorePort, options: CoreStartOptions = {}): void {
  const post = (message: CoreMessage): void => port.postMessage(message);
  let core: DeskCore | null = null;
  let host: CoreHost | null = null;
  // Set when the client keeps the secrets (Electron's main, with safeStorage): its answers go here.
  let clientSecrets: ClientSecretStore | null = null;

  const start = (identity: AppIdentity, secretsFromClient: boolean): void => {
    if (core !== null) return;
    startLogging(identity);
    if (secretsFromClient) clientSecrets ??= new ClientSecretStore(post);
    try {
      core = startCore(identity, {
        ...options,
        ...(clientSecrets === null ? {} : { secrets: clientSecrets }),
        onProjectionRebuild: ({ done, total }) => post({ kind: 'rebuild-progress', done, total }),
      });
    } catch (error) {
      console.error('desk core failed to start', error);
      post({ kind: 'start-failed', error: error instanceof CommandError ? error.toData() : { code: 'storage_failure', message: START_FAILED } });
      return;
    }
    host = createCoreHost(post, core, (request) => {
      if (request.kind === 'close') void close();
    });
    post({ kind: 'ready' });
  };

  const close = async (): Promise<void> => {
    const closing = core;
    core = null;
    host?.dispose();
    host = null;
    try {
      await closing?.closeCleanly();
    } catch (error) {
      console.error('desk core did not close cleanly', error);
    }
    post({ kind: 'closed' });
  };

  port.on('message', (raw) => {
    const request = parseRequest(raw);
    if (request?.kind === 'secret-answer') {
      clientSecrets?.receive(request);
      return;
    }
    if (host !== null) {
      host.receive(raw);
      return;
    }
    if (request?.kind === 'start') start(request.identity, request.secrets === 'client');
    else if (request?.kind === 'close') void close();
    else post({ kind: 'result', id: requestIdOf(raw), envelope: { ok: false, error: { code: 'core_restarted', message: 'Lõi ứng dụng chưa sẵn sàng; hãy thử lại sau giây lát.' } } });
  });
}
