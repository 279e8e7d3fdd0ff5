import type { FastifyReply, FastifyRequest } from 'fastify';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { deviceOf } from '../http/auth.js';
import { CentreHttpError, notFound } from '../http/centre-error.js';
import type { CentreDeps } from '../routes/deps.js';
import { parseByteRange } from './byte-range.js';
import { scanUnitCodes } from './scan-units.js';

// Serving a scan back to a desk of its unit (GET /v1/blobs/<sha256>). The scan's name is its SHA-256,
// so it is its own strong ETag and never changes: a desk cut off mid-download asks `Range: bytes=N-`
// and gets the rest (206). The unit check is the same as the upload side's, widened to the units the
// desk carries on (scan-units.ts: units it moved from, its unit's predecessors): another unit's scan, or
// one the centre does not hold, is "not found" alike, so no desk learns that another unit's exists.

const NOT_HELD = 'Trung tâm không giữ tệp quét này cho đơn vị của máy (không có, hoặc thuộc đơn vị khác).';

export async function serveBlob(deps: CentreDeps, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const { sha256 } = request.params as { sha256: string };
  if (!(await mayRead(deps, sha256, deviceOf(request)))) throw notFound(NOT_HELD);
  const path = deps.blobs.pathOf(sha256);
  // Recorded but absent: a centre restored from a backup older than its scans folder's copy.
  const size = await stat(path).then(
    (s) => s.size,
    () => null,
  );
  if (size === null) throw notFound('Trung tâm đã ghi nhận tệp quét này nhưng không còn tệp trên đĩa; máy gửi tệp sẽ gửi lại.');
  const etag = `"${sha256}"`;
  reply.header('etag', etag).header('accept-ranges', 'bytes').header('cache-control', 'private, max-age=31536000, immutable');
  reply.type('application/octet-stream');
  // If-Range with another validator: the desk's partial file is of other bytes, so send them all.
  const ifRange = request.headers['if-range'];
  const range = ifRange !== undefined && ifRange !== etag ? null : parseByteRange(request.headers.range, size);
  if (range === 'unsatisfiable') {
    reply.header('content-range', `bytes */${size}`);
    throw new CentreHttpError(416, 'invalid_request', 'Đoạn tệp yêu cầu nằm ngoài kích thước tệp quét.');
  }
  if (range === null) {
    reply.header('content-length', size);
    return reply.send(size === 0 ? '' : createReadStream(path));
  }
  reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${size}`).header('content-length', range.end - range.start + 1);
  return reply.send(createReadStream(path, { start: range.start, end: range.end }));
}

/** Whether a unit whose scans the device may read delivered this one (its own unit's asked first: one read, as a rule). */
async function mayRead(deps: CentreDeps, sha256: string, device: ReturnType<typeof deviceOf>): Promise<boolean> {
  if (await deps.blobs.has(sha256, device.unitGso)) return true;
  const [formerUnits, units] = await Promise.all([deps.storage.formerUnits(device.id), deps.catalogue.currentUnits()]);
  for (const code of scanUnitCodes(device, formerUnits, units).slice(1)) {
    if (await deps.blobs.has(sha256, code)) return true;
  }
  return false;
}
