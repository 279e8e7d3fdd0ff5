import Database from 'better-sqlite3';
import { fork } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CommandName } from '../../shared/contract/command-names.js';
import type { CommandArgs, CommandResult } from '../../shared/contract/commands.js';
import type { SyncStatus } from '../../shared/contract/events.js';
import { nodeIpcPort } from '../../electron/core/process/core-port-adapters.js';
import { CoreSupervisor } from '../../electron/core/process/core-supervisor.js';
import { DATABASE_FILE } from '../../electron/core/start-core.js';
import { BUILT_ENTRY_EXEC_ARGV, builtEntry } from '../support/entry-builds.js';
import { makeTempDir } from '../support/temp-dir.js';
import { requiredPapers } from '../support/required-papers.js';
import { prepareCentre, startCentre, type CentreProcess } from './support/centre-process.js';
import { readCentreLog } from './support/inspect.js';
import { fabricatedScan, sha256Of } from './support/scans.js';
import { UNITS } from './support/sync-desk.js';

// What an update must never touch: a desk's events and scans still waiting for the centre. The desk runs
// as in the app — the production core entry in its own process under the supervisor main uses — from an
// "installed" code folder of version 0.1.0. The centre is down while the officer works, so the work
// queues. Then the update: the desk quits, its code folder is replaced by version 0.2.0's, and it starts
// again on the same data folder. The queue is the same, row for row, and reaches the centre once it is back.

const ROOT = resolve(import.meta.dirname, '../..');

/** An installed desk's code folder: the core's built entry (inside the repository, so its packages resolve). */
function installApp(parent: string, version: string): string {
  const dir = join(parent, `app-${version}`);
  mkdirSync(dir, { recursive: true });
  copyFileSync(builtEntry('core-entry'), join(dir, 'core-entry.js'));
  return dir;
}

