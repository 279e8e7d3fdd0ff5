import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serveCore } from '../../../../electron/core/process/core-host.js';
import { CoreClient } from '../../../../electron/core/process/core-client.js';
import { MAX_REQUEST_BYTES, type CoreMessage, type CorePort } from '../../../../electron/core/process/core-protocol.js';
import { startTestCore } from '../../../support/core-fixture.js';

/** Two ends of an in-memory channel, asynchronous like a real port. */
function portPair(): [CorePort, CorePort] {
  const a = new EventEmitter();
  const b = new EventEmitter();
  const end = (self: EventEmitter, other: EventEmitter): CorePort => ({
    // Cloned at once, as a real port does: what cannot be cloned throws in postMessage.
    postMessage: (message) => {
      const copy = structuredClone(message);
      setImmediate(() => other.emit('message', copy));
    },
    on: (event, listener) => self.on(event, listener),
  });
  return [end(a, b), end(b, a)];
}

let core: ReturnType<typeof startTestCore>;
let clientSide: CorePort;
let received: CoreMessage[];

function nextResult(): Promise<CoreMessage> {
  return new Promise((resolve) => {
    const seen = received.length;
    const poll = (): void => {
      const found = received.slice(seen).find((message) => message.kind === 'result');
      if (found === undefined) setTimeout(poll, 5);
      else resolve(found);
    };
    poll();
  });
}

beforeEach(() => {
  core = startTestCore();
  const [client, host] = portPair();
  clientSide = client;
  received = [];
  client.on('message', (message) => received.push(message as CoreMessage));
  serveCore(host, core);
});
afterEach(() => {
  core.dispose();
  vi.restoreAllMocks();
});

describe('the core host', () => {
  it.each([
    ['a string', 'hello'],
    ['null', null],
    ['an array', [1, 2]],
    ['an invoke without a name', { kind: 'invoke', id: 7 }],
    ['an unknown kind', { kind: 'explode', id: 8 }],
  ])('answers %s with the invalid_argument envelope and keeps serving', async (_what, message) => {
    clientSide.postMessage(message);
    const answer = await nextResult();
    expect(answer).toMatchObject({ kind: 'result', envelope: { ok: false, error: { code: 'invalid_argument' } } });
    const client = new CoreClient(clientSide);
    expect((await client.invoke('app.info', {})).ok).toBe(true);
  });

  it('answers the id a malformed request carried', async () => {
    clientSide.postMessage({ kind: 'invoke', id: 41, name: 12 });
    expect(await nextResult()).toMatchObject({ id: 41, envelope: { ok: false } });
  });

  it('refuses arguments over the bound without running the command', async () => {
    const client = new CoreClient(clientSide);
    const envelope = await client.invoke('dossiers.search', { text: 'x'.repeat(MAX_REQUEST_BYTES + 1) });
    expect(envelope).toEqual({ ok: false, error: { code: 'invalid_argument', message: expect.stringContaining('quá lớn') } });
  });

  it('answers an unknown command with unknown_command', async () => {
    const client = new CoreClient(clientSide);
    expect(await client.invoke('dossiers.explode', {})).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
  });

  it('answers internal when a result cannot cross the channel, and keeps serving', async () => {
    const [clientEnd, hostEnd] = portPair();
    const handlers = { ...core.handlers, 'app.info': () => ({ format: () => 'not clonable' }) } as unknown as typeof core.handlers;
    serveCore(hostEnd, { handlers, events: core.events });
    const client = new CoreClient(clientEnd);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await client.invoke('app.info', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(errors).toHaveBeenCalled();
    expect((await client.invoke('auth.session', {})).ok).toBe(true);
  });

  it('pushes the core\'s events to the client', async () => {
    const client = new CoreClient(clientSide);
    const events: string[] = [];
    client.subscribe((name) => events.push(name));
    core.events.publish('inbox.changed', {} as never);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toEqual(['inbox.changed']);
  });
});
