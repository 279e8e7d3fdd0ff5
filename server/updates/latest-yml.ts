// electron-updater's feed file (latest.yml and its per-platform twins), read and written without a YAML
// library: electron-builder writes a fixed, flat shape (version, files[url, sha512, size], path, sha512,
// releaseDate), and the centre writes its own copy from the release it recorded, so the feed always names
// the files the centre holds, with the checksums it verified.

export interface FeedFileEntry {
  url: string;
  /** base64 SHA-512 of the file, as electron-updater checks it after download. */
  sha512: string;
  size?: number;
}

export interface FeedInfo {
  version: string;
  files: FeedFileEntry[];
  path?: string;
  sha512?: string;
  releaseDate?: string;
}

const unquote = (text: string): string => {
  const trimmed = text.trim();
  if ((trimmed.startsWith("'") && trimmed.endsWith("'")) || (trimmed.startsWith('"') && trimmed.endsWith('"'))) {
    return trimmed.slice(1, -1).replace(/''/gu, "'");
  }
  return trimmed;
};

/** Reads the fields electron-updater uses from electron-builder's latest.yml; throws on anything else. */
export function readFeedInfo(text: string): FeedInfo {
  const top: Record<string, string> = {};
  const files: Record<string, string>[] = [];
  let inFiles = false;
  for (const raw of text.split(/\r?\n/u)) {
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    const item = /^\s+-\s+(\w+):\s*(.*)$/u.exec(raw);
    const nested = /^\s+(\w+):\s*(.*)$/u.exec(raw);
    const field = /^(\w+):\s*(.*)$/u.exec(raw);
    if (field !== null) {
      const [, key = '', value = ''] = field;
      inFiles = key === 'files';
      if (!inFiles) top[key] = unquote(value);
    } else if (inFiles && item !== null) {
      files.push({ [item[1] ?? '']: unquote(item[2] ?? '') });
    } else if (inFiles && nested !== null && files.length > 0) {
      const entry = files[files.length - 1] ?? {};
      entry[nested[1] ?? ''] = unquote(nested[2] ?? '');
    } else {
      throw new Error(`latest.yml: unexpected line "${raw.trim().slice(0, 60)}"`);
    }
  }
  if (top.version === undefined) throw new Error('latest.yml has no version');
  return {
    version: top.version,
    files: files.map((entry) => {
      if (entry.url === undefined || entry.sha512 === undefined) throw new Error('latest.yml: a file entry lacks url or sha512');
      return { url: entry.url, sha512: entry.sha512, ...(entry.size === undefined ? {} : { size: Number(entry.size) }) };
    }),
    ...(top.path === undefined ? {} : { path: top.path }),
    ...(top.sha512 === undefined ? {} : { sha512: top.sha512 }),
    ...(top.releaseDate === undefined ? {} : { releaseDate: top.releaseDate }),
  };
}

/** The checksum latest.yml gives for one file (by its file name), or null when it does not list it. */
export function sha512Listed(info: FeedInfo, fileName: string): string | null {
  const entry = info.files.find((file) => file.url === fileName);
  if (entry !== undefined) return entry.sha512;
  return info.path === fileName && info.sha512 !== undefined ? info.sha512 : null;
}

/** The feed the centre serves: one installer, names relative to the feed's folder. */
export function writeFeedInfo(release: { version: string; installer: { name: string; sha512: string; size: number }; releaseDate: string }): string {
  const { name, sha512, size } = release.installer;
  return [
    `version: ${release.version}`,
    'files:',
    `  - url: ${name}`,
    `    sha512: ${sha512}`,
    `    size: ${size}`,
    `path: ${name}`,
    `sha512: ${sha512}`,
    `releaseDate: '${release.releaseDate}'`,
    '',
  ].join('\n');
}
