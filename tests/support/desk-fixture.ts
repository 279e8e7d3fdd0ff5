import type { CommandName } from '../../shared/contract/command-names.js';
import type { CommandArgs, CommandResult } from '../../shared/contract/commands.js';
import type { Envelope } from '../../shared/contract/envelope.js';
import type { ErrorCode } from '../../shared/contract/errors.js';
import { dispatch } from '../../electron/core/dispatch.js';
import type { RebuildProgressListener } from '../../electron/core/dossiers/rebuild-projections.js';
import { startCore, type DeskCore } from '../../electron/core/start-core.js';
import { makeTempDir } from './temp-dir.js';

/** A settable clock: tests move time instead of waiting for it. */
export class TestClock {
  constructor(public ms: number) {}
  now = (): number => this.ms;
  set(iso: string): void {
    this.ms = Date.parse(iso);
  }
  advanceMinutes(minutes: number): void {
    this.ms += minutes * 60_000;
  }
  iso(): string {
    return new Date(this.ms).toISOString();
  }
}

export const HONG_GAI = { unitGsoCode: '06691', agencyId: '000.15.20.H49' } as const;

export interface TestDesk {
  core: DeskCore;
  clock: TestClock;
  dataDir: string;
  /** Calls a command and returns the value, failing the test on an error envelope. */
  call<N extends CommandName>(name: N, args: CommandArgs<N>): Promise<CommandResult<N>>;
  /** Calls a command expected to fail and returns its error. */
  fail(name: string, args: unknown): Promise<{ code: ErrorCode; message: string }>;
  raw(name: string, args: unknown): Promise<Envelope<unknown>>;
  dispose(): void;
}

/** A desk core on a real SQLite file, with a test clock; optionally initialised with a signed-in supervisor. */
export async function openTestDesk(
  options: { at?: string; station?: number; initialise?: boolean; dataDir?: string; onProjectionRebuild?: RebuildProgressListener } = {},
): Promise<TestDesk> {
  const dir = options.dataDir === undefined ? makeTempDir('desk-engine-') : null;
  const dataDir = options.dataDir ?? dir!.path;
  const clock = new TestClock(Date.parse(options.at ?? '2026-11-23T02:00:00Z')); // Monday 09:00 in Hạ Long
  const core = startCore({ appName: 'test', version: '0.0.0-test', dataDir }, { now: clock.now, onProjectionRebuild: options.onProjectionRebuild });
  const raw = (name: string, args: unknown) => dispatch(core.handlers, name, args, { transport: 'in-process' }, { error: () => undefined });
  const desk: TestDesk = {
    core,
    clock,
    dataDir,
    raw,
    async call(name, args) {
      const envelope = await raw(name, args);
      if (!envelope.ok) throw new Error(`${name} failed: ${envelope.error.code} ${envelope.error.message}`);
      return envelope.value as never;
    },
    async fail(name, args) {
      const envelope = await raw(name, args);
      if (envelope.ok) throw new Error(`${name} was expected to fail but succeeded`);
      return envelope.error;
    },
    dispose() {
      core.close();
      dir?.remove();
    },
  };
  if (options.initialise !== false) {
    await desk.call('setup.initialise', {
      ...HONG_GAI,
      station: options.station ?? 1,
      supervisor: { username: 'truongbp', fullName: 'Trần Văn Giám Sát', password: 'mat-khau-thu-nghiem' },
    });
  }
  return desk;
}

/** A fabricated applicant (the ID is synthetic: province 022, female, born 1990). */
export const SAMPLE_APPLICANT = {
  fullName: 'Nguyễn Thị Đức Hạnh',
  idNumber: '022190000123',
  birthDate: '1990-06-05',
  sex: 'female' as const,
  address: 'Tổ 1, Khu 2, Phường Hồng Gai',
  phone: '0912 345 678',
  email: null,
};
