import { homedir } from 'node:os';
import { join } from 'node:path';

export const DATA_FOLDER_NAME = 'mot-cua-desk';

/**
 * The per-user folder a desk keeps its data in when none is given. Electron and the web host both
 * use it, so one PC has one desk database however the desk is started.
 */
export function defaultDataDir(env: Record<string, string | undefined> = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), DATA_FOLDER_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', DATA_FOLDER_NAME);
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), DATA_FOLDER_NAME);
}
