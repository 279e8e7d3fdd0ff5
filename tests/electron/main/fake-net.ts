import { EventEmitter } from 'node:events';
import http from 'node:http';
import https from 'node:https';

// Electron's net.request, played by Node's http on loopback: the same small surface (setHeader,
// chunkedEncoding, write with a callback, end, abort; 'response', 'error', 'login' events; a response
// with statusCode, headers and data/end), so the Electron adapter's own logic runs against a real centre.

export interface FakeNetRequestOptions {
  method?: string;
  url: string;
}

export class FakeNetRequest extends EventEmitter {
  chunkedEncoding = false;
  private readonly headers: Record<string, string> = {};
  private request: http.ClientRequest | null = null;

  constructor(private readonly options: FakeNetRequestOptions) {
    super();
  }

  setHeader(name: string, value: string): void {
    this.headers[name] = value;
  }

  private open(): http.ClientRequest {
    if (this.request !== null) return this.request;
    const url = new URL(this.options.url);
    const request = (url.protocol === 'https:' ? https : http).request(url, { method: this.options.method ?? 'GET', headers: this.headers });
    request.on('response', (response) => this.emit('response', response));
    request.on('error', (error) => this.emit('error', error));
    this.request = request;
    return request;
  }

  write(chunk: Buffer | string, _encoding?: string, callback?: () => void): void {
    this.open().write(chunk, () => callback?.());
  }

  end(chunk?: Buffer | string): void {
    if (chunk === undefined) this.open().end();
    else this.open().end(chunk);
  }

  abort(): void {
    this.request?.destroy(new Error('net::ERR_ABORTED'));
  }
}
