import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startPortDesk } from '../../../support/clients.js';
import { makeTempDir } from '../../../support/temp-dir.js';
import { requiredPapers } from '../../../support/required-papers.js';

const SUPERVISOR = { unitGsoCode: '06691', station: 3, agencyId: '000.15.20.h49', supervisor: { username: 'GiamSat', fullName: 'Đỗ Thị Giám Sát', password: 'mat-khau-rat-dai' } };
const reception = (fullName: string) => ({
  procedureId: 'ho-tich.dang-ky-khai-sinh',
  channel: 1 as const,
  applicant: { fullName, idNumber: '022095001234' },
  documents: requiredPapers('ho-tich.dang-ky-khai-sinh'),
});

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('the core in its own process', () => {
  it('is killed mid-command: the call answers core_restarted, the next one works on the restarted core, nothing committed is lost', async () => {
    const scratch = makeTempDir('desk-stall-');
    const stallFile = join(scratch.path, 'stall');
    let restarts = 0;
    const desk = await startPortDesk({ stallFile, onRestart: () => restarts++ });
    cleanups.push(desk.dispose, scratch.remove);
    expect((await desk.client.invoke('setup.initialise', SUPERVISOR)).ok).toBe(true);
    const kept = await desk.client.invoke('dossiers.receive', reception('Hoàng Văn Đạt'));
    expect(kept.ok).toBe(true);

    // The next command stops inside the core (its clock never returns); the core is killed there.
    writeFileSync(stallFile, '');
    const inFlight = desk.client.invoke('dossiers.receive', reception('Trần Thị Dừng'));
    await until(() => existsSync(`${stallFile}.inside`));
    rmSync(stallFile);
    const first = desk.spawned[0]!;
    first.child.kill('SIGKILL');

    const lost = await inFlight;
    expect(lost).toEqual({ ok: false, error: { code: 'core_restarted', message: expect.stringContaining('khởi động lại') } });
    // The next command waits for the restarted core: a new process on the same desk, so nobody is signed in.
    const session = await desk.client.invoke('auth.session', {});
    expect(session.ok && session.value.officer).toBeNull();
    expect((await desk.client.invoke('auth.signIn', { username: 'giamsat', password: 'mat-khau-rat-dai' })).ok).toBe(true);
    // Everything committed before the crash is there; the command killed mid-way left nothing half-written.
    const found = await desk.client.invoke('dossiers.search', { text: 'hoang van dat' });
    expect(found.ok && found.value.rows.map((row) => row.code)).toEqual([kept.ok && kept.value.state.code]);
    const half = await desk.client.invoke('dossiers.search', { text: 'tran thi dung' });
    expect(half.ok && half.value.rows).toEqual([]);
    expect(desk.spawned).toHaveLength(2);
    expect(first.child.signalCode).toBe('SIGKILL');
    await until(() => restarts === 1);
  }, 60_000);

  it('gives up after a bounded number of crashes and says so', async () => {
    const desk = await startPortDesk();
    cleanups.push(desk.dispose);
    const { supervisor } = desk;
    for (let crash = 1; crash <= 4; crash++) {
      desk.spawned.at(-1)!.child.kill('SIGKILL');
      await until(() => desk.spawned.length === Math.min(crash + 1, 4) && (crash === 4 || desk.spawned.at(-1)!.child.connected));
      if (crash < 4) expect((await supervisor.invoke('app.info', {})).ok).toBe(true);
    }
    await until(() => desk.spawned.at(-1)!.child.exitCode !== null || desk.spawned.at(-1)!.child.signalCode !== null);
    const refused = await supervisor.invoke('app.info', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'core_restarted', message: expect.stringContaining('không được khởi động lại') } });
    expect(desk.spawned).toHaveLength(4);
  }, 90_000);

  it('closes cleanly on quit: sync stopped, the WAL checkpointed into the database file', async () => {
    const desk = await startPortDesk();
    expect((await desk.client.invoke('setup.initialise', SUPERVISOR)).ok).toBe(true);
    expect(await desk.supervisor.close(10_000)).toBe(true);
    await until(() => desk.spawned[0]!.child.exitCode !== null || desk.spawned[0]!.child.signalCode !== null);
    const wal = join(desk.dataDir, 'desk.sqlite-wal');
    expect(!existsSync(wal) || (await import('node:fs')).statSync(wal).size === 0).toBe(true);
    await desk.dispose();
  }, 60_000);
});
