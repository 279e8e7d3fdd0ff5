import { describe, expect, it } from 'vitest';
import type { DeskBridge } from '../../../renderer/backend/desk-bridge.js';
import { createIpcBackend } from '../../../renderer/backend/ipc-transport.js';
import { UNREACHABLE_CORE_MESSAGE } from '../../../renderer/backend/unreachable-core.js';
import { sampleAppInfo } from '../support/fake-backend.js';

function bridgeAnswering(answer: () => Promise<unknown>): DeskBridge & { invoked: [string, unknown][]; emit(event: string, payload: unknown): void } {
  const invoked: [string, unknown][] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  return {
    invoked,
    invoke: (name, args) => {
      invoked.push([name, args]);
      return answer();
    },
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    emit: (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload)),
  };
}

describe('IPC transport', () => {
  it("passes the command to the preload and returns the main process's envelope", async () => {
    const info = sampleAppInfo();
    const bridge = bridgeAnswering(async () => ({ ok: true, value: info }));
    const envelope = await createIpcBackend(bridge).invoke('app.info', {});
    expect(bridge.invoked).toEqual([['app.info', {}]]);
    expect(envelope).toEqual({ ok: true, value: info });
  });

  it('passes error envelopes through unchanged', async () => {
    const refused = { ok: false, error: { code: 'forbidden', message: 'Khung trang không được phép.' } };
    const envelope = await createIpcBackend(bridgeAnswering(async () => refused)).invoke('app.info', {});
    expect(envelope).toEqual(refused);
  });

  it('turns a failed or malformed IPC answer into a clear "cannot reach the core" envelope', async () => {
    const unreachable = { ok: false, error: { code: 'internal', message: UNREACHABLE_CORE_MESSAGE } };
    const rejected = createIpcBackend(bridgeAnswering(() => Promise.reject(new Error('ipc channel closed'))));
    expect(await rejected.invoke('app.info', {})).toEqual(unreachable);
    const garbled = createIpcBackend(bridgeAnswering(async () => ({ ok: false, error: { code: 'made_up', message: 'x' } })));
    expect(await garbled.invoke('app.info', {})).toEqual(unreachable);
  });

  it('forwards pushed events to listeners until they unsubscribe', () => {
    const bridge = bridgeAnswering(async () => undefined);
    const received: unknown[] = [];
    const stop = createIpcBackend(bridge).onEvent('dossiers.changed', (payload) => received.push(payload.dossierIds));
    bridge.emit('dossiers.changed', { dossierIds: ['a'] });
    stop();
    bridge.emit('dossiers.changed', { dossierIds: ['b'] });
    expect(received).toEqual([['a']]);
  });
});
