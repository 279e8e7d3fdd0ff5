import { homedir } from 'node:os';
import { join } from 'node:path';
import { moveDataDirOnce } from './data-dir-move.js';

export const DATA_FOLDER_NAME = 'mot-cua-desk';

/**
 * The folder a desk keeps its data in when none is configured (DESK_DATA_DIR, or the web host's
 * --data-dir). Electron and the web host both use it, so one PC has one desk database however the desk
 * is started. On Windows it is machine-local (%LOCALAPPDATA%): the roaming profile (%APPDATA%) is copied
 * to a server at every sign-in and sign-out, a poor home for gigabytes of scans.
 */
export function defaultDataDir(env: Record<string, string | undefined> = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), DATA_FOLDER_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', DATA_FOLDER_NAME);
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), DATA_FOLDER_NAME);
}

/** Where earlier versions kept the default folder, when that differs from today's: roaming %APPDATA% on Windows. */
export function legacyDataDir(env: Record<string, string | undefined> = process.env, platform: NodeJS.Platform = process.platform): string | null {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), DATA_FOLDER_NAME);
  return null;
}

/**
 * The default folder, after moving a desk's folder there from the legacy location the first time
 * (data-dir-move.ts). Called before anything opens the folder; a configured folder is never moved.
 */
export function prepareDefaultDataDir(env: Record<string, string | undefined> = process.env, platform: NodeJS.Platform = process.platform): string {
  const target = defaultDataDir(env, platform);
  const legacy = legacyDataDir(env, platform);
  if (legacy !== null && legacy !== target) moveDataDirOnce(legacy, target);
  return target;
}
