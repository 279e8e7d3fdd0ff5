// Why a request never reached the centre because of the ward's proxy. Thrown by any network adapter
// (Node's tunnel, later Electron's net) and named by SyncFailure as a 'proxy' failure, so the status
// bar says "the proxy refused (mã 407)" instead of "the centre is offline".

/** The proxy answered the tunnel request (CONNECT) with something other than 200, or Chromium says it failed. */
export class ProxyRefusedError extends Error {
  constructor(
    /** The proxy's HTTP status: 407 wants credentials, 403 forbids the destination; null when not known. */
    readonly status: number | null,
    /** host:port of the proxy, never its credentials; null when the system chose it (PAC) and did not say. */
    readonly proxyHost: string | null,
    /** Chromium's error name (net::ERR_TUNNEL_CONNECTION_FAILED…), when Electron's net reported it. */
    readonly networkCode: string | null = null,
  ) {
    super(`proxy ${proxyHost ?? '(system)'} refused the tunnel: ${status ?? networkCode ?? 'unknown'}`);
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
