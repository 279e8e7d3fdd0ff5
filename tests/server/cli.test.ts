import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { EnrollmentService } from '../../server/enrollment/enrollment-service.js';
import { CentreCatalogue } from '../../server/catalogue/centre-catalogue.js';
import { SqliteStorage } from '../../server/storage/sqlite-storage.js';
import { BUILT_ENTRY_EXEC_ARGV, builtEntry } from '../support/entry-builds.js';
import { makeTempDir } from '../support/temp-dir.js';

// `npm run centre -- <command>`: the administrator's commands on the same data folder the server uses,
// run by `node` on the centre's build as in production.

const ROOT = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const centre = (...args: string[]) =>
  run(process.execPath, [...BUILT_ENTRY_EXEC_ARGV, builtEntry('centre'), ...args], { cwd: ROOT });

describe('centre command line', { timeout: 60_000 }, () => {
  const dir = makeTempDir('centre-cli-');
  afterAll(() => dir.remove());

  it('creates the first admin, prints a one-time enrollment code, lists and revokes devices', async () => {
    const admin = await centre('create-admin', '--data-dir', dir.path, '--username', 'quantri', '--password', 'mat-khau-quan-tri-1');
    expect(admin.stdout).toContain('quantri');

    const issued = await centre('enrollment-code', '--data-dir', dir.path, '--unit', '06691', '--station', '3');
    const code = issued.stdout.trim();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(issued.stderr).toMatch(/đơn vị 06691, quầy 3/);

    // The printed code enrolls a desk, once.
    const storage = new SqliteStorage(join(dir.path, 'centre.sqlite'));
    try {
      const enrollment = new EnrollmentService(storage, Date.now, new CentreCatalogue(storage));
      expect(await enrollment.enroll({ code, deviceName: 'Quầy 3', deviceId: 'desk-cli' })).toMatchObject({ unitGsoCode: '06691', station: 3 });
      await expect(enrollment.enroll({ code, deviceName: 'Quầy 3', deviceId: 'desk-other' })).rejects.toMatchObject({ code: 'enrollment_code_invalid' });
    } finally {
      await storage.close();
    }

    expect((await centre('list-devices', '--data-dir', dir.path)).stdout).toMatch(/desk-cli\t06691\tquầy 3\tQuầy 3\tđang hoạt động/);
    await centre('revoke-device', '--data-dir', dir.path, '--device', 'desk-cli');
    expect((await centre('list-devices', '--data-dir', dir.path)).stdout).toMatch(/desk-cli.*thu hồi/);
  });

  it('refuses bad arguments with a readable message', async () => {
    await expect(centre('enrollment-code', '--data-dir', dir.path, '--unit', '123', '--station', '1')).rejects.toMatchObject({ stderr: expect.stringMatching(/unitGsoCode/) });
    await expect(centre('frobnicate', '--data-dir', dir.path)).rejects.toMatchObject({ stderr: expect.stringMatching(/Unknown command/) });
    await expect(centre('serve')).rejects.toMatchObject({ stderr: expect.stringMatching(/--data-dir/) });
  });
});
