// The one home of "now" for tests that need a today (the browser specs, and the processes they start):
// DESK_TEST_NOW, an ISO-8601 instant with its offset, or a fixed ordinary working morning. The suite
// must pass whatever the real date and hour; `npm run test:dates` runs the date-sensitive specs again
// at hard instants by setting this variable (tests/support/hard-dates.sh).

/** Wednesday 25/11/2026 10:00 in Hạ Long: a working day of the seeded calendar, mid-morning, mid-month. */
export const DEFAULT_TEST_NOW = '2026-11-25T10:00:00+07:00';

// An instant without an offset would be read in the machine's zone: the very dependence this removes.
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/u;

/** The instant tests start at, in epoch milliseconds. */
export function testNowMs(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.DESK_TEST_NOW?.trim() || DEFAULT_TEST_NOW;
  const ms = ISO_WITH_OFFSET.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new Error(`DESK_TEST_NOW="${text}" is not an ISO-8601 instant with an offset (e.g. ${DEFAULT_TEST_NOW}).`);
  }
  return ms;
}

/**
 * A clock that runs at the real pace from a chosen instant: a browser flow needs time to pass (ids and
 * stamps made a few milliseconds apart keep their order, waits and timeouts behave), but from a known
 * start. It is the real clock shifted by a constant, so a child process shifted by the same constant
 * (libfaketime, tests/support/faketime.ts) reads the same time.
 */
export class RunningClock {
  private offsetMs: number;

  constructor(startMs: number = testNowMs()) {
    this.offsetMs = startMs - Date.now();
  }

  now = (): number => Date.now() + this.offsetMs;

  /** Jumps to an instant; the clock keeps running from there. */
  set(iso: string): void {
    this.offsetMs = Date.parse(iso) - Date.now();
  }

  iso(): string {
    return new Date(this.now()).toISOString();
  }

  /** How far this clock is from the real one, in milliseconds. */
  offset(): number {
    return this.offsetMs;
  }
}
