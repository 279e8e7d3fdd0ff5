import { createReadStream } from 'node:fs';
import { Upload, type DetailedError, type HttpStack } from 'tus-js-client';
import { BLOB_SHA256_METADATA, SYNC_PATHS } from '../../../shared/sync/protocol.js';
import { centreErrorBodySchema } from '../../../shared/sync/schemas.js';
import { SyncFailure } from './sync-failure.js';

// One scan's resumable upload with the tus protocol (tus-js-client in Node: given a file stream with a
// path, it re-reads the file from any offset). After a broken connection it asks the centre for the
// offset (HEAD) and sends only the rest; its upload URL is kept by the caller so that even a restart
// of the desk resumes instead of starting over. A watchdog abandons a stalled transfer.

export interface BlobToUpload {
  sha256: string;
  path: string;
  size: number;
}

export interface UploadOptions {
  centreUrl: string;
  token: string;
  blob: BlobToUpload;
  /** Resume here (from an earlier attempt), or null to create a new upload. */
  uploadUrl: string | null;
  onUploadUrl(url: string): void;
  onProgress(bytesSent: number, bytesTotal: number): void;
  /** No byte acknowledged and no response for this long: give up this attempt. */
  stallTimeoutMs: number;
  signal: AbortSignal;
  /** In-library retries (resume from the centre's offset) before the attempt counts as failed. */
  retryDelays?: number[];
  /**
   * Send the bytes with the creation request (one round trip). Only for small scans: if that request
   * breaks, the desk has no upload URL to resume and starts again.
   */
  inOneRequest?: boolean;
  /** How requests reach the centre (a proxy tunnel, Electron's net); tus-js-client's own by default. */
  httpStack?: HttpStack;
}

/** The centre's tus checksum-mismatch answer (the bytes did not hash to the announced SHA-256). */
const CHECKSUM_MISMATCH = 460;

function failureOf(error: Error | DetailedError): SyncFailure {
  const response = 'originalResponse' in error ? error.originalResponse : null;
  if (response === null) return SyncFailure.fromNetwork(error);
  const status = response.getStatus();
  if (status === CHECKSUM_MISMATCH) {
    return new SyncFailure('refused', 'Tệp quét gửi đi không khớp mã kiểm tra (có thể tệp trên máy đã bị hỏng); sẽ thử gửi lại.', status);
  }
  let code = null;
  try {
    const body = centreErrorBodySchema.safeParse(JSON.parse(response.getBody()));
    if (body.success) code = body.data.error.code;
  } catch {
    // tus answers plain text
  }
  return SyncFailure.fromStatus(status, code, null);
}

export function uploadBlob(options: UploadOptions): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    let lastActivity = Date.now();
    const touch = () => {
      lastActivity = Date.now();
    };
    const finish = (error: SyncFailure | null) => {
      if (settled) return;
      settled = true;
      clearInterval(watchdog);
      options.signal.removeEventListener('abort', onAbort);
      if (error === null) resolve();
      else reject(error);
    };

    const upload: Upload = new Upload(createReadStream(options.blob.path), {
      endpoint: new URL(SYNC_PATHS.blobUploads, options.centreUrl).toString(),
      uploadUrl: options.uploadUrl,
      uploadSize: options.blob.size,
      metadata: { [BLOB_SHA256_METADATA]: options.blob.sha256 },
      headers: { authorization: `Bearer ${options.token}` },
      retryDelays: options.retryDelays ?? [0, 500, 1500, 3000],
      uploadDataDuringCreation: options.inOneRequest ?? false,
      storeFingerprintForResuming: false,
      removeFingerprintOnSuccess: false,
      ...(options.httpStack === undefined ? {} : { httpStack: options.httpStack }),
      onBeforeRequest: touch,
      onAfterResponse: touch,
      onUploadUrlAvailable: () => {
        if (upload.url !== null) options.onUploadUrl(upload.url);
      },
      onProgress: (sent, total) => {
        touch();
        options.onProgress(sent, total);
      },
      onShouldRetry: (error) => {
        const status = error.originalResponse?.getStatus() ?? 0;
        // Never retry what retrying cannot fix: bad credentials, a refused or corrupt upload.
        return status === 0 || status >= 500 || status === 409 || status === 423;
      },
      onSuccess: () => finish(null),
      onError: (error) => finish(failureOf(error)),
    });

    const watchdog = setInterval(() => {
      if (Date.now() - lastActivity > options.stallTimeoutMs) {
        void upload.abort();
        finish(new SyncFailure('timeout', 'Gửi tệp quét bị treo (đường truyền không tiến triển); sẽ tiếp tục từ chỗ đã gửi.'));
      }
    }, Math.min(1000, options.stallTimeoutMs / 4));
    const onAbort = () => {
      void upload.abort();
      finish(new SyncFailure('offline', 'Đồng bộ đã dừng.'));
    };
    options.signal.addEventListener('abort', onAbort);
    upload.start();
  });
}
