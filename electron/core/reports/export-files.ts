import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

export const EXPORTS_FOLDER = 'exports';

export function exportsDirOf(dataDir: string): string {
  return join(dataDir, EXPORTS_FOLDER);
}

/**
 * Writes an export atomically: a temporary file, flushed to disk, then renamed over the final name,
 * so a reader (Excel, the web host's download) never sees half a file and a re-export replaces the old one.
 */
export async function writeExportFile(dir: string, fileName: string, bytes: Uint8Array): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, fileName);
  const temporary = join(dir, `.${fileName}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(bytes);
    await handle.datasync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temporary, path);
  return path;
}
