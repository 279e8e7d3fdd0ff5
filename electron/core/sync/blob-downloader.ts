import { mkdir, open, stat, truncate } from 'node:fs/promises';
import { dirname } from 'node:path';
import { blobPath } from '../../../shared/sync/protocol.js';
import { SyncFailure } from './sync-failure.js';

// One scan from the centre into a partial file (GET /v1/blobs/<sha256>): the bytes already there are
// kept and only the rest is asked for (`Range: bytes=N-`, `If-Range` the scan's own ETag), so a line
// cut mid-download costs what was left, not the whole scan. No request timeout (a 200 MB scan on a
// ward's line takes minutes): a stall timer aborts when no byte came for a while. The caller verifies
// the SHA-256 before the bytes enter the store (BlobStore.adoptDownloaded).

export interface BlobDownload {
  centreUrl: string;
  token: string;
  sha256: string;
  /** The partial file (BlobStore.downloadPathOf). */
  partPath: string;
  fetch: typeof fetch;
  stallTimeoutMs: number;
  signal: AbortSignal;
  /** Bytes of this scan on disk so far. */
  onProgress(bytes: number): void;
}

/** 'absent': the centre does not hold it for this desk's unit (yet: the desk that scanned it may not have sent it). */
export type DownloadOutcome = 'complete' | 'absent';

export async function downloadBlob(job: BlobDownload): Promise<DownloadOutcome> {
  await mkdir(dirname(job.partPath), { recursive: true });
  const have = await stat(job.partPath).then(
    (s) => s.size,
    () => 0,
  );
  const stall = new AbortController();
  let stallTimer: NodeJS.Timeout | null = null;
  const armStall = () => {
    if (stallTimer !== null) clearTimeout(stallTimer);
    stallTimer = setTimeout(() => stall.abort(new DOMException('no byte for too long', 'TimeoutError')), job.stallTimeoutMs);
  };
  const headers: Record<string, string> = { authorization: `Bearer ${job.token}` };
  if (have > 0) Object.assign(headers, { range: `bytes=${have}-`, 'if-range': `"${job.sha256}"` });
  const url = new URL(blobPath(job.sha256), job.centreUrl.endsWith('/') ? job.centreUrl : `${job.centreUrl}/`);
  armStall();
  try {
    let response: Response;
    try {
      response = await job.fetch(url, { headers, signal: AbortSignal.any([stall.signal, job.signal]) });
    } catch (error) {
      throw SyncFailure.fromNetwork(stall.signal.aborted ? stall.signal.reason : error);
    }
    if (response.status === 404) {
      await response.body?.cancel();
      return 'absent';
    }
    if (response.status === 416) {
      // The partial file is as long as the scan (or longer, and then wrong: the hash check says so).
      await response.body?.cancel();
      return 'complete';
    }
    if (response.status !== 200 && response.status !== 206) {
      const text = await response.text().catch(() => '');
      throw failureOf(response.status, text);
    }
    // 200: the whole scan (a centre ignoring the range, or other bytes than the partial file's).
    const resumeAt = response.status === 206 ? rangeStart(response.headers.get('content-range')) : 0;
    if (resumeAt !== have && resumeAt !== 0) throw new SyncFailure('protocol', 'Trung tâm trả về đoạn tệp quét không đúng vị trí yêu cầu.');
    if (resumeAt === 0 && have > 0) await truncate(job.partPath, 0);
    const file = await open(job.partPath, 'a');
    let written = resumeAt;
    try {
      if (response.body !== null) {
        for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
          armStall();
          await file.write(chunk);
          written += chunk.length;
          job.onProgress(written);
        }
      }
    } catch (error) {
      throw SyncFailure.fromNetwork(stall.signal.aborted ? stall.signal.reason : error);
    } finally {
      await file.close();
    }
    return 'complete';
  } finally {
    if (stallTimer !== null) clearTimeout(stallTimer);
  }
}

function rangeStart(contentRange: string | null): number {
  const match = /^bytes (\d+)-\d+\/\d+$/.exec(contentRange ?? '');
  return match === null ? -1 : Number(match[1]);
}

function failureOf(status: number, text: string): SyncFailure {
  let code: string | null = null;
  let message: string | null = null;
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code === 'string') code = body.error.code;
    if (typeof body.error?.message === 'string') message = body.error.message;
  } catch {
    // A proxy's page: the status alone says what happened.
  }
  return SyncFailure.fromStatus(status, code as Parameters<typeof SyncFailure.fromStatus>[1], message);
}
