import type { CommandName } from '../../../shared/contract/command-names.js';
import type { CommandArgs, CommandResult } from '../../../shared/contract/commands.js';
import type { Envelope } from '../../../shared/contract/envelope.js';
import type { SyncStatus } from '../../../shared/contract/events.js';
import { dispatch } from '../../../electron/core/dispatch.js';
import { startCore, type DeskCore } from '../../../electron/core/start-core.js';
import { FileSecretStore } from '../../../electron/core/secrets/file-secret-store.js';
import type { SecretStore } from '../../../electron/core/secrets/secret-store.js';
import type { CentreNetwork } from '../../../electron/core/sync/centre-network.js';
import type { SyncAgentOptions } from '../../../electron/core/sync/sync-agent.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { requiredPapers } from '../../support/required-papers.js';

// A desk core for the sync suite: a real SQLite file, a live clock (optionally set wrong), and an agent
// tuned for tests — short timeouts and back-off, so a stalled or dropped connection costs a second,
// not a minute. Everything else is the production core.

export const UNITS = {
  hongGai: { unitGsoCode: '06691', agencyId: '000.15.20.H49' },
  haKhanh: { unitGsoCode: '06649', agencyId: '000.01.20.H49' },
  // Two wards of today, named by id (their GSO codes were former units' before 1/7/2025), each with
  // the agency identifier its catalogue row holds.
  hongGai2025: { unitGsoCode: '06685', unitId: 'quang-ninh-2025-phuong-hong-gai', agencyId: '000.07.25.H49' },
  haLong2025: { unitGsoCode: '06688', unitId: 'quang-ninh-2025-phuong-ha-long', agencyId: '000.08.25.H49' },
} as const;
export type UnitKey = keyof typeof UNITS;

export const TEST_SYNC_OPTIONS: Partial<SyncAgentOptions> = {
  periodMs: 60_000,
  debounceMs: 50,
  requestTimeoutMs: 3_000,
  stallTimeoutMs: 3_000,
  pushBatch: 200,
  pullLimit: 200,
  pullLimitMax: 200,
  backoff: { baseMs: 50, maxMs: 500 },
  uploadRetryDelays: [0, 100, 300],
};

export interface SyncDesk {
  core: DeskCore;
  dataDir: string;
  unit: UnitKey;
  deviceId: string;
  call<N extends CommandName>(name: N, args: CommandArgs<N>): Promise<CommandResult<N>>;
  raw(name: string, args: unknown): Promise<Envelope<unknown>>;
  /** Receives one fabricated dossier and returns its id. */
  receiveDossier(applicantName?: string): Promise<string>;
  /** The device token the desk holds (from its secrets store: it is not in SQLite). */
  token(): Promise<string>;
  /** Asks for sync and waits for the round to end. */
  syncNow(): Promise<SyncStatus>;
  close(): void;
  dispose(): void;
}

let serial = 0;