function runDesk(appDir: string, version: string, dataDir: string) {
  const supervisor = new CoreSupervisor({
    identity: { appName: 'Một cửa Hạ Long', version, dataDir },
    spawn: () => {
      const child = fork(join(appDir, 'core-entry.js'), [], { execArgv: BUILT_ENTRY_EXEC_ARGV, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      return {
        port: nodeIpcPort(child),
        onExit: (listener) => {
          if (child.exitCode !== null || child.signalCode !== null) listener(child.exitCode);
          else child.once('exit', (code) => listener(code));
        },
        kill: () => child.kill('SIGKILL'),
      };
    },
  });
  const call = async <N extends CommandName>(name: N, args: CommandArgs<N>): Promise<CommandResult<N>> => {
    const envelope = await supervisor.invoke(name, args);
    if (!envelope.ok) throw new Error(`${name} failed: ${envelope.error.code} ${envelope.error.message}`);
    return envelope.value as CommandResult<N>;
  };
  return { supervisor, call };
}

interface Queue {
  events: { id: string; device_seq: number; type: string; payload: string }[];
  scans: { sha256: string; size: number; state: string }[];
}

/** The waiting queue as stored (read from the closed desk's SQLite file). */
function queueOf(dataDir: string): Queue {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return {
      events: db
        .prepare<[], Queue['events'][number]>("SELECT id, device_seq, type, payload FROM events WHERE origin = 'local' AND pushed_at IS NULL ORDER BY device_seq")
        .all(),
      scans: db.prepare<[], Queue['scans'][number]>("SELECT sha256, size, state FROM sync_blobs WHERE state = 'waiting' ORDER BY sha256").all(),
    };
  } finally {
    db.close();
  }
}

describe('an update keeps the queue waiting for the centre', { timeout: 120_000 }, () => {
  const tmp = makeTempDir('update-queue-');
  // Code folders live under .tsbuild/ (ignored by git): the core's bundle resolves its packages from the repository's node_modules.
  const installs = join(ROOT, '.tsbuild', `update-test-${process.pid}`);
  const dataDir = join(tmp.path, 'desk');
  const centreDir = join(tmp.path, 'centre');
  let centre: CentreProcess | null = null;
  afterAll(async () => {
    await centre?.stop();
    rmSync(installs, { recursive: true, force: true });
    tmp.remove();
  });

  it('waiting events and scans → update and restart → the same queue, then synced', async () => {
    mkdirSync(dataDir, { recursive: true });
    const [code] = await prepareCentre(centreDir, [{ unitGsoCode: UNITS.hongGai.unitGsoCode, station: 1 }]);
    centre = await startCentre({ dataDir: centreDir });
    const port = centre.port;

    const oldApp = installApp(installs, '0.1.0');
    const before = runDesk(oldApp, '0.1.0', dataDir);
    await before.supervisor.start();
    await before.call('setup.initialise', {
      ...UNITS.hongGai,
      station: 1,
      supervisor: { username: 'giamsat', fullName: 'Trần Văn Giám Sát', password: 'mat-khau-thu-nghiem' },
    });
    await before.call('sync.enroll', { centreUrl: centre.url, code: code!, deviceName: 'Quầy 1 thử cập nhật' });
    expect((await before.call('app.info', {})).version).toBe('0.1.0');

    // The centre goes away; the officer keeps working.
    await centre.stop();
    centre = null;
    const scans: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const detail = await before.call('dossiers.receive', {
        procedureId: 'cu-tru.dang-ky-thuong-tru',
        channel: 1,
        applicant: { fullName: `Nguyễn Thị Cập Nhật ${i}`, idNumber: `02219009${String(i).padStart(4, '0')}` },
        documents: requiredPapers('cu-tru.dang-ky-thuong-tru'),
      });
      const bytes = await fabricatedScan(200_000 + i);
      const path = join(tmp.path, `scan-${i}.pdf`);
      writeFileSync(path, bytes);
      await before.call('attachments.addFile', { dossierId: detail.state.id, path, kind: 'intake', checklistItemId: null });
      scans.push(sha256Of(bytes));
    }
    const waiting: SyncStatus = await before.call('sync.status', {});
    expect(waiting.pendingEvents).toBeGreaterThanOrEqual(6);
    expect(waiting.pendingScans).toBe(3);
    expect(await before.supervisor.close(10_000)).toBe(true);
    const queued = queueOf(dataDir);
    expect(queued.events.length).toBe(waiting.pendingEvents);
    expect(queued.scans.map((scan) => scan.sha256).sort()).toEqual([...scans].sort());

    // The update: 0.1.0's code folder is replaced by 0.2.0's; the data folder stays.
    const newApp = installApp(installs, '0.2.0');
    rmSync(oldApp, { recursive: true });
    expect(existsSync(oldApp)).toBe(false);
    const after = runDesk(newApp, '0.2.0', dataDir);
    await after.supervisor.start();
    try {
      expect((await after.call('app.info', {})).version).toBe('0.2.0');
      const status = await after.call('sync.status', {});
      expect(status).toMatchObject({ pendingEvents: waiting.pendingEvents, pendingScans: 3, centreUrl: `http://127.0.0.1:${port}` });
      expect(queueOf(dataDir)).toEqual(queued);

      // The centre is back (same address) and the officer signs in again: the queue drains into it.
      centre = await startCentre({ dataDir: centreDir, port });
      await after.call('auth.signIn', { username: 'giamsat', password: 'mat-khau-thu-nghiem' });
      let synced = status;
      for (let round = 0; round < 100 && (synced.pendingEvents > 0 || (synced.pendingScans ?? 0) > 0 || synced.state === 'syncing'); round += 1) {
        if (synced.state !== 'syncing') await after.call('sync.now', {});
        await new Promise((resolveWait) => setTimeout(resolveWait, 100));
        synced = await after.call('sync.status', {});
      }
      expect(synced).toMatchObject({ pendingEvents: 0, pendingScans: 0 });
      const atCentre = new Set((await readCentreLog(centreDir)).map((row) => row.id));
      for (const event of queued.events) expect(atCentre.has(event.id), event.id).toBe(true);
      for (const sha of scans) expect(existsSync(join(centreDir, 'blobs', 'sha256', sha.slice(0, 2), sha))).toBe(true);
    } finally {
      await after.supervisor.close(10_000);
    }
  });
});
