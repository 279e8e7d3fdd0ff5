import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { redactText } from '../../../shared/logging/redact.js';
import { logFolderOf } from './desk-log.js';

// "Lưu nhật ký để gửi hỗ trợ": the desk's recent logs and what it runs on, in one zip the officer saves
// and sends to the city's technicians. The logs were redacted as they were written; they pass the
// redaction once more on the way out (a file from an older version, or one edited by hand).

/** The tail of each log file that goes in (the newest lines; a rotated file is at most 2 MB anyway). */
export const SUPPORT_LOG_TAIL_BYTES = 4 * 1024 * 1024;
/** The file in the zip that says what the desk runs on. */
export const SUPPORT_INFO_FILE = 'thong-tin-may.txt';

export interface SupportVersions {
  appName: string;
  appVersion: string;
  /** process.versions of main (electron, chrome, node…), as name → version. */
  runtime: Readonly<Record<string, string | undefined>>;
  /** "win32 10.0.19045 x64" */
  os: string;
}

export async function buildSupportBundle(dataDir: string, versions: SupportVersions, now: Date): Promise<Uint8Array> {
  const zip = new JSZip();
  const folder = logFolderOf(dataDir);
  const names = await readdir(folder).then(
    (entries) => entries.filter((name) => name.endsWith('.log')).sort(),
    () => [] as string[],
  );
  for (const name of names) {
    const bytes = await readFile(join(folder, name));
    const tail = bytes.subarray(Math.max(0, bytes.length - SUPPORT_LOG_TAIL_BYTES)).toString('utf8');
    zip.file(`logs/${name}`, redactText(tail), { date: now });
  }
  const runtime = ['electron', 'chrome', 'node', 'v8'].flatMap((name) => (versions.runtime[name] === undefined ? [] : [`${name} ${versions.runtime[name]}`]));
  const info = [
    `${versions.appName} ${versions.appVersion}`,
    `Hệ điều hành: ${versions.os}`,
    `Môi trường chạy: ${runtime.join(', ') || '—'}`,
    `Lập lúc: ${now.toISOString()}`,
    `Tệp nhật ký: ${names.join(', ') || '(chưa có)'}`,
    '',
  ].join('\n');
  zip.file(SUPPORT_INFO_FILE, info, { date: now });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** "nhat-ky-ho-tro-20261125-1000.zip", in the desk's local time as the officer reads it. */
export function supportBundleName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `nhat-ky-ho-tro-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}.zip`;
}
