import { canonicalJson } from '../../shared/domain/dossier/canonical-json.js';
import { parseDossierEvent } from '../../shared/domain/dossier/event-schemas.js';
import { sha256Hex } from '../security/secrets.js';
import type { PreparedEvent } from './append-entries.js';

// The schema check and the content hash of one pushed event. The hash is over the canonical JSON
// (keys sorted), so the same fact built in another key order on another desk is still the same fact.

export type Prepared = { ok: true; prepared: PreparedEvent } | { ok: false; id: string; message: string };

/** The id a refusal names: whatever the event says, cut to a sane length. */
export function rawEventId(raw: Record<string, unknown>): string {
  return typeof raw.id === 'string' ? raw.id.slice(0, 64) : '';
}

export function prepareEvent(raw: Record<string, unknown>): Prepared {
  const parsed = parseDossierEvent(raw);
  const id = rawEventId(raw);
  if (!parsed.ok) return { ok: false, id, message: `Sự kiện không hợp lệ — ${parsed.issues.slice(0, 3).join('; ')}` };
  const body = canonicalJson(parsed.event);
  return { ok: true, prepared: { event: parsed.event, body, contentHash: sha256Hex(body) } };
}

export function prepareReference(id: string, change: unknown): { id: string; body: string; contentHash: string } {
  const body = canonicalJson(change);
  return { id, body, contentHash: sha256Hex(body) };
}
