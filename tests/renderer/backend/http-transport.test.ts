import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../shared/contract/events.js';
import { startCore, type DeskCore } from '../../../electron/core/start-core.js';
import { createWebHost, listenOnLoopback } from '../../../electron/webhost/server.js';
import type { EventStreamState } from '../../../renderer/backend/http-event-stream.js';
import { createHttpBackend } from '../../../renderer/backend/http-transport.js';
import { UNREACHABLE_CORE_MESSAGE } from '../../../renderer/backend/unreachable-core.js';

// The HTTP transport against the real web host and core on loopback: no mock of our own code.
const TOKEN = 'renderer-transport-test-token';

let dataDir: string;
let core: DeskCore;
let server: Server;
let baseUrl: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'desk-http-transport-'));
  core = startCore({ appName: 'Một cửa Hạ Long', version: '9.8.7', dataDir });
  server = createWebHost({ handlers: core.handlers, events: core.events, rendererDir: dataDir, token: TOKEN });
  baseUrl = `http://127.0.0.1:${await listenOnLoopback(server, 0)}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
  core.close();
  await rm(dataDir, { recursive: true, force: true });
});

function waitFor(predicate: () => boolean, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = (): void => {
      if (predicate()) resolve();
      else if (Date.now() - started > 3_000) reject(new Error(`timed out waiting for ${what}`));
      else setTimeout(check, 5);
    };
    check();
  });
}

const idle = (pendingEvents: number): SyncStatus => ({ state: 'idle', pendingEvents, lastSuccessAt: null, lastError: null });

describe('HTTP transport', () => {
  it('invokes a command with the bearer token and returns its value', async () => {
    const envelope = await createHttpBackend({ baseUrl, token: TOKEN }).invoke('app.info', {});
    expect(envelope.ok).toBe(true);
    if (envelope.ok) {
      expect(envelope.value.version).toBe('9.8.7');
      expect(envelope.value.dataDir).toBe(dataDir);
    }
  });

  it("returns the host's unauthorized envelope when the token is missing or wrong", async () => {
    for (const token of [null, 'not-the-right-token']) {
      const envelope = await createHttpBackend({ baseUrl, token }).invoke('app.info', {});
      expect(envelope).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
  });

  it("returns the host's invalid_argument envelope for arguments outside the schema", async () => {
    const backend = createHttpBackend({ baseUrl, token: TOKEN });
    // Deliberately outside the contract's types, as a buggy caller could send.
    const envelope = await backend.invoke('app.info', { unexpected: true } as unknown as Record<string, never>);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });

  it('answers "cannot reach the core" when nothing listens', async () => {
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
    const envelope = await createHttpBackend({ baseUrl, token: TOKEN }).invoke('app.info', {});
    expect(envelope).toEqual({ ok: false, error: { code: 'internal', message: UNREACHABLE_CORE_MESSAGE } });
    server = createWebHost({ handlers: core.handlers, events: core.events, rendererDir: dataDir, token: TOKEN }); // for afterEach
  });

  it('reports an answer that is not an envelope with its HTTP status', async () => {
    const proxyError: typeof fetch = async () => new Response('<html>Bad Gateway</html>', { status: 502 });
    const envelope = await createHttpBackend({ baseUrl, token: TOKEN, fetch: proxyError }).invoke('app.info', {});
    expect(envelope).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(!envelope.ok && envelope.error.message).toContain('HTTP 502');
  });

  it('delivers events pushed by the core, and closes the stream with its last listener', async () => {
    const states: EventStreamState[] = [];
    const backend = createHttpBackend({ baseUrl, token: TOKEN, onStreamState: (state) => states.push(state) });
    const received: SyncStatus[] = [];
    const stop = backend.onEvent('sync.status', (status) => received.push(status));
    const changed: string[][] = [];
    const stopChanged = backend.onEvent('dossiers.changed', (payload) => changed.push(payload.dossierIds));
    await waitFor(() => states.includes('open'), 'the stream to open');
    expect(states.filter((state) => state === 'connecting')).toHaveLength(1); // one stream for both listeners

    core.events.publish('sync.status', idle(2));
    core.events.publish('dossiers.changed', { dossierIds: ['01J0000000000000000000000B'] });
    await waitFor(() => received.length === 1 && changed.length === 1, 'both events');
    expect(received).toEqual([idle(2)]);

    stop();
    expect(states.at(-1)).toBe('open'); // another listener still needs the stream
    stopChanged();
    await waitFor(() => states.at(-1) === 'closed', 'the stream to close');
  });

  it('reconnects after the host drops the stream and keeps delivering', async () => {
    const states: EventStreamState[] = [];
    const backend = createHttpBackend({
      baseUrl,
      token: TOKEN,
      onStreamState: (state) => states.push(state),
      backoff: { initialMs: 20, maxMs: 100 },
    });
    const received: number[] = [];
    const stop = backend.onEvent('sync.status', (status) => received.push(status.pendingEvents));
    await waitFor(() => states.includes('open'), 'the stream to open');

    server.closeAllConnections(); // the host drops every connection, as a restart would
    await waitFor(() => states.filter((state) => state === 'open').length === 2, 'the stream to reopen');
    core.events.publish('sync.status', idle(5));
    await waitFor(() => received.includes(5), 'the event after reconnecting');
    expect(states).toContain('waiting');
    stop();
  });
});
