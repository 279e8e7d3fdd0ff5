import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandName } from '../../shared/contract/command-names.js';
import { COMMAND_NAMES } from '../../shared/contract/command-names.js';
import type { CommandArgs, CommandResult } from '../../shared/contract/commands.js';
import type { Envelope } from '../../shared/contract/envelope.js';
import { ERROR_CODES } from '../../shared/contract/errors.js';
import { startTestCore } from '../support/core-fixture.js';
import type { DeskCore } from '../../electron/core/start-core.js';

export interface TransportUnderTest {
  invoke<N extends CommandName>(name: N, args: CommandArgs<N>): Promise<Envelope<CommandResult<N>>>;
  invokeRaw(name: string, args: unknown): Promise<Envelope<unknown>>;
  close(): Promise<void> | void;
}

/** The same expectations for every transport: a transport may add nothing and lose nothing. */
export function contractSuite(transportName: string, connect: (core: DeskCore) => Promise<TransportUnderTest>): void {
  describe(`contract over ${transportName}`, () => {
    let core: ReturnType<typeof startTestCore>;
    let transport: TransportUnderTest;

    beforeAll(async () => {
      core = startTestCore();
      transport = await connect(core);
    });
    afterAll(async () => {
      await transport.close();
      core.dispose();
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

    it('every error code the transport returns is in the closed set', async () => {
      for (const name of [...COMMAND_NAMES, 'nope']) {
        const envelope = await transport.invokeRaw(name, { bogus: true });
        if (!envelope.ok) expect(ERROR_CODES).toContain(envelope.error.code);
      }
    });
  });
}
