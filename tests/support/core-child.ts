// The desk core in a real Node child process, as Electron's utilityProcess runs it: the same
// runCoreProcess over child_process IPC (structured clone, like a MessagePort), on the parent's test clock.
import { fork, type ChildProcess } from 'node:child_process';
import type { CoreProcessHandle } from '../../electron/core/process/core-supervisor.js';
import { nodeIpcPort } from '../../electron/core/process/core-port-adapters.js';
import { BUILT_ENTRY_EXEC_ARGV, builtEntry } from './entry-builds.js';

/**
 * Forks the core's test entry (core-child-entry.ts, built: plain `node`, no tsx); its clock is the real one shifted by `clockOffsetMs` (RunningClock.offset()).
 * With `stallFile`, the core holds the command that reads the clock while that file exists (core-child-entry.ts).
 */
export function forkCoreChild(clockOffsetMs: number, stallFile?: string): CoreProcessHandle & { child: ChildProcess } {
  const child = fork(builtEntry('core-child-entry'), [], {
    execArgv: BUILT_ENTRY_EXEC_ARGV,
    env: { ...process.env, DESK_CORE_CLOCK_OFFSET_MS: String(clockOffsetMs), ...(stallFile === undefined ? {} : { DESK_CORE_STALL_FILE: stallFile }) },
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    child,
    port: nodeIpcPort(child),
    onExit: (listener) => {
      if (child.exitCode !== null || child.signalCode !== null) listener(child.exitCode);
      else child.once('exit', (code) => listener(code));
    },
    kill: () => {
      child.kill('SIGKILL');
    },
  };
}
