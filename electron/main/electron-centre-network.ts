import { net, type ClientRequest, type IncomingMessage } from 'electron';
import { Readable } from 'node:stream';
import type { HttpRequest, HttpResponse, HttpStack } from 'tus-js-client';
import type { CentreNetwork } from '../core/sync/centre-network.js';
import { ProxyRefusedError } from '../core/sync/proxy-refused.js';

// The centre's network in the packaged app: Electron's net, that is Chromium's network stack, so sync
// and scan uploads follow the Windows proxy settings (and PAC scripts) and trust the Windows
// certificate store, as the ward's browser does. Chromium's errors are translated into what
// SyncFailure already reads: a proxy's refusal into ProxyRefusedError, an untrusted certificate into
// an error with a certificate code. Main passes this to startCore({ centreNetwork }).

const PROXY_ERROR = /net::ERR_(TUNNEL_CONNECTION_FAILED|PROXY_[A-Z_]+|MANDATORY_PROXY_CONFIGURATION_FAILED)/;
const CERTIFICATE_ERROR = /net::ERR_CERT_[A-Z_]+/;

/** Chromium's network error as the core's kinds know it (the original kept as the cause). */
export function fromChromium(error: unknown): unknown {
  const message = error instanceof Error ? error.message : String(error);
  const proxy = PROXY_ERROR.exec(message);
  if (proxy !== null) return Object.assign(new ProxyRefusedError(null, null, proxy[0]), { cause: error });
  if (CERTIFICATE_ERROR.test(message)) return Object.assign(new Error(message, { cause: error }), { code: 'CERT_UNTRUSTED' });
  return error;
}

function headerOf(headers: Record<string, string | string[]>, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

class NetTusRequest implements HttpRequest {
  private readonly headers: Record<string, string> = {};
  private request: ClientRequest | null = null;
  private progress: (bytesSent: number) => void = () => undefined;

  constructor(
    private readonly method: string,
    private readonly url: string,
  ) {}

  getMethod = (): string => this.method;
  getURL = (): string => this.url;
  setHeader(name: string, value: string): void {
    this.headers[name] = value;
  }
  getHeader = (name: string): string | undefined => this.headers[name];
  setProgressHandler(handler: (bytesSent: number) => void): void {
    this.progress = handler;
  }
  getUnderlyingObject = (): unknown => this.request;

  send(body: unknown = null): Promise<HttpResponse> {
    return new Promise<HttpResponse>((resolve, reject) => {
      const request = net.request({ method: this.method, url: this.url, redirect: 'error' });
      this.request = request;
      for (const [name, value] of Object.entries(this.headers)) request.setHeader(name, value);
      let settled = false;
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        reject(fromChromium(error));
      };
      // A proxy asking for credentials: the desk has none to give (Windows' own are used by Chromium where it can).
      request.on('login', (authInfo, callback) => {
        callback();
        if (authInfo.isProxy) fail(new ProxyRefusedError(407, `${authInfo.host}:${authInfo.port}`));
      });
      request.on('response', (response: IncomingMessage) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', fail);
        response.on('end', () => {
          if (settled) return;
          settled = true;
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            getStatus: () => response.statusCode,
            getHeader: (name) => headerOf(response.headers, name),
            getBody: () => text,
            getUnderlyingObject: () => response,
          });
        });
      });
      request.on('error', fail);
      this.write(request, body).catch(fail);
    });
  }

  /** Streams a file slice in chunks (never buffered whole in main), reporting the bytes handed over. */
  private async write(request: ClientRequest, body: unknown): Promise<void> {
    if (body instanceof Readable) {
      request.chunkedEncoding = true;
      let sent = 0;
      for await (const chunk of body) {
        const bytes = chunk as Buffer;
        // Waits for each chunk to be taken, so a large scan is never queued whole in main's memory.
        await new Promise<void>((resolve) => request.write(bytes, undefined, resolve));
        sent += bytes.length;
        this.progress(sent);
      }
      request.end();
      return;
    }
    if (body instanceof Uint8Array) {
      request.write(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
      this.progress(body.byteLength);
      request.end();
      return;
    }
    request.end(typeof body === 'string' ? body : undefined);
  }

  abort(): Promise<void> {
    this.request?.abort();
    return Promise.resolve();
  }
}

export function electronCentreNetwork(): CentreNetwork {
  const tusHttpStack: HttpStack = {
    createRequest: (method, url) => new NetTusRequest(method, url),
    getName: () => 'ElectronNetHttpStack',
  };
  return {
    fetch: async (input, init) => {
      try {
        return await net.fetch(input instanceof URL ? input.toString() : input, init);
      } catch (error) {
        throw fromChromium(error);
      }
    },
    tusHttpStack,
  };
}
