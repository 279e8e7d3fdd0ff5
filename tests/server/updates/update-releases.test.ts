import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseByteRange } from '../../../server/updates/byte-range.js';
import { readFeedInfo, writeFeedInfo } from '../../../server/updates/latest-yml.js';
import { compareVersions, isReleaseFileName, SEMVER_PATTERN } from '../../../server/updates/update-names.js';
import { stagingBucket, UpdateReleases } from '../../../server/updates/update-releases.js';
import { makeTempDir } from '../../support/temp-dir.js';

// The release store and its small parts, on a real folder (the feed over HTTP: tests/sync/update-feed.test.ts).

const sha512 = (bytes: Buffer) => createHash('sha512').update(bytes).digest('base64');

describe('update releases', () => {
  const tmp = makeTempDir('update-releases-');
  afterAll(() => tmp.remove());

  function build(version: string): string {
    const dir = join(tmp.path, `build-${version}`);
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `mot-cua-desk-${version}-win-x64.exe`);
    writeFileSync(path, randomBytes(1000));
    return path;
  }

  it('stages to a share of the desks by a stable hash of the device id, then to all', async () => {
    const releases = new UpdateReleases(join(tmp.path, 'share'), () => Date.parse('2026-11-25T03:00:00Z'));
    await releases.publish({ channel: 'stable', platform: 'win', installerPath: build('1.0.0'), version: '1.0.0' });
    await releases.publish({ channel: 'stable', platform: 'win', installerPath: build('1.1.0'), version: '1.1.0', stage: { units: [], percent: 25 } });
    const devices = Array.from({ length: 400 }, (_, i) => ({ id: `desk-${i}`, unitId: null }));
    const offered = await Promise.all(devices.map(async (device) => (await releases.releaseFor('stable', 'win', device))?.version));
    const share = offered.filter((version) => version === '1.1.0').length / devices.length;
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.35);
    // The same desk is picked every time, and is let download what it is offered — only that.
    for (const [i, device] of devices.entries()) {
      expect(stagingBucket(device.id, '1.1.0') < 25).toBe(offered[i] === '1.1.0');
      expect((await releases.fileFor('stable', 'mot-cua-desk-1.1.0-win-x64.exe', device)) !== null).toBe(offered[i] === '1.1.0');
    }
    await releases.promote('stable', 'win', '1.1.0', { units: [], percent: 10 });
    expect((await releases.list('stable'))[1]?.stage?.percent).toBe(25); // a share only grows
    await releases.promote('stable', 'win', '1.1.0');
    expect((await releases.releaseFor('stable', 'win', devices[0]!))?.version).toBe('1.1.0');
    await expect(releases.promote('stable', 'win', '1.1.0')).rejects.toThrow(/đã phát hành cho mọi máy/);
  });

  it('refuses unknown units, names that leave the folder, and versions that are not semver or not newer', async () => {
    const releases = new UpdateReleases(join(tmp.path, 'refusals'));
    const installer = build('2.0.0');
    await expect(releases.publish({ channel: 'stable', platform: 'win', installerPath: installer, version: '2.0.0', stage: { units: ['no-such-unit'], percent: 0 } })).rejects.toThrow(/no-such-unit/);
    await expect(releases.publish({ channel: '..', platform: 'win', installerPath: installer, version: '2.0.0' })).rejects.toThrow(/Kênh/);
    await expect(releases.publish({ channel: 'stable', platform: 'win', installerPath: installer, version: '2.0' })).rejects.toThrow(/semver/);
    await expect(releases.publish({ channel: 'stable', platform: 'win', installerPath: installer, version: '2.0.1' })).rejects.toThrow(/phải chứa phiên bản/);
    await releases.publish({ channel: 'stable', platform: 'win', installerPath: installer, version: '2.0.0' });
    await expect(releases.publish({ channel: 'stable', platform: 'win', installerPath: installer, version: '2.0.0' })).rejects.toThrow(/phải lớn hơn/);
    expect(await releases.list('stable')).toHaveLength(1);
    const device = { id: 'desk-1', unitId: null };
    for (const name of ['../refusals/stable/releases.json', 'releases.json', '.releases.json', '..', 'latest.yml']) {
      expect(await releases.fileFor('stable', name, device), name).toBeNull();
    }
    expect(isReleaseFileName('a/b')).toBe(false);
    expect(isReleaseFileName('a..b')).toBe(false);
  });

  it('reads the checksum electron-builder wrote and writes a feed electron-updater reads back the same', () => {
    const bytes = randomBytes(64);
    const written = writeFeedInfo({ version: '1.2.3-beta.1', installer: { name: 'mot-cua-desk-1.2.3-beta.1-win-x64.exe', sha512: sha512(bytes), size: 64 }, releaseDate: '2026-11-25T03:00:00.000Z' });
    expect(readFeedInfo(written)).toEqual({
      version: '1.2.3-beta.1',
      files: [{ url: 'mot-cua-desk-1.2.3-beta.1-win-x64.exe', sha512: sha512(bytes), size: 64 }],
      path: 'mot-cua-desk-1.2.3-beta.1-win-x64.exe',
      sha512: sha512(bytes),
      releaseDate: '2026-11-25T03:00:00.000Z',
    });
    expect(() => readFeedInfo('files:\n  - url: x\n')).toThrow(/no version/);
  });

  it('orders versions by semver precedence', () => {
    const ordered = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '1.0.1', '1.10.0'];
    for (let i = 1; i < ordered.length; i += 1) expect(compareVersions(ordered[i - 1]!, ordered[i]!), ordered[i]).toBeLessThan(0);
    expect(SEMVER_PATTERN.test('01.0.0')).toBe(false);
  });

  it('parses one byte range and ignores what it does not serve', () => {
    expect(parseByteRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseByteRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseByteRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseByteRange('bytes=990-2000', 1000)).toEqual({ start: 990, end: 999 });
    expect(parseByteRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=0-1,5-9', 1000)).toBeNull();
    expect(parseByteRange('items=0-1', 1000)).toBeNull();
    expect(parseByteRange(undefined, 1000)).toBeNull();
  });
});
