import { createServer, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

// A ward's forward proxy on loopback, as desks meet it: it takes HTTP CONNECT requests and either
// opens the tunnel to the asked host:port (counting tunnels and the bytes the desk sends through
// them) or refuses with the status given (407 asking for credentials, 403 forbidding the address).
// Anything but CONNECT is answered 405: a desk must tunnel, never send its requests in clear here.

export interface ConnectProxyOptions {
  /** Refuse every tunnel with this status instead of opening it. */
  refuseWith?: 403 | 407;
  /** Take CONNECT requests and never answer them (a proxy that hangs). */
  silent?: boolean;
}

export class ConnectProxy {
  /** host:port of each tunnel asked for, in order (refused ones too). */
  readonly tunnels: string[] = [];
  /** Bytes desks sent into opened tunnels (requests and upload bodies, TLS-wrapped). */
  bytesUp = 0;
  /** Requests that were not CONNECT. */
  plainRequests = 0;
  private server: Server | null = null;
  private readonly open = new Set<Socket>();

  constructor(private readonly options: ConnectProxyOptions = {}) {}

  get url(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('proxy not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  get host(): string {
    return this.url.slice('http://'.length);
  }

  async listen(): Promise<this> {
    const server = createServer((_request, response) => {
      this.plainRequests += 1;
      response.writeHead(405, { 'content-type': 'text/plain' }).end('CONNECT only');
    });
    server.on('connect', (request: IncomingMessage, client: Socket, head: Buffer) => this.tunnel(request, client, head));
    server.on('connection', (socket: Socket) => this.track(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    return this;
  }

  private track(socket: Socket): void {
    this.open.add(socket);
    socket.once('close', () => this.open.delete(socket));
  }

  private tunnel(request: IncomingMessage, client: Socket, head: Buffer): void {
    const target = request.url ?? '';
    this.tunnels.push(target);
    if (this.options.silent === true) return;
    if (this.options.refuseWith !== undefined) {
      const reason = this.options.refuseWith === 407 ? 'Proxy Authentication Required' : 'Forbidden';
      const challenge = this.options.refuseWith === 407 ? 'Proxy-Authenticate: Basic realm="phuong"\r\n' : '';
      client.end(`HTTP/1.1 ${this.options.refuseWith} ${reason}\r\n${challenge}Content-Length: 0\r\nConnection: close\r\n\r\n`);
      return;
    }
    const match = /^(.+):(\d+)$/.exec(target);
    if (match === null) {
      client.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const upstream = connect(Number(match[2]), match[1]!.replace(/^\[|\]$/g, ''));
    this.track(upstream);
    upstream.once('connect', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      client.on('data', (chunk: Buffer) => {
        this.bytesUp += chunk.length;
      });
      client.pipe(upstream);
      upstream.pipe(client);
    });
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    upstream.once('error', close);
    client.once('error', close);
    upstream.once('close', close);
    client.once('close', close);
  }

  async close(): Promise<void> {
    for (const socket of this.open) socket.destroy();
    const server = this.server;
    this.server = null;
    if (server !== null) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
