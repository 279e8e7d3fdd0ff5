import type { CommandErrorData } from '../../../../shared/contract/errors.js';
import type { ExportResult } from '../../../../shared/contract/reports.js';
import { bearer } from '../../../backend/http-event-stream.js';
import { readDeskToken } from '../../../backend/http-transport.js';
import { callShell } from '../../../backend/shell-call.js';

/** What became of an exported file once the core had written it. */
export type ExportDelivery =
  /** Browser: handed to the browser's own download. */
  | { kind: 'downloaded' }
  /** Electron: copied where the officer chose in the save dialog. */
  | { kind: 'saved'; path: string }
  /** Electron: the officer cancelled the save dialog; nothing else happens. */
  | { kind: 'cancelled' }
  /** Browser: the core wrote the file but the browser could not fetch it; it is still at `path`. */
  | { kind: 'notDownloaded'; path: string }
  | { kind: 'failed'; error: CommandErrorData };

/**
 * Gives the officer the file `reports.export` wrote. In the browser (web host) it is fetched from
 * GET /api/exports/<name> with the desk token and handed to the browser's download. In Electron the
 * main process asks where to save it (its save dialog, starting in Documents with the export's own
 * name) and copies it there; main knows the file's path from the export itself, the page only names it.
 */
export async function downloadExport(result: ExportResult, win: Window = window, doc: Document = document): Promise<ExportDelivery> {
  if (win.desk) {
    const saved = await callShell(win.desk, 'shell.saveExport', { fileName: result.fileName });
    if (!saved.ok) return { kind: 'failed', error: saved.error };
    return saved.value.saved ? { kind: 'saved', path: saved.value.path } : { kind: 'cancelled' };
  }
  let response: Response;
  try {
    response = await fetch(`/api/exports/${encodeURIComponent(result.fileName)}`, { headers: bearer(readDeskToken(doc)), cache: 'no-store' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  } catch {
    return { kind: 'notDownloaded', path: result.path };
  }
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = doc.createElement('a');
    link.href = url;
    link.download = result.fileName;
    doc.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Give the browser a moment to start the download before the object URL goes.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return { kind: 'downloaded' };
}
