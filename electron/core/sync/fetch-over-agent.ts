import http from 'node:http';
import https from 'node:https';

// fetch's contract over Node's http/https with a given agent: what the global fetch (undici) cannot
// do on Node 20, where its proxy dispatcher is not exposed. Only what the centre client sends: a URL,
// a method, plain headers, a string or byte body, and an abort signal. Failures look like fetch's
// (a TypeError with the cause), so SyncFailure reads both the same way.

const NO_BODY_STATUSES = new Set([101, 204, 205, 304]);

function plainHeaders(init: RequestInit | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  new Headers(init?.headers).forEach((value, name) => {
    headers[name] = value;
  });
  return headers;
}

function responseHeaders(raw: http.IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}

export function fetchOverAgent(agent: http.Agent, input: string | URL | Request, init?: RequestInit): Promise<Response> {
  if (input instanceof Request) return Promise.reject(new TypeError('fetchOverAgent takes a URL, not a Request'));
  const url = new URL(input);
  const method = (init?.method ?? 'GET').toUpperCase();
  const body = init?.body;
  if (body !== undefined && body !== null && typeof body !== 'string' && !(body instanceof Uint8Array)) {
    return Promise.reject(new TypeError('fetchOverAgent sends only string or byte bodies'));
  }
  const signal = init?.signal ?? undefined;
  return new Promise<Response>((resolve, reject) => {
    const fail = (error: unknown) => reject(signal?.aborted === true ? signal.reason : new TypeError('fetch failed', { cause: error }));
    if (signal?.aborted === true) {
      fail(signal.reason);
      return;
    }
    const request = (url.protocol === 'https:' ? https : http).request(url, { method, headers: plainHeaders(init), agent });
    // Answered at once: a request still waiting for its tunnel reports nothing until the proxy answers.
    const onAbort = () => {
      request.destroy();
      fail(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    request.once('error', (error) => {
      signal?.removeEventListener('abort', onAbort);
      fail(error);
    });
    request.once('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('error', fail);
      response.once('end', () => {
        signal?.removeEventListener('abort', onAbort);
        const status = response.statusCode ?? 0;
        const bytes = Buffer.concat(chunks);
        resolve(new Response(method === 'HEAD' || NO_BODY_STATUSES.has(status) ? null : bytes, { status, statusText: response.statusMessage ?? '', headers: responseHeaders(response.headers) }));
      });
    });
    request.end(body ?? undefined);
  });
}
