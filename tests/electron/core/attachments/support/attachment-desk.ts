import { dispatch } from '../../../../../electron/core/dispatch.js';
import type { CoreDeps } from '../../../../../electron/core/handlers.js';
import { startCore, type DeskCore } from '../../../../../electron/core/start-core.js';
import type { CommandName } from '../../../../../shared/contract/command-names.js';
import type { CommandArgs, CommandResult } from '../../../../../shared/contract/commands.js';
import type { EventName } from '../../../../../shared/contract/event-names.js';
import type { EventPayloads } from '../../../../../shared/contract/events.js';
import type { ErrorCode } from '../../../../../shared/contract/errors.js';
import { HONG_GAI, SAMPLE_APPLICANT, TestClock } from '../../../../support/desk-fixture.js';
import { makeTempDir } from '../../../../support/temp-dir.js';

// A desk core on a real data folder (SQLite file, blob store, scan inbox), signed in, for the
// attachment, inbox and scanner tests. Like tests/support/desk-fixture.ts, plus the attachments
// feature's test seams, a way to reopen the same folder, and a log of the events the core pushed.

export interface AttachmentDesk {
  core: DeskCore;
  clock: TestClock;
  dataDir: string;
  inboxDir: string;
  pushed: { name: EventName; payload: unknown }[];
  call<N extends CommandName>(name: N, args: CommandArgs<N>): Promise<CommandResult<N>>;
  fail(name: string, args: unknown): Promise<{ code: ErrorCode; message: string }>;
  /** Waits for a pushed event matching `test` (already pushed ones count). */
  waitFor<E extends EventName>(name: E, test?: (payload: EventPayloads[E]) => boolean, timeoutMs?: number): Promise<EventPayloads[E]>;
  /** Closes the core but keeps the data folder (for "while the app was closed"). */
  close(): void;
  dispose(): void;
}

const SUPERVISOR = { username: 'truongbp', password: 'mat-khau-thu-nghiem' };

export interface AttachmentDeskOptions {
  dataDir?: string;
  attachmentOptions?: CoreDeps['attachmentOptions'];
  scanRestoreOptions?: CoreDeps['scanRestoreOptions'];
  /** False: the data folder holds a desk set up before; sign in to it. */
  initialise?: boolean;
}

export async function openAttachmentDesk(options: AttachmentDeskOptions = {}): Promise<AttachmentDesk> {
  const dir = options.dataDir === undefined ? makeTempDir('desk-attach-') : null;
  const dataDir = options.dataDir ?? dir!.path;
  const clock = new TestClock(Date.parse('2026-11-23T02:00:00Z'));
  const core = startCore({ appName: 'test', version: '0.0.0-test', dataDir }, { now: clock.now, attachmentOptions: options.attachmentOptions, scanRestoreOptions: options.scanRestoreOptions });
  const pushed: { name: EventName; payload: unknown }[] = [];
  const waiters = new Set<() => void>();
  core.events.subscribe((name, payload) => {
    pushed.push({ name, payload });
    for (const wake of waiters) wake();
  });
  const raw = (name: string, args: unknown) => dispatch(core.handlers, name, args, { transport: 'in-process' }, { error: () => undefined });
  let closed = false;
  const desk: AttachmentDesk = {
    core,
    clock,
    dataDir,
    inboxDir: `${dataDir}/scan-inbox`,
    pushed,
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
    waitFor(name, test = () => true, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const hit = pushed.find((e) => e.name === name && test(e.payload as never));
          if (hit === undefined) return false;
          waiters.delete(wake);
          clearTimeout(timer);
          resolve(hit.payload as never);
          return true;
        };
        const wake = (): void => void check();
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`no ${name} event within ${timeoutMs} ms; pushed: ${JSON.stringify(pushed.map((e) => e.name))}`));
        }, timeoutMs);
        waiters.add(wake);
        check();
      });
    },
    close() {
      if (closed) return;
      closed = true;
      core.close();
    },
    dispose() {
      desk.close();
      dir?.remove();
    },
  };
  if (options.initialise !== false) {
    await desk.call('setup.initialise', { ...HONG_GAI, station: 1, supervisor: { ...SUPERVISOR, fullName: 'Trần Văn Giám Sát' } });
  } else {
    await desk.call('auth.signIn', SUPERVISOR); // reopening a desk set up before
  }
  return desk;
}

export const PAPERS = [
  { itemId: 'to-khai', name: 'Tờ khai đăng ký khai sinh', form: 'original', count: 1 },
  { itemId: 'giay-chung-sinh', name: 'Giấy chứng sinh', form: 'original', count: 1 },
  { itemId: 'giay-to-tuy-than', name: 'Thẻ Căn cước của người đi đăng ký', form: 'original', count: 1 },
] as const;

/** Receives a birth-registration dossier with two papers; returns its id. */
export async function receiveDossier(desk: AttachmentDesk, applicant: Partial<typeof SAMPLE_APPLICANT> = {}, documents: readonly (typeof PAPERS)[number][] | { itemId: string; name: string; form: 'original' | 'copy' | 'certified_copy'; count: number }[] = PAPERS): Promise<string> {
  const detail = await desk.call('dossiers.receive', {
    procedureId: 'ho-tich.dang-ky-khai-sinh',
    channel: 1,
    applicant: { ...SAMPLE_APPLICANT, ...applicant },
    documents: documents.map((d) => ({ ...d })),
  });
  return detail.state.id;
}