export async function openSyncDesk(options: {
  unit: UnitKey;
  station: number;
  dataDir?: string;
  clockOffsetMs?: number;
  /** The desk's clock (the offset is added to it); the machine's by default. */
  now?: () => number;
  syncOptions?: Partial<SyncAgentOptions>;
  /** How sync reaches the centre; Node's from this process's proxy variables by default. */
  centreNetwork?: CentreNetwork;
  /** Where the token is kept; the owner-only file of the data folder by default. */
  secrets?: SecretStore;
  initialise?: boolean;
}): Promise<SyncDesk> {
  const dir = options.dataDir === undefined ? makeTempDir('sync-desk-') : null;
  const dataDir = options.dataDir ?? dir!.path;
  const offset = options.clockOffsetMs ?? 0;
  const core = startCore(
    { appName: 'sync-test', version: '0.0.0-test', dataDir },
    {
      now: () => (options.now ?? Date.now)() + offset,
      syncOptions: { ...TEST_SYNC_OPTIONS, ...options.syncOptions },
      ...(options.centreNetwork === undefined ? {} : { centreNetwork: options.centreNetwork }),
      ...(options.secrets === undefined ? {} : { secrets: options.secrets }),
    },
  );
  const raw = (name: string, args: unknown) => dispatch(core.handlers, name, args, { transport: 'in-process' }, { error: () => undefined });
  const call = async <N extends CommandName>(name: N, args: CommandArgs<N>): Promise<CommandResult<N>> => {
    const envelope = await raw(name, args);
    if (!envelope.ok) throw new Error(`${name} failed: ${envelope.error.code} ${envelope.error.message}`);
    return envelope.value as CommandResult<N>;
  };
  if (options.initialise !== false) {
    const status = await call('setup.status', {});
    if (!status.initialised) {
      await call('setup.initialise', {
        ...UNITS[options.unit],
        station: options.station,
        supervisor: { username: 'giamsat', fullName: 'Trần Văn Giám Sát', password: 'mat-khau-thu-nghiem' },
      });
    } else {
      await call('auth.signIn', { username: 'giamsat', password: 'mat-khau-thu-nghiem' });
    }
  }
  const info = await call('app.info', {});
  return {
    core,
    dataDir,
    unit: options.unit,
    deviceId: info.desk.deviceId,
    call,
    raw,
    async receiveDossier(applicantName) {
      serial += 1;
      const detail = await call('dossiers.receive', {
        procedureId: 'cu-tru.dang-ky-thuong-tru',
        channel: 1,
        applicant: { fullName: applicantName ?? `Nguyễn Văn Thử ${serial}`, idNumber: `0221900${String(serial).padStart(5, '0')}` },
        documents: requiredPapers('cu-tru.dang-ky-thuong-tru'),
      });
      return detail.state.id;
    },
    async token() {
      await core.sync.ready();
      const token = await new FileSecretStore(dataDir).get('centre.token');
      if (token === null) throw new Error('this desk holds no centre token');
      return token;
    },
    syncNow: () => call('sync.now', { wait: true }),
    close: () => core.close(),
    dispose() {
      core.close();
      dir?.remove();
    },
  };
}

/** The status once no background round is running (sync also runs on its own, after changes). */
export async function settledStatus(desk: SyncDesk): Promise<SyncStatus> {
  for (let i = 0; i < 100; i += 1) {
    const status = await desk.call('sync.status', {});
    if (status.state !== 'syncing') return status;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('sync never settled');
}

/** Enrolls a desk with the centre (through the proxy URL if given). */
export async function enrollDesk(desk: SyncDesk, centreUrl: string, code: string): Promise<SyncStatus> {
  return desk.call('sync.enroll', { centreUrl, code, deviceName: `Quầy thử nghiệm ${desk.deviceId.slice(0, 8)}` });
}

/**
 * Syncs every desk until a whole round moves nothing: no desk has events waiting and a second round
 * after the last change pulls nothing new. Bounded: fails the test instead of hanging.
 */
export async function converge(desks: readonly SyncDesk[], options: { rounds?: number; pauseMs?: number } = {}): Promise<void> {
  const rounds = options.rounds ?? 60;
  let quiet = 0;
  let previous = '';
  for (let round = 0; round < rounds; round += 1) {
    const statuses = await Promise.all(desks.map((desk) => desk.syncNow()));
    const counts = desks.map((desk) => (desk.core.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n).join(',');
    const waiting = statuses.reduce((sum, s) => sum + s.pendingEvents + (s.pendingScans ?? 0), 0);
    const failed = statuses.some((s) => s.state !== 'idle');
    if (waiting === 0 && !failed && counts === previous) quiet += 1;
    else quiet = 0;
    previous = counts;
    if (quiet >= 2) return;
    if (options.pauseMs !== undefined) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
  }
  const states = await Promise.all(desks.map((desk) => desk.call('sync.status', {})));
  throw new Error(`desks did not converge in ${rounds} rounds: ${JSON.stringify(states.map((s) => [s.state, s.pendingEvents, s.pendingScans, s.lastError]))}`);
}
