import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnrollmentService } from '../../server/enrollment/enrollment-service.js';
import { CentreCatalogue } from '../../server/catalogue/centre-catalogue.js';
import { openStorage } from '../../server/storage/open-storage.js';
import { BUILT_ENTRY_EXEC_ARGV, builtEntry } from '../support/entry-builds.js';
import { makeTempDir } from '../support/temp-dir.js';
import { startCentre, type CentreProcess } from './support/centre-process.js';

// The desks' update feed against the centre as a real process on loopback: the administrator publishes
// with the centre's own command (node on its build), desks of two units ask with their device tokens.

const ROOT = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const centreCli = (...args: string[]) => run(process.execPath, [...BUILT_ENTRY_EXEC_ARGV, builtEntry('centre'), ...args], { cwd: ROOT });

const sha512 = (bytes: Buffer) => createHash('sha512').update(bytes).digest('base64');

/** What electron-builder writes next to a Windows installer. */
function latestYml(version: string, installer: string, checksum: string, size: number): string {
  return `version: ${version}\nfiles:\n  - url: ${installer}\n    sha512: ${checksum}\n    size: ${size}\npath: ${installer}\nsha512: ${checksum}\nreleaseDate: '2026-11-20T03:00:00.000Z'\n`;
}

interface Build {
  installer: string;
  blockmap: string;
  yml: string;
  bytes: Buffer;
}

/** A fabricated build in a folder of its own (random bytes stand in for the NSIS installer). */
function fabricateBuild(root: string, version: string, size: number): Build {
  const dir = join(root, `build-${version}`);
  const name = `mot-cua-desk-${version}-win-x64.exe`;
  const bytes = randomBytes(size);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), bytes);
  writeFileSync(join(dir, `${name}.blockmap`), randomBytes(2048));
  writeFileSync(join(dir, 'latest.yml'), latestYml(version, name, sha512(bytes), size));
  return { installer: join(dir, name), blockmap: join(dir, `${name}.blockmap`), yml: join(dir, 'latest.yml'), bytes };
}

