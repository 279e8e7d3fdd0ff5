import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/contract/attachments.js';
import { CommandError } from '../../../shared/contract/errors.js';
import type { AttachmentMediaType } from '../../../shared/domain/dossier/events.js';
import type { BlobStore } from '../blobs/blob-store.js';
import { SNIFF_BYTES, sniffMediaType, unsupportedType } from './media-type.js';

// Uploads from the web host: the request body streams straight into the blob store (hashed on the
// way, refused at the first bytes if its type is not accepted, cut off past the size cap), and the
// upload id names it until `attachments.addUpload` turns it into an attachment. Ids live in memory:
// after a restart the page uploads again. An unattached upload's blob is unreferenced, so garbage
// collection removes it after the grace period.

const UPLOAD_TTL_MS = 60 * 60 * 1000;

export interface UploadReceipt {
  uploadId: string;
  sha256: string;
  size: number;
  mediaType: AttachmentMediaType;
}

interface PendingUpload extends UploadReceipt {
  fileName: string;
  receivedAtMs: number;
}

export class UploadRegistry {
  private readonly pending = new Map<string, PendingUpload>();

  constructor(
    private readonly blobs: BlobStore,
    private readonly wallClock: () => number = Date.now,
  ) {}

  /** Stores the body and returns its upload id. Throws a CommandError for a wrong type or size. */
  async receive(body: Readable | AsyncIterable<Uint8Array> | Iterable<Uint8Array>, fileName: string, maxBytes = MAX_ATTACHMENT_BYTES): Promise<UploadReceipt> {
    this.forgetExpired();
    const sniffed: { mediaType: AttachmentMediaType | null } = { mediaType: null };
    const stored = await this.blobs.putStream(body, {
      maxBytes,
      headBytes: SNIFF_BYTES,
      checkHead: (head) => {
        sniffed.mediaType = sniffMediaType(head);
        if (sniffed.mediaType === null) throw unsupportedType(fileName);
      },
    });
    const mediaType = sniffed.mediaType;
    if (mediaType === null) throw unsupportedType(fileName);
    const receipt: UploadReceipt = { uploadId: randomBytes(18).toString('base64url'), sha256: stored.sha256, size: stored.sizeBytes, mediaType };
    this.pending.set(receipt.uploadId, { ...receipt, fileName, receivedAtMs: this.wallClock() });
    return receipt;
  }

  /** The upload named by `uploadId`, or a clear error if it is unknown or expired. */
  get(uploadId: string): PendingUpload {
    this.forgetExpired();
    const upload = this.pending.get(uploadId);
    if (upload === undefined) {
      throw new CommandError('not_found', 'Không tìm thấy tệp vừa tải lên (có thể đã quá một giờ hoặc ứng dụng đã khởi động lại): hãy chọn tệp lại.');
    }
    return upload;
  }

  forget(uploadId: string): void {
    this.pending.delete(uploadId);
  }

  /** Blobs of uploads not yet attached: kept from garbage collection while they wait. */
  pendingBlobs(): Set<string> {
    return new Set([...this.pending.values()].map((u) => u.sha256));
  }

  private forgetExpired(): void {
    const now = this.wallClock();
    for (const [id, upload] of this.pending) if (now - upload.receivedAtMs > UPLOAD_TTL_MS) this.pending.delete(id);
  }
}
