import { open } from 'node:fs/promises';
import { CommandError } from '../../../shared/contract/errors.js';
import type { AttachmentMediaType } from '../../../shared/domain/dossier/events.js';

// The type of a file is read from its first bytes (magic numbers), never from its name: a scanner or
// an officer may name a JPEG "to-khai.pdf", and a renamed .exe must not pass as a scan.

export const SNIFF_BYTES = 8;

const startsWith = (head: Uint8Array, ...bytes: number[]): boolean => bytes.every((b, i) => head[i] === b);

export function sniffMediaType(head: Uint8Array): AttachmentMediaType | null {
  if (startsWith(head, 0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'; // %PDF-
  if (startsWith(head, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (startsWith(head, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (startsWith(head, 0x49, 0x49, 0x2a, 0x00) || startsWith(head, 0x4d, 0x4d, 0x00, 0x2a)) return 'image/tiff'; // II*\0, MM\0*
  return null;
}

export function unsupportedType(fileName: string): CommandError {
  return new CommandError(
    'invalid_argument',
    `Không nhận tệp "${fileName}": chỉ nhận tệp PDF, JPEG, PNG hoặc TIFF (nhận dạng theo nội dung tệp, không theo đuôi tên).`,
  );
}

/** The first bytes of a file on disk. */
export async function readHead(path: string, bytes = SNIFF_BYTES): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
