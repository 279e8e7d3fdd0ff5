import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningClock } from './test-now.js';

// Child processes (the centre, built, under `node`) read the machine's clock; libfaketime (Debian's
// `faketime` package, checked by tests/support/system-deps.sh) shifts it by a test clock's offset, so
// the child and the test's core read the same time while both run at the real pace.
//
// The library is preloaded directly rather than through the `faketime` wrapper: the wrapper forks and
// waits, so a signal sent to it (a test stopping or killing the centre) would not reach the program.

const LIBRARY_DIRS = ['/usr/lib', '/usr/local/lib'];
// The multi-threaded build: Node runs several threads (libuv's pool, V8's helpers).
const LIBRARY = 'libfaketimeMT.so.1';

function libfaketimePath(): string {
  for (const root of LIBRARY_DIRS) {
    const candidates = [join(root, 'faketime', LIBRARY), ...(existsSync(root) ? readdirSync(root).map((dir) => join(root, dir, 'faketime', LIBRARY)) : [])];
    const found = candidates.find((path) => existsSync(path));
    if (found !== undefined) return found;
  }
  throw new Error(`${LIBRARY} was not found: install the faketime package (bash tests/support/system-deps.sh does).`);
}

/** Environment for a child process whose clock runs with `clock` (the monotonic clock stays real). */
export function faketimeEnv(clock: RunningClock): NodeJS.ProcessEnv {
  const seconds = clock.offset() / 1000;
  return {
    LD_PRELOAD: libfaketimePath(),
    // libfaketime's relative form: seconds to add to the real time, with a sign.
    FAKETIME: `${seconds < 0 ? '-' : '+'}${Math.abs(seconds).toFixed(3)}`,
    FAKETIME_DONT_FAKE_MONOTONIC: '1',
  };
}

/** A clock for a child process that starts at `at` (epoch ms) and runs, or stays at `at` for good (frozen). */
export interface FixedStart {
  at: number;
  frozen?: boolean;
}

/**
 * Environment for a child process whose wall clock starts at (or stays at) a fixed instant. The
 * absolute forms are read in the child's zone, so the child runs in UTC: `at` means the same instant
 * on every machine. Timers keep the real monotonic clock, so a frozen wall clock is safe.
 */
export function faketimeEnvAt(clock: FixedStart): NodeJS.ProcessEnv {
  const at = new Date(clock.at).toISOString().replace('T', ' ').slice(0, 19);
  return {
    LD_PRELOAD: libfaketimePath(),
    FAKETIME: clock.frozen === true ? at : `@${at}`,
    FAKETIME_DONT_FAKE_MONOTONIC: '1',
    TZ: 'UTC',
  };
}
