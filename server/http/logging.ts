import type { FastifyServerOptions } from 'fastify';
import { REDACTED, REDACTED_KEYS, redactText } from '../../shared/logging/redact.js';

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

/** The desk's list of keys never logged (shared/logging/redact.ts), plus pino's request headers. */
export const REDACTED_PATHS = ['req.headers', ...REDACTED_KEYS];

export function centreLoggerOptions(options: { level?: string; stream?: NodeJS.WritableStream } = {}): FastifyServerOptions['logger'] {
  return {
    level: options.level ?? 'info',
    ...(options.stream === undefined ? {} : { stream: options.stream }),
    redact: { paths: REDACTED_PATHS, censor: REDACTED },
    // Messages pass the same redaction as the desk's lines: an error's text may quote what it should not.
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((arg) => (typeof arg === 'string' ? redactText(arg) : arg)) as Parameters<typeof method>);
      },
    },
    serializers: {
      req: (req: RequestLike) => ({ method: req.method, route: req.routeOptions?.url ?? '(không khớp tuyến nào)' }),
      res: (res: ReplyLike) => ({ statusCode: res.statusCode }),
    },
  };
}
