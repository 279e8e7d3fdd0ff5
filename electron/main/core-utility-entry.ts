// Entry of the desk core's utilityProcess (built as out/main/core-entry.js; core-utility.ts says what it
// runs). A Node child (tests, scripts) starts electron/core/process/core-entry.ts instead.
import type { EventMessagePort } from '../core/process/core-port-adapters.js';
import { serveUtilityCore } from './core-utility.js';

const parentPort = (process as { parentPort?: EventMessagePort }).parentPort;
if (parentPort === undefined) {
  console.error('core-entry.js runs in an Electron utilityProcess (utilityProcess.fork), not on its own.');
  process.exit(2);
}
serveUtilityCore(parentPort, process.argv);
