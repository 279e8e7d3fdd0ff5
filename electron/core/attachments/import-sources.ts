import { open, type FileHandle } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/contract/attachments.js';
import { CommandError } from '../../../shared/contract/errors.js';
import type { AttachmentMediaType } from '../../../shared/domain/dossier/events.js';
import { isNoEntry, tooLarge } from '../blobs/blob-errors.js';
import type { BlobStore, StoredBlob } from '../blobs/blob-store.js';
import { buildPdf, type BuildSource } from '../scan/pdf-builder.js';
import { SNIFF_BYTES, sniffMediaType, unsupportedType } from './media-type.js';
import { countPdfPages, unreadablePdf } from './pdf-pages.js';

// The one import path every source goes through (file dialog, drag-and-drop, upload, inbox, scanner):
// check each file's type by its bytes and its size, then store ONE blob — a PDF kept byte for byte,
// or one PDF built from the images (and PDFs) in order. Everything is checked before anything is
// stored, so a refused file leaves nothing behind.

export interface ImportSource {
  path: string;
  /** The name the officer knows the file by (the upload's name, the inbox file's name). */
  fileName: string;
  /** The file IS this store's blob of that hash (an upload): a PDF is read from the store, not copied in again. */
  storedAs?: string;
}

export interface ImportedBlob {
  sha256: string;
  sizeBytes: number;
  mediaType: AttachmentMediaType;
  pages: number;
  fileName: string;
  /** False when the same bytes were already in the store. */
  created: boolean;
}

export interface ImportOptions {
  maxBytes?: number;
  /** The name of the stored file; default: the single PDF's own name, or the first file's name as .pdf. */
  fileName?: string;
}

const notAFile = (fileName: string): CommandError => new CommandError('invalid_argument', `"${fileName}" không phải là một tệp.`);

/** One open of the file: it exists, is a file, is not empty or too large, and its first bytes say a type the desk takes. */
async function checkSource(source: ImportSource, maxBytes: number): Promise<BuildSource> {
  let handle: FileHandle;
  try {
    handle = await open(source.path, 'r');
  } catch (error) {
    if (isNoEntry(error)) throw new CommandError('not_found', `Không tìm thấy tệp "${source.fileName}" (có thể đã được chuyển đi hoặc xoá).`);
    if (error instanceof Error && 'code' in error && error.code === 'EISDIR') throw notAFile(source.fileName); // Windows: a folder
    throw error;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw notAFile(source.fileName);
    if (info.size > maxBytes) throw tooLarge(maxBytes);
    if (info.size === 0) throw new CommandError('invalid_argument', `Tệp "${source.fileName}" rỗng (0 byte).`);
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
    const mediaType = sniffMediaType(head.subarray(0, bytesRead));
    if (mediaType === null) throw unsupportedType(source.fileName);
    return { path: source.path, fileName: source.fileName, mediaType };
  } finally {
    await handle.close();
  }
}

/**
 * A single PDF is kept byte for byte: the store copies it in and hands the copy's bytes to the page
 * count before naming and keeping them, so the bytes checked are the bytes stored (the file may have
 * been replaced since it was checked: its type is checked again on the copy).
 */
async function importPdf(store: BlobStore, source: BuildSource & { storedAs?: string }, maxBytes: number): Promise<{ blob: StoredBlob; pages: number }> {
  if (source.storedAs !== undefined) {
    const bytes = await store.readVerified(source.storedAs);
    return { blob: { sha256: source.storedAs, sizeBytes: bytes.length, created: false }, pages: await countPdfPages(bytes, source.fileName) };
  }
  const { inspected: pages, ...blob } = await store.copyIn(
    source.path,
    (bytes) => {
      if (sniffMediaType(bytes.subarray(0, SNIFF_BYTES)) !== 'application/pdf') throw unsupportedType(source.fileName);
      return countPdfPages(bytes, source.fileName);
    },
    { maxBytes },
  );
  return { blob, pages };
}

function asPdfName(fileName: string): string {
  const stem = basename(fileName, extname(fileName)).trim() || 'ban-quet';
  return `${stem}.pdf`;
}

export async function importSources(store: BlobStore, sources: readonly ImportSource[], options: ImportOptions = {}): Promise<ImportedBlob> {
  const first = sources[0];
  if (first === undefined) throw new CommandError('invalid_argument', 'Hãy chọn ít nhất một tệp.');
  const maxBytes = options.maxBytes ?? MAX_ATTACHMENT_BYTES;
  const checked: BuildSource[] = [];
  for (const source of sources) checked.push(await checkSource(source, maxBytes));

  const only = checked.length === 1 ? checked[0] : undefined;
  if (only?.mediaType === 'application/pdf') {
    const { blob, pages } = await importPdf(store, { ...only, storedAs: first.storedAs }, maxBytes);
    return { ...blob, mediaType: 'application/pdf', pages, fileName: options.fileName ?? only.fileName };
  }

  const built = await buildPdf(checked);
  if (built.pages < 1) throw unreadablePdf(first.fileName);
  const blob = await store.putBytes(built.bytes, { maxBytes });
  return { ...blob, mediaType: 'application/pdf', pages: built.pages, fileName: options.fileName ?? asPdfName(first.fileName) };
}
