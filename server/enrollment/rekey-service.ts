import { CENTRE_DEVICE_ID, type RekeyRequest, type RekeyResponse } from '../../shared/sync/protocol.js';
import { forbidden } from '../http/centre-error.js';
import { sha256Hex } from '../security/secrets.js';
import type { CentreStorage } from '../storage/storage.js';

// A desk restored from a backup signs with a new device id, so that no counter it uses from now on can
// meet one the centre already holds from the same station (the desk may have worked on after the backup
// was taken). The proof that it is the same station is the device token it still holds: the token moves
// to the new id, the old id is retired, and the station, unit and former units carry over without an
// administrator. A desk without the token (a copied folder on another PC) must enroll again.

const refused = () =>
  forbidden(
    'Trung tâm không xác nhận được máy này là quầy đã sao lưu (mã thiết bị cũ không khớp với mã truy cập). Hãy xin quản trị viên trung tâm mã đăng ký mới.',
  );

export async function rekeyDevice(storage: CentreStorage, token: string, request: RekeyRequest, nowMs: number): Promise<RekeyResponse> {
  if (request.deviceId === CENTRE_DEVICE_ID || request.deviceId === request.formerDeviceId) throw refused();
  const outcome = await storage.rekeyDevice({
    formerId: request.formerDeviceId,
    newId: request.deviceId,
    tokenHash: sha256Hex(token),
    nowIso: new Date(nowMs).toISOString(),
  });
  if (outcome === 'refused') throw refused();
  const device = await storage.device(request.deviceId);
  if (device === null) throw refused();
  return { deviceId: device.id, unitGsoCode: device.unitGso, station: device.station, formerDeviceIds: await storage.predecessors(device.id) };
}
