import type { FastifyInstance, FastifyReply } from 'fastify';
import { createReadStream } from 'node:fs';
import { deviceOf, requireDevice } from '../http/auth.js';
import { notFound } from '../http/centre-error.js';
import { writeFeedInfo } from '../updates/latest-yml.js';
import { parseByteRange } from '../updates/byte-range.js';
import { CHANNEL_PATTERN, platformOfFeedFile, RELEASE_FILE_PATTERN } from '../updates/update-names.js';
import type { UpdateReleases } from '../updates/update-releases.js';
import type { CentreDeps } from './deps.js';

// The desks' update feed (electron-updater's generic provider): GET /v1/updates/<channel>/latest.yml
// answers per device — the release its unit is staged into, else the one every desk has — and the
// installers and blockmaps of those releases are served with byte ranges (a broken download resumes,
// and the differential download reads blockmap-sized pieces). Device-token authenticated like sync.

export const UPDATES_PATH = '/v1/updates';

const paramsSchema = {
  type: 'object',
  required: ['channel', 'file'],
  additionalProperties: false,
  properties: {
    channel: { type: 'string', pattern: CHANNEL_PATTERN.source },
    file: { type: 'string', pattern: RELEASE_FILE_PATTERN.source, not: { pattern: '\\.\\.' } },
  },
} as const;

// electron-updater may add a cache-busting parameter to the feed's URL.
const querySchema = { type: 'object', additionalProperties: false, properties: { noCache: { type: 'string', maxLength: 64 } } } as const;

const NO_RELEASE = 'Chưa có bản cập nhật nào trên kênh này.';

export function updateRoutes(app: FastifyInstance, deps: CentreDeps, releases: UpdateReleases): void {
  const auth = requireDevice(deps.storage, deps.now);
  app.get<{ Params: { channel: string; file: string } }>(
    `${UPDATES_PATH}/:channel/:file`,
    { preHandler: auth, schema: { params: paramsSchema, querystring: querySchema } },
    async (request, reply) => {
      const device = deviceOf(request);
      const { channel, file } = request.params;
      const platform = platformOfFeedFile(file);
      if (platform !== null) {
        const release = await releases.releaseFor(channel, platform, device);
        if (release === null) throw notFound(NO_RELEASE);
        return reply.header('cache-control', 'no-store').type('text/yaml; charset=utf-8').send(writeFeedInfo(release));
      }
      const found = await releases.fileFor(channel, file, device);
      if (found === null) throw notFound('Không có tệp cập nhật này cho máy của bạn.');
      return sendFileRange(reply, found.path, found.size, request.headers.range);
    },
  );
}

function sendFileRange(reply: FastifyReply, path: string, size: number, rangeHeader: string | undefined): FastifyReply {
  reply.header('accept-ranges', 'bytes').header('cache-control', 'no-store').type('application/octet-stream');
  const range = parseByteRange(rangeHeader, size);
  if (range === 'unsatisfiable') {
    return reply.status(416).header('content-range', `bytes */${size}`).send();
  }
  if (range === null) {
    return reply.header('content-length', size).send(createReadStream(path));
  }
  return reply
    .status(206)
    .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
    .header('content-length', range.end - range.start + 1)
    .send(createReadStream(path, { start: range.start, end: range.end }));
}
