import type { HttpStack } from 'tus-js-client';

// The one seam between the sync agent and the network. The core speaks to the centre only through
// this: under Node the desk builds it from the proxy variables (node-centre-network.ts); in the
// packaged app main can hand in one backed by Electron's net (Chromium's stack: the system proxy or
// PAC, the operating system's certificate store), without the agent or the client changing.

export interface CentreNetwork {
  /** The centre's JSON routes and small scans, with fetch's contract (Electron's net.fetch has it too). */
  fetch: typeof fetch;
  /** Resumable scan uploads: the HTTP stack tus-js-client sends its requests with. */
  tusHttpStack: HttpStack;
}
