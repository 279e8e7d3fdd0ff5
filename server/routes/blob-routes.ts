import { FileStore } from '@tus/file-store';
import { Server as TusServer, type ServerOptions } from '@tus/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { BLOB_PUT_MAX_BYTES, BLOB_SHA256_METADATA, SHA256_PATTERN, SYNC_PATHS } from '../../shared/sync/protocol.js';
import { blobsMissingRequestSchema, blobsMissingResponseSchema, sha256Schema } from '../../shared/sync/schemas.js';
import { ChecksumMismatchError, UPLOAD_DEVICE_METADATA } from '../blobs/blob-store.js';
import { serveBlob } from '../blobs/serve-blob.js';
import { deviceOf, requireDevice } from '../http/auth.js';
import { CentreHttpError, invalidRequest } from '../http/centre-error.js';
import { jsonSchemaOf } from '../http/json-schema.js';
import type { CentreDeps } from './deps.js';

// Scans arrive by the tus protocol (resumable: after a broken connection the desk asks the offset and
// sends the rest). When the last byte lands, the upload is hashed and adopted into the content-
// addressed store, or deleted if it does not match the SHA-256 it announced.

/** A scan of a thick dossier at 300 dpi stays far below this. */
const MAX_BLOB_BYTES = 2 * 1024 ** 3;

type TusRequest = Parameters<NonNullable<ServerOptions['onUploadCreate']>>[0];
const tusError = (status_code: number, body: string) => ({ status_code, body: `${body}\n` });

/**
 * The authenticated device of each request handed to tus, keyed by Node's request object (tus wraps it
 * in a web Request whose headers are read from the raw bytes, so a header set afterwards is not seen).
 */
const deviceOfRequest = new WeakMap<IncomingMessage, string>();

function createTusServer(deps: CentreDeps): TusServer {
  const datastore = new FileStore({ directory: deps.blobs.uploadsDir });
  const deviceOfTus = (req: TusRequest): string => {
    const raw = req.runtime?.node?.req;
    return (raw === undefined ? undefined : deviceOfRequest.get(raw as IncomingMessage)) ?? '';
  };
  const server: TusServer = new TusServer({
    path: SYNC_PATHS.blobUploads,
    datastore,
    relativeLocation: true,
    maxSize: MAX_BLOB_BYTES,
    respectForwardedHeaders: false,
    async onUploadCreate(req, upload) {
      const sha256 = upload.metadata?.[BLOB_SHA256_METADATA];
      if (typeof sha256 !== 'string' || !SHA256_PATTERN.test(sha256)) {
        throw tusError(400, 'Upload-Metadata must carry sha256 (64 lower-case hex digits)');
      }
      return { metadata: { [BLOB_SHA256_METADATA]: sha256, [UPLOAD_DEVICE_METADATA]: deviceOfTus(req) } };
    },
    async onIncomingRequest(req, id) {
      if (deviceOfTus(req) === '') throw tusError(401, 'Unauthenticated');
      if (req.method === 'POST' || req.method === 'OPTIONS') return;
      // An upload is continued only by the desk that began it.
      const upload = await datastore.getUpload(id).catch(() => null);
      if (upload !== null && upload.metadata?.[UPLOAD_DEVICE_METADATA] !== deviceOfTus(req)) throw tusError(403, 'Upload belongs to another device');
    },
    async onUploadFinish(req, upload) {
      deps.testHooks.uploadWritten?.();
      const sha256 = upload.metadata?.[BLOB_SHA256_METADATA] ?? '';
      try {
        await deps.blobs.adopt(join(deps.blobs.uploadsDir, upload.id), sha256, deviceOfTus(req));
      } catch (error) {
        if (error instanceof ChecksumMismatchError) {
          await datastore.configstore.delete(upload.id).catch(() => undefined);
          // 460: the tus checksum extension's "Checksum Mismatch".
          throw tusError(460, 'Checksum mismatch: the upload was discarded');
        }
        throw error;
      }
      await datastore.configstore.delete(upload.id).catch(() => undefined);
      return {};
    },
  });
  return server;
}

export function blobRoutes(app: FastifyInstance, deps: CentreDeps): void {
  const auth = requireDevice(deps.storage, deps.now);
  const tus = createTusServer(deps);

  // tus bodies are streamed to disk by @tus/server: Fastify must not read them.
  app.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => done(null));

  const handleTus = async (request: FastifyRequest, reply: FastifyReply) => {
    deviceOfRequest.set(request.raw, deviceOf(request).id);
    reply.hijack();
    await tus.handle(request.raw, reply.raw);
  };
  const tusRoute = {
    // The body is tus's (streamed, binary); the schema covers what Fastify sees: the credentials header.
    schema: { headers: { type: 'object', properties: { authorization: { type: 'string', maxLength: 300 } } } },
    preHandler: auth,
    handler: handleTus,
  };
  for (const url of [SYNC_PATHS.blobUploads, `${SYNC_PATHS.blobUploads}/:uploadId`]) {
    app.route({ method: ['POST', 'HEAD', 'PATCH', 'DELETE', 'OPTIONS'], url, ...tusRoute });
  }

  // A small scan in one request: PUT /v1/blobs/<sha256> with the bytes (BLOB_PUT_MAX_BYTES at most).
  // `stored` is false only when the desk's own unit already held the bytes: never a sign of another unit's.
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: BLOB_PUT_MAX_BYTES }, (_request, body, done) => done(null, body));
  app.put(`${SYNC_PATHS.blobPrefix}:sha256`, {
    schema: {
      params: { type: 'object', properties: { sha256: jsonSchemaOf(sha256Schema) }, required: ['sha256'], additionalProperties: false },
      response: { 200: { type: 'object', properties: { sha256: { type: 'string' }, stored: { type: 'boolean' } }, required: ['sha256', 'stored'], additionalProperties: false } },
    },
    bodyLimit: BLOB_PUT_MAX_BYTES,
    preHandler: auth,
    handler: async (request) => {
      const { sha256 } = request.params as { sha256: string };
      if (!Buffer.isBuffer(request.body)) throw invalidRequest('Nội dung tệp quét phải gửi dạng application/octet-stream.');
      try {
        return { sha256, stored: (await deps.blobs.adoptBytes(request.body, sha256, deviceOf(request).id)) === 'stored' };
      } catch (error) {
        // 460, as tus answers a checksum mismatch: the desk handles both paths alike.
        if (error instanceof ChecksumMismatchError) throw new CentreHttpError(460, 'checksum_mismatch', error.message);
        throw error;
      }
    },
  });

  // Which of these scans does the centre lack? One question for a whole queue of scans.
  app.post(SYNC_PATHS.blobsMissing, {
    schema: { body: jsonSchemaOf(blobsMissingRequestSchema), response: { 200: jsonSchemaOf(blobsMissingResponseSchema) } },
    preHandler: auth,
    // Asked per unit: another unit's scans count as absent, so no desk learns that they exist.
    handler: async (request) => ({ missing: await deps.storage.missingBlobs(blobsMissingRequestSchema.parse(request.body).sha256, deviceOf(request).unitGso) }),
  });

  // GET /v1/blobs/<sha256>: the scan's bytes, to a device of a unit that holds it (a replaced PC getting
  // its ward's scans back); HEAD, the same without the bytes, lets an uploading desk skip what is there.
  app.get(`${SYNC_PATHS.blobPrefix}:sha256`, {
    schema: { params: { type: 'object', properties: { sha256: jsonSchemaOf(sha256Schema) }, required: ['sha256'], additionalProperties: false } },
    preHandler: auth,
    handler: (request, reply) => serveBlob(deps, request, reply),
  });
}
