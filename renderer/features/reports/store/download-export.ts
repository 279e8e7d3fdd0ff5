import type { ExportResult } from '../../../../shared/contract/reports.js';
import { bearer } from '../../../backend/http-event-stream.js';
import { readDeskToken } from '../../../backend/http-transport.js';

/**
 * In the browser (web host) the file is fetched from GET /api/exports/<name> with the desk token and
 * handed to the browser's own download; in Electron the core already wrote it where the officer can
 * open it (a save-as dialog comes with the main process). Returns false when there is nothing to fetch.
 */
export async function downloadExport(result: ExportResult, win: Window = window, doc: Document = document): Promise<boolean> {
  if (win.desk) return false;
  const response = await fetch(`/api/exports/${encodeURIComponent(result.fileName)}`, { headers: bearer(readDeskToken(doc)), cache: 'no-store' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
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
  return true;
}
