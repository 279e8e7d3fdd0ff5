// Run by forkCoreChild (core-child.ts), built to JavaScript (entry-builds.ts): electron/core/process/core-entry.ts's Node branch,
// with the clock the parent test runs on. For the crash test, the clock can hold a command mid-way:
// while the file DESK_CORE_STALL_FILE exists, the next reading of the clock writes `<file>.inside` and
// never returns, so the parent can kill the process while a command runs.
import { existsSync, writeFileSync } from 'node:fs';
import { nodeIpcPort } from '../../electron/core/process/core-port-adapters.js';
import { runCoreProcess } from '../../electron/core/process/core-process.js';

const offsetMs = Number(process.env.DESK_CORE_CLOCK_OFFSET_MS ?? '0');
const stallFile = process.env.DESK_CORE_STALL_FILE;

function now(): number {
  if (stallFile !== undefined && existsSync(stallFile)) {
    writeFileSync(`${stallFile}.inside`, String(process.pid));
    const cell = new Int32Array(new SharedArrayBuffer(4));
    for (;;) Atomics.wait(cell, 0, 0, 1000);
  }
  return Date.now() + offsetMs;
}

runCoreProcess(nodeIpcPort(process), { now });
process.on('disconnect', () => process.exit(0));
