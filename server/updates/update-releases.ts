import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { basename, join, resolve, sep } from 'node:path';
import { CATALOGUE_UNITS } from '../../shared/domain/catalogue/seed/units.js';
import { readFeedInfo, sha512Listed } from './latest-yml.js';
import {
  CHANNEL_PATTERN,
  compareVersions,
  FEED_FILES,
  isReleaseFileName,
  SEMVER_PATTERN,
  type UpdatePlatform,
  UPDATE_PLATFORMS,
} from './update-names.js';

// The desks' releases, kept in the centre's data folder: updates/<channel>/ holds the installers and
// blockmaps, and releases.json records what was published there (version, platform, checksums, staging).
// The admin command writes it (a new file renamed over the old, so a serving centre never reads half of
// one); the feed route reads it on each request, so a publish or promote needs no restart.

export interface ReleaseFile {
  name: string;
  /** base64 SHA-512, electron-updater's checksum. */
  sha512: string;
  size: number;
}

/** Which desks get a release before it is promoted to all. */
export interface ReleaseStage {
  /** Catalogue unit ids whose desks get it. */
  units: string[];
  /** And this share of the other desks (0–100), picked by a stable hash of the device id. */
  percent: number;
}

export interface UpdateRelease {
  version: string;
  platform: UpdatePlatform;
  installer: ReleaseFile;
  blockmap: ReleaseFile | null;
  releaseDate: string;
  /** null once promoted (or when published to all at once). */
  stage: ReleaseStage | null;
}

interface ChannelManifest {
  releases: UpdateRelease[];
}

export interface PublishInput {
  channel: string;
  platform: UpdatePlatform;
  installerPath: string;
  blockmapPath?: string | undefined;
  /** electron-builder's latest.yml for this build: its version and sha512 are checked against the file. */
  latestYmlPath?: string | undefined;
  /** Required when no latest.yml is given; must agree with it when both are. */
  version?: string | undefined;
  stage?: ReleaseStage | undefined;
}

/** A refusal the admin command prints as is (Vietnamese, with what to do). */
export class ReleaseError extends Error {
  override name = 'ReleaseError';
}

export function sha512OfFile(path: string): Promise<string> {
  return new Promise((done, fail) => {
    const hash = createHash('sha512');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', fail)
      .on('end', () => done(hash.digest('base64')));
  });
}

/** 0–99, the same for a device and release every time, independent across releases. */
export function stagingBucket(deviceId: string, version: string): number {
  return createHash('sha256').update(`${version}\0${deviceId}`).digest().readUInt32BE(0) % 100;
}

export function checkChannel(channel: string): string {
  if (!CHANNEL_PATTERN.test(channel)) throw new ReleaseError(`Kênh "${channel}" không hợp lệ: chỉ chữ thường, số và dấu '-', bắt đầu bằng chữ (ví dụ: stable).`);
  return channel;
}

export function checkStage(stage: ReleaseStage): ReleaseStage {
  const known = new Set(CATALOGUE_UNITS.map((unit) => unit.id));
  const unknown = stage.units.filter((unit) => !known.has(unit));
  if (unknown.length > 0) throw new ReleaseError(`Không có đơn vị ${unknown.join(', ')} trong danh mục (dùng mã đơn vị của danh mục).`);
  if (!Number.isInteger(stage.percent) || stage.percent < 0 || stage.percent > 100) throw new ReleaseError('Tỉ lệ phát hành thử phải là số nguyên từ 0 đến 100.');
  if (stage.units.length === 0 && stage.percent === 0) throw new ReleaseError('Phát hành thử cần ít nhất một đơn vị hoặc một tỉ lệ lớn hơn 0.');
  return { units: [...new Set(stage.units)], percent: stage.percent };
}

export class UpdateReleases {
  constructor(
    readonly dir: string,
    private readonly now: () => number = Date.now,
  ) {}

  channelDir(channel: string): string {
    return join(this.dir, checkChannel(channel));
  }

