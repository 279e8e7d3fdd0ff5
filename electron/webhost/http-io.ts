import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTP_STATUS_OF, errorEnvelope, type Envelope } from '../../shared/contract/envelope.js';
import { CommandError } from '../../shared/contract/errors.js';

export const MAX_JSON_BODY_BYTES = 1024 * 1024;

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

export function sendEnvelope(res: ServerResponse, envelope: Envelope<unknown>): void {
  sendJson(res, envelope.ok ? 200 : HTTP_STATUS_OF[envelope.error.code], envelope);
}

export function sendError(res: ServerResponse, error: CommandError): void {
  sendEnvelope(res, errorEnvelope(error.code, error.message));
}

/** Reads a JSON body with a size cap; an empty body means `{}` (commands without arguments). */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_JSON_BODY_BYTES) {
      throw new CommandError('invalid_argument', 'Dữ liệu gửi lên quá lớn (tối đa 1 MB).');
    }
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CommandError('invalid_argument', 'Nội dung gửi lên không phải JSON hợp lệ.');
  }
}
