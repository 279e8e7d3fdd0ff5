import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/contract/attachments.js';
import { CommandError } from '../../../shared/contract/errors.js';
import type { AttachmentMediaType } from '../../../shared/domain/dossier/events.js';
import { isNoEntry, tooLarge } from '../blobs/blob-errors.js';
import type { BlobStore } from '../blobs/blob-store.js';
import { buildPdf, type BuildSource } from '../scan/pdf-builder.js';
import { readHead, sniffMediaType, unsupportedType } from './media-type.js';
import { countPdfPages, unreadablePdf } from './pdf-pages.js';

// The one import path every source goes through (file dialog, drag-and-drop, upload, inbox, scanner):
// check each file's type by its bytes and its size, then store ONE blob — a PDF kept byte for byte,
// or one PDF built from the images (and PDFs) in order. Everything is checked before anything is
// stored, so a refused file leaves nothing behind.

export interface ImportSource {
  path: string;
  /** The name the officer knows the file by (the upload's name, the inbox file's name). */
  fileName: string;
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

async function checkSource(source: ImportSource, maxBytes: number): Promise<BuildSource> {
  let size: number;
  try {
    const info = await stat(source.path);
    if (!info.isFile()) throw new CommandError('invalid_argument', `"${source.fileName}" không phải là một tệp.`);
    size = info.size;
  } catch (error) {
    if (isNoEntry(error)) throw new CommandError('not_found', `Không tìm thấy tệp "${source.fileName}" (có thể đã được chuyển đi hoặc xoá).`);
    throw error;
  }
  if (size > maxBytes) throw tooLarge(maxBytes);
  if (size === 0) throw new CommandError('invalid_argument', `Tệp "${source.fileName}" rỗng (0 byte).`);
  const mediaType = sniffMediaType(await readHead(source.path));
  if (mediaType === null) throw unsupportedType(source.fileName);
  return { path: source.path, fileName: source.fileName, mediaType };
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
    // The bytes whose pages were counted are the bytes stored (a file changing meanwhile cannot slip in).
    const bytes = await readFile(only.path);
    if (bytes.length > maxBytes) throw tooLarge(maxBytes);
    const pages = await countPdfPages(bytes, only.fileName);
    const blob = await store.putBytes(bytes, { maxBytes });
    return { ...blob, mediaType: 'application/pdf', pages, fileName: options.fileName ?? only.fileName };
  }

  const built = await buildPdf(checked);
  if (built.pages < 1) throw unreadablePdf(first.fileName);
  const blob = await store.putBytes(built.bytes, { maxBytes });
  return { ...blob, mediaType: 'application/pdf', pages: built.pages, fileName: options.fileName ?? asPdfName(first.fileName) };
}
