import type { FastifyServerOptions } from 'fastify';

// Structured logs without personal data: requests are logged by route pattern (never the URL, which
// may hold a dossier code or a cursor), method and status; headers (tokens) and bodies (citizens'
// names, ID numbers, QR contents) are never logged, and known secret-bearing fields are redacted.

interface RequestLike {
  method?: string;
  routeOptions?: { url?: string };
  id?: string;
}

interface ReplyLike {
  statusCode?: number;
}

export const REDACTED_PATHS = [
  'req.headers',
  'headers',
  'authorization',
  'token',
  'code',
  'password',
  'body',
  'event',
  'events',
  'payload',
  'applicant',
  'idNumber',
  'fullName',
];

export function centreLoggerOptions(options: { level?: string; stream?: NodeJS.WritableStream } = {}): FastifyServerOptions['logger'] {
  return {
    level: options.level ?? 'info',
    ...(options.stream === undefined ? {} : { stream: options.stream }),
    redact: { paths: REDACTED_PATHS, censor: '[ẩn]' },
    serializers: {
      req: (req: RequestLike) => ({ method: req.method, route: req.routeOptions?.url ?? '(không khớp tuyến nào)' }),
      res: (res: ReplyLike) => ({ statusCode: res.statusCode }),
    },
  };
}
