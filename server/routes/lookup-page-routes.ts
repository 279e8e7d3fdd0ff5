import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { formatDossierCode, parseDossierCode } from '../../shared/domain/dossier-code/dossier-code.js';
import { SYNC_PATHS } from '../../shared/sync/protocol.js';
import { CentreHttpError } from '../http/centre-error.js';
import { LOOKUP_PAGE_STYLE_HASH, lookupPage, lookupProblemPage } from '../lookup/lookup-page.js';
import { lookupDossier } from '../lookup/lookup-service.js';
import type { CentreDeps } from './deps.js';

// GET /tra-cuu/<code>: what a citizen's phone opens from the receipt's QR code — the JSON lookup's
// facts as a Vietnamese page, rate-limited like it. Registered as its own plugin so that its errors
// (a malformed code, an unknown one, too many requests) are pages too, not the API's JSON.

const PAGE_HEADERS = {
  'content-security-policy': `default-src 'none'; style-src ${LOOKUP_PAGE_STYLE_HASH}; form-action 'none'; frame-ancestors 'none'; base-uri 'none'`,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

/**
 * A found dossier may be kept a minute (a citizen reopening the page costs no lookup; a status changes
 * a few times in weeks). A problem is never kept: the dossier may arrive with the desk's next sync.
 */
const FOUND_CACHE = 'public, max-age=60';
const PROBLEM_CACHE = 'no-store';

function sendPage(reply: FastifyReply, status: number, cacheControl: string, page: string): FastifyReply {
  return reply.status(status).headers(PAGE_HEADERS).header('cache-control', cacheControl).type('text/html; charset=utf-8').send(page);
}

const MALFORMED = lookupProblemPage('Mã hồ sơ không đúng', 'Mã hồ sơ phải có dạng mã cơ quan, ngày tiếp nhận và số thứ tự, ví dụ 000.15.20.H49-261123-1001. Xin kiểm tra lại mã hoặc quét lại mã QR.');

export async function lookupPageRoutes(app: FastifyInstance, options: { deps: CentreDeps }): Promise<void> {
  const { deps } = options;

  app.setErrorHandler((error: FastifyError | CentreHttpError, request, reply) => {
    if (error instanceof CentreHttpError && error.statusCode === 404) {
      return sendPage(reply, 404, PROBLEM_CACHE, lookupProblemPage('Không tìm thấy hồ sơ', error.message));
    }
    if (error instanceof CentreHttpError && error.statusCode === 429) {
      return sendPage(reply, 429, PROBLEM_CACHE, lookupProblemPage('Quá nhiều lượt tra cứu', error.message));
    }
    if (Array.isArray((error as FastifyError).validation)) return sendPage(reply, 400, PROBLEM_CACHE, MALFORMED);
    // Only the error: never the code asked for.
    request.log.error({ err: { name: error.name, message: error.message, stack: error.stack } }, 'lookup page failed');
    return sendPage(reply, 500, PROBLEM_CACHE, lookupProblemPage('Chưa tra cứu được', 'Máy chủ trung tâm đang gặp sự cố; xin thử lại sau ít phút.'));
  });

  app.get(`${SYNC_PATHS.lookupPagePrefix}:code`, {
    schema: {
      params: { type: 'object', properties: { code: { type: 'string', maxLength: 100 } }, required: ['code'], additionalProperties: false },
      response: { 200: { description: 'The dossier status page (HTML)', type: 'string' } },
    },
    config: { rateLimit: { max: deps.lookupPerMinute, timeWindow: '1 minute' } },
    handler: async (request, reply) => {
      const parts = parseDossierCode((request.params as { code: string }).code);
      if (parts === null) return sendPage(reply, 400, PROBLEM_CACHE, MALFORMED);
      const found = await lookupDossier(deps.storage, deps.catalogue, formatDossierCode(parts));
      return sendPage(reply, 200, FOUND_CACHE, lookupPage(found, new Date(deps.now()).toISOString()));
    },
  });
}
