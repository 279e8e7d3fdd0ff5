// Why a request never reached the centre because of the ward's proxy. Thrown by any network adapter
// (Node's tunnel, later Electron's net) and named by SyncFailure as a 'proxy' failure, so the status
// bar says "the proxy refused (mã 407)" instead of "the centre is offline".

/** The proxy answered the tunnel request (CONNECT) with something other than 200. */
export class ProxyRefusedError extends Error {
  constructor(
    /** The proxy's HTTP status: 407 wants credentials, 403 forbids the destination. */
    readonly status: number,
    /** host:port of the proxy, never its credentials. */
    readonly proxyHost: string,
  ) {
    super(`proxy ${proxyHost} refused the tunnel with ${status}`);
    this.name = 'ProxyRefusedError';
  }
}

/** HTTPS_PROXY / HTTP_PROXY holds something that is not a proxy address. */
export class ProxyConfigError extends Error {
  constructor(readonly variable: string) {
    super(`${variable} is not a valid proxy URL`);
    this.name = 'ProxyConfigError';
  }
}
