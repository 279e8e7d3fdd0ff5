import type { DossierEvent } from '../../../shared/domain/dossier/events.js';
import { blobPath, lookupPath, SYNC_PATHS, type PushResponse } from '../../../shared/sync/protocol.js';
import { FakeDevice } from '../../server/support/fabricate-events.js';
import { enrollDesk, openSyncDesk, UNITS, type UnitKey } from './sync-desk.js';

// A device enrolled legitimately (a real desk traded a real code for its token), then misbehaving: it
// talks to the centre with raw HTTP and its token, and signs whatever events it likes with its id.

export interface HostileDevice {
  deviceId: string;
  token: string;
  /** Fabricates events signed with this device's id (counters from 1). */
  forge: FakeDevice;
  push(events: readonly DossierEvent[]): Promise<PushResponse>;
  request(method: string, path: string, body?: unknown, contentType?: string): Promise<Response>;
}

export async function enrollHostile(centreUrl: string, code: string, unit: UnitKey, station: number): Promise<HostileDevice> {
  const desk = await openSyncDesk({ unit, station });
  await enrollDesk(desk, centreUrl, code);
  const token = await desk.token();
  const deviceId = desk.deviceId;
  desk.dispose();
  const snapshot = { gsoCode: UNITS[unit].unitGsoCode, name: unit, agencyId: UNITS[unit].agencyId };
  const request = (method: string, path: string, body?: unknown, contentType = 'application/json') =>
    fetch(`${centreUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': contentType }) },
      body: body === undefined ? undefined : contentType === 'application/json' ? JSON.stringify(body) : new Uint8Array(body as Uint8Array),
    });
  return {
    deviceId,
    token,
    forge: new FakeDevice(deviceId, snapshot, Date.now()),
    async push(events) {
      const answer = await request('POST', SYNC_PATHS.push, { events });
      if (answer.status !== 200) throw new Error(`push answered ${answer.status}: ${await answer.text()}`);
      return (await answer.json()) as PushResponse;
    },
    request,
  };
}

export const lookup = (centreUrl: string, code: string) => fetch(`${centreUrl}${lookupPath(code)}`);
export { blobPath };

/** The code with another serial (same agency and day): the next one a unit will print is predictable. */
export function withSerial(code: string, serial: number): string {
  return `${code.slice(0, -4)}${String(serial).padStart(4, '0')}`;
}
