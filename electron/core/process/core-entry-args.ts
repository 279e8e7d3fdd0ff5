// The command-line options of the core's process (core-entry.ts), shared with main that passes them.

/** Followed by the path of a better-sqlite3 addon built for Electron (`npm start`, scripts/start-desk.mjs). */
export const SQLITE_ADDON_ARG = '--sqlite-addon';

/** The start options the process's arguments carry. */
export function coreOptionsFromArgs(argv: readonly string[]): { sqliteAddon?: string } {
  const at = argv.indexOf(SQLITE_ADDON_ARG);
  const path = at >= 0 ? argv[at + 1] : undefined;
  return path === undefined || path === '' ? {} : { sqliteAddon: path };
}