  async list(channel: string): Promise<UpdateRelease[]> {
    try {
      const text = await readFile(join(this.channelDir(channel), 'releases.json'), 'utf8');
      return (JSON.parse(text) as ChannelManifest).releases;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  private async save(channel: string, releases: UpdateRelease[]): Promise<void> {
    const dir = this.channelDir(channel);
    await mkdir(dir, { recursive: true });
    const temp = join(dir, `.releases.${process.pid}.tmp`);
    await writeFile(temp, `${JSON.stringify({ releases } satisfies ChannelManifest, null, 2)}\n`);
    await rename(temp, join(dir, 'releases.json'));
  }

  /** Copies the files in, checks them, records the release; nothing is recorded when a check fails. */
  async publish(input: PublishInput): Promise<UpdateRelease> {
    const channel = checkChannel(input.channel);
    if (!UPDATE_PLATFORMS.includes(input.platform)) throw new ReleaseError(`Nền tảng "${String(input.platform)}" không hợp lệ (${UPDATE_PLATFORMS.join(', ')}).`);
    const installerName = basename(input.installerPath);
    if (!isReleaseFileName(installerName)) throw new ReleaseError(`Tên tệp cài đặt "${installerName}" không hợp lệ: chỉ chữ, số, '.', '_', '-'.`);
    const installerSha512 = await sha512OfFile(input.installerPath);
    let version = input.version;
    if (input.latestYmlPath !== undefined) {
      const info = readFeedInfo(await readFile(input.latestYmlPath, 'utf8'));
      if (version !== undefined && version !== info.version) throw new ReleaseError(`Phiên bản ${version} khác phiên bản ${info.version} ghi trong latest.yml.`);
      version = info.version;
      const listed = sha512Listed(info, installerName);
      if (listed === null) throw new ReleaseError(`latest.yml không liệt kê tệp ${installerName}.`);
      if (listed !== installerSha512) {
        throw new ReleaseError(`Mã kiểm tra SHA-512 của ${installerName} không khớp latest.yml: tệp bị hỏng hoặc không phải bản đã dựng. Không phát hành.`);
      }
    }
    if (version === undefined) throw new ReleaseError('Cần --version (hoặc --latest-yml của electron-builder).');
    if (!SEMVER_PATTERN.test(version)) throw new ReleaseError(`Phiên bản "${version}" không đúng dạng semver (ví dụ 1.4.2).`);
    if (!installerName.includes(version)) {
      // electron-updater finds the installed version's blockmap by putting the old version in the new file's name.
      throw new ReleaseError(`Tên tệp cài đặt phải chứa phiên bản ${version} (electron-builder đặt như vậy).`);
    }
    const stage = input.stage === undefined ? null : checkStage(input.stage);
    const releases = await this.list(channel);
    const samePlatform = releases.filter((release) => release.platform === input.platform);
    const newest = samePlatform.at(-1);
    if (newest !== undefined && compareVersions(version, newest.version) <= 0) {
      throw new ReleaseError(`Kênh ${channel} đã có phiên bản ${newest.version}; bản phát hành mới phải lớn hơn.`);
    }
    const dir = this.channelDir(channel);
    await mkdir(dir, { recursive: true });
    const installer = await this.copyIn(dir, input.installerPath, installerName, installerSha512);
    let blockmap: ReleaseFile | null = null;
    if (input.blockmapPath !== undefined) {
      const blockmapName = basename(input.blockmapPath);
      if (blockmapName !== `${installerName}.blockmap`) throw new ReleaseError(`Tệp blockmap phải tên là ${installerName}.blockmap.`);
      blockmap = await this.copyIn(dir, input.blockmapPath, blockmapName, await sha512OfFile(input.blockmapPath));
    }
    const release: UpdateRelease = { version, platform: input.platform, installer, blockmap, releaseDate: new Date(this.now()).toISOString(), stage };
    await this.save(channel, [...releases, release]);
    return release;
  }

  private async copyIn(dir: string, from: string, name: string, sha512: string): Promise<ReleaseFile> {
    const temp = join(dir, `.${name}.${process.pid}.tmp`);
    await copyFile(from, temp);
    // Checked again after the copy: what is served is what was verified.
    if ((await sha512OfFile(temp)) !== sha512) throw new ReleaseError(`Tệp ${name} thay đổi trong khi sao chép; hãy thử lại.`);
    await rename(temp, join(dir, name));
    return { name, sha512, size: (await stat(join(dir, name))).size };
  }

  /**
   * A staged release goes further: to more units or a larger share (`widen`: the units are added to
   * those it had), or, without `widen`, to every desk.
   */
  async promote(channel: string, platform: UpdatePlatform, version: string, widen?: ReleaseStage): Promise<UpdateRelease> {
    const releases = await this.list(channel);
    const release = releases.find((candidate) => candidate.platform === platform && candidate.version === version);
    if (release === undefined) throw new ReleaseError(`Kênh ${channel} không có phiên bản ${version} cho ${platform}.`);
    if (release.stage === null) throw new ReleaseError(`Phiên bản ${version} đã phát hành cho mọi máy.`);
    release.stage =
      widen === undefined
        ? null
        : checkStage({ units: [...release.stage.units, ...widen.units], percent: Math.max(release.stage.percent, widen.percent) });
    await this.save(channel, releases);
    return release;
  }

  /** The release a device is offered: the newest one it is staged into, else the newest promoted one. */
  async releaseFor(channel: string, platform: UpdatePlatform, device: { id: string; unitId: string | null }): Promise<UpdateRelease | null> {
    const visible = (await this.list(channel)).filter((release) => release.platform === platform && isVisibleTo(release, device));
    return visible.at(-1) ?? null;
  }

  /**
   * The path of an installer or blockmap a device may download from this channel: one of a release it
   * may see (older ones too: electron-updater reads the installed version's blockmap for a differential
   * download), else null — also for another channel's file and for any name that is not a release file.
   */
  async fileFor(channel: string, name: string, device: { id: string; unitId: string | null }): Promise<ReleaseFile & { path: string } | null> {
    if (!isReleaseFileName(name) || Object.values(FEED_FILES).includes(name as never)) return null;
    for (const release of await this.list(channel)) {
      if (!isVisibleTo(release, device)) continue;
      const file = [release.installer, release.blockmap].find((candidate) => candidate?.name === name);
      if (file === undefined || file === null) continue;
      const dir = resolve(this.channelDir(channel));
      const path = resolve(dir, file.name);
      if (!path.startsWith(dir + sep)) return null;
      return { ...file, path };
    }
    return null;
  }
}

function isVisibleTo(release: UpdateRelease, device: { id: string; unitId: string | null }): boolean {
  if (release.stage === null) return true;
  if (device.unitId !== null && release.stage.units.includes(device.unitId)) return true;
  return stagingBucket(device.id, release.version) < release.stage.percent;
}
