import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename, isAbsolute, relative, resolve } from 'node:path';
import { MAX_ATTACHMENT_BYTES } from '../../shared/contract/attachments.js';
import { CommandError } from '../../shared/contract/errors.js';
import type { FileGrant } from '../../shared/contract/shell.js';
import { readHead, sniffMediaType, unsupportedType } from '../core/attachments/media-type.js';
import { isNoEntry, tooLarge } from '../core/blobs/blob-errors.js';

// Files the officer gave the desk in this session — chosen in main's own file dialog, or dropped on
// the window (the sandboxed preload asks Electron for the dropped File's path) — each behind a random
// id. The page only ever holds the id; `attachments.addUpload` with it makes main attach the path.
//
// Why grants, and not `attachments.addFile(path)` straight from the page: a page that runs hostile
// script (a bug, an injected string) could otherwise attach any PDF or picture on the disk to a
// dossier and then read it back through app://desk/blobs/. A page script cannot make a grant: the
// dialog is main's, and the preload only resolves Files that came from a real drop (a File built in
// script has no path). A renderer *process* taken over by an exploit can send the drop channel any
// path; for that case every grant is also checked here — a regular file, of a type the desk takes
// (sniffed from its bytes, not its name), within the size limit, outside the desk's own stores —
// so the worst it can do is attach an accepted paper, which the dossier's log then shows.

const GRANT_TTL_MS = 60 * 60 * 1000;
/** A session grants a few papers at a time; the cap keeps a looping page from growing the map. */
const MAX_GRANTS = 500;

interface Granted extends FileGrant {
  path: string;
  grantedAtMs: number;
}

export interface FileGrantsOptions {
  /** Paths under these folders are never granted (the desk's own stores: blobs, exports). */
  forbiddenRoots?: readonly string[];
  now?(): number;
  maxBytes?: number;
}

function isInside(root: string, path: string): boolean {
  const rel = relative(resolve(root), resolve(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

export class FileGrants {
  private readonly granted = new Map<string, Granted>();
  private readonly now: () => number;
  private readonly maxBytes: number;

  constructor(private readonly options: FileGrantsOptions = {}) {
    this.now = options.now ?? Date.now;
    this.maxBytes = options.maxBytes ?? MAX_ATTACHMENT_BYTES;
  }

  /** Checks the file and keeps its path behind a new id. Throws a CommandError with a Vietnamese message. */
  async grant(path: string): Promise<FileGrant> {
    const fileName = basename(path) || path;
    if (!isAbsolute(path)) throw new CommandError('invalid_argument', `"${fileName}" không phải là đường dẫn đầy đủ tới một tệp.`);
    if ((this.options.forbiddenRoots ?? []).some((root) => isInside(root, path))) {
      throw new CommandError('forbidden', `Không đính kèm được "${fileName}": tệp nằm trong kho lưu trữ riêng của ứng dụng.`);
    }
    let size: number;
    try {
      const info = await stat(path);
      if (!info.isFile()) throw new CommandError('invalid_argument', `"${fileName}" không phải là một tệp.`);
      size = info.size;
    } catch (error) {
      if (isNoEntry(error)) throw new CommandError('not_found', `Không tìm thấy tệp "${fileName}" (có thể đã được chuyển đi hoặc xoá).`);
      if (error instanceof CommandError) throw error;
      throw new CommandError('storage_failure', `Không đọc được tệp "${fileName}".`);
    }
    if (size > this.maxBytes) throw tooLarge(this.maxBytes);
    if (size === 0) throw new CommandError('invalid_argument', `Tệp "${fileName}" rỗng (0 byte).`);
    const mediaType = sniffMediaType(await readHead(path).catch(() => new Uint8Array(0)));
    if (mediaType === null) throw unsupportedType(fileName);

    this.forgetExpired();
    if (this.granted.size >= MAX_GRANTS) this.granted.delete(this.granted.keys().next().value as string);
    // Same alphabet and length range as the web host's upload ids, so the contract's schema takes it.
    const uploadId = randomBytes(18).toString('base64url');
    const grant: FileGrant = { uploadId, fileName, sizeBytes: size, mediaType };
    this.granted.set(uploadId, { ...grant, path, grantedAtMs: this.now() });
    return grant;
  }

  /** The path behind a grant id, or null when the id is not one of this session's live grants. */
  pathOf(uploadId: string): string | null {
    this.forgetExpired();
    return this.granted.get(uploadId)?.path ?? null;
  }

  forget(uploadId: string): void {
    this.granted.delete(uploadId);
  }

  private forgetExpired(): void {
    const now = this.now();
    for (const [id, grant] of this.granted) if (now - grant.grantedAtMs > GRANT_TTL_MS) this.granted.delete(id);
  }
}
