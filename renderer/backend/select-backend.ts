import type { DeskBackend } from './desk-backend.js';
import { createHttpBackend, readDeskToken } from './http-transport.js';
import { createIpcBackend } from './ipc-transport.js';

/** Electron's preload provides `window.desk`; anywhere else the page was served by the loopback web host. */
export function selectBackend(win: Window, doc: Document): DeskBackend {
  if (win.desk) return createIpcBackend(win.desk);
  return createHttpBackend({ token: readDeskToken(doc) });
}
