import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { CoreClient, SECRETS_FAILED_MESSAGE } from '../../../../electron/core/process/core-client.js';
import { MAX_SECRET_CHARS, parseCoreMessage, parseRequest, type CorePort } from '../../../../electron/core/process/core-protocol.js';
import { ClientSecretStore, SECRETS_UNREACHABLE_MESSAGE } from '../../../../electron/core/secrets/client-secret-store.js';
import type { SecretName, SecretStore } from '../../../../electron/core/secrets/secret-store.js';
import { CommandError } from '../../../../shared/contract/errors.js';

// The core's secrets over its channel (Electron: the core in a utilityProcess, safeStorage in main).
// The core's ClientSecretStore asks; main's CoreClient answers from its store. Names are a closed set,
// values bounded, an answer that never comes fails within the timeout, a failing store is answered.

/** Two ends of an in-memory channel, cloning and asynchronous like a real port. */
function portPair(): [CorePort, CorePort] {
  const a = new EventEmitter();
  const b = new EventEmitter();
  const end = (self: EventEmitter, other: EventEmitter): CorePort => ({
    postMessage: (message) => {
      const copy = structuredClone(message);
      setImmediate(() => other.emit('message', copy));
    },
    on: (event, listener) => self.on(event, listener),
  });
  return [end(a, b), end(b, a)];
}

function memoryStore(): SecretStore & { values: Map<SecretName, string> } {
  const values = new Map<SecretName, string>();
  return {
    values,
    get: (name) => Promise.resolve(values.get(name) ?? null),
    set: (name, value) => Promise.resolve(void values.set(name, value)),
    delete: (name) => Promise.resolve(void values.delete(name)),
  };
}

/** The core's store on one end, main's client (with `store`) on the other, as core-process.ts wires it. */
function connected(store?: SecretStore, timeoutMs?: number): ClientSecretStore {
  const [mainSide, coreSide] = portPair();
  new CoreClient(mainSide, store);
  const secrets = new ClientSecretStore((request) => coreSide.postMessage(request), timeoutMs);
  coreSide.on('message', (raw) => {
    const answer = parseRequest(raw);
    if (answer?.kind === 'secret-answer') secrets.receive(answer);
  });
  return secrets;
}

describe("the core's secrets through main", () => {
  it("sets, reads and deletes a secret in main's store", async () => {
    const store = memoryStore();
    const secrets = connected(store);
    expect(await secrets.get('centre.token')).toBeNull();
    await secrets.set('centre.token', 'thẻ-thiết-bị-giả-0123456789');
    expect(store.values.get('centre.token')).toBe('thẻ-thiết-bị-giả-0123456789');
    expect(await secrets.get('centre.token')).toBe('thẻ-thiết-bị-giả-0123456789');
    await secrets.delete('centre.token');
    expect(store.values.size).toBe(0);
  });

  it('the client says, at start, that it keeps the secrets (and says nothing when it does not)', () => {
    const sent: unknown[] = [];
    const port: CorePort = { postMessage: (message) => sent.push(message), on: () => undefined };
    void new CoreClient(port, memoryStore()).start({ appName: 'x', version: '0', dataDir: '/d' });
    void new CoreClient(port).start({ appName: 'x', version: '0', dataDir: '/d' });
    expect(sent).toMatchObject([{ kind: 'start', secrets: 'client' }, { kind: 'start' }]);
    expect(sent[1]).not.toHaveProperty('secrets');
  });

  it("answers a failure of main's store (safeStorage cannot open what it sealed) with a clear error, at once", async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = memoryStore();
    store.get = () => Promise.reject(new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.'));
    const failure = await connected(store).get('centre.token').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CommandError);
    expect(failure).toMatchObject({ code: 'storage_failure', message: SECRETS_FAILED_MESSAGE });
  });

  it('a client with no store refuses rather than leaving the core waiting', async () => {
    await expect(connected(undefined).get('centre.token')).rejects.toMatchObject({ code: 'storage_failure', message: SECRETS_FAILED_MESSAGE });
  });

  it('fails with a clear error when main does not answer within the timeout, never hangs', async () => {
    const posted: unknown[] = [];
    const secrets = new ClientSecretStore((request) => posted.push(request), 50);
    const started = Date.now();
    await expect(secrets.get('centre.token')).rejects.toMatchObject({ code: 'storage_failure', message: SECRETS_UNREACHABLE_MESSAGE });
    expect(Date.now() - started).toBeLessThan(5_000);
    // A late answer to the abandoned request is dropped, not delivered to a later one.
    secrets.receive({ kind: 'secret-answer', id: (posted[0] as { id: number }).id, ok: true, value: 'muộn' });
  });

  it('refuses secret messages outside the protocol: unknown names, oversized values, bad ids or answers', () => {
    const request = { kind: 'secret-request', id: 1, op: 'set', name: 'centre.token', value: 'x' };
    expect(parseCoreMessage(request)).toEqual(request);
    expect(parseCoreMessage({ ...request, name: 'officer.password' })).toBeNull();
    expect(parseCoreMessage({ ...request, value: 'x'.repeat(MAX_SECRET_CHARS + 1) })).toBeNull();
    expect(parseCoreMessage({ ...request, value: 42 })).toBeNull();
    expect(parseCoreMessage({ ...request, op: 'list' })).toBeNull();
    expect(parseCoreMessage({ ...request, id: 1.5 })).toBeNull();
    expect(parseRequest({ kind: 'secret-answer', id: 2, ok: true, value: null })).toEqual({ kind: 'secret-answer', id: 2, ok: true, value: null });
    expect(parseRequest({ kind: 'secret-answer', id: 2, ok: true, value: 'x'.repeat(MAX_SECRET_CHARS + 1) })).toBeNull();
    expect(parseRequest({ kind: 'secret-answer', id: 2, ok: true })).toBeNull();
    expect(parseRequest({ kind: 'secret-answer', id: 2, ok: false, message: 3 })).toBeNull();
    expect(parseRequest({ kind: 'secret-answer', ok: true, value: null })).toBeNull();
  });

  it("main's client ignores a malformed secret request: its store is not touched", async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = memoryStore();
    const set = vi.spyOn(store, 'set');
    const [mainSide, coreSide] = portPair();
    new CoreClient(mainSide, store);
    const answers: unknown[] = [];
    coreSide.on('message', (message) => answers.push(message));
    coreSide.postMessage({ kind: 'secret-request', id: 1, op: 'set', name: '__proto__', value: 'x' });
    coreSide.postMessage({ kind: 'secret-request', id: 2, op: 'set', name: 'centre.token', value: 'x'.repeat(MAX_SECRET_CHARS + 1) });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(set).not.toHaveBeenCalled();
    expect(answers).toEqual([]);
  });
});