describe('the update feed served by the centre', { timeout: 120_000 }, () => {
  const tmp = makeTempDir('update-feed-');
  const dataDir = join(tmp.path, 'centre');
  let centre: CentreProcess;
  /** Device tokens: one desk of Hồng Gai (the staged unit), one of Hà Khánh. */
  let staged: { token: string; unitId: string };
  let other: { token: string; unitId: string };
  let v2: Build;
  let v3: Build;

  const get = (path: string, token: string | null, headers: Record<string, string> = {}) =>
    fetch(`${centre.url}${path}`, { headers: { ...headers, ...(token === null ? {} : { authorization: `Bearer ${token}` }) } });
  const feedVersion = async (token: string) => {
    const response = await get('/v1/updates/stable/latest.yml', token);
    expect(response.status).toBe(200);
    return /^version: (.+)$/mu.exec(await response.text())?.[1];
  };

  beforeAll(async () => {
    const storage = await openStorage({ dataDir, database: undefined, schema: undefined });
    try {
      const enrollment = new EnrollmentService(storage, Date.now, new CentreCatalogue(storage));
      const enroll = async (unitGsoCode: string, deviceId: string) => {
        const { code } = await enrollment.issueCode({ unitGsoCode, station: 1, createdBy: 'test' });
        return (await enrollment.enroll({ code, deviceName: `Quầy 1 ${unitGsoCode}`, deviceId })).token;
      };
      const stagedToken = await enroll('06691', 'desk-hong-gai');
      const otherToken = await enroll('06649', 'desk-ha-khanh');
      const unitOf = async (id: string) => (await storage.listDevices()).find((device) => device.id === id)?.unitId ?? '';
      staged = { token: stagedToken, unitId: await unitOf('desk-hong-gai') };
      other = { token: otherToken, unitId: await unitOf('desk-ha-khanh') };
    } finally {
      await storage.close();
    }
    v2 = fabricateBuild(tmp.path, '0.2.0', 3 * 1024 * 1024 + 17);
    v3 = fabricateBuild(tmp.path, '0.3.0', 2 * 1024 * 1024 + 5);
    centre = await startCentre({ dataDir });
  });
  afterAll(async () => {
    await centre?.stop();
    tmp.remove();
  });

  it('publishes a release to every desk, then stages the next to one unit before promoting it', async () => {
    const noRelease = await get('/v1/updates/stable/latest.yml', other.token);
    expect(noRelease.status).toBe(404);

    await centreCli('publish-update', '--data-dir', dataDir, '--installer', v2.installer, '--blockmap', v2.blockmap, '--latest-yml', v2.yml);
    const feed = await (await get('/v1/updates/stable/latest.yml', other.token)).text();
    expect(feed).toContain('version: 0.2.0');
    expect(feed).toContain(`sha512: ${sha512(v2.bytes)}`);
    expect(feed).toContain('path: mot-cua-desk-0.2.0-win-x64.exe');
    const whole = await get('/v1/updates/stable/mot-cua-desk-0.2.0-win-x64.exe', other.token);
    expect(whole.status).toBe(200);
    expect(sha512(Buffer.from(await whole.arrayBuffer()))).toBe(sha512(v2.bytes));

    // 0.3.0 staged to Hồng Gai's unit (catalogue id), 0% of the others.
    const publish = await centreCli('publish-update', '--data-dir', dataDir, '--installer', v3.installer, '--blockmap', v3.blockmap, '--latest-yml', v3.yml, '--units', staged.unitId);
    expect(publish.stderr).toMatch(/thử trước/);
    expect(await feedVersion(staged.token)).toBe('0.3.0');
    expect(await feedVersion(other.token)).toBe('0.2.0');
    // The other unit cannot fetch the staged installer; the staged desk can, and the old blockmap too (differential download).
    expect((await get('/v1/updates/stable/mot-cua-desk-0.3.0-win-x64.exe', other.token)).status).toBe(404);
    expect((await get('/v1/updates/stable/mot-cua-desk-0.3.0-win-x64.exe', staged.token)).status).toBe(200);
    expect((await get('/v1/updates/stable/mot-cua-desk-0.2.0-win-x64.exe.blockmap', staged.token)).status).toBe(200);

    // Unit by unit: the other unit joins the stage; then the release goes to every desk.
    await centreCli('promote-update', '--data-dir', dataDir, '--version', '0.3.0', '--units', other.unitId);
    expect(await feedVersion(other.token)).toBe('0.3.0');
    expect((await centreCli('list-updates', '--data-dir', dataDir)).stdout).toContain(`thử: đơn vị ${staged.unitId},${other.unitId}, 0% máy khác`);
    await centreCli('promote-update', '--data-dir', dataDir, '--version', '0.3.0');
    expect((await centreCli('list-updates', '--data-dir', dataDir)).stdout).toMatch(/0\.2\.0\twin.*mọi máy.*\n0\.3\.0\twin.*mọi máy/u);

    // An older version than the channel's newest is refused.
    await expect(centreCli('publish-update', '--data-dir', dataDir, '--installer', v2.installer, '--latest-yml', v2.yml)).rejects.toMatchObject({
      stderr: expect.stringMatching(/phải lớn hơn/),
    });
  });

  it('refuses at publish an installer whose SHA-512 is not the one latest.yml gives, and records nothing', async () => {
    const bad = fabricateBuild(tmp.path, '0.4.0', 4096);
    writeFileSync(bad.yml, latestYml('0.4.0', 'mot-cua-desk-0.4.0-win-x64.exe', sha512(randomBytes(16)), 4096));
    await expect(centreCli('publish-update', '--data-dir', dataDir, '--installer', bad.installer, '--latest-yml', bad.yml)).rejects.toMatchObject({
      stderr: expect.stringMatching(/SHA-512 .* không khớp latest\.yml/u),
    });
    expect((await centreCli('list-updates', '--data-dir', dataDir)).stdout).not.toContain('0.4.0');
    expect(readdirSync(join(dataDir, 'updates', 'stable')).some((name) => name.includes('0.4.0'))).toBe(false);
    expect(await feedVersion(other.token)).toBe('0.3.0');
  });

  it('resumes an interrupted installer download with a byte range', async () => {
    const path = '/v1/updates/stable/mot-cua-desk-0.3.0-win-x64.exe';
    const cut = 1_000_000;
    const first = await get(path, other.token, { range: `bytes=0-${cut - 1}` });
    expect(first.status).toBe(206);
    expect(first.headers.get('content-range')).toBe(`bytes 0-${cut - 1}/${v3.bytes.length}`);
    const head = Buffer.from(await first.arrayBuffer());
    const rest = await get(path, other.token, { range: `bytes=${cut}-` });
    expect(rest.status).toBe(206);
    expect(rest.headers.get('accept-ranges')).toBe('bytes');
    const whole = Buffer.concat([head, Buffer.from(await rest.arrayBuffer())]);
    expect(sha512(whole)).toBe(sha512(v3.bytes));
    expect((await get(path, other.token, { range: `bytes=${v3.bytes.length}-` })).status).toBe(416);
  });

  it('refuses a request without a device token, another channel, and any path out of the channel', async () => {
    expect((await get('/v1/updates/stable/latest.yml', null)).status).toBe(401);
    expect((await get('/v1/updates/stable/mot-cua-desk-0.3.0-win-x64.exe', 'not-a-token')).status).toBe(401);
    // A file of the stable channel asked for through another channel.
    expect((await get('/v1/updates/beta/mot-cua-desk-0.3.0-win-x64.exe', other.token)).status).toBe(404);
    expect((await get('/v1/updates/beta/latest.yml', other.token)).status).toBe(404);
    for (const path of [
      '/v1/updates/stable/..%2F..%2Fcentre.sqlite',
      '/v1/updates/stable/%2E%2E%2Fcentre.sqlite',
      '/v1/updates/..%2Fblobs/latest.yml',
      '/v1/updates/stable/.releases.json',
      '/v1/updates/stable/releases.json',
      '/v1/updates/stable/..',
    ]) {
      const response = await get(path, other.token);
      expect([400, 404], path).toContain(response.status);
      expect(await response.text()).not.toContain('SQLite');
    }
    await expect(centreCli('publish-update', '--data-dir', dataDir, '--channel', '../blobs', '--installer', v3.installer, '--version', '9.0.0')).rejects.toMatchObject({
      stderr: expect.stringMatching(/Kênh "\.\.\/blobs" không hợp lệ/u),
    });
    await expect(centreCli('publish-update', '--data-dir', dataDir, '--channel', 'beta', '--installer', v3.installer, '--version', 'v1')).rejects.toMatchObject({
      stderr: expect.stringMatching(/semver/),
    });
    expect(existsSync(join(dataDir, 'blobs', 'releases.json'))).toBe(false);
  });

  it('does not count update checks and downloads as syncs on the dashboard', async () => {
    const storage = await openStorage({ dataDir, database: undefined, schema: undefined });
    try {
      // Both desks fetched feeds and installers above, and never pushed or pulled.
      expect((await storage.dashboard.devices()).map((device) => [device.id, device.lastSyncAt]).sort()).toEqual([
        ['desk-ha-khanh', null],
        ['desk-hong-gai', null],
      ]);
    } finally {
      await storage.close();
    }
  });
});
