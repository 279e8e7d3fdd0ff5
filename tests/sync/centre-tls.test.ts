import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_FAILURE_MESSAGES } from '../../electron/core/sync/sync-failure.js';
import type { CommandErrorData } from '../../shared/contract/errors.js';
import type { SyncStatus } from '../../shared/contract/events.js';
import { CENTRE_DATABASE_FILE } from '../../server/storage/open-storage.js';
import { CENTRE_URL_NOT_ENCRYPTED } from '../../shared/sync/centre-url.js';
import { placeEnrollError } from '../../renderer/features/sync/store/enroll-errors.js';
import { BUILT_ENTRY_EXEC_ARGV, builtEntry } from '../support/entry-builds.js';
import { makeTempDir } from '../support/temp-dir.js';
import { makeTestCertificates, type TestCertificates } from '../support/test-certificates.js';
import { prepareCentre, startCentre, type CentreProcess } from './support/centre-process.js';
import { centreLog } from './support/inspect.js';
import { sha256Of } from './support/scans.js';
import { openSyncDesk, UNITS } from './support/sync-desk.js';
import type { TlsDeskOutcome } from './support/tls-desk-child.js';

// A desk syncing with a centre that serves HTTPS from a city-run CA's certificate. The desk core runs
// in a child process, because NODE_EXTRA_CA_CERTS — how a desk is told to trust that CA — is read
// only when a process starts. Without the CA the handshake fails before anything is sent (the
// one-time code is still unused afterwards); with it the desk enrolls, and its dossier and its scan
// (tus, in parts) reach the centre. A clear-text address to another machine is refused on the desk.

const ROOT = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** Devices the centre has enrolled (read-only, beside the running centre). */
function enrolledDevices(centreDir: string): number {
  const db = new Database(join(centreDir, CENTRE_DATABASE_FILE), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM devices').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function deskInChild(env: Record<string, string>): Promise<TlsDeskOutcome> {
  // The parent's own NODE_EXTRA_CA_CERTS (if any) must not leak into the "untrusted" desk.
  const { NODE_EXTRA_CA_CERTS: _inherited, ...parentEnv } = process.env;
  const { stdout } = await run(process.execPath, [...BUILT_ENTRY_EXEC_ARGV, builtEntry('tls-desk-child')], {
    cwd: ROOT,
    env: { ...parentEnv, ...env },
    timeout: 90_000,
  });
  const line = stdout.trim().split('\n').at(-1)!;
  return JSON.parse(line) as TlsDeskOutcome;
}

describe('a desk and a centre over HTTPS with a private CA', () => {
  let pki: TestCertificates;
  let centre: CentreProcess;
  let centreDir: string;
  let code: string;

  beforeAll(async () => {
    pki = makeTestCertificates();
    const dir = makeTempDir('centre-tls-');
    centreDir = dir.path;
    cleanups.push(() => pki.remove(), () => dir.remove());
    [code] = (await prepareCentre(centreDir, [{ unitGsoCode: UNITS.hongGai.unitGsoCode, station: 1 }])) as [string];
    centre = await startCentre({ dataDir: centreDir, tls: { certPath: pki.certPath, keyPath: pki.keyPath } });
    cleanups.push(() => centre.stop());
    expect(centre.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });

  it("refuses a centre whose certificate it cannot verify: nothing is sent, nothing saved", async () => {
    const deskDir = makeTempDir('desk-untrusted-');
    cleanups.push(() => deskDir.remove());
    const outcome = await deskInChild({ DESK_DATA_DIR: deskDir.path, CENTRE_URL: centre.url, ENROLL_CODE: code });
    expect(outcome.enroll.ok).toBe(false);
    const error = (outcome.enroll as { ok: false; error: CommandErrorData }).error;
    // Named as a certificate problem (not as an unreachable centre), beside the address field.
    expect(error.code).toBe('not_found');
    expect(error.message).toBe(SYNC_FAILURE_MESSAGES.certificate);
    expect((outcome.status as SyncStatus).state).toBe('not_configured');
    // The handshake failed before the request: the centre enrolled nobody (and the code still works, below).
    expect(enrolledDevices(centreDir)).toBe(0);
  });

  it('with NODE_EXTRA_CA_CERTS naming the CA, enrolls with the same code and pushes a dossier and its scan', async () => {
    const deskDir = makeTempDir('desk-trusted-');
    cleanups.push(() => deskDir.remove());
    const outcome = await deskInChild({ DESK_DATA_DIR: deskDir.path, CENTRE_URL: centre.url, ENROLL_CODE: code, NODE_EXTRA_CA_CERTS: pki.caPath });
    expect(outcome.enroll).toMatchObject({ ok: true, value: { centreUrl: centre.url } });
    const status = outcome.status as SyncStatus;
    expect(status).toMatchObject({ pendingEvents: 0, pendingScans: 0, lastError: null });
    expect(status.lastSuccessAt).not.toBeNull();

    // The centre holds the dossier's events, and the scan whole under its SHA-256.
    expect(enrolledDevices(centreDir)).toBe(1);
    const held = centreLog(centreDir).filter((row) => row.dossierId === outcome.dossierId);
    expect(held.length).toBeGreaterThanOrEqual(2); // received, then the scan attached
    expect(held.every((row) => row.kind === 'event' && row.deviceId !== null)).toBe(true);
    const sha = outcome.scanSha256!;
    expect(sha256Of(readFileSync(join(centreDir, 'blobs', 'sha256', sha.slice(0, 2), sha)))).toBe(sha);
  });
});

describe('a clear-text centre address', () => {
  it('is refused on the desk unless the centre is on this machine, and the message lands on the address field', async () => {
    const desk = await openSyncDesk({ unit: 'hongGai', station: 2 });
    cleanups.push(() => desk.dispose());
    const refused = await desk.raw('sync.enroll', { centreUrl: 'http://10.0.0.5:8787', code: '7K3M-Q9RT-X2VD', deviceName: 'Quầy 2' });
    expect(refused.ok).toBe(false);
    const error = (refused as { ok: false; error: CommandErrorData }).error;
    expect(error.code).toBe('invalid_argument');
    expect(placeEnrollError(error)).toEqual({ fieldErrors: { centreUrl: CENTRE_URL_NOT_ENCRYPTED }, problem: null });
    expect((await desk.call('sync.status', {})).state).toBe('not_configured');

    // Loopback http passes the rule (here nothing listens, so it fails later, as unreachable).
    const loopback = await desk.raw('sync.enroll', { centreUrl: 'http://127.0.0.1:9', code: '7K3M-Q9RT-X2VD', deviceName: 'Quầy 2' });
    expect(loopback).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
