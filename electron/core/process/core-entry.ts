// Entry of the desk core's own process. In the Electron app main starts it with utilityProcess.fork
// and talks over its parentPort; under Node (child_process.fork) it talks over the IPC channel.
// Which desk to open comes in the first message (`start`), so nothing here reads the environment; the
// only argument is which better-sqlite3 build to load (core-entry-args.ts).
import { eventMessagePort, nodeIpcPort, type EventMessagePort } from './core-port-adapters.js';
import { coreOptionsFromArgs } from './core-entry-args.js';
import { runCoreProcess } from './core-process.js';

const parentPort = (process as { parentPort?: EventMessagePort }).parentPort;
if (parentPort !== undefined) {
  runCoreProcess(eventMessagePort(parentPort), coreOptionsFromArgs(process.argv));
} else if (process.send !== undefined) {
  runCoreProcess(nodeIpcPort(process), coreOptionsFromArgs(process.argv));
  // The parent is gone (it crashed, or was killed): a core nobody can reach must not keep the database open.
  process.on('disconnect', () => process.exit(0));
} else {
  console.error('core-entry.ts runs as a child process (utilityProcess or child_process.fork), not on its own.');
  process.exit(2);
}
