import { coreOptionsFromArgs } from '../core/process/core-entry-args.js';
import { eventMessagePort, type EventMessagePort } from '../core/process/core-port-adapters.js';
import { runCoreProcess } from '../core/process/core-process.js';
import { electronCentreNetwork } from './electron-centre-network.js';

// The desk core as Electron's utilityProcess runs it: the same runCoreProcess as the Node child, over the
// process's parentPort, with one difference: it reaches the centre through Electron's net (Chromium's
// stack: the system proxy or PAC, the OS certificate store), not Node's. Electron documents `net` for
// the utility process ("Process: Main, Utility", https://www.electronjs.org/docs/api/net; added by
// electron/electron#40017, "feat: add net module to utility process", merged December 2023, long before our Electron 45), with
// one limit that does not touch us: custom protocols (app://) are not served to it. The file lives in
// electron/main because it imports 'electron'; the core's Node entry (core-entry.ts) stays free of it.

export function serveUtilityCore(parentPort: EventMessagePort, argv: readonly string[]): void {
  runCoreProcess(eventMessagePort(parentPort), { ...coreOptionsFromArgs(argv), centreNetwork: electronCentreNetwork() });
}
