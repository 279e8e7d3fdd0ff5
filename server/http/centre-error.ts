import type { CentreErrorBody, CentreErrorCode } from '../../shared/sync/protocol.js';

/** An answer the centre means to give: an HTTP status, a code from the protocol and a Vietnamese message. */
export class CentreHttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: CentreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CentreHttpError';
  }

  body(): CentreErrorBody {
    return { error: { code: this.code, message: this.message } };
  }
}

export const unauthorized = (message = 'Thiếu hoặc sai mã xác thực.') => new CentreHttpError(401, 'unauthorized', message);
export const forbidden = (message: string) => new CentreHttpError(403, 'forbidden', message);
export const notFound = (message: string) => new CentreHttpError(404, 'not_found', message);
export const conflict = (message: string) => new CentreHttpError(409, 'conflict', message);
export const invalidRequest = (message: string) => new CentreHttpError(400, 'invalid_request', message);
