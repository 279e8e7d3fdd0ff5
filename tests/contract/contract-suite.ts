import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandName } from '../../shared/contract/command-names.js';
import { COMMAND_NAMES } from '../../shared/contract/command-names.js';
import type { CommandArgs, CommandResult } from '../../shared/contract/commands.js';
import type { Envelope } from '../../shared/contract/envelope.js';
import { ERROR_CODES } from '../../shared/contract/errors.js';
import { localDateOf } from '../../shared/domain/calendar/vietnam-time.js';
import { startTestCore } from '../support/core-fixture.js';
import type { DeskCore } from '../../electron/core/start-core.js';
import type { RunningClock } from '../support/test-now.js';
import { requiredPapers } from '../support/required-papers.js';

export interface TransportUnderTest {
  invoke<N extends CommandName>(name: N, args: CommandArgs<N>): Promise<Envelope<CommandResult<N>>>;
  invokeRaw(name: string, args: unknown): Promise<Envelope<unknown>>;
  close(): Promise<void> | void;
}

/** A desk behind a transport: where its data is, the clock its core runs on, and how to end it. */
export interface DeskUnderTest {
  dataDir: string;
  clock: RunningClock;
  transport: TransportUnderTest;
  dispose(): Promise<void> | void;
}

/** A core in this process (startTestCore) behind the transport `connect` puts in front of it. */
export function inThisProcess(connect: (core: DeskCore) => Promise<TransportUnderTest>): () => Promise<DeskUnderTest> {
  return async () => {
    const core = startTestCore();
    const transport = await connect(core);
    return {
      dataDir: core.dataDir,
      clock: core.clock,
      transport,
      dispose: async () => {
        await transport.close();
        core.dispose();
      },
    };
  };
}

/** The same expectations for every transport: a transport may add nothing and lose nothing. */
export function contractSuite(transportName: string, open: () => Promise<DeskUnderTest>): void {
  describe(`contract over ${transportName}`, () => {
    let core: DeskUnderTest;
    let transport: TransportUnderTest;

    beforeAll(async () => {
      core = await open();
      transport = core.transport;
    });
    afterAll(async () => {
      await core.dispose();
    });

    it('app.info reports version, data folder, desk identity and schema version', async () => {
      const envelope = await transport.invoke('app.info', {});
      expect(envelope.ok).toBe(true);
      if (!envelope.ok) return;
      expect(envelope.value.version).toBe('0.0.0-test');
      expect(envelope.value.dataDir).toBe(core.dataDir);
      expect(envelope.value.schemaVersion).toBeGreaterThanOrEqual(10);
      expect(envelope.value.desk.deviceId).toMatch(/^[0-9a-f-]{36}$/);
      expect(envelope.value.unit).toBeNull();
    });

    it('the device id is stable across calls', async () => {
      const a = await transport.invoke('app.info', {});
      const b = await transport.invoke('app.info', {});
      expect(a.ok && b.ok && a.value.desk.deviceId === b.value.desk.deviceId).toBe(true);
    });

    it('an unknown command answers unknown_command', async () => {
      const envelope = await transport.invokeRaw('dossiers.explode', {});
      expect(envelope).toEqual({ ok: false, error: { code: 'unknown_command', message: expect.stringContaining('dossiers.explode') } });
    });

    it('arguments that break the schema answer invalid_argument with a Vietnamese message naming the field', async () => {
      const envelope = await transport.invokeRaw('app.info', { surprise: 1 });
      expect(envelope.ok).toBe(false);
      if (envelope.ok) return;
      expect(envelope.error.code).toBe('invalid_argument');
      expect(envelope.error.message).toMatch(/Tham số không hợp lệ/);
      expect(envelope.error.message).toMatch(/surprise/);
    });

    it('a non-object argument answers invalid_argument', async () => {
      const envelope = await transport.invokeRaw('app.info', [1, 2]);
      expect(envelope.ok === false && envelope.error.code).toBe('invalid_argument');
    });

    it('carries a working day: first start, receive, find, act, tally — the same over every transport', async () => {
      const setup = await transport.invoke('setup.initialise', {
        unitGsoCode: '06691',
        station: 3,
        agencyId: '000.15.20.h49',
        supervisor: { username: 'GiamSat', fullName: 'Đỗ Thị Giám Sát', password: 'mat-khau-rat-dai' },
      });
      expect(setup.ok && setup.value.officer?.username).toBe('giamsat');
      const received = await transport.invoke('dossiers.receive', {
        procedureId: 'ho-tich.dang-ky-khai-sinh',
        channel: 2,
        applicant: { fullName: 'Hoàng Văn Đạt', idNumber: '022095001234' },
        documents: requiredPapers('ho-tich.dang-ky-khai-sinh'),
      });
      expect(received.ok).toBe(true);
      if (!received.ok) return;
      expect(received.value.state.code).toMatch(/^000\.15\.20\.H49-\d{6}-3001$/);
      const found = await transport.invoke('dossiers.search', { text: 'hoang van dat' });
      expect(found.ok && found.value.rows.map((r) => r.code)).toEqual([received.value.state.code]);
      const forwarded = await transport.invoke('dossiers.forward', { dossierId: received.value.state.id, to: { kind: 'officer', name: 'Công chức tư pháp' } });
      expect(forwarded.ok && forwarded.value.state.status).toBe(4);
      const refused = await transport.invokeRaw('dossiers.handBack', { dossierId: received.value.state.id, collector: { kind: 'applicant' } });
      expect(refused.ok === false && refused.error.code).toBe('transition_forbidden');
      const today = localDateOf(core.clock.now());
      const tally = await transport.invoke('tallies.daily', { date: today });
      expect(tally.ok && tally.value.receivedByChannel.online).toBe(1);
    });

    it('every error code the transport returns is in the closed set', async () => {
      for (const name of [...COMMAND_NAMES, 'nope']) {
        const envelope = await transport.invokeRaw(name, { bogus: true });
        if (!envelope.ok) expect(ERROR_CODES).toContain(envelope.error.code);
      }
    });
  });
}
