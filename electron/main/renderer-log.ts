import type { BrowserWindow } from 'electron';
import type { DeskLog } from '../core/logging/desk-log.js';

/**
 * The window's console warnings and errors, written by main to logs/renderer.log (the sandboxed page
 * cannot write files; its console is what a technician would otherwise never see). Redacted like
 * every line by the log itself.
 */
export function logRendererConsole(window: BrowserWindow, log: DeskLog): void {
  window.webContents.on('console-message', (event) => {
    const where = `${event.sourceId.replace(/^.*\//u, '')}:${event.lineNumber}`;
    if (event.level === 'error') log.error(`${event.message} (${where})`);
    else if (event.level === 'warning') log.warn(`${event.message} (${where})`);
  });
}
