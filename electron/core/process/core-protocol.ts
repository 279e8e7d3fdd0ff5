// The one message protocol between the desk core, running in its own process, and its client (Electron
// main, or a test). Both ends speak it over any channel that posts structured-clonable messages
// (CorePort): Electron's utilityProcess and its parentPort, Node's child_process IPC, worker_threads.
// Commands go as { id, name, args } and come back as the contract's result envelope; events the core
// emits (sync.status, dossiers.changed, …) and the start-up projection rebuild's progress are pushed.
import type { EventName } from '../../../shared/contract/event-names.js';
import type { CommandErrorData } from '../../../shared/contract/errors.js';
import type { Envelope } from '../../../shared/contract/envelope.js';
import type { AppIdentity } from '../app/app-info.js';
import { SECRET_NAMES, type SecretName } from '../secrets/secret-store.js';

/**
 * What either end needs of a channel. Electron's utilityProcess (main's side) and worker_threads'
 * MessagePort fit as they are; a forked child's process and Electron's parentPort through the adapters
 * in core-port-adapters.ts (one names `postMessage` `send`, the other wraps messages in an event).
 */
export interface CorePort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
}

/** A command's arguments larger than this (as JSON) are refused, like an HTTP body over the web host's limit. */
export const MAX_REQUEST_BYTES = 1024 * 1024;

/** Client → core. */
export type CoreRequest =
  /**
   * The first message: which desk to open. The core answers `ready` or `start-failed`. With
   * `secrets: 'client'` the core keeps its secrets through the client (secret-request below: Electron's
   * main, which alone has safeStorage); without it, in the owner-only file of the data folder.
   */
  | { kind: 'start'; identity: AppIdentity; secrets?: 'client' }
  | { kind: 'invoke'; id: number; name: string; args: unknown }
  /** Stop sync and scans, checkpoint and close the database, then answer `closed`. */
  | { kind: 'close' }
  | SecretAnswer;

/** Core → client: one operation on the client's SecretStore (secrets: 'client'). */
export type SecretRequest =
  | { kind: 'secret-request'; id: number; op: 'get' | 'delete'; name: SecretName }
  | { kind: 'secret-request'; id: number; op: 'set'; name: SecretName; value: string };

/** Client → core: the answer to one secret-request (a value only for `get`). */
export type SecretAnswer =
  | { kind: 'secret-answer'; id: number; ok: true; value: string | null }
  | { kind: 'secret-answer'; id: number; ok: false; message: string };

/** A secret longer than this is refused both ways (a device token is ~50 characters). */
export const MAX_SECRET_CHARS = 4096;

/** Core → client. */
export type CoreMessage =
  | { kind: 'ready' }
  | { kind: 'start-failed'; error: CommandErrorData }
  /** The answer to one `invoke`; id null when the request was too malformed to carry one. */
  | { kind: 'result'; id: number | null; envelope: Envelope<unknown> }
  | { kind: 'event'; name: EventName; payload: unknown }
  /** The start-up projection rebuild: `done` of `total` dossiers folded again. */
  | { kind: 'rebuild-progress'; done: number; total: number }
  | { kind: 'closed' }
  | SecretRequest;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The request's id when it carries a usable one, so even a malformed request can be answered. */
export function requestIdOf(message: unknown): number | null {
  return isRecord(message) && Number.isSafeInteger(message.id) ? (message.id as number) : null;
}

/** Reads a request from the wire; null when it is not one of CoreRequest's shapes. */
export function parseRequest(message: unknown): CoreRequest | null {
  if (!isRecord(message)) return null;
  switch (message.kind) {
    case 'invoke':
      return requestIdOf(message) !== null && typeof message.name === 'string'
        ? { kind: 'invoke', id: message.id as number, name: message.name, args: message.args }
        : null;
    case 'start':
      if (!isRecord(message.identity)) return null;
      return { kind: 'start', identity: message.identity as unknown as AppIdentity, ...(message.secrets === 'client' ? { secrets: 'client' as const } : {}) };
    case 'close':
      return { kind: 'close' };
    case 'secret-answer':
      return parseSecretAnswer(message);
    default:
      return null;
  }
}

function isSecretValue(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_SECRET_CHARS;
}

function parseSecretAnswer(message: Record<string, unknown>): SecretAnswer | null {
  const id = requestIdOf(message);
  if (id === null) return null;
  if (message.ok === true) {
    return message.value === null || isSecretValue(message.value) ? { kind: 'secret-answer', id, ok: true, value: message.value } : null;
  }
  return message.ok === false && typeof message.message === 'string' ? { kind: 'secret-answer', id, ok: false, message: message.message.slice(0, 500) } : null;
}

function parseSecretRequest(message: Record<string, unknown>): SecretRequest | null {
  const id = requestIdOf(message);
  const name = message.name;
  if (id === null || typeof name !== 'string' || !(SECRET_NAMES as readonly string[]).includes(name)) return null;
  const known = name as SecretName;
  if (message.op === 'get' || message.op === 'delete') return { kind: 'secret-request', id, op: message.op, name: known };
  return message.op === 'set' && isSecretValue(message.value) ? { kind: 'secret-request', id, op: 'set', name: known, value: message.value } : null;
}

/** Whether a request's arguments stay within MAX_REQUEST_BYTES (as JSON; unserialisable ones do not). */
export function withinRequestBound(args: unknown): boolean {
  try {
    return Buffer.byteLength(JSON.stringify(args ?? null) ?? '', 'utf8') <= MAX_REQUEST_BYTES;
  } catch {
    return false;
  }
}

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (!isRecord(value)) return false;
  return value.ok === true ? 'value' in value : value.ok === false && isRecord(value.error);
}

/** Reads a core message on the client's side; null when it is not one of CoreMessage's shapes. */
export function parseCoreMessage(message: unknown): CoreMessage | null {
  if (!isRecord(message)) return null;
  switch (message.kind) {
    case 'ready':
    case 'closed':
      return { kind: message.kind };
    case 'start-failed':
      return isRecord(message.error) ? (message as CoreMessage) : null;
    case 'result':
      return (message.id === null || Number.isSafeInteger(message.id)) && isEnvelope(message.envelope) ? (message as CoreMessage) : null;
    case 'event':
      return typeof message.name === 'string' ? (message as CoreMessage) : null;
    case 'rebuild-progress':
      return Number.isFinite(message.done) && Number.isFinite(message.total) ? (message as CoreMessage) : null;
    case 'secret-request':
      return parseSecretRequest(message);
    default:
      return null;
  }
}
