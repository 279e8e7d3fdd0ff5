import { CommandError } from '../../../shared/contract/errors.js';
import { readDeskSettings, requireConfiguredDesk } from '../settings/desk-settings.js';
import type { SettingsRepository } from '../settings/settings-repository.js';
import type { BlobQueueRepository } from './blob-queue-repository.js';
import type { CentreSession } from './centre-session.js';
import { asSyncFailure, type SyncFailure } from './sync-failure.js';
import type { SyncRepository } from './sync-repository.js';

// Joining a centre with a one-time code, and leaving it: the device token and the enrollment record.

export interface EnrollmentContext {
  session: CentreSession;
  repo: SyncRepository;
  settings: SettingsRepository;
  deviceId: string;
  now(): number;
}

/** Trades a one-time code for this desk's device token and records the enrollment. */
export async function enroll(context: EnrollmentContext, input: { centreUrl: string; code: string; deviceName: string }): Promise<void> {
  const { session, repo, deviceId } = context;
  const desk = requireConfiguredDesk(context.settings);
  const unitId = readDeskSettings(context.settings).unit?.id;
  // A legacy token moved late must not overwrite the one about to be issued.
  await session.ready();
  const client = session.enrollmentClient(input.centreUrl);
  let answer;
  try {
    answer = await client.enroll({
      code: input.code,
      deviceName: input.deviceName,
      deviceId,
      unitGsoCode: desk.unit.gsoCode,
      // The catalogue unit too, where the desk knows it: successors reuse their predecessors' GSO codes.
      ...(unitId == null ? {} : { unitId }),
      station: desk.station,
      agencyId: desk.unit.agencyId,
    });
  } catch (error) {
    throw enrollmentError(asSyncFailure(error), input.centreUrl);
  }
  if (answer.unitGsoCode !== desk.unit.gsoCode || answer.deviceId !== deviceId) {
    throw new CommandError('conflict', 'Trung tâm cấp quyền cho một đơn vị hoặc thiết bị khác với máy này; chưa lưu đăng ký.');
  }
  // The token first: an enrollment saved without it could not sync. (The centre accepts the same code
  // again from this desk, so a failure here costs a retry, not a new code.)
  try {
    await session.saveToken(answer.token);
  } catch {
    throw new CommandError('storage_failure', 'Không lưu được mã xác thực của máy vào kho bí mật; chưa lưu đăng ký. Hãy thử lại.');
  }
  repo.saveEnrollment({
    centreUrl: input.centreUrl,
    deviceId: answer.deviceId,
    deviceName: input.deviceName,
    unitGsoCode: answer.unitGsoCode,
    station: answer.station,
    enrolledAt: new Date(context.now()).toISOString(),
    revokedAt: null,
  });
}

/**
 * Ends the enrollment: stops what is in flight (`endRounds`), removes the token from the secrets store
 * and forgets the centre. Refused while changes or scans wait to go, unless forced. Nothing of the
 * desk's own is deleted: its events and scans stay, and those not yet sent go to the centre of the
 * next enrollment.
 */
export async function unenroll(
  context: EnrollmentContext & { blobQueue: BlobQueueRepository; endRounds(): Promise<void> },
  force: boolean,
): Promise<void> {
  const { session, repo, blobQueue } = context;
  if (repo.enrollment() === null) throw new CommandError('conflict', 'Máy này chưa đăng ký với trung tâm nào.');
  const waitingEvents = repo.counts().waitingEvents;
  const waitingScans = blobQueue.countWaiting();
  if (!force && (waitingEvents > 0 || waitingScans > 0)) {
    throw new CommandError(
      'conflict',
      `Còn ${waitingEvents} thay đổi hồ sơ và ${waitingScans} bản quét chưa gửi lên trung tâm. Hãy đồng bộ xong rồi hủy đăng ký, hoặc chọn "Vẫn hủy đăng ký" (dữ liệu trên máy không bị xóa; phần chưa gửi sẽ gửi khi máy đăng ký lại).`,
    );
  }
  await session.ready();
  // The rounds in flight end first, so none sends with a token that is being removed.
  session.abort();
  await context.endRounds();
  session.renew();
  try {
    await session.forgetToken();
  } catch {
    throw new CommandError('storage_failure', 'Không xóa được mã xác thực của máy khỏi kho bí mật; máy vẫn đăng ký như trước. Hãy thử lại.');
  }
  repo.forgetEnrollment();
}

/** The centre's refusals that say this desk's own settings disagree with the code or its unit. */
const ENROLLMENT_CONFLICTS: ReadonlySet<string> = new Set(['unit_mismatch', 'station_mismatch', 'agency_mismatch', 'conflict']);

function enrollmentError(failure: SyncFailure, centreUrl: string): CommandError {
  if (failure.kind === 'refused') {
    return new CommandError(ENROLLMENT_CONFLICTS.has(failure.centreCode ?? '') ? 'conflict' : 'invalid_argument', failure.message);
  }
  // not_found: the form shows it beside the centre's address.
  if (failure.kind === 'certificate' || failure.kind === 'proxy') return new CommandError('not_found', failure.message);
  if (failure.kind === 'offline' || failure.kind === 'timeout') {
    // The code may have been used before the line broke: the centre accepts the same code again from this desk.
    return new CommandError(
      'not_found',
      `Không kết nối được máy chủ trung tâm tại ${centreUrl}. Hãy kiểm tra địa chỉ và đường mạng. Nếu mạng bị ngắt giữa chừng, hãy thử lại với cùng mã đăng ký.`,
    );
  }
  return new CommandError('conflict', failure.message);
}
