import type { BackupList } from '../../../shared/contract/backup.js';
import type { Handlers } from '../../../shared/contract/commands.js';
import { assertUsableFolder, completeBackups, readManifest } from '../backup/backup-folder.js';
import { readBackupSettings, writeBackupSettings } from '../backup/backup-settings.js';
import { stageRestore } from '../backup/stage-restore.js';
import { readDeskSettings } from '../settings/desk-settings.js';
import type { CoreContext } from './context.js';

type BackupHandlers = Pick<Handlers, 'backup.status' | 'backup.run' | 'backup.configure' | 'backup.list' | 'backup.restore'>;

/**
 * Backups: any officer sees their state (the status bar); a supervisor sets them up and runs them. A
 * restore is a supervisor's too — or, on a desk not set up yet (the first-start screen, a new PC), the
 * person setting it up: there is nothing on it to protect.
 */
export function backupHandlers(ctx: CoreContext): BackupHandlers {
  const isInitialised = () => ctx.officers.count() > 0 && readDeskSettings(ctx.settings).unit !== null;
  const requireRestorer = () => {
    if (isInitialised()) ctx.session.requireOfficer('supervisor');
  };
  const folderOr = async (folder: string | undefined) => assertUsableFolder(folder ?? readBackupSettings(ctx.settings).folder);
  return {
    // Like sync.status, read by the status bar on every screen, the sign-in screen too: when the last
    // backup was made is not personal data, and a refusal there was an error in the window's console.
    'backup.status': () => ctx.backup.status(),
    'backup.run': async () => {
      ctx.session.requireOfficer('supervisor');
      await ctx.backup.run();
      return ctx.backup.status();
    },
    'backup.configure': async (args) => {
      ctx.session.requireOfficer('supervisor');
      if (args.folder != null) await assertUsableFolder(args.folder);
      writeBackupSettings(ctx.settings, args);
      return ctx.backup.status();
    },
    'backup.list': async (args): Promise<BackupList> => {
      requireRestorer();
      const folder = await folderOr(args.folder);
      const names = (await completeBackups(folder)).reverse();
      return { folder, backups: await Promise.all(names.map((name) => readManifest(folder, name))) };
    },
    'backup.restore': async (args) => {
      requireRestorer();
      const folder = await folderOr(args.folder);
      const manifest = await stageRestore(ctx.identity.dataDir, folder, args.name);
      return { name: manifest.name, restartRequired: true };
    },
  };
}
