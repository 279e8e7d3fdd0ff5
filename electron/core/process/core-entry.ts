// Entry of the desk core's own process under Node (child_process.fork: main's tests, through the fake
// utilityProcess; scripts): it talks over the IPC channel. In the Electron app the entry is
// electron/main/core-utility-entry.ts (parentPort, and Electron's net to reach the centre).
// Which desk to open comes in the first message (`start`), so nothing here reads the environment; the
// only argument is which better-sqlite3 build to load (core-entry-args.ts).
import { nodeIpcPort } from './core-port-adapters.js';
import { coreOptionsFromArgs } from './core-entry-args.js';
import { runCoreProcess } from './core-process.js';

if (process.send !== undefined) {
  runCoreProcess(nodeIpcPort(process), coreOptionsFromArgs(process.argv));
  // The parent is gone (it crashed, or was killed): a core nobody can reach must not keep the database open.
  process.on('disconnect', () => process.exit(0));
} else {
  console.error('core-entry.ts runs as a child process (child_process.fork), not on its own.');
  process.exit(2);
}
