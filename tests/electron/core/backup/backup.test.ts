import Database from 'better-sqlite3';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupManifest } from '../../../../shared/contract/backup.js';
import { makeTempDir } from '../../../support/temp-dir.js';
import { openAttachmentDesk, receiveDossier, type AttachmentDesk } from '../attachments/support/attachment-desk.js';
import { pdfOf } from '../attachments/support/papers.js';

// Desk backups through the contract, on real files: the database copied by SQLite's online backup
// API and checked, scans copied once into the folder's content-addressed area, retention, the
// manifest, the daily trigger on the core's clock, and the errors a supervisor can act on.

let desk: AttachmentDesk;
let target: ReturnType<typeof makeTempDir>;
let files: ReturnType<typeof makeTempDir>;
beforeEach(async () => {
  desk = await openAttachmentDesk();
  target = makeTempDir('desk-backup-target-');
  files = makeTempDir('desk-backup-papers-');
});
afterEach(() => {
  desk.dispose();
  target.remove();
  files.remove();
});

async function dossierWithScan(label: string): Promise<string> {
  const id = await receiveDossier(desk);
  const path = join(files.path, `${label}.pdf`);
  writeFileSync(path, await pdfOf(1, label));
  await desk.call('attachments.addFile', { dossierId: id, path, kind: 'intake', checklistItemId: 'to-khai' });
  return id;
}

const backupsIn = (folder: string) => readdirSync(folder).filter((name) => name.startsWith('desk-')).sort();
const manifestOf = (name: string) => JSON.parse(readFileSync(join(target.path, name, 'manifest.json'), 'utf8')) as BackupManifest;
const count = (db: Database.Database, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('a backup', () => {
  it('copies the database (checked, same counts) and the scans into a dated folder with a manifest', async () => {
    await dossierWithScan('giay-mot');
    await dossierWithScan('giay-hai');
    await desk.call('backup.configure', { folder: target.path });
    const status = await desk.call('backup.run', {});

    const [name] = backupsIn(target.path);
    expect(name).toBe('desk-20261123-020000');
    expect(status.last).toEqual({ at: '2026-11-23T02:00:00.000Z', name, folder: target.path });
    expect(status.warning).toBeNull();
    const copy = new Database(join(target.path, name!, 'desk.sqlite'), { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      for (const table of ['events', 'dossiers', 'dossier_attachments', 'officers']) expect(count(copy, table)).toBe(count(desk.core.db, table));
    } finally {
      copy.close();
    }
    const manifest = manifestOf(name!);
    expect(manifest).toMatchObject({ format: 1, appVersion: '0.0.0-test', unitGsoCode: '06691', station: 1, counts: { dossiers: 2, attachments: 2 }, scans: { count: 2, copied: 2 } });
    expect(manifest.deviceId).toBe((await desk.call('app.info', {})).desk.deviceId);
    // No personal data: the applicant's name and ID number are nowhere in the manifest.
    expect(JSON.stringify(manifest)).not.toMatch(/Nguyễn|022190000123/);
    for (const sha of await desk.core.attachments.blobs.list()) {
      expect(readFileSync(join(target.path, 'blobs', sha.slice(0, 2), sha.slice(2, 4), sha)).equals(await desk.core.attachments.blobs.readVerified(sha))).toBe(true);
    }
  });

  it('copies only the scans the folder lacks, and keeps the last N backups', async () => {
    await desk.call('backup.configure', { folder: target.path, keep: 2 });
    await dossierWithScan('giay-mot');
    await desk.call('backup.run', {});
    desk.clock.advanceMinutes(60 * 24);
    await dossierWithScan('giay-hai');
    await desk.call('backup.run', {});
    const second = manifestOf(backupsIn(target.path)[1]!);
    expect(second.scans).toMatchObject({ count: 2, copied: 1 });

    desk.clock.advanceMinutes(60 * 24);
    await desk.call('backup.run', {});
    expect(backupsIn(target.path)).toEqual(['desk-20261124-020000', 'desk-20261125-020000']);
    expect(manifestOf('desk-20261125-020000').scans.copied).toBe(0);
  });

  it('in a folder several desks share, prunes only its own station’s backups', async () => {
    await desk.call('backup.configure', { folder: target.path, keep: 1 });
    await desk.call('backup.run', {});
    // Make the first backup another station's, as a second desk of the ward writing to the same share.
    const [other] = backupsIn(target.path);
    writeFileSync(join(target.path, other!, 'manifest.json'), JSON.stringify({ ...manifestOf(other!), station: 2 }));
    desk.clock.advanceMinutes(60);
    await desk.call('backup.run', {});
    desk.clock.advanceMinutes(60);
    await desk.call('backup.run', {});
    expect(backupsIn(target.path)).toEqual([other, 'desk-20261123-040000']);
  });

  it('says when the last good backup is getting old, and runs the daily one once a Vietnam day after the hour', async () => {
    await desk.call('backup.configure', { folder: target.path, warnDays: 3, dailyHour: 17 });
    expect((await desk.call('backup.status', {})).warning).toMatch(/chưa có bản sao lưu/);
    // 09:00 in Hạ Long: not yet.
    expect(await desk.core.backup.runDailyIfDue()).toBeNull();
    desk.clock.set('2026-11-23T10:30:00Z'); // 17:30
    expect((await desk.core.backup.runDailyIfDue())?.name).toBe('desk-20261123-103000');
    desk.clock.set('2026-11-23T16:00:00Z'); // 23:00, same day
    expect(await desk.core.backup.runDailyIfDue()).toBeNull();
    desk.clock.set('2026-11-26T11:00:00Z'); // three days on
    expect((await desk.call('backup.status', {})).warning).toBe('Bản sao lưu gần nhất đã cũ 3 ngày. Hãy sao lưu ngay.');
  });

  it('refuses a missing folder in Vietnamese and changes nothing', async () => {
    const missing = join(target.path, 'o-usb-da-rut');
    const refused = await desk.fail('backup.configure', { folder: missing });
    expect(refused).toEqual({ code: 'not_found', message: `Không tìm thấy thư mục sao lưu "${missing}". Hãy cắm ổ USB hoặc kết nối ổ mạng, hoặc chọn thư mục khác.` });
    expect((await desk.call('backup.status', {})).settings.folder).toBeNull();
    expect((await desk.fail('backup.run', {})).code).toBe('invalid_argument');
  });

  it('reports a folder it cannot write to, keeping no partial backup', async () => {
    await desk.call('backup.configure', { folder: target.path });
    await dossierWithScan('giay-mot');
    // root ignores file modes: a file where the blob area must go makes the copy fail the same way.
    writeFileSync(join(target.path, 'blobs'), 'not a folder');
    const failed = await desk.fail('backup.run', {});
    expect(failed.code).toBe('storage_failure');
    expect(failed.message).toMatch(/Không ghi được/);
    expect(readdirSync(target.path).filter((name) => name.includes('desk-'))).toEqual([]);
    expect((await desk.call('backup.status', {})).lastError).toBe(failed.message);
  });

  it('is for supervisors to run', async () => {
    await desk.call('auth.signOut', {});
    expect((await desk.fail('backup.run', {})).code).toBe('unauthorized');
  });
});
