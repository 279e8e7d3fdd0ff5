import type { AutoUpdaterLike, Cancellation } from './desk-updater.js';

// electron-updater itself, loaded only by an installed desk's main (index.ts): it reads Electron's `app`
// when imported, so nothing imports it statically — tests use a fake with the same methods and events.

export async function loadElectronUpdater(): Promise<{ updater: AutoUpdaterLike; newCancellation(): Cancellation }> {
  const { default: electronUpdater } = await import('electron-updater');
  const updater: AutoUpdaterLike = electronUpdater.autoUpdater;
  return { updater, newCancellation: () => new electronUpdater.CancellationToken() };
}
