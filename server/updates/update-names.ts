// What the update feed accepts as a channel, a file name and a version. Everything a request or the admin
// command names is checked against these before it touches the file system: no separators, no "..", no
// leading dot, so a name can only ever mean a file inside its channel's folder.

export const CHANNEL_PATTERN = /^[a-z][a-z0-9-]{0,31}$/u;

/** An installer, blockmap or feed file name: ASCII letters, digits, '.', '_', '-', never starting with '.'. */
export const RELEASE_FILE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/u;

/** Semantic Versioning 2.0.0 (semver.org's own expression), without build metadata. */
export const SEMVER_PATTERN =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?$/u;

/** The feed file electron-updater's generic provider asks for, per platform (its default channel "latest"). */
export const FEED_FILES = { win: 'latest.yml', linux: 'latest-linux.yml', mac: 'latest-mac.yml' } as const;
export type UpdatePlatform = keyof typeof FEED_FILES;
export const UPDATE_PLATFORMS = Object.keys(FEED_FILES) as UpdatePlatform[];

export function platformOfFeedFile(name: string): UpdatePlatform | null {
  return UPDATE_PLATFORMS.find((platform) => FEED_FILES[platform] === name) ?? null;
}

export function isReleaseFileName(name: string): boolean {
  return RELEASE_FILE_PATTERN.test(name) && !name.includes('..');
}

/** Orders two valid semver strings (precedence per semver.org §11); negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const [coreA = '', preA] = splitPre(a);
  const [coreB = '', preB] = splitPre(b);
  const numsA = coreA.split('.').map(Number);
  const numsB = coreB.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const diff = (numsA[i] ?? 0) - (numsB[i] ?? 0);
    if (diff !== 0) return diff;
  }
  if (preA === undefined || preB === undefined) return (preA === undefined ? 1 : 0) - (preB === undefined ? 1 : 0);
  const partsA = preA.split('.');
  const partsB = preB.split('.');
  for (let i = 0; i < Math.max(partsA.length, partsB.length); i++) {
    const x = partsA[i];
    const y = partsB[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const numeric = /^\d+$/u.test(x) && /^\d+$/u.test(y);
    const diff = numeric ? Number(x) - Number(y) : /^\d+$/u.test(x) ? -1 : /^\d+$/u.test(y) ? 1 : x < y ? -1 : x > y ? 1 : 0;
    if (diff !== 0) return diff;
  }
  return 0;
}

function splitPre(version: string): [string, string | undefined] {
  const dash = version.indexOf('-');
  return dash < 0 ? [version, undefined] : [version.slice(0, dash), version.slice(dash + 1)];
}
