import type { DossierEvent } from './events.js';

// A stable serialisation for content hashing: the same event gives the same bytes on every desk and
// at the centre, whatever order its keys were built in ("same id + same hash → already have it").

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const child = (value as Record<string, unknown>)[key];
      if (child !== undefined) sorted[key] = canonical(child);
    }
    return sorted;
  }
  return value;
}

/** JSON with object keys sorted (by UTF-16 code unit) at every depth; undefined members are dropped. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value));
}

export function canonicalEventJson(event: DossierEvent): string {
  return canonicalJson(event);
}
