import http from 'node:http';
import https from 'node:https';
import { isIP, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { ProxyRefusedError } from './proxy-refused.js';

// Node's http and https agents that reach the centre through a ward's proxy with an HTTP CONNECT
// tunnel, for https:// and http:// centres alike (as undici's ProxyAgent does): the proxy sees only
// "CONNECT host:port", the TLS session runs end to end with the centre, and certificate checks (and
// NODE_EXTRA_CA_CERTS) apply as without a proxy. Kept-alive sockets are tunnels reused, not reopened.

/** A proxy that neither answers nor refuses must not hold a sync round for ever. */
const CONNECT_TIMEOUT_MS = 30_000;

const bare = (host: string): string => host.replace(/^\[|\]$/g, '');

function openTunnel(proxy: URL, host: string, port: number, done: (error: Error | null, socket?: Socket) => void): void {
  const target = `${isIP(host) === 6 ? `[${host}]` : host}:${port}`;
  const headers: Record<string, string> = { host: target };
  if (proxy.username !== '') {
    const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
    headers['proxy-authorization'] = `Basic ${Buffer.from(credentials).toString('base64')}`;
  }
  const secureProxy = proxy.protocol === 'https:';
  const request = (secureProxy ? https : http).request({
    host: bare(proxy.hostname),
    port: proxy.port !== '' ? Number(proxy.port) : secureProxy ? 443 : 80,
    method: 'CONNECT',
    path: target,
    headers,
    agent: false,
    timeout: CONNECT_TIMEOUT_MS,
  });
  request.once('connect', (response, socket) => {
    if (response.statusCode === 200) {
      done(null, socket);
      return;
    }
    socket.destroy();
    done(new ProxyRefusedError(response.statusCode ?? 0, proxy.host));
  });
  request.once('timeout', () => request.destroy(Object.assign(new Error(`proxy ${proxy.host} did not answer CONNECT`), { code: 'ETIMEDOUT' })));
  request.once('error', (error) => done(error));
  request.end();
}

type Created = (error: Error | null, stream: Duplex) => void;

/** For http:// centres: the tunnel itself is the connection. */
export class TunnellingHttpAgent extends http.Agent {
  constructor(private readonly proxy: URL) {
    super({ keepAlive: true });
  }

  override createConnection(options: http.ClientRequestArgs, callback?: Created): undefined {
    openTunnel(this.proxy, bare(options.host ?? 'localhost'), Number(options.port ?? 80), (error, socket) => callback?.(error, socket!));
    return undefined;
  }
}

/** For https:// centres: TLS with the centre inside the tunnel (SNI and the certificate name are the centre's). */
export class TunnellingHttpsAgent extends https.Agent {
  constructor(private readonly proxy: URL) {
    super({ keepAlive: true });
  }

  override createConnection(options: https.RequestOptions, callback?: Created): undefined {
    const host = bare(options.host ?? 'localhost');
    openTunnel(this.proxy, host, Number(options.port ?? 443), (error, socket) => {
      if (error !== null) {
        callback?.(error, socket!);
        return;
      }
      // `host` stays: TLS checks the certificate against it (an IP centre has no SNI name).
      const { path: _socketPath, ...tlsOptions } = options as https.RequestOptions & tls.ConnectionOptions;
      const secure = tls.connect({ ...tlsOptions, host, socket: socket!, ...(isIP(host) === 0 ? { servername: options.servername || host } : {}) });
      callback?.(null, secure);
    });
    return undefined;
  }
}
