import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { SyncDesk } from './sync-desk.js';

/**
 * A real one-page PDF of about `sizeBytes` (random bytes embedded as an attached file, which no
 * compression shrinks), so it passes the desk's import exactly as a scanned PDF would.
 */
export async function fabricatedScan(sizeBytes: number): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.addPage([595, 842]).drawText('Ban quet thu nghiem', { x: 50, y: 780, size: 12 });
  await pdf.attach(new Uint8Array(randomBytes(Math.max(0, sizeBytes - 2_000))), 'noise.bin', { mimeType: 'application/octet-stream' });
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}

export const sha256Of = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** Attaches a fabricated scan to a dossier through the desk's own command; returns its SHA-256. */
export async function attachScan(desk: SyncDesk, dossierId: string, sizeBytes: number, given?: Buffer): Promise<string> {
  const bytes = given ?? (await fabricatedScan(sizeBytes));
  const path = join(desk.dataDir, `scan-${sha256Of(bytes).slice(0, 12)}.pdf`);
  writeFileSync(path, bytes);
  await desk.call('attachments.addFile', { dossierId, path, kind: 'intake', checklistItemId: null });
  return sha256Of(bytes);
}
