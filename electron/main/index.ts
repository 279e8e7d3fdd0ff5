// Entry of the Electron main process. security.ts comes first so its guards exist before any window.
import { TRUSTED_RENDERER } from './security.js';
import { app } from 'electron';
import { join } from 'node:path';
import { startDeskApp } from './lifecycle.js';
import { loadElectronUpdater } from './updates/electron-updater-loader.js';

// This bundle is out/main/index.js; the preload and the renderer are built next to it.
const outDir = join(import.meta.dirname, '..');

startDeskApp({
  preloadPath: join(outDir, 'preload', 'index.cjs'),
  rendererDir: join(outDir, 'renderer'),
  coreEntryPath: join(outDir, 'main', 'core-entry.js'),
  packageJsonPath: join(app.getAppPath(), 'package.json'),
  renderer: TRUSTED_RENDERER,
  env: process.env,
  loadAutoUpdater: loadElectronUpdater,
  processHooks: { process, console },
}).catch((error: unknown) => {
  console.error('desk failed to start', error);
  app.exit(1);
});
