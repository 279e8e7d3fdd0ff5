import { CITY_WIDE_SCOPE, type CentreStorage, type DeviceRecord } from '../storage/storage.js';

// A page of what one device may see: its unit's dossiers (from every desk of the unit and the centre;
// also of the units it moved from)
// and city-wide reference changes, in the centre's sequence. The log stores each entry's canonical
// JSON, so the page is assembled from those strings as they are: nothing is parsed or re-serialised
// (only characters beyond ASCII are written as escapes, see asciiJson).

export interface PullPage {
  /** The answer's JSON text (a PullResponse). */
  json: string;
  count: number;
  next: string;
}

export async function pullPage(
  storage: CentreStorage,
  device: DeviceRecord,
  after: number,
  limit: number,
  includeOwn: boolean,
  now: () => number,
): Promise<PullPage> {
  // A device that moved to a successor still sees the dossiers of the units it left (its own earlier work).
  const former = (await storage.formerUnits(device.id)).map((unit) => unit.unitGso);
  const scopes = [...new Set([device.unitGso, ...former, CITY_WIDE_SCOPE])];
  const rows = await storage.pull(scopes, after, limit, includeOwn ? null : device.id);
  // The cursor moves only to the last row returned. Sequence numbers follow commit order, so every row
  // below it is already visible; taking "the highest number now" from a separate query instead could
  // jump past a row that commits a moment later.
  const next = String(rows.at(-1)?.seq ?? after);
  const entries = rows.map((row) => (row.kind === 'event' ? `{"kind":"event","event":${row.body}}` : `{"kind":"reference","reference":${row.body}}`));
  const json = `{"entries":[${entries.join(',')}],"next":"${next}","hasMore":${rows.length === limit},"centreTime":"${new Date(now()).toISOString()}"}`;
  return { json: asciiJson(json), count: rows.length, next };
}

const NON_ASCII = /[\u0080-\uffff]/g;

/**
 * The same JSON with every character beyond ASCII written as a \uXXXX escape (surrogate pairs as two).
 * The desk decodes an ASCII body several times faster than UTF-8 and parses it to the very same
 * values; the bytes grow a few per cent (Vietnamese names and addresses). The centre does this while
 * the desk is busy applying the page before.
 */
export function asciiJson(json: string): string {
  return json.replace(NON_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
