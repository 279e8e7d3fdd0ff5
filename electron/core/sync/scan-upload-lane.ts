import { readFile } from 'node:fs/promises';
import type { SyncProgress } from '../../../shared/contract/events.js';
import { BLOB_PUT_MAX_BYTES, BLOBS_MISSING_MAX } from '../../../shared/sync/protocol.js';
import type { BlobLocator, BlobQueueRepository } from './blob-queue-repository.js';
import { uploadBlob } from './blob-uploader.js';
import type { CentreSession } from './centre-session.js';
import { asSyncFailure, SyncFailure } from './sync-failure.js';
import type { SyncRepository } from './sync-repository.js';
import type { SyncAgentOptions } from './sync-options.js';

export interface ScanUploadContext {
  session: CentreSession;
  repo: SyncRepository;
  blobQueue: BlobQueueRepository;
  locator: BlobLocator;
  options: Pick<SyncAgentOptions, 'stallTimeoutMs' | 'uploadRetryDelays' | 'uploadConcurrency'>;
  now(): number;
  progress(progress: SyncProgress): void;
}

const UNCONFIRMED_SCAN = 'Trung tâm chưa xác nhận đã lưu tệp quét vừa gửi; máy sẽ tự gửi lại.';

/**
 * Scans: asks the centre once which of the waiting ones it lacks, marks the others done, and
 * uploads the rest a few at a time (small ones in a single request, big ones resumable in parts).
 * Returns true when more wait to go (they joined meanwhile, or were more than one question's worth).
 */
export async function uploadScans(context: ScanUploadContext): Promise<boolean> {
  const { session, blobQueue, options } = context;
  const client = session.client();
  const enrollment = context.repo.enrollment();
  if (client === null || enrollment === null) return false;
  blobQueue.enqueueReferenced(context.locator, new Date(context.now()).toISOString());
  const waiting = blobQueue.waiting(BLOBS_MISSING_MAX);
  // Scans this desk has no file for count as done once the centre has them (another desk sent them).
  const fileless = blobQueue.withoutFile(BLOBS_MISSING_MAX - waiting.length);
  if (waiting.length + fileless.length === 0) return false;
  const missing = new Set(await client.missingBlobs([...waiting.map((b) => b.sha256), ...fileless]));
  const nowIso = () => new Date(context.now()).toISOString();
  blobQueue.markUploaded(
    [...waiting.map((blob) => blob.sha256), ...fileless].filter((sha) => !missing.has(sha)),
    nowIso(),
  );
  let failure: SyncFailure | null = null;
  // Marked done in batches (one commit, not one per scan): after a crash, the next round's
  // question to the centre finds the ones already there, so nothing is sent twice. A scan counts as
  // done only once the centre says it holds it: tus reports success for an upload whose bytes the
  // centre wrote but never took in (it died in between), which would otherwise be lost silently.
  const done: string[] = [];
  let flushedAt = Date.now();
  const flush = async () => {
    const sent = done.splice(0);
    flushedAt = Date.now();
    if (sent.length === 0) return;
    try {
      const unconfirmed = new Set(await client.missingBlobs(sent));
      blobQueue.markUploaded(sent.filter((sha) => !unconfirmed.has(sha)), nowIso());
      for (const sha of unconfirmed) {
        blobQueue.markFailed(sha, UNCONFIRMED_SCAN);
        // Not resumed: that upload is one the centre finished without storing. Sent afresh next time.
        blobQueue.setUploadUrl(sha, null);
      }
      if (unconfirmed.size > 0) failure ??= new SyncFailure('server', UNCONFIRMED_SCAN);
    } catch (error) {
      // Unconfirmed for now: they stay waiting, and the next round's question settles them.
      failure ??= asSyncFailure(error);
    }
  };
  const queue = waiting.filter((blob) => missing.has(blob.sha256));
  const total = queue.reduce((sum, blob) => sum + blob.size, 0);
  let sentBefore = 0;
  const sentNow = new Map<string, number>();
  const report = () => context.progress({ phase: 'upload', done: sentBefore + [...sentNow.values()].reduce((a, b) => a + b, 0), total });

  // Until the centre answers a PUT with 404 (a centre older than that route): then tus for all.
  let putSupported = true;
  const worker = async () => {
    for (let blob = queue.shift(); blob !== undefined && failure === null; blob = queue.shift()) {
      const current = blob;
      const inOneRequest = current.size <= BLOB_PUT_MAX_BYTES && current.uploadUrl === null;
      try {
        // A small scan goes whole in one plain request: no upload state on either side.
        if (inOneRequest && putSupported) {
          if ((await client.putBlob(current.sha256, await readScan(current.path))) === 'done') {
            done.push(current.sha256);
            sentNow.set(current.sha256, current.size);
            report();
            if (Date.now() - flushedAt > 1_000) await flush();
            continue;
          }
          putSupported = false;
        }
        await uploadBlob({
          centreUrl: enrollment.centreUrl,
          token: session.requireToken(),
          blob: current,
          uploadUrl: current.uploadUrl,
          // A small scan goes in one request: there is no partial upload to come back to.
          onUploadUrl: (url) => {
            if (!inOneRequest) blobQueue.setUploadUrl(current.sha256, url);
          },
          onProgress: (sent) => {
            sentNow.set(current.sha256, sent);
            report();
          },
          stallTimeoutMs: options.stallTimeoutMs,
          signal: session.signal,
          retryDelays: options.uploadRetryDelays,
          inOneRequest,
          ...(session.network === undefined ? {} : { httpStack: session.network.tusHttpStack }),
        });
        done.push(current.sha256);
        if (Date.now() - flushedAt > 1_000) await flush();
      } catch (error) {
        const f = asSyncFailure(error);
        blobQueue.markFailed(current.sha256, f.message);
        // The centre discarded a corrupt upload: start a fresh one next time.
        if (f.status === 460) blobQueue.setUploadUrl(current.sha256, null);
        failure ??= f;
      } finally {
        sentBefore += current.size;
        sentNow.delete(current.sha256);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(options.uploadConcurrency, queue.length) }, worker));
  } finally {
    await flush();
  }
  if (failure !== null) throw failure;
  // More may have joined the queue meanwhile (or there were more than one question's worth).
  return blobQueue.waiting(1).length > 0;
}

/** A scan's bytes for a PUT; a file that cannot be read is a failure of that scan, tried again later. */
async function readScan(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch {
    throw new SyncFailure('protocol', 'Không đọc được tệp quét trên máy này; máy sẽ thử gửi lại sau.');
  }
}
