import type { EnrollmentService } from '../../../../server/enrollment/enrollment-service.js';
import type { EnrollResponse } from '../../../../shared/sync/protocol.js';

/** Enrolls a desk the way the centre's administrator and the desk would: a one-time code, then enroll. */
export async function enrollDesk(enrollment: EnrollmentService, unitGsoCode: string, deviceId: string, station = 1): Promise<EnrollResponse> {
  const { code } = await enrollment.issueCode({ unitGsoCode, station, createdBy: 'test' });
  return enrollment.enroll({ code, deviceName: `Quầy ${station}`, deviceId, unitGsoCode });
}
